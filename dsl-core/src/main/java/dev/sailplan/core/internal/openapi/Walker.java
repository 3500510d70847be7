package dev.sailplan.core.internal.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sailplan.core.validation.FieldPath;
import dev.sailplan.core.validation.Level;
import dev.sailplan.core.validation.Report;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a JSON tree against a {@link Node} as the API server does for a custom resource: null
 * fields that the decoder drops are skipped, defaults count as set, and every violation is
 * reported, not only the first.
 */
final class Walker {
  private Walker() {}

  /** Checks the whole object; {@code metadata} gets only its declared constraints. */
  static void root(Node schema, JsonNode object, Report report) {
    walk(schema, object, FieldPath.root(), true, report);
  }

  private static void walk(Node s, JsonNode v, FieldPath path, boolean root, Report r) {
    if (v.isNull()) {
      if (!s.nullable && !s.alternative) {
        r.error(
            Codes.NULL,
            path,
            "Invalid value: \"null\": must be of type "
                + (s.intOrString
                    ? "integer or string"
                    : s.typeName.isEmpty() ? "value" : s.typeName));
      }
      return;
    }
    if (s.intOrString) {
      if (!v.isIntegralNumber() && !v.isTextual()) {
        r.error(Codes.INT_OR_STRING, path, "must be an integer or a string, not " + jsonType(v));
        return;
      }
    } else if (!hasType(s.type, v)) {
      r.error(Codes.TYPE, path, "must be of type " + s.typeName + ", not " + jsonType(v));
      return;
    }
    values(s, v, path, r);
    if (v.isObject()) {
      object(s, v, path, root, r);
    } else if (v.isArray()) {
      array(s, v, path, r);
    }
    composition(s, v, path, r);
  }

  private static void values(Node s, JsonNode v, FieldPath path, Report r) {
    if (s.enumValues != null && !inEnum(s.enumValues, v)) {
      StringBuilder b = new StringBuilder("Unsupported value: ").append(render(v));
      b.append(": supported values: ");
      for (int i = 0; i < s.enumValues.size(); i++) {
        b.append(i == 0 ? "" : ", ").append(render(s.enumValues.get(i)));
      }
      r.error(Codes.ENUM, path, b.toString());
    }
    if (v.isTextual()) {
      string(s, v.asText(), path, r);
    } else if (v.isNumber()) {
      number(s, v, path, r);
    }
  }

  private static void string(Node s, String text, FieldPath path, Report r) {
    if (s.minLength >= 0 || s.maxLength >= 0) {
      // The server counts Unicode code points (Go runes), not bytes or UTF-16 units.
      int length = text.codePointCount(0, text.length());
      if (s.maxLength >= 0 && length > s.maxLength) {
        r.error(
            Codes.LENGTH,
            path,
            "Too long: may not be more than " + s.maxLength + " characters, not " + length);
      }
      if (s.minLength >= 0 && length < s.minLength) {
        r.error(
            Codes.LENGTH,
            path,
            "Invalid value: "
                + quote(text)
                + ": should be at least "
                + s.minLength
                + " chars long");
      }
    }
    if (s.pattern != null && !s.pattern.matcher(text).find()) {
      // Unanchored, as Go's regexp.MatchString: the schemas anchor their patterns themselves.
      r.error(Codes.PATTERN, path, KnownPatterns.message(s.patternText));
    }
    if (s.format != null && !Formats.valid(s.format, text)) {
      r.error(
          Codes.FORMAT, path, "Invalid value: " + quote(text) + ": must be of type " + s.format);
    }
  }

  private static void number(Node s, JsonNode v, FieldPath path, Report r) {
    double d = v.asDouble();
    if (s.maximum != null && (s.exclusiveMaximum ? d >= s.maximum : d > s.maximum)) {
      r.error(
          Codes.RANGE,
          path,
          "Invalid value: "
              + v.asText()
              + ": should be less than "
              + (s.exclusiveMaximum ? "" : "or equal to ")
              + bound(s.maximum));
    }
    if (s.minimum != null && (s.exclusiveMinimum ? d <= s.minimum : d < s.minimum)) {
      r.error(
          Codes.RANGE,
          path,
          "Invalid value: "
              + v.asText()
              + ": should be greater than "
              + (s.exclusiveMinimum ? "" : "or equal to ")
              + bound(s.minimum));
    }
  }

