package dev.sailplan.core.plan;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which objects hold which facts, so that the planner finds the providers (or users) of a fact by
 * looking it up instead of scanning every object: what keeps planning near-linear in the size of
 * the states.
 *
 * <p>Wildcard facts ({@code subject} ending in {@code *}, see {@link Fact#covers}) are found by the
 * prefixes of the subject looked up, so every query answers exactly the objects whose fact matches,
 * in key order.
 */
final class FactIndex {
  // Sorted by type, then subject: the facts a wildcard covers are one contiguous range. A value
  // is the one ResourceKey holding the fact (most facts have one holder: a subset, a gateway), or
  // a TreeSet of them.
  private final TreeMap<Fact, Object> holders = new TreeMap<>();
  // Per type, how many wildcard facts are held: most types have none, and then a look-up by
  // prefix is not needed.
  private final Map<String, Integer> wildcards = new HashMap<>();

  /** Records that {@code key} holds {@code fact}. */
  void add(Fact fact, ResourceKey key) {
    Object held = holders.get(fact);
    if (held == null) {
      holders.put(fact, key);
      if (isWildcard(fact)) {
        wildcards.merge(fact.type(), 1, Integer::sum);
      }
    } else if (held instanceof ResourceKey one) {
      if (!one.equals(key)) {
        TreeSet<ResourceKey> several = new TreeSet<>();
        several.add(one);
        several.add(key);
        holders.put(fact, several);
      }
    } else {
      keys(held).add(key);
    }
  }

  /** Records that {@code key} no longer holds {@code fact}. */
  void remove(Fact fact, ResourceKey key) {
    Object held = holders.get(fact);
    boolean gone;
    if (held instanceof ResourceKey one) {
      gone = one.equals(key);
    } else if (held != null) {
      Set<ResourceKey> several = keys(held);
      several.remove(key);
      gone = several.isEmpty();
    } else {
      gone = false;
    }
    if (gone) {
      holders.remove(fact);
      if (isWildcard(fact)) {
        wildcards.merge(fact.type(), -1, (a, b) -> a + b == 0 ? null : a + b);
      }
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

  /**
   * The objects holding a fact that {@linkplain Fact#covers covers} {@code required}, in key order.
   */
  Collection<ResourceKey> covering(Fact required) {
    Object exact = holders.get(required);
    if (!wildcards.containsKey(required.type())) {
      return view(exact);
    }
    TreeSet<ResourceKey> out = new TreeSet<>(view(exact));
    String subject = required.subject();
    for (int i = 0; i <= subject.length(); i++) {
      out.addAll(view(holders.get(new Fact(required.type(), subject.substring(0, i) + "*"))));
    }
    return out;
  }

  /** The objects holding a fact that {@code provided} covers, in key order. */
  Collection<ResourceKey> coveredBy(Fact provided) {
    if (!isWildcard(provided)) {
      return view(holders.get(provided));
    }
    String prefix = provided.subject().substring(0, provided.subject().length() - 1);
    TreeSet<ResourceKey> out = new TreeSet<>();
    for (Map.Entry<Fact, Object> e :
        holders.tailMap(new Fact(provided.type(), prefix), true).entrySet()) {
      Fact f = e.getKey();
      if (!f.type().equals(provided.type()) || !f.subject().startsWith(prefix)) {
        break;
      }
      out.addAll(view(e.getValue()));
    }
    return out;
  }

  /**
   * The objects holding a fact that clashes with {@code fact} (either is a wildcard over the other,
   * {@link Facts#clash}), in key order.
   */
  Collection<ResourceKey> clashing(Fact fact) {
    Collection<ResourceKey> covering = covering(fact);
    Collection<ResourceKey> covered = coveredBy(fact);
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

  /** What {@link #holders} holds for one fact, as keys in order. */
  private static Collection<ResourceKey> view(Object held) {
    if (held == null) {
      return List.of();
    }
    if (held instanceof ResourceKey one) {
      return List.of(one);
    }
    return Collections.unmodifiableSet(keys(held));
  }

  @SuppressWarnings("unchecked") // only ResourceKeys and TreeSets of them are ever put
  private static Set<ResourceKey> keys(Object held) {
    return (TreeSet<ResourceKey>) held;
  }

  private static boolean isWildcard(Fact f) {
    return f.subject().endsWith("*");
  }

  /** Whether some fact of {@code type} is held. */
  boolean hasType(String type) {
    Fact after = holders.ceilingKey(new Fact(type, ""));
    return after != null && after.type().equals(type);
  }
}
