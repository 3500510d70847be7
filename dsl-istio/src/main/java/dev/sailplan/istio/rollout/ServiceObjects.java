package dev.sailplan.istio.rollout;

import static dev.sailplan.istio.Traffic.subset;

import dev.sailplan.core.generic.GenericObject;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.plan.State;
import dev.sailplan.istio.networking.v1.Destination;
import dev.sailplan.istio.networking.v1.DestinationRule;
import dev.sailplan.istio.networking.v1.DestinationRuleSpec;
import dev.sailplan.istio.networking.v1.HTTPRoute;
import dev.sailplan.istio.networking.v1.HTTPRouteDestination;
import dev.sailplan.istio.networking.v1.Subset;
import dev.sailplan.istio.networking.v1.VirtualService;
import dev.sailplan.istio.networking.v1.VirtualServiceSpec;
import dev.sailplan.istio.plan.MeshNames;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * The objects a rollout of one service between two subsets changes, and only the parts it owns: the
 * subsets of the service's DestinationRule, and the destinations and weights of every HTTP route
 * (of any VirtualService) that sends traffic to the service's stable subset. Everything else of
 * those objects — traffic policies, other subsets, matches, retries, timeouts, rewrites, mirrors,
 * headers, other hosts' routes, labels, annotations — stays as it is.
 *
 * <p>Without current objects, it is the DestinationRule and VirtualService Sailplan creates, named
 * after the host, with the stable subset taking all traffic.
 */
final class ServiceObjects {
  private final SubsetService service;
  private final String stable;
  private final String fqdn;
  private final Optional<DestinationRule> currentRule;
  private final List<VirtualService> currentRoutes;
  private final boolean implicitStable;

  /**
   * The workloads of the service's namespace in the current state, kept unchanged in every state:
   * the planner orders the subsets by the pods they select, and warns when none runs a subset.
   */
  private final List<GenericObject> workloads;

  private ServiceObjects(
      SubsetService service,
      String stable,
      Optional<DestinationRule> currentRule,
      List<VirtualService> currentRoutes,
      boolean implicitStable,
      List<GenericObject> workloads) {
    this.service = service;
    this.stable = stable;
    this.fqdn = MeshNames.fqdn(service.host(), service.namespace());
    this.currentRule = currentRule;
    this.currentRoutes = currentRoutes;
    this.implicitStable = implicitStable;
    this.workloads = List.copyOf(workloads);
  }

  /**
   * The objects Sailplan creates, as they are before the rollout: all traffic to {@code stable}.
   */
  static ServiceObjects created(SubsetService service, String stable) {
    return new ServiceObjects(
        service,
        stable,
        Optional.of(service.rule(stable)),
        List.of(service.routes(List.of(SubsetService.primary(List.of(service.to(stable)))))),
        false,
        List.of());
  }