  private static void object(Node s, JsonNode v, FieldPath path, boolean root, Report r) {
    int count = 0;
    for (Map.Entry<String, JsonNode> e : v.properties()) {
      String k = e.getKey();
      JsonNode c = e.getValue();
      Node p = s.properties.get(k);
      if (root
          && (k.equals("metadata")
              || ((k.equals("apiVersion") || k.equals("kind")) && p == null))) {
        // ObjectMeta is checked on its own; apiVersion and kind were checked when the kind was
        // found.
        count++;
        if (k.equals("metadata")) {
          metadata(p, c, path.field(k), r);
        }
      } else if (root && k.equals("status") && p != null) {
        // Every modelled kind with a status has a status subresource: the server resets the
        // status of a new object instead of validating it.
        count++;
      } else if (p != null) {
        if (c.isNull() && !p.nullable) {
          continue; // dropped by the decoder before validation, or replaced by the default
        }
        count++;
        walk(p, c, path.field(k), false, r);
      } else if (s.additional != null) {
        if (c.isNull() && !s.additional.nullable) {
          continue;
        }
        count++;
        walk(s.additional, c, path.key(k), false, r);
      } else {
        count++;
        if (!s.alternative
            && !s.anyAdditional
            && !s.preserveUnknown
            && !(s.embedded && isEmbeddedField(k))) {
          // The server prunes it; kubectl's strict field validation refuses it.
          r.error(Codes.TYPE, path.field(k), "unknown field \"" + k + "\"");
        }
      }
    }
    if (s.maxProperties >= 0 && count > s.maxProperties) {
      r.error(
          Codes.PROPERTIES,
          path,
          "Too many: " + count + ": must have at most " + s.maxProperties + " items");
    }
    if (s.minProperties >= 0 && count < s.minProperties) {
      r.error(
          Codes.PROPERTIES,
          path,
          "Invalid value: " + count + ": should have at least " + s.minProperties + " properties");
    }
    for (String name : s.required) {
      if (missing(s, v, name)) {
        r.error(Codes.REQUIRED, path.field(name), "Required value");
      }
    }
  }

  /** Whether a required property is absent once nulls are dropped and defaults applied. */
  private static boolean missing(Node s, JsonNode v, String name) {
    JsonNode c = v.get(name);
    Node p = s.properties.get(name);
    if (p == null) {
      return c == null || c.isNull();
    }
    if (c == null) {
      return p.defaultValue == null;
    }
    return c.isNull() && p.prunesNull();
  }

  private static boolean isEmbeddedField(String k) {
    return k.equals("apiVersion") || k.equals("kind") || k.equals("metadata");
  }

  /** The object's own metadata: only what the schema declares about it; the rest is ObjectMeta. */
  private static void metadata(Node s, JsonNode v, FieldPath path, Report r) {
    if (!v.isObject()) {
      r.error(Codes.TYPE, path, "must be of type object, not " + jsonType(v));
      return;
    }
    if (s == null) {
      return;
    }
    for (Map.Entry<String, Node> p : s.properties.entrySet()) {
      JsonNode c = v.get(p.getKey());
      if (c != null && !(c.isNull() && !p.getValue().nullable)) {
        walk(p.getValue(), c, path.field(p.getKey()), false, r);
      }
    }
  }

  private static void array(Node s, JsonNode v, FieldPath path, Report r) {
    int n = v.size();
    if (s.maxItems >= 0 && n > s.maxItems) {
      r.error(Codes.ITEMS, path, "Too many: " + n + ": must have at most " + s.maxItems + " items");
    }
    if (s.minItems >= 0 && n < s.minItems) {
      r.error(
          Codes.ITEMS,
          path,
          "Invalid value: " + n + ": should have at least " + s.minItems + " items");
    }
    if (s.items != null) {
      for (int i = 0; i < n; i++) {
        walk(s.items, v.get(i), path.index(i), false, r);
      }
    }
    if (s.listType.equals("set")) {
      // As the server: each repeated value once, at its second occurrence.
      Map<JsonNode, Integer> seen = new HashMap<>();
      for (int i = 0; i < n; i++) {
        JsonNode item = v.get(i);
        if (!item.isNull() && seen.merge(Values.canonical(item), 1, Integer::sum) == 2) {
          r.error(Codes.DUPLICATE, path.index(i), "Duplicate value: " + render(item));
        }
      }
    } else if (s.listType.equals("map") && !s.listMapKeys.isEmpty()) {
      Map<List<JsonNode>, Integer> seen = new HashMap<>();
      for (int i = 0; i < n; i++) {
        JsonNode item = v.get(i);
        if (!item.isObject()) {
          continue;
        }
        List<JsonNode> key = new ArrayList<>(s.listMapKeys.size());
        for (String k : s.listMapKeys) {
          JsonNode kv = item.get(k);
          if ((kv == null || kv.isNull()) && s.items != null) {
            Node ks = s.items.properties.get(k);
            kv = ks == null ? null : ks.defaultValue;
          }
          key.add(kv == null ? null : Values.canonical(kv));
        }
        if (seen.merge(key, 1, Integer::sum) == 2) {
          r.error(
              Codes.DUPLICATE, path.index(i), "Duplicate value: " + renderKey(s.listMapKeys, key));
        }
      }
    }
  }

