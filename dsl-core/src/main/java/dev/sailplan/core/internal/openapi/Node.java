package dev.sailplan.core.internal.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One schema node, compiled once from its JSON form: everything the walker needs is a field, and a
 * pattern is compiled here, when the kind is first validated, never per value.
 */
final class Node {
  /** The JSON types; {@link #ANY} for a node without {@code type}. */
  static final int ANY = 0;

  static final int OBJECT = 1;
  static final int ARRAY = 2;
  static final int STRING = 3;
  static final int INTEGER = 4;
  static final int NUMBER = 5;
  static final int BOOLEAN = 6;

  final int type;
  final String typeName;
  final Map<String, Node> properties;
  final Node additional;
  final boolean anyAdditional;
  final List<String> required;
  final List<JsonNode> enumValues;
  final String patternText;
  final Pattern pattern;
  final Double minimum;
  final Double maximum;
  final boolean exclusiveMinimum;
  final boolean exclusiveMaximum;
  final long minLength;
  final long maxLength;
  final long minItems;
  final long maxItems;
  final long minProperties;
  final long maxProperties;
  final Node items;
  final String listType;
  final List<String> listMapKeys;
  final boolean nullable;
  final boolean intOrString;
  final boolean preserveUnknown;
  final boolean embedded;
  final String format;
  final JsonNode defaultValue;
  final List<Node> allOf;
  final List<Node> anyOf;
  final List<Node> oneOf;
  final Node not;

  /**
   * Whether this node is an alternative of {@code allOf}, {@code anyOf}, {@code oneOf}, {@code
   * not}.
   */
  final boolean alternative;

  Node(JsonNode s, boolean alternative) {
    this.alternative = alternative;
    String t = s.path("type").asText("");
    JsonNode props = s.get("properties");
    if (t.isEmpty() && props != null && !alternative) {
      t = "object";
    }
    typeName = t;
    type =
        switch (t) {
          case "object" -> OBJECT;
          case "array" -> ARRAY;
          case "string" -> STRING;
          case "integer" -> INTEGER;
          case "number" -> NUMBER;
          case "boolean" -> BOOLEAN;
          default -> ANY;
        };
    if (props != null) {
      Map<String, Node> p = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : props.properties()) {
        p.put(e.getKey(), new Node(e.getValue(), alternative));
      }
      properties = p;
    } else {
      properties = Map.of();
    }
    JsonNode ap = s.get("additionalProperties");
    additional = ap != null && ap.isObject() ? new Node(ap, alternative) : null;
    anyAdditional = ap != null && ap.asBoolean(false);
    required = strings(s.get("required"));
    JsonNode e = s.get("enum");
    List<JsonNode> values = null;
    if (e != null && e.isArray()) {
      values = new ArrayList<>();
      e.forEach(values::add);
    }
    enumValues = values;
    patternText = s.path("pattern").asText(null);
    pattern = patternText == null ? null : Pattern.compile(patternText);
    minimum = s.has("minimum") ? s.get("minimum").asDouble() : null;
    maximum = s.has("maximum") ? s.get("maximum").asDouble() : null;
    exclusiveMinimum = s.path("exclusiveMinimum").asBoolean(false);
    exclusiveMaximum = s.path("exclusiveMaximum").asBoolean(false);
    minLength = s.path("minLength").asLong(-1);
    maxLength = s.path("maxLength").asLong(-1);
    minItems = s.path("minItems").asLong(-1);
    maxItems = s.path("maxItems").asLong(-1);
    minProperties = s.path("minProperties").asLong(-1);
    maxProperties = s.path("maxProperties").asLong(-1);
    JsonNode i = s.get("items");
    items = i != null && i.isObject() ? new Node(i, alternative) : null;
    listType = s.path("x-kubernetes-list-type").asText("");
    listMapKeys = strings(s.get("x-kubernetes-list-map-keys"));
    nullable = s.path("nullable").asBoolean(false);
    intOrString = s.path("x-kubernetes-int-or-string").asBoolean(false);
    preserveUnknown = s.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
    embedded = s.path("x-kubernetes-embedded-resource").asBoolean(false);
    format = Formats.checked(s.path("format").asText(null));
    defaultValue = s.get("default");
    allOf = nodes(s.get("allOf"));
    anyOf = nodes(s.get("anyOf"));
    oneOf = nodes(s.get("oneOf"));
    not = s.has("not") ? new Node(s.get("not"), true) : null;
  }

  /**
   * Whether a property or map value of this schema set to null is dropped before validation, as the
   * server's decoder does for non-nullable fields without a default.
   */
  boolean prunesNull() {
    return !nullable && defaultValue == null;
  }

  private static List<String> strings(JsonNode a) {
    if (a == null || !a.isArray() || a.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>(a.size());
    a.forEach(v -> out.add(v.asText()));
    return List.copyOf(out);
  }

  private static List<Node> nodes(JsonNode a) {
    if (a == null || !a.isArray()) {
      return List.of();
    }
    List<Node> out = new ArrayList<>(a.size());
    a.forEach(v -> out.add(new Node(v, true)));
    return List.copyOf(out);
  }
}