  /**
   * The service's objects in {@code current}: its DestinationRule (in the service's namespace) and
   * every VirtualService with a route to its stable subset; what is missing is created.
   *
   * @throws IllegalArgumentException when the current state makes the rollout impossible, saying
   *     why: two DestinationRules for the host, or VirtualServices for the host of which no route
   *     sends traffic to the stable subset
   */
  static ServiceObjects from(
      SubsetService service, String stable, String other, Collection<? extends Resource> current) {
    String fqdn = MeshNames.fqdn(service.host(), service.namespace());
    List<DestinationRule> rules = new ArrayList<>();
    for (Resource r : current) {
      if (r instanceof DestinationRule dr
          && dr.metadata().namespace().orElse("").equals(service.namespace())
          && dr.spec().isPresent()
          && MeshNames.fqdn(dr.spec().get().host(), service.namespace()).equals(fqdn)) {
        rules.add(dr);
      }
    }
    if (rules.size() > 1) {
      throw new IllegalArgumentException(
          "two DestinationRules in "
              + service.namespace()
              + " are for host "
              + service.host()
              + " ("
              + rules.get(0).metadata().name().orElse("")
              + ", "
              + rules.get(1).metadata().name().orElse("")
              + "): Istio applies only one of them; merge them first");
    }
    Optional<DestinationRule> rule = rules.stream().findFirst();
    // A host whose DestinationRule defines no subsets is routed as a whole: those routes are the
    // stable version's, and the rollout gives it its subset first.
    boolean implicit = rule.map(r -> r.spec().orElseThrow().subsets().isEmpty()).orElse(true);
    List<VirtualService> routing = new ArrayList<>();
    List<String> forHost = new ArrayList<>();
    for (Resource r : current) {
      if (r instanceof VirtualService vs && vs.spec().isPresent()) {
        String ns = vs.metadata().namespace().orElse("");
        boolean owned = false;
        for (HTTPRoute route : vs.spec().get().http()) {
          for (HTTPRouteDestination d : route.route()) {
            if (ownedDestination(d, ns, fqdn, stable, other, implicit)) {
              owned = true;
            }
          }
        }
        if (owned) {
          routing.add(vs);
        } else if (vs.spec().get().hosts().stream()
            .anyMatch(h -> MeshNames.fqdn(h, ns).equals(fqdn))) {
          forHost.add(ns + "/" + vs.metadata().name().orElse(""));
        }
      }
    }
    if (routing.isEmpty() && !forHost.isEmpty()) {
      throw new IllegalArgumentException(
          "no route sends traffic to "
              + service.host()
              + " subset "
              + stable
              + ": VirtualService "
              + String.join(", ", forHost)
              + " routes "
              + service.host()
              + " elsewhere; the rollout needs the stable version to be routed to");
    }
    if (routing.isEmpty()) {
      routing.add(service.routes(List.of(SubsetService.primary(List.of(service.to(stable))))));
    }
    List<GenericObject> workloads = new ArrayList<>();
    for (Resource r : current) {
      if (r instanceof GenericObject g
          && g.isWorkload()
          && g.metadata().namespace().orElse("").equals(service.namespace())) {
        workloads.add(g);
      }
    }
    return new ServiceObjects(service, stable, rule, List.copyOf(routing), implicit, workloads);
  }

  /** A state of the DestinationRule and the VirtualServices, with the current workloads. */
  State state(DestinationRule rule, List<VirtualService> routes) {
    List<Resource> all = new ArrayList<>();
    all.add(rule);
    all.addAll(routes);
    all.addAll(workloads);
    return State.of(all);
  }

  /** The DestinationRule and VirtualServices as they are now (only those that exist). */
  List<Resource> current() {
    List<Resource> out = new ArrayList<>();
    currentRule.ifPresent(out::add);
    out.addAll(currentRoutes);
    out.addAll(workloads);
    return out;
  }

  /**
   * The DestinationRule with these subsets of the rollout present, in this order after the ones it
   * has already, and {@code absent} removed; every other subset and field kept.
   */
  DestinationRule rule(List<String> present, List<String> absent) {
    DestinationRule base = currentRule.orElseGet(service::rule);
    DestinationRuleSpec spec = base.spec().orElseThrow();
    List<Subset> subsets = new ArrayList<>();
    for (Subset s : spec.subsets()) {
      if (!absent.contains(s.name())) {
        subsets.add(s);
      }
    }
    for (String name : present) {
      if (subsets.stream().noneMatch(s -> s.name().equals(name))) {
        subsets.add(subset(name, service.versionLabel(), name));
      }
    }
    return base.withSpec(spec.withSubsets(subsets));
  }

