package dev.sailplan.istio;

import dev.sailplan.core.meta.ObjectMeta;
import dev.sailplan.core.value.Duration;
import dev.sailplan.istio.networking.v1.DestinationRule;
import dev.sailplan.istio.networking.v1.DestinationRuleSpec;
import dev.sailplan.istio.networking.v1.Destination;
import dev.sailplan.istio.networking.v1.Gateway;
import dev.sailplan.istio.networking.v1.GatewaySpec;
import dev.sailplan.istio.networking.v1.HTTPMatchRequest;
import dev.sailplan.istio.networking.v1.HTTPRouteDestination;
import dev.sailplan.istio.networking.v1.IstioEgressListener;
import dev.sailplan.istio.networking.v1.LoadBalancerSettings;
import dev.sailplan.istio.networking.v1.Percent;
import dev.sailplan.istio.networking.v1.Port;
import dev.sailplan.istio.networking.v1.PortSelector;
import dev.sailplan.istio.networking.v1.RouteDestination;
import dev.sailplan.istio.networking.v1.ServiceEntry;
import dev.sailplan.istio.networking.v1.ServiceEntrySpec;
import dev.sailplan.istio.networking.v1.ServicePort;
import dev.sailplan.istio.networking.v1.SimpleLB;
import dev.sailplan.istio.networking.v1.Sidecar;
import dev.sailplan.istio.networking.v1.SidecarSpec;
import dev.sailplan.istio.networking.v1.StringMatch;
import dev.sailplan.istio.networking.v1.Subset;
import dev.sailplan.istio.networking.v1.TrafficPolicy;
import dev.sailplan.istio.networking.v1.VirtualService;
import dev.sailplan.istio.networking.v1.VirtualServiceSpec;
import dev.sailplan.istio.networking.v1.WorkloadLabels;
import dev.sailplan.istio.networking.v1.WorkloadSelector;
import java.util.Map;

/**
 * Factories for Istio traffic management ({@code networking.istio.io/v1}).
 *
 * <pre>{@code
 * import static dev.sailplan.istio.Traffic.*;
 *
 * VirtualService vs = virtualService("bookinfo/reviews", VirtualServiceSpec.builder()
 *     .addHosts("reviews")
 *     .addHttp(HTTPRoute.builder()
 *         .addRoute(routeTo("reviews", "v1", 90))
 *         .addRoute(routeTo("reviews", "v2", 10))
 *         .timeout(seconds(10))
 *         .build())
 *     .build());
 * }</pre>
 */
public final class Traffic {
  private Traffic() {}

  /** A VirtualService named by a {@code namespace/name} (or bare {@code name}) reference. */
  public static VirtualService virtualService(String ref, VirtualServiceSpec spec) {
    return VirtualService.builder().metadata(ObjectMeta.ref(ref)).spec(spec).build();
  }

  /** A DestinationRule named by a {@code namespace/name} (or bare {@code name}) reference. */
  public static DestinationRule destinationRule(String ref, DestinationRuleSpec spec) {
    return DestinationRule.builder().metadata(ObjectMeta.ref(ref)).spec(spec).build();
  }

  /** A Gateway named by a {@code namespace/name} (or bare {@code name}) reference. */
  public static Gateway gateway(String ref, GatewaySpec spec) {
    return Gateway.builder().metadata(ObjectMeta.ref(ref)).spec(spec).build();
  }

  /** A ServiceEntry named by a {@code namespace/name} (or bare {@code name}) reference. */
  public static ServiceEntry serviceEntry(String ref, ServiceEntrySpec spec) {
    return ServiceEntry.builder().metadata(ObjectMeta.ref(ref)).spec(spec).build();
  }

  /** A Sidecar named by a {@code namespace/name} (or bare {@code name}) reference. */
  public static Sidecar sidecar(String ref, SidecarSpec spec) {
    return Sidecar.builder().metadata(ObjectMeta.ref(ref)).spec(spec).build();
  }

  /** A {@code StringMatch} on the exact value. */
  public static StringMatch exact(String value) {
    return StringMatch.builder().exact(value).build();
  }

  /** A {@code StringMatch} on a prefix. */
  public static StringMatch prefix(String value) {
    return StringMatch.builder().prefix(value).build();
  }

  /** A {@code StringMatch} on an RE2 regular expression. */
  public static StringMatch regex(String value) {
    return StringMatch.builder().regex(value).build();
  }

  /** A request match on the URI: {@code matchUri(prefix("/api/"))}. */
  public static HTTPMatchRequest matchUri(StringMatch uri) {
    return HTTPMatchRequest.builder().uri(uri).build();
  }

  /** A request match on one header: {@code matchHeader("end-user", exact("jason"))}. */
  public static HTTPMatchRequest matchHeader(String name, StringMatch value) {
    return HTTPMatchRequest.builder().putHeaders(name, value).build();
  }

