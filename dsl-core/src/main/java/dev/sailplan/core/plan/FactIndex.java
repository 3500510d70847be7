package dev.sailplan.core.plan;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which objects hold which facts, so that the planner finds the providers (or users) of a fact by
 * looking it up instead of scanning every object: what keeps planning near-linear in the size of
 * the states.
 *
 * <p>Wildcard facts ({@code subject} ending in {@code *}, see {@link Fact#covers}) are found by
 * the prefixes of the subject looked up, so every query answers exactly the objects whose fact
 * matches, in key order.
 */
final class FactIndex {
  // Sorted by type, then subject: the facts a wildcard covers are one contiguous range.
  private final TreeMap<Fact, TreeSet<ResourceKey>> holders = new TreeMap<>();
  // Per type, how many wildcard facts are held: most types have none, and then a look-up by
  // prefix is not needed.
  private final Map<String, Integer> wildcards = new HashMap<>();

  /** Records that {@code key} holds {@code fact}. */
  void add(Fact fact, ResourceKey key) {
    if (holders.computeIfAbsent(fact, f -> new TreeSet<>()).add(key) && isWildcard(fact)) {
      wildcards.merge(fact.type(), 1, Integer::sum);
    }
  }

  /** Records that {@code key} no longer holds {@code fact}. */
  void remove(Fact fact, ResourceKey key) {
    TreeSet<ResourceKey> keys = holders.get(fact);
    if (keys == null || !keys.remove(key)) {
      return;
    }
    if (keys.isEmpty()) {
      holders.remove(fact);
    }
    if (isWildcard(fact)) {
      wildcards.merge(fact.type(), -1, (a, b) -> a + b == 0 ? null : a + b);
    }
  }

  /** Records every fact of {@code facts} for {@code key}. */
  void addAll(Iterable<Fact> facts, ResourceKey key) {
    facts.forEach(f -> add(f, key));
  }

  /** Removes every fact of {@code facts} for {@code key}. */
  void removeAll(Iterable<Fact> facts, ResourceKey key) {
    facts.forEach(f -> remove(f, key));
  }

  /** Forgets every fact. */
  void clear() {
    holders.clear();
    wildcards.clear();
  }

  /** The objects holding a fact that {@linkplain Fact#covers covers} {@code required}. */
  NavigableSet<ResourceKey> covering(Fact required) {
    TreeSet<ResourceKey> exact = holders.get(required);
    if (!wildcards.containsKey(required.type())) {
      return view(exact);
    }
    TreeSet<ResourceKey> out = exact == null ? new TreeSet<>() : new TreeSet<>(exact);
    String subject = required.subject();
    for (int i = 0; i <= subject.length(); i++) {
      Fact wildcard = new Fact(required.type(), subject.substring(0, i) + "*");
      TreeSet<ResourceKey> keys = holders.get(wildcard);
      if (keys != null) {
        out.addAll(keys);
      }
    }
    return out;
  }

  /** The objects holding a fact that {@code provided} covers. */
  NavigableSet<ResourceKey> coveredBy(Fact provided) {
    if (!isWildcard(provided)) {
      TreeSet<ResourceKey> exact = holders.get(provided);
      return view(exact);
    }
    String prefix = provided.subject().substring(0, provided.subject().length() - 1);
    TreeSet<ResourceKey> out = new TreeSet<>();
    for (Map.Entry<Fact, TreeSet<ResourceKey>> e
        : holders.tailMap(new Fact(provided.type(), prefix), true).entrySet()) {
      Fact f = e.getKey();
      if (!f.type().equals(provided.type()) || !f.subject().startsWith(prefix)) {
        break;
      }
      out.addAll(e.getValue());
    }
    return out;
  }

  /**
   * The objects holding a fact that clashes with {@code fact}: either is a wildcard over the other
   * ({@link Facts#clash}).
   */
  NavigableSet<ResourceKey> clashing(Fact fact) {
    NavigableSet<ResourceKey> covering = covering(fact);
    NavigableSet<ResourceKey> covered = coveredBy(fact);
    if (covered.isEmpty()) {
      return covering;
    }
    if (covering.isEmpty()) {
      return covered;
    }
    TreeSet<ResourceKey> out = new TreeSet<>(covering);
    out.addAll(covered);
    return out;
  }

  private static NavigableSet<ResourceKey> view(TreeSet<ResourceKey> keys) {
    return keys == null
        ? Collections.emptyNavigableSet()
        : Collections.unmodifiableNavigableSet(keys);
  }

  private static boolean isWildcard(Fact f) {
    return f.subject().endsWith("*");
  }
}
