package dev.sailplan.istio.rollout;

import static dev.sailplan.istio.Traffic.destinationRule;
import static dev.sailplan.istio.Traffic.routeTo;
import static dev.sailplan.istio.Traffic.subset;
import static dev.sailplan.istio.Traffic.virtualService;

import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.rollout.SteppedRollout;
import dev.sailplan.core.value.ResourceNames;
import dev.sailplan.istio.networking.v1.DestinationRule;
import dev.sailplan.istio.networking.v1.DestinationRuleSpec;
import dev.sailplan.istio.networking.v1.HTTPRoute;
import dev.sailplan.istio.networking.v1.HTTPRouteDestination;
import dev.sailplan.istio.networking.v1.VirtualService;
import dev.sailplan.istio.networking.v1.VirtualServiceSpec;
import java.util.Collection;
import java.util.List;

/**
 * A service whose versions are subsets selecting pods by one label: what {@link CanaryRollout} and
 * {@link BlueGreen} move traffic between. Its DestinationRule and VirtualService are named after
 * the host.
 */
record SubsetService(String namespace, String host, String versionLabel) {
  /** The DestinationRule defining these subsets, in order. */
  DestinationRule rule(String... subsets) {
    DestinationRuleSpec.Builder spec = DestinationRuleSpec.builder().host(host);
    for (String s : subsets) {
      spec.addSubsets(subset(s, versionLabel, s));
    }
    return destinationRule(namespace + "/" + host, spec.build());
  }

  /** The VirtualService with these HTTP routes, in order. */
  VirtualService routes(List<HTTPRoute> http) {
    return virtualService(
        namespace + "/" + host,
        VirtualServiceSpec.builder().addHosts(host).addAllHttp(http).build());
  }

  /** The route named {@code primary}, to these destinations. */
  static HTTPRoute primary(List<HTTPRouteDestination> to) {
    return HTTPRoute.builder().name("primary").addAllRoute(to).build();
  }

  /** The destination of all traffic to one subset. */
  HTTPRouteDestination to(String subset) {
    return routeTo(host, subset);
  }

  /** The destination of {@code weight} percent of the traffic to one subset. */
  HTTPRouteDestination to(String subset, int weight) {
    return routeTo(host, subset).withWeight(weight);
  }

  /** The builder parts both composites take: the service, and the label subsets select on. */
  abstract static class Builder<O> extends SteppedRollout.Builder<O> {
    private final String namespace;
    private final String host;
    private String versionLabel = "version";
    private List<Resource> current;

    /** Starts with the service {@code namespace/host}, checked. */
    Builder(Class<O> options, String serviceRef) {
      super(options);
      String[] parts = ResourceNames.namespaced("service", serviceRef);
      this.namespace = parts[0];
      this.host = parts[1];
    }

    /** The pod label that subsets select on. Default: {@code version}. */
    public final O versionLabel(String label) {
      this.versionLabel = label;
      return self();
    }

    /**
     * The objects running now (a DestinationRule and VirtualServices among others, e.g. read from
     * {@code kubectl get -o yaml}): the rollout changes only the subsets and the routes to the
     * stable subset in them, and creates what is missing.
     */
    public final O from(Collection<? extends Resource> objects) {
      this.current = List.copyOf(objects);
      return self();
    }

    /**
     * The service's objects before the rollout: found in {@link #from} or created.
     *
     * @throws IllegalArgumentException when the current objects make the rollout impossible
     */
    final ServiceObjects objects(SubsetService service, String stable, String other) {
      return current == null
          ? ServiceObjects.created(service, stable)
          : ServiceObjects.from(service, stable, other, current);
    }

    /** The host, for the default plan name. */
    final String host() {
      return host;
    }

    /**
     * The service, its version label checked.
     *
     * @throws IllegalArgumentException when the version label is not a valid label key
     */
    final SubsetService service() {
      return new SubsetService(
          namespace, host, ResourceNames.labelKey("version label", versionLabel));
    }
  }
}
