package dev.sailplan.core.openapi;

import dev.sailplan.core.internal.openapi.KindValidator;
import dev.sailplan.core.internal.openapi.SchemaTable;
import dev.sailplan.core.validation.TreeValidator;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The OpenAPI schemas of one module's kinds, checked as the API server checks a new object: types,
 * unknown fields, required fields, enums, bounds, lengths, patterns, formats, list types, and the
 * object's metadata. Generated code declares the schemas as JSON text and asks for one validator
 * per kind:
 *
 * <pre>{@code
 * OpenApiSchemas schemas = OpenApiSchemas.of(2, IstioSchemas::schema);
 * TreeValidator vs = schemas.kind("networking.istio.io", "VirtualService", true, Map.of("v1", 0));
 * }</pre>
 *
 * <p>A schema is compiled when an object of its kind is first checked.
 */
public final class OpenApiSchemas {
  private final SchemaTable table;

  private OpenApiSchemas(SchemaTable table) {
    this.table = table;
  }

  /**
   * The schemas of one module.
   *
   * @param size how many distinct schemas there are
   * @param schemas the JSON text of schema {@code i}, {@code 0 <= i < size}
   */
  public static OpenApiSchemas of(int size, IntFunction<String> schemas) {
    return new OpenApiSchemas(new SchemaTable(size, schemas));
  }

  /**
   * The validator of one kind.
   *
   * @param group the API group, empty for the core group
   * @param kind the kind
   * @param namespaced whether objects of the kind live in a namespace
   * @param versions the schema of each version, by its index; an object of a version not listed is
   *     checked against the one of lowest index
   */
  public TreeValidator kind(
      String group, String kind, boolean namespaced, Map<String, Integer> versions) {
    int first = versions.values().stream().mapToInt(Integer::intValue).min().orElseThrow();
    return new KindValidator(table, group, kind, namespaced, versions, first);
  }
}
