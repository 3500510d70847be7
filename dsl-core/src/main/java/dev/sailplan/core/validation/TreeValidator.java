package dev.sailplan.core.validation;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks one object, as a JSON tree, against its kind's schema and admission rules: what the API
 * server checks before it stores an object. Codegen writes one per kind.
 */
@FunctionalInterface
public interface TreeValidator {
  /**
   * Reports everything wrong with {@code object}.
   *
   * @param object the whole object ({@code apiVersion}, {@code kind}, {@code metadata}, {@code
   *     spec}, …)
   * @param old the version it replaces, for transition rules ({@code oldSelf}), or null when the
   *     object is new
   * @param report where findings go, paths relative to the object
   */
  void validate(JsonNode object, JsonNode old, Report report);
}
