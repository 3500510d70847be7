package dev.sailplan.core.plan;

import dev.sailplan.core.meta.Resource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one API family knows about how its resources depend on each other: the reference graph the
 * planner orders changes by. Modules contribute theirs through {@code ServiceLoader} ({@code
 * META-INF/services/dev.sailplan.core.plan.DependencyModel}).
 *
 * <p>Every method sees one resource version at a time; the planner combines them. A method that
 * does not know a resource's kind returns an empty set (or list).
 */
public interface DependencyModel {
  /** The facts this resource version establishes while it exists. */
  Set<Fact> provides(Resource r);

  /**
   * The facts this resource version needs established before it may exist (and until it is gone): a
   * VirtualService needs the subsets it routes to.
   */
  Set<Fact> requires(Resource r);

  /**
   * Facts that must not be established while this resource version exists: a STRICT
   * PeerAuthentication for namespace X cannot coexist with a DestinationRule that sends plaintext
   * to X.
   */
  default Set<Fact> excludes(Resource r) {
    return Set.of();
  }

  /**
   * What requiring one of the facts this resource version provides also requires, by provided fact:
   * a Service passes a route's traffic on to the pods its selector picks, so whatever requires
   * {@code service NS/NAME} also requires those pods, while the Service itself keeps its place.
   * Read from every version of the plan's states before any facts are asked for.
   */
  default Map<Fact, Set<Fact>> passesOn(Resource r) {
    return Map.of();
  }

  /**
   * Versions to pass through on the way from {@code from} to {@code to} (both of one key), in
   * order, when going directly would break what depends on it; empty to go directly. A
   * DestinationRule that swaps subsets first gains the new ones (expand), and a PeerAuthentication
   * becomes PERMISSIVE before STRICT.
   */
  default List<Resource> intermediates(Resource from, Resource to) {
    return List.of();
  }

  /**
   * How {@code r}'s requirement {@code required} reads in a stage's reason, e.g. {@code subset v2
   * of reviews} for the pods a DestinationRule's subset selects; empty for the plain fact.
   */
  default Optional<String> describe(Resource r, Fact required) {
    return Optional.empty();
  }
}
