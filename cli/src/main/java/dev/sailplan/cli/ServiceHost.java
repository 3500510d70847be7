package dev.sailplan.cli;

import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.plan.State;
import dev.sailplan.istio.networking.v1.DestinationRule;
import dev.sailplan.istio.networking.v1.HTTPRoute;
import dev.sailplan.istio.networking.v1.HTTPRouteDestination;
import dev.sailplan.istio.networking.v1.Subset;
import dev.sailplan.istio.networking.v1.VirtualService;
import dev.sailplan.istio.plan.MeshNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The service a subset rollout ({@code rollout canary}, {@code rollout blue-green}) moves traffic
 * for, found from {@code --host} as the DestinationRules and VirtualServices of the current state
 * name it: short ({@code reviews}, resolved against their namespaces) or fully qualified ({@code
 * reviews.bookinfo.svc.cluster.local}).
 *
 * @param namespace the service's namespace
 * @param name the service's short name
 */
record ServiceHost(String namespace, String name) {
  /** The reference the composites take: {@code namespace/name}. */
  String ref() {
    return namespace + "/" + name;
  }

  String fqdn() {
    return MeshNames.fqdn(name, namespace);
  }

  /**
   * The service {@code host} names in {@code current}.
   *
   * @throws IllegalArgumentException when no DestinationRule or VirtualService names it, or short
   *     names of several namespaces do
   */
  static ServiceHost resolve(String host, State current) {
    Optional<String> ns = MeshNames.namespaceOf(host);
    if (ns.isPresent()) {
      return new ServiceHost(ns.get(), host.substring(0, host.indexOf('.')));
    }
    if (host.contains(".")) {
      throw new IllegalArgumentException(
          "host "
              + host
              + " is neither a short name (reviews) nor a cluster name"
              + " (reviews.bookinfo.svc.cluster.local)");
    }
    // The DestinationRules decide: a rule lives in its service's namespace. Without one, the
    // namespaces that VirtualService destinations resolve the name into.
    TreeSet<String> byRule = new TreeSet<>();
    TreeSet<String> byRoute = new TreeSet<>();
    for (Resource r : current.resources()) {
      String rns = r.metadata().namespace().orElse("");
      if (r instanceof DestinationRule dr && dr.spec().isPresent()) {
        namespaceIf(host, MeshNames.fqdn(dr.spec().get().host(), rns)).ifPresent(byRule::add);
      } else if (r instanceof VirtualService vs && vs.spec().isPresent()) {
        for (HTTPRoute route : vs.spec().get().http()) {
          for (HTTPRouteDestination d : route.route()) {
            namespaceIf(host, MeshNames.fqdn(d.destination().host(), rns)).ifPresent(byRoute::add);
          }
        }
      }
    }
    TreeSet<String> found = byRule.isEmpty() ? byRoute : byRule;
    if (found.isEmpty()) {
      throw new IllegalArgumentException(
          "no DestinationRule or VirtualService in the current state names host " + host);
    }
    if (found.size() > 1) {
      throw new IllegalArgumentException(
          "host "
              + host
              + " names services in several namespaces ("
              + String.join(", ", found)
              + "): give it in full, e.g. "
              + MeshNames.fqdn(host, found.first()));
    }
    return new ServiceHost(found.first(), host);
  }

  private static Optional<String> namespaceIf(String shortName, String fqdn) {
    return fqdn.startsWith(shortName + ".") ? MeshNames.namespaceOf(fqdn) : Optional.empty();
  }

  /**
   * Checks that some VirtualService routes HTTP traffic to {@code subset} of this service (or, when
   * its DestinationRule defines no subsets, to the service as a whole).
   *
   * @throws IllegalArgumentException saying which subsets are routed to instead
   */
  void requireRouted(String subset, State current) {
    List<String> subsets = new ArrayList<>();
    for (Resource r : current.resources()) {
      if (r instanceof DestinationRule dr
          && dr.spec().isPresent()
          && r.metadata().namespace().orElse("").equals(namespace)
          && MeshNames.fqdn(dr.spec().get().host(), namespace).equals(fqdn())) {
        dr.spec().get().subsets().stream().map(Subset::name).forEach(subsets::add);
      }
    }
    TreeSet<String> routed = new TreeSet<>();
    for (Resource r : current.resources()) {
      if (r instanceof VirtualService vs && vs.spec().isPresent()) {
        String rns = r.metadata().namespace().orElse("");
        for (HTTPRoute route : vs.spec().get().http()) {
          for (HTTPRouteDestination d : route.route()) {
            if (MeshNames.fqdn(d.destination().host(), rns).equals(fqdn())) {
              Optional<String> s = d.destination().subset();
              if (s.map(subset::equals).orElse(subsets.isEmpty())) {
                return;
              }
              routed.add(s.map(x -> "subset " + x).orElse("the whole service"));
            }
          }
        }
      }
    }
    throw new IllegalArgumentException(
        "no VirtualService in the current state routes to "
            + name
            + " subset "
            + subset
            + (routed.isEmpty()
                ? ""
                : " (routes to " + name + " go to " + String.join(", ", routed) + ")"));
  }
}
