package dev.sailplan.core.validation;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a model module contributes to validation, found through {@link java.util.ServiceLoader}
 * (declare it with {@code provides dev.sailplan.core.validation.ValidationProvider}).
 */
public interface ValidationProvider {
  /** Schema validators by {@link #key(String, String)}. */
  default Map<String, TreeValidator> schemas() {
    return Map.of();
  }

  /**
   * CEL rules ({@code x-kubernetes-validations}) by {@link #key(String, String)}. They run after
   * the schema validators unless those found a value of the wrong type ({@code SP0006}): as the API
   * server does, rules only see objects whose types are right.
   */
  default Map<String, TreeValidator> rules() {
    return Map.of();
  }

  /** Checks across resources, run after every input is read. */
  default List<Analyzer> analyzers() {
    return List.of();
  }

  /**
   * The kinds, by {@link #key(String, String)}, that {@link #analyzers()} read; workloads (objects
   * with pods) are always kept. Objects of other kinds are not kept for the analyses, so that
   * validating a long stream of, say, ServiceAccounts stays flat in memory. Empty (the default)
   * when the analyzers read every kind.
   */
  default Set<String> analyzedKinds() {
    return Set.of();
  }

  /** Checks of typed resources. */
  default List<ResourceCheck> checks() {
    return List.of();
  }

  /** The key of a kind in {@link #schemas()}: {@code group/Kind}, or {@code Kind} for core. */
  static String key(String group, String kind) {
    return group.isEmpty() ? kind : group + "/" + kind;
  }
}
