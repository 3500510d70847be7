package dev.sailplan.core.plan;

import dev.sailplan.core.meta.Resource;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A set of resources as they are (or should be) in a cluster, one per {@link ResourceKey}, ordered
 * by key.
 */
public final class State {
  private static final State EMPTY = new State(new TreeMap<>());

  private final SortedMap<ResourceKey, Resource> resources;

  private State(SortedMap<ResourceKey, Resource> resources) {
    this.resources = resources;
  }

  /** Nothing exists. */
  public static State empty() {
    return EMPTY;
  }

  /**
   * A state of these resources.
   *
   * @throws IllegalArgumentException when two resources have the same key
   */
  public static State of(Collection<? extends Resource> resources) {
    TreeMap<ResourceKey, Resource> map = new TreeMap<>();
    for (Resource r : resources) {
      if (map.put(ResourceKey.of(r), r) != null) {
        throw new IllegalArgumentException(ResourceKey.of(r) + " appears twice");
      }
    }
    return new State(map);
  }

  /** A state of these resources. */
  public static State of(Resource... resources) {
    return of(List.of(resources));
  }

  /** The resource with this key, if present. */
  public Optional<Resource> get(ResourceKey key) {
    return Optional.ofNullable(resources.get(key));
  }

  /** Every key, in order. */
  public Collection<ResourceKey> keys() {
    return Collections.unmodifiableSet(resources.keySet());
  }

  /** Every resource, in key order. */
  public List<Resource> resources() {
    return List.copyOf(resources.values());
  }

  /** The resources by key, in key order. */
  public Map<ResourceKey, Resource> asMap() {
    return Collections.unmodifiableMap(resources);
  }

  /** The resources by key, sorted: copied into a TreeMap in linear time. */
  SortedMap<ResourceKey, Resource> sorted() {
    return Collections.unmodifiableSortedMap(resources);
  }

  /** This state with {@code key} set to {@code resource}, or removed when it is empty. */
  public State with(ResourceKey key, Optional<Resource> resource) {
    TreeMap<ResourceKey, Resource> map = new TreeMap<>(resources);
    if (resource.isPresent()) {
      map.put(key, resource.get());
    } else {
      map.remove(key);
    }
    return new State(map);
  }

  /** Whether nothing exists. */
  public boolean isEmpty() {
    return resources.isEmpty();
  }

  /** The number of resources. */
  public int size() {
    return resources.size();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof State s && s.resources.equals(resources);
  }

  @Override
  public int hashCode() {
    return resources.hashCode();
  }

  @Override
  public String toString() {
    return resources.keySet().toString();
  }
}
