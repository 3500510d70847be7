package dev.sailplan.codegen.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;

/**
 * Reduces an {@code openAPIV3Schema} to what the API server validates, for the runtime schema
 * interpreter: descriptions, examples and CEL rules (compiled elsewhere) go, and so do the formats
 * the server does not check.
 */
public final class ValidationSchema {
  /** Keywords kept as they are. */
  private static final Set<String> VALUES =
      Set.of(
          "type",
          "required",
          "enum",
          "pattern",
          "minimum",
          "maximum",
          "exclusiveMinimum",
          "exclusiveMaximum",
          "minLength",
          "maxLength",
          "minItems",
          "maxItems",
          "minProperties",
          "maxProperties",
          "nullable",
          "default",
          "x-kubernetes-list-type",
          "x-kubernetes-list-map-keys",
          "x-kubernetes-int-or-string",
          "x-kubernetes-preserve-unknown-fields",
          "x-kubernetes-embedded-resource");

  /** Keywords whose value is a schema, or a list of them. */
  private static final Set<String> SCHEMAS = Set.of("items", "not", "allOf", "anyOf", "oneOf");

  /**
   * kube-openapi checks these string formats in custom resources; the schemas' others ({@code
   * int32}, {@code int64}, {@code double}) describe numbers and are not checked.
   */
  private static final Set<String> CHECKED_FORMATS = Set.of("byte", "date-time", "ipv4", "ipv6");

  private ValidationSchema() {}

  /** The reduced schema, keys in schema order. */
  public static ObjectNode of(JsonNode schema) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, JsonNode> e : schema.properties()) {
      String k = e.getKey();
      JsonNode v = e.getValue();
      if (VALUES.contains(k)) {
        out.set(k, v);
      } else if (k.equals("format")) {
        if (CHECKED_FORMATS.contains(v.asText())) {
          out.set(k, v);
        }
      } else if (k.equals("properties")) {
        ObjectNode props = out.putObject(k);
        v.properties().forEach(p -> props.set(p.getKey(), of(p.getValue())));
      } else if (k.equals("additionalProperties")) {
        out.set(k, v.isObject() ? of(v) : v);
      } else if (SCHEMAS.contains(k)) {
        if (v.isArray()) {
          var list = out.putArray(k);
          v.forEach(item -> list.add(of(item)));
        } else {
          out.set(k, of(v));
        }
      }
    }
    return out;
  }
}
