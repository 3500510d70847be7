package dev.sailplan.core.plan;

import dev.sailplan.core.meta.Resource;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Where one planning call stands: the state reached so far (with its facts indexed by object) and
 * the versions each changed object has still to pass through. Made afresh for every call, so that a
 * {@link Planner} holds no state of its own.
 */
final class Progress {
  private final FactBook facts;
  private final TreeMap<ResourceKey, Resource> at;
  private final FactIndex provides = new FactIndex();
  private final FactIndex requires = new FactIndex();
  private final FactIndex excludes = new FactIndex();
  private final TreeMap<ResourceKey, Deque<Optional<Resource>>> pending = new TreeMap<>();
  private final Predicate<Fact> binds;

  /**
   * Starts at {@code from}, with {@code chains} pending; requirements are indexed only when {@code
   * binds} them (a requirement nothing in the plan provides is never looked up).
   */
  Progress(
      FactBook facts,
      State from,
      Map<ResourceKey, Deque<Optional<Resource>>> chains,
      Predicate<Fact> binds) {
    this.facts = facts;
    this.binds = binds;
    // One mutable map for the whole call: State.with copies the whole state, once per change.
    this.at = new TreeMap<>(from.sorted());
    at.forEach(this::index);
    chains.forEach((k, chain) -> pending.put(k, new ArrayDeque<>(chain)));
  }

  /**
   * Per object that differs between {@code from} and {@code to}, the versions it passes through
   * after {@code from}'s, ending at {@code to}'s (empty when it is deleted), in key order.
   */
  static SortedMap<ResourceKey, Deque<Optional<Resource>>> chains(
      FactBook facts, State from, State to) {
    TreeMap<ResourceKey, Deque<Optional<Resource>>> chains = new TreeMap<>();
    // Both states are sorted by key: one merge-like pass instead of a look-up per key.
    Iterator<Map.Entry<ResourceKey, Resource>> a = from.sorted().entrySet().iterator();
    Iterator<Map.Entry<ResourceKey, Resource>> b = to.sorted().entrySet().iterator();
    Map.Entry<ResourceKey, Resource> x = a.hasNext() ? a.next() : null;
    Map.Entry<ResourceKey, Resource> y = b.hasNext() ? b.next() : null;
    while (x != null || y != null) {
      int c = x == null ? 1 : y == null ? -1 : x.getKey().compareTo(y.getKey());
      if (c < 0) {
        chains.put(x.getKey(), chain(facts, x.getValue(), null));
        x = a.hasNext() ? a.next() : null;
      } else if (c > 0) {
        chains.put(y.getKey(), chain(facts, null, y.getValue()));
        y = b.hasNext() ? b.next() : null;
      } else {
        if (!x.getValue().equals(y.getValue())) {
          chains.put(x.getKey(), chain(facts, x.getValue(), y.getValue()));
        }
        x = a.hasNext() ? a.next() : null;
        y = b.hasNext() ? b.next() : null;
      }
    }
    return chains;
  }

  /** The versions from {@code a} (null: absent) to {@code b}, the intermediate ones included. */
  private static Deque<Optional<Resource>> chain(FactBook facts, Resource a, Resource b) {
    Deque<Optional<Resource>> chain = new ArrayDeque<>();
    if (a != null && b != null) {
      facts.intermediates(a, b).forEach(r -> chain.add(Optional.of(r)));
    }
    chain.add(Optional.ofNullable(b));
    return chain;
  }

  /** The version of {@code key} reached so far, if it exists. */
  Optional<Resource> current(ResourceKey key) {
    return Optional.ofNullable(at.get(key));
  }

  /** The facts of the version of {@code key} reached so far. */
  Facts currentFacts(ResourceKey key) {
    Resource r = at.get(key);
    return r == null ? Facts.NONE : facts.of(r);
  }

  /** Every object reached so far, by key. */
  Map<ResourceKey, Resource> current() {
    return Collections.unmodifiableMap(at);
  }

  /** The objects whose current version provides each fact. */
  FactIndex provides() {
    return provides;
  }

  /** The objects whose current version requires each fact (of those that bind order). */
  FactIndex requires() {
    return requires;
  }

  /** The objects whose current version excludes each fact. */
  FactIndex excludes() {
    return excludes;
  }

  /** Per object still changing, the versions it has to pass through, next first, in key order. */
  SortedMap<ResourceKey, Deque<Optional<Resource>>> pending() {
    return Collections.unmodifiableSortedMap(pending);
  }

  /** Whether every object has reached its desired version. */
  boolean done() {
    return pending.isEmpty();
  }

  /** Applies a stage: each changed object reaches its next version. */
  void apply(List<Change> changes) {
    for (Change c : changes) {
      ResourceKey k = c.key();
      c.before().ifPresent(r -> unindex(k, r));
      if (c.after().isPresent()) {
        at.put(k, c.after().get());
        index(k, c.after().get());
      } else {
        at.remove(k);
      }
      Deque<Optional<Resource>> chain = pending.get(k);
      chain.removeFirst();
      if (chain.isEmpty()) {
        pending.remove(k);
      }
    }
  }

  private void index(ResourceKey k, Resource r) {
    Facts f = facts.of(r);
    provides.addAll(f.provides(), k);
    f.requires().stream().filter(binds).forEach(req -> requires.add(req, k));
    excludes.addAll(f.excludes(), k);
  }

  private void unindex(ResourceKey k, Resource r) {
    Facts f = facts.of(r);
    provides.removeAll(f.provides(), k);
    requires.removeAll(f.requires(), k);
    excludes.removeAll(f.excludes(), k);
  }
}
