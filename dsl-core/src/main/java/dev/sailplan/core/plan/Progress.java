package dev.sailplan.core.plan;

import dev.sailplan.core.meta.Resource;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Where one planning call stands: the state reached so far (with its facts indexed by object) and
 * the versions each changed object has still to pass through. Made afresh for every call, so that
 * a {@link Planner} holds no state of its own.
 */
final class Progress {
  private final FactBook facts;
  private final TreeMap<ResourceKey, Resource> at;
  private final FactIndex provides = new FactIndex();
  private final FactIndex requires = new FactIndex();
  private final FactIndex excludes = new FactIndex();
  private final TreeMap<ResourceKey, Deque<Optional<Resource>>> pending = new TreeMap<>();

  /** Starts at {@code from}, with every object that differs in {@code to} pending. */
  Progress(FactBook facts, State from, State to) {
    this.facts = facts;
    // One mutable map for the whole call: State.with copies the whole state, once per change.
    this.at = new TreeMap<>(from.sorted());
    at.forEach(this::index);
    TreeSet<ResourceKey> keys = new TreeSet<>(from.keys());
    keys.addAll(to.keys());
    for (ResourceKey k : keys) {
      Optional<Resource> a = from.get(k);
      Optional<Resource> b = to.get(k);
      if (a.equals(b)) {
        continue;
      }
      Deque<Optional<Resource>> chain = new ArrayDeque<>();
      if (a.isPresent() && b.isPresent()) {
        facts.intermediates(a.get(), b.get()).forEach(r -> chain.add(Optional.of(r)));
      }
      chain.add(b);
      pending.put(k, chain);
    }
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

  /** The objects whose current version requires each fact. */
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
    requires.addAll(f.requires(), k);
    excludes.addAll(f.excludes(), k);
  }

  private void unindex(ResourceKey k, Resource r) {
    Facts f = facts.of(r);
    provides.removeAll(f.provides(), k);
    requires.removeAll(f.requires(), k);
    excludes.removeAll(f.excludes(), k);
  }
}
