package dev.sailplan.core.plan;

import java.util.List;

/**
 * The facts of one resource version, as every {@link DependencyModel} together sees them: each list
 * sorted and without duplicates (lists, not sets: a large plan holds hundreds of thousands).
 */
record Facts(List<Fact> provides, List<Fact> requires, List<Fact> excludes) {
  /** The facts of an object that does not exist. */
  static final Facts NONE = new Facts(List.of(), List.of(), List.of());

  /** Whether some fact this version provides covers {@code required}. */
  boolean provides(Fact required) {
    for (Fact p : provides) {
      if (p.covers(required)) {
        return true;
      }
    }
    return false;
  }

  /** An excluded fact meets a provided one when either is a wildcard over the other. */
  static boolean clash(Fact excluded, Fact provided) {
    return excluded.covers(provided) || provided.covers(excluded);
  }
}
