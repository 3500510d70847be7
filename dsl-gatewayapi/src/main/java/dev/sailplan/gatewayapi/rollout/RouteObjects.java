package dev.sailplan.gatewayapi.rollout;

import dev.sailplan.core.meta.Resource;
import dev.sailplan.gatewayapi.v1.HTTPBackendRef;
import dev.sailplan.gatewayapi.v1.HTTPRoute;
import dev.sailplan.gatewayapi.v1.HTTPRouteRule;
import dev.sailplan.gatewayapi.v1.HTTPRouteSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The part of a current HTTPRoute that a canary between two Services owns: the backendRefs and
 * weights of every rule that sends traffic to the stable Service's port. Matches, filters,
 * timeouts, parentRefs, hostnames, other rules, labels and annotations stay as they are.
 */
final class RouteObjects {
  private final HTTPRoute current;
  private final String stable;
  private final int stablePort;

  private RouteObjects(HTTPRoute current, String stable, int stablePort) {
    this.current = current;
    this.stable = stable;
    this.stablePort = stablePort;
  }

  /**
   * The route {@code namespace/name} in {@code objects}, or empty when it is not there (the rollout
   * creates it).
   *
   * @throws IllegalArgumentException when it is there but no rule sends traffic to the stable
   *     Service's port
   */
  static Optional<RouteObjects> find(
      Collection<? extends Resource> objects,
      String namespace,
      String name,
      String stable,
      int stablePort) {
    for (Resource r : objects) {
      if (r instanceof HTTPRoute route
          && route.metadata().namespace().orElse("").equals(namespace)
          && route.metadata().name().orElse("").equals(name)) {
        RouteObjects found = new RouteObjects(route, stable, stablePort);
        boolean owned =
            route.spec().rules().stream()
                .anyMatch(rule -> rule.backendRefs().stream().anyMatch(found::isStable));
        if (!owned) {
          throw new IllegalArgumentException(
              "no rule of HTTPRoute "
                  + namespace
                  + "/"
                  + name
                  + " sends traffic to "
                  + stable
                  + ":"
                  + stablePort
                  + "; the rollout needs the stable backend to be routed to");
        }
        return Optional.of(found);
      }
    }
    return Optional.empty();
  }

  /** The route as it is now. */
  HTTPRoute current() {
    return current;
  }

  /**
   * The route with {@code canaryWeight} percent of the stable backend's traffic sent to the canary,
   * in every rule that sends traffic to the stable backend.
   */
  HTTPRoute at(String canary, int canaryPort, int canaryWeight) {
    HTTPRouteSpec spec = current.spec();
    List<HTTPRouteRule> rules = new ArrayList<>();
    for (HTTPRouteRule rule : spec.rules()) {
      rules.add(
          rule.backendRefs().stream().anyMatch(this::isStable)
              ? rule.withBackendRefs(split(rule.backendRefs(), canary, canaryPort, canaryWeight))
              : rule);
    }
    return current.withSpec(spec.withRules(rules));
  }

  /**
   * The stable backend's share split between it and the canary. Weights are relative (1 when not
   * given): with other backends in the rule, every weight is scaled by 100 so that the split keeps
   * their shares exactly.
   */
  private List<HTTPBackendRef> split(
      List<HTTPBackendRef> refs, String canary, int canaryPort, int canaryWeight) {
    if (canaryWeight == 0) {
      return refs;
    }
    boolean alone = refs.size() == 1;
    List<HTTPBackendRef> out = new ArrayList<>();
    for (HTTPBackendRef ref : refs) {
      int weight = ref.weight().orElse(1) * 100;
      if (!isStable(ref)) {
        out.add(ref.withWeight(weight));
        continue;
      }
      HTTPBackendRef toCanary = ref.withName(canary).withPort(canaryPort);
      if (canaryWeight == 100) {
        out.add(alone ? toCanary.withWeight(OptionalInt.empty()) : toCanary.withWeight(weight));
        continue;
      }
      int share = alone ? 100 : weight;
      int toShare = (share * canaryWeight + 50) / 100;
      out.add(ref.withWeight(share - toShare));
      out.add(toCanary.withWeight(toShare));
    }
    return out;
  }

  private boolean isStable(HTTPBackendRef ref) {
    return ref.group().orElse("").isEmpty()
        && ref.kind().orElse("Service").equals("Service")
        && ref.namespace()
            .map(ns -> ns.equals(current.metadata().namespace().orElse("")))
            .orElse(true)
        && ref.name().equals(stable)
        && ref.port().orElse(-1) == stablePort;
  }
}
