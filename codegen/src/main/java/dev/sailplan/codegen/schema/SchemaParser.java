package dev.sailplan.codegen.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sailplan.codegen.schema.SchemaNode.ArraySchema;
import dev.sailplan.codegen.schema.SchemaNode.FreeFormSchema;
import dev.sailplan.codegen.schema.SchemaNode.MapSchema;
import dev.sailplan.codegen.schema.SchemaNode.ObjectSchema;
import dev.sailplan.codegen.schema.SchemaNode.Property;
import dev.sailplan.codegen.schema.SchemaNode.ScalarSchema;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Turns an {@code openAPIV3Schema} JSON tree into {@link SchemaNode}s. */
public final class SchemaParser {
  /** Gateway API's {@code Duration} type carries this pattern instead of a CEL rule. */
  static final String GATEWAY_DURATION_PATTERN = "^([0-9]{1,5}(h|m|s|ms)){1,4}$";

  private final List<String> durationSuffixes;

  private SchemaParser(List<String> durationSuffixes) {
    this.durationSuffixes = List.copyOf(durationSuffixes);
  }

  /**
   * Parses one schema node.
   *
   * @param node the JSON schema
   * @param path where it is, for error messages
   * @throws IllegalArgumentException for a construct codegen cannot type
   */
  public static SchemaNode parse(JsonNode node, String path) {
    return parse(node, path, List.of());
  }

  /**
   * Parses one schema node, typing as durations the string properties whose path ends with one of
   * {@code durationSuffixes} (for schemas that describe a duration without a rule that says so).
   */
  public static SchemaNode parse(JsonNode node, String path, List<String> durationSuffixes) {
    return new SchemaParser(durationSuffixes).node(node, path);
  }

  private SchemaNode node(JsonNode node, String path) {
    String description = node.path("description").asText("");
    Constraints constraints = constraints(node);
    if (node.path("x-kubernetes-int-or-string").asBoolean(false)) {
      return new ScalarSchema(description, ScalarKind.INT_OR_STRING, List.of(), constraints);
    }
    if (node.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
      return new FreeFormSchema(description, constraints);
    }
    String type = node.path("type").asText("");
    switch (type) {
      case "object" -> {
        return object(node, path, description, constraints);
      }
      case "array" -> {
        if (!node.has("items")) {
          throw new IllegalArgumentException(path + ": array without items");
        }
        return new ArraySchema(description, node(node.get("items"), path + "[]"), constraints);
      }
      case "string" -> {
        return string(node, path, description, constraints);
      }
      case "integer" -> {
        double max = node.path("maximum").asDouble(Integer.MAX_VALUE);
        boolean int32 = "int32".equals(node.path("format").asText()) && max <= Integer.MAX_VALUE;
        return new ScalarSchema(
            description, int32 ? ScalarKind.INT32 : ScalarKind.INT64, List.of(), constraints);
      }
      case "number" -> {
        return new ScalarSchema(description, ScalarKind.NUMBER, List.of(), constraints);
      }
      case "boolean" -> {
        return new ScalarSchema(description, ScalarKind.BOOLEAN, List.of(), constraints);
      }
      case "" -> {
        if (node.has("properties")) {
          return object(node, path, description, constraints);
        }
        return new FreeFormSchema(description, constraints);
      }
      default ->
          throw new IllegalArgumentException(path + ": unsupported schema type '" + type + "'");
    }
  }

  private SchemaNode object(
      JsonNode node, String path, String description, Constraints constraints) {
    JsonNode props = node.get("properties");
    if (props != null && props.size() > 0) {
      List<Property> properties = new ArrayList<>();
      props
          .properties()
          .forEach(
              e ->
                  properties.add(
                      new Property(e.getKey(), node(e.getValue(), path + "." + e.getKey()))));
      Set<String> required = new LinkedHashSet<>();
      node.path("required").forEach(r -> required.add(r.asText()));
      Set<String> names = new LinkedHashSet<>();
      properties.forEach(p -> names.add(p.name()));
      List<List<String>> groups = new ArrayList<>();
      addOneOf(node, names, groups);
      for (JsonNode all : node.path("allOf")) {
        addOneOf(all, names, groups);
      }
      return new ObjectSchema(description, properties, required, groups, constraints);
    }
    JsonNode additional = node.get("additionalProperties");
    if (additional != null && additional.isObject()) {
      return new MapSchema(description, node(additional, path + "{}"), constraints);
    }
    return new FreeFormSchema(description, constraints);
  }

  /**
   * Istio writes "at most one of a, b" as {@code oneOf: [{not: {anyOf: [{required: [a]}, …]}},
   * {required: [a]}, …]}; the members are the single-name {@code required} entries.
   */
  private static void addOneOf(
      JsonNode node, Set<String> propertyNames, List<List<String>> groups) {
    JsonNode oneOf = node.get("oneOf");
    if (oneOf == null) {
      return;
    }
    List<String> members = new ArrayList<>();
    for (JsonNode option : oneOf) {
      JsonNode required = option.get("required");
      if (required != null && required.size() == 1 && option.size() == 1) {
        members.add(required.get(0).asText());
      }
    }
    if (members.size() >= 2 && propertyNames.containsAll(members)) {
      groups.add(members);
    }
  }

  private SchemaNode string(
      JsonNode node, String path, String description, Constraints constraints) {
    List<String> values = new ArrayList<>();
    node.path("enum").forEach(v -> values.add(v.asText()));
    boolean duration =
        GATEWAY_DURATION_PATTERN.equals(constraints.pattern())
            || constraints.rules().stream().anyMatch(r -> r.rule().contains("duration(self)"))
            || durationSuffixes.stream().anyMatch(suffix -> path.endsWith("." + suffix));
    if (duration && values.isEmpty()) {
      return new ScalarSchema(description, ScalarKind.DURATION, List.of(), constraints);
    }
    return new ScalarSchema(description, ScalarKind.STRING, values, constraints);
  }

  private static Constraints constraints(JsonNode node) {
    List<Constraints.CelRule> rules = new ArrayList<>();
    for (JsonNode v : node.path("x-kubernetes-validations")) {
      rules.add(
          new Constraints.CelRule(
              v.path("rule").asText(),
              v.path("message").asText(""),
              v.path("messageExpression").asText(""),
              v.path("reason").asText(""),
              v.path("fieldPath").asText(""),
              v.path("optionalOldSelf").asBoolean(false)));
    }
    List<String> keys = new ArrayList<>();
    node.path("x-kubernetes-list-map-keys").forEach(k -> keys.add(k.asText()));
    String type = node.path("type").asText("");
    return new Constraints(
        text(node, "pattern"),
        longValue(node, "minLength"),
        longValue(node, "maxLength"),
        node.has("minimum") ? node.get("minimum").asDouble() : null,
        node.has("maximum") ? node.get("maximum").asDouble() : null,
        longValue(node, type.equals("object") ? "minProperties" : "minItems"),
        longValue(node, type.equals("object") ? "maxProperties" : "maxItems"),
        type.equals("string") ? text(node, "format") : null,
        text(node, "x-kubernetes-list-type"),
        keys,
        rules,
        node.has("default") ? node.get("default").toString() : null);
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null ? null : v.asText();
  }

  private static Long longValue(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null ? null : v.asLong();
  }
}