  /** Load balancing by a simple algorithm. */
  public static LoadBalancerSettings loadBalancer(SimpleLB algorithm) {
    return LoadBalancerSettings.builder().simple(algorithm).build();
  }

  /** A traffic policy that only sets a simple load-balancing algorithm, as subsets often do. */
  public static TrafficPolicy trafficPolicy(SimpleLB algorithm) {
    return TrafficPolicy.builder().loadBalancer(loadBalancer(algorithm)).build();
  }

  /** A Sidecar egress listener reaching these {@code namespace/host} entries. */
  public static IstioEgressListener egressHosts(String... hosts) {
    return IstioEgressListener.builder().addHosts(hosts).build();
  }

  /** A destination host (short name or FQDN). */
  public static Destination destination(String host) {
    return Destination.builder().host(host).build();
  }

  /** A destination host and subset. */
  public static Destination destination(String host, String subset) {
    return Destination.builder().host(host).subset(subset).build();
  }

  /** A destination host and port. */
  public static Destination destination(String host, int port) {
    return Destination.builder().host(host).port(port(port)).build();
  }

  /** A port selector by number. */
  public static PortSelector port(int number) {
    return PortSelector.builder().number(number).build();
  }

  /** An HTTP route to a host. */
  public static HTTPRouteDestination routeTo(String host) {
    return HTTPRouteDestination.builder().destination(destination(host)).build();
  }

  /** An HTTP route to a host's subset. */
  public static HTTPRouteDestination routeTo(String host, String subset) {
    return HTTPRouteDestination.builder().destination(destination(host, subset)).build();
  }

  /** An HTTP route to a host's subset carrying {@code weight} percent of the traffic. */
  public static HTTPRouteDestination routeTo(String host, String subset, int weight) {
    return HTTPRouteDestination.builder().destination(destination(host, subset)).weight(weight).build();
  }

  /** An HTTP route to a destination. */
  public static HTTPRouteDestination routeTo(Destination destination) {
    return HTTPRouteDestination.builder().destination(destination).build();
  }

  /** An HTTP route to a destination carrying {@code weight} percent of the traffic. */
  public static HTTPRouteDestination routeTo(Destination destination, int weight) {
    return HTTPRouteDestination.builder().destination(destination).weight(weight).build();
  }

  /** A TCP or TLS route to a destination. */
  public static RouteDestination tcpRouteTo(Destination destination) {
    return RouteDestination.builder().destination(destination).build();
  }

  /** A subset selecting pods by label pairs: {@code subset("v2", "version", "v2")}. */
  public static Subset subset(String name, String... labelPairs) {
    return Subset.builder().name(name).putAllLabels(Labels.of(labelPairs)).build();
  }

  /** A subset {@code name} selecting {@code version: name}, the common convention. */
  public static Subset versionSubset(String name) {
    return subset(name, "version", name);
  }

  /** A policy-style selector ({@code matchLabels}) from label pairs. */
  public static WorkloadSelector workloadSelector(String... labelPairs) {
    return WorkloadSelector.builder().putAllMatchLabels(Labels.of(labelPairs)).build();
  }

  /** A Sidecar or ServiceEntry selector ({@code labels}) from label pairs. */
  public static WorkloadLabels workloadLabels(String... labelPairs) {
    return WorkloadLabels.builder().putAllLabels(Labels.of(labelPairs)).build();
  }

  /** A Gateway server port. */
  public static Port serverPort(int number, String name, String protocol) {
    return Port.builder().number(number).name(name).protocol(protocol).build();
  }

  /** A ServiceEntry port. */
  public static ServicePort servicePort(int number, String name, String protocol) {
    return ServicePort.builder().number(number).name(name).protocol(protocol).build();
  }

  /** A percentage, e.g. for fault injection and mirroring. */
  public static Percent percent(double value) {
    return Percent.builder().value(value).build();
  }

  /** Whole seconds: {@code seconds(30)} renders {@code 30s}. */
  public static Duration seconds(long seconds) {
    return Duration.ofSeconds(seconds);
  }

  /** Whole minutes: {@code minutes(1)} renders {@code 1m}. */
  public static Duration minutes(long minutes) {
    return Duration.ofMinutes(minutes);
  }

  /** Milliseconds: {@code millis(250)} renders {@code 250ms}. */
  public static Duration millis(long millis) {
    return Duration.ofMillis(millis);
  }

  /** Any Go duration literal, kept as written: {@code duration("0.5s")}. */
  public static Duration duration(String text) {
    return Duration.parse(text);
  }

  /** Label pairs as a map: {@code labels("app", "reviews", "version", "v1")}. */
  public static Map<String, String> labels(String... labelPairs) {
    return Labels.of(labelPairs);
  }
}