  private static void composition(Node s, JsonNode value, FieldPath path, Report r) {
    // The server decodes with defaults applied, so the alternatives see them: a Gateway address
    // without a type is an IPAddress for "oneOf: [type IPAddress, type not IPAddress]".
    JsonNode v = withDefaults(s, value);
    for (Node a : s.allOf) {
      walk(a, v, path, false, r);
    }
    if (!s.anyOf.isEmpty() && s.anyOf.stream().noneMatch(a -> valid(a, v))) {
      r.error(Codes.COMPOSITION, path, "must validate at least one schema (anyOf)");
    }
    if (!s.oneOf.isEmpty()) {
      List<Node> passing = new ArrayList<>(2);
      for (Node a : s.oneOf) {
        if (valid(a, v)) {
          passing.add(a);
        }
      }
      if (passing.size() != 1) {
        r.error(Codes.COMPOSITION, path, oneOfMessage(passing));
      }
    }
    if (s.not != null && valid(s.not, v)) {
      r.error(Codes.COMPOSITION, path, "must not validate the schema (not)");
    }
  }

  /**
   * The object with its absent properties that have a default set to it; other values as they are.
   */
  private static JsonNode withDefaults(Node s, JsonNode v) {
    if (!v.isObject()) {
      return v;
    }
    com.fasterxml.jackson.databind.node.ObjectNode copy = null;
    for (Map.Entry<String, Node> e : s.properties.entrySet()) {
      JsonNode given = v.get(e.getKey());
      if (e.getValue().defaultValue != null && (given == null || given.isNull())) {
        if (copy == null) {
          copy = ((com.fasterxml.jackson.databind.node.ObjectNode) v).deepCopy();
        }
        copy.set(e.getKey(), e.getValue().defaultValue);
      }
    }
    return copy == null ? v : copy;
  }

  /**
   * Istio writes "at most one of a, b" as a {@code oneOf} of {@code required: [a]}, {@code
   * required: [b]} and "none of them": name the fields that are set together.
   */
  private static String oneOfMessage(List<Node> passing) {
    String base = "must validate one and only one schema (oneOf)";
    if (passing.size() < 2) {
      return base;
    }
    List<String> fields = new ArrayList<>();
    for (Node a : passing) {
      if (a.required.size() != 1 || a.properties.size() > 0) {
        return base + ", found " + passing.size() + " valid alternatives";
      }
      fields.add(a.required.get(0));
    }
    return base + ": at most one of " + String.join(", ", fields) + " may be set";
  }

  /** Whether {@code v} passes {@code s}, without reporting. */
  static boolean valid(Node s, JsonNode v) {
    Probe probe = new Probe();
    walk(s, v, FieldPath.root(), false, probe);
    return !probe.failed;
  }

  private static boolean hasType(int type, JsonNode v) {
    return switch (type) {
      case Node.OBJECT -> v.isObject();
      case Node.ARRAY -> v.isArray();
      case Node.STRING -> v.isTextual();
      case Node.INTEGER -> v.isIntegralNumber() || isJsonInteger(v);
      case Node.NUMBER -> v.isNumber();
      case Node.BOOLEAN -> v.isBoolean();
      default -> true;
    };
  }

  /** A float the server takes for an integer (1.0): whole and within ±2^53. */
  private static boolean isJsonInteger(JsonNode v) {
    if (!v.isFloatingPointNumber()) {
      return false;
    }
    double d = v.asDouble();
    return d == Math.rint(d) && Math.abs(d) <= 9007199254740992d;
  }

  private static boolean inEnum(List<JsonNode> values, JsonNode v) {
    for (JsonNode e : values) {
      if (e.equals(v) || (e.isNumber() && v.isNumber() && e.asDouble() == v.asDouble())) {
        return true;
      }
    }
    return false;
  }

  /** The JSON type of a value, in the server's words. */
  static String jsonType(JsonNode v) {
    return switch (v.getNodeType()) {
      case OBJECT -> "object";
      case ARRAY -> "array";
      case STRING -> "string";
      case NUMBER -> v.isIntegralNumber() ? "integer" : "number";
      case BOOLEAN -> "boolean";
      case NULL -> "null";
      default -> "value";
    };
  }

  private static String render(JsonNode v) {
    return v.isTextual() ? quote(v.asText()) : v.toString();
  }

  private static String renderKey(List<String> names, List<JsonNode> key) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    for (int i = 0; i < names.size(); i++) {
      if (key.get(i) != null) {
        o.set(names.get(i), key.get(i));
      }
    }
    return o.toString();
  }

  private static String quote(String s) {
    return dev.sailplan.core.internal.meta.ObjectMetaRules.quote(s);
  }

  private static String bound(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }

  /** A report that only remembers whether anything was wrong. */
  private static final class Probe implements Report {
    boolean failed;

    @Override
    public void add(
        String code, String istioCode, Level level, FieldPath path, String reason, String message) {
      failed = true;
    }
  }
}