  /**
   * The VirtualServices with {@code toWeight} percent of the stable subset's traffic sent to {@code
   * to} (0: all to the stable subset, 100: all to {@code to}), and when {@code override} is given,
   * the route it makes of a destination to {@code to} (written as that VirtualService writes the
   * host, its port kept) before the first route it changes.
   */
  List<VirtualService> routes(
      String to, int toWeight, Optional<Function<HTTPRouteDestination, HTTPRoute>> override) {
    List<VirtualService> out = new ArrayList<>();
    for (VirtualService vs : currentRoutes) {
      String ns = vs.metadata().namespace().orElse("");
      VirtualServiceSpec spec = vs.spec().orElseThrow();
      List<HTTPRoute> http = new ArrayList<>();
      boolean first = true;
      for (HTTPRoute route : spec.http()) {
        if (route.route().stream()
            .noneMatch(d -> ownedDestination(d, ns, fqdn, stable, to, implicitStable))) {
          http.add(route);
          continue;
        }
        if (first && override.isPresent()) {
          HTTPRouteDestination model = model(route.route(), ns, to);
          http.add(
              override
                  .get()
                  .apply(
                      HTTPRouteDestination.builder()
                          .destination(model.destination().withSubset(to))
                          .build()));
        }
        first = false;
        http.add(route.withRoute(split(route.route(), ns, to, toWeight)));
      }
      out.add(vs.withSpec(spec.withHttp(http)));
    }
    return out;
  }

  /**
   * The owned destination whose fields (port, headers) the new ones copy: the first to the stable
   * subset (or to the host as a whole), else the first owned one.
   */
  private HTTPRouteDestination model(
      List<HTTPRouteDestination> destinations, String ns, String to) {
    HTTPRouteDestination first = null;
    for (HTTPRouteDestination d : destinations) {
      if (ownedDestination(d, ns, fqdn, stable, to, implicitStable)) {
        if (d.destination().subset().orElse(stable).equals(stable)) {
          return d;
        }
        first = first == null ? d : first;
      }
    }
    return first;
  }

  /**
   * The route's destinations with the traffic of the owned ones (to the stable subset or to {@code
   * to}) split {@code 100 - toWeight} / {@code toWeight}, in the place of the first of them; the
   * other destinations unchanged.
   */
  private List<HTTPRouteDestination> split(
      List<HTTPRouteDestination> destinations, String ns, String to, int toWeight) {
    int total = 0;
    int at = -1;
    List<HTTPRouteDestination> others = new ArrayList<>();
    for (HTTPRouteDestination d : destinations) {
      if (ownedDestination(d, ns, fqdn, stable, to, implicitStable)) {
        total += d.weight().orElse(destinations.size() == 1 ? 100 : 0);
        if (at < 0) {
          at = others.size();
        }
      } else {
        others.add(d);
      }
    }
    HTTPRouteDestination model = model(destinations, ns, to);
    int toShare = (total * toWeight + 50) / 100;
    int stableShare = total - toShare;
    List<HTTPRouteDestination> owned = new ArrayList<>();
    if (stableShare > 0) {
      owned.add(weighted(model, stable, stableShare));
    }
    if (toShare > 0) {
      owned.add(weighted(model, to, toShare));
    }
    List<HTTPRouteDestination> out = new ArrayList<>(others);
    out.addAll(at, owned);
    if (out.size() == 1) {
      return List.of(out.get(0).withWeight(OptionalInt.empty()));
    }
    return out;
  }

  private static HTTPRouteDestination weighted(
      HTTPRouteDestination model, String subset, int weight) {
    return model.withDestination(model.destination().withSubset(subset)).withWeight(weight);
  }

  private static boolean ownedDestination(
      HTTPRouteDestination d,
      String routeNamespace,
      String fqdn,
      String stable,
      String other,
      boolean implicitStable) {
    Destination dest = d.destination();
    if (!MeshNames.fqdn(dest.host(), routeNamespace).equals(fqdn)) {
      return false;
    }
    Optional<String> subset = dest.subset();
    return subset.isEmpty()
        ? implicitStable
        : subset.get().equals(stable) || subset.get().equals(other);
  }
}
