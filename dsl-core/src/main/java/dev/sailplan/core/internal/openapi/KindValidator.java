package dev.sailplan.core.internal.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sailplan.core.internal.meta.MetaSink;
import dev.sailplan.core.internal.meta.NameRule;
import dev.sailplan.core.internal.meta.ObjectMetaRules;
import dev.sailplan.core.validation.FieldPath;
import dev.sailplan.core.validation.Level;
import dev.sailplan.core.validation.Report;
import dev.sailplan.core.validation.TreeValidator;
import java.util.Map;

/**
 * Checks objects of one kind against the schema of their version, then their metadata as the API
 * server's ObjectMeta validation does.
 */
public final class KindValidator implements TreeValidator {
  private final SchemaTable table;
  private final String kind;
  private final boolean namespaced;
  private final Map<String, Integer> versions;
  private final int fallback;
  private final NameRule names;

  /**
   * A validator of one kind.
   *
   * @param versions the index in {@code table} of each version's schema
   * @param fallback the index used for an object of another version
   */
  public KindValidator(
      SchemaTable table,
      String group,
      String kind,
      boolean namespaced,
      Map<String, Integer> versions,
      int fallback) {
    this.table = table;
    this.kind = kind;
    this.namespaced = namespaced;
    this.versions = Map.copyOf(versions);
    this.fallback = fallback;
    this.names = NameRule.of(group, kind);
  }

  @Override
  public void validate(JsonNode object, JsonNode old, Report report) {
    String apiVersion = object.path("apiVersion").asText("");
    Integer i = versions.get(apiVersion.substring(apiVersion.lastIndexOf('/') + 1));
    Walker.root(table.node(i == null ? fallback : i), object, report);
    JsonNode metadata = object.get("metadata");
    if (metadata == null || metadata.isObject()) {
      ObjectMetaRules.check(metadata, names, namespaced, kind, sink(report));
    }
  }

  /** Puts metadata findings at their paths below {@code metadata}. */
  public static MetaSink sink(Report report) {
    return (code, warning, field, step, message) -> {
      FieldPath path = FieldPath.root().field("metadata").field(field);
      if (step instanceof String key) {
        path = path.key(key);
      } else if (step instanceof Integer index) {
        path = path.index(index);
      }
      report.add(code, "", warning ? Level.WARNING : Level.ERROR, path, "", message);
    };
  }
}
