package dev.sailplan.istio;

import dev.sailplan.core.meta.ObjectMeta;
import dev.sailplan.core.value.Duration;
import dev.sailplan.istio.networking.v1.Destination;
import dev.sailplan.istio.networking.v1.DestinationRule;
import dev.sailplan.istio.networking.v1.DestinationRuleSpec;
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
import dev.sailplan.istio.networking.v1.Sidecar;
import dev.sailplan.istio.networking.v1.SidecarSpec;
import dev.sailplan.istio.networking.v1.SimpleLB;
import dev.sailplan.istio.networking.v1.StringMatch;
import dev.sailplan.istio.networking.v1.Subset;
import dev.sailplan.istio.networking.v1.TrafficPolicy;
import dev.sailplan.istio.networking.v1.VirtualService;
import dev.sailplan.istio.networking.v1.VirtualServiceSpec;
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
 *         .addRoute(routeTo("reviews", "v1").withWeight(90))
 *         .addRoute(routeTo("reviews", "v2").withWeight(10))
 *         .timeout(seconds(10))
 *         .build())
 *     .build());
 * }</pre>
 *
 * <p>A route's weight is set on the route: {@code routeTo("reviews", "v1").withWeight(90)} (every
 * generated value has a {@code with} method per field). What a resource selects or targets comes
 * from {@link Selectors}, whose values fit every Istio kind.
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
    return Destination.builder().host(host).port(portSelector(port)).build();
  }

  /**
   * Selects a port by number, for a destination or a DestinationRule's port-level settings: {@code
   * PortTrafficPolicy.builder().port(portSelector(3306))}.
   */
  public static PortSelector portSelector(int number) {
    return PortSelector.builder().number(number).build();
  }

  /** An HTTP route to a host. */
  public static HTTPRouteDestination routeTo(String host) {
    return HTTPRouteDestination.builder().destination(destination(host)).build();
  }

  /**
   * An HTTP route to a host's subset; {@code routeTo("reviews", "v1").withWeight(90)} gives it 90
   * percent of the traffic.
   */
  public static HTTPRouteDestination routeTo(String host, String subset) {
    return HTTPRouteDestination.builder().destination(destination(host, subset)).build();
  }

  /** An HTTP route to a destination. */
  public static HTTPRouteDestination routeTo(Destination destination) {
    return HTTPRouteDestination.builder().destination(destination).build();
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
