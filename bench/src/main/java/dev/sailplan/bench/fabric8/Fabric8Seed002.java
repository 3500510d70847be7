package dev.sailplan.bench.fabric8;

import io.fabric8.istio.api.api.networking.v1alpha3.LoadBalancerSettingsSimpleLB;
import io.fabric8.istio.api.api.networking.v1alpha3.ServerTLSSettingsTLSmode;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchBuilder;
import io.fabric8.istio.api.api.security.v1beta1.AuthorizationPolicyAction;
import io.fabric8.istio.api.api.security.v1beta1.PeerAuthenticationMutualTLSMode;
import io.fabric8.istio.api.networking.v1.DestinationRuleBuilder;
import io.fabric8.istio.api.networking.v1.GatewayBuilder;
import io.fabric8.istio.api.networking.v1.VirtualServiceBuilder;
import io.fabric8.istio.api.security.v1.AuthorizationPolicyBuilder;
import io.fabric8.istio.api.security.v1.PeerAuthenticationBuilder;
import io.fabric8.istio.api.telemetry.v1.TelemetryBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seed 002 written with fabric8's builders: Bookinfo traffic management, security, observability
 * and ingress/egress. The fabric8 counterpart of {@code Seed002}.
 */
public final class Fabric8Seed002 {
  private Fabric8Seed002() {}

  /** The examples of this group by seed file name (without {@code .yaml}), in file order. */
  public static Map<String, List<HasMetadata>> all() {
    Map<String, List<HasMetadata>> all = new LinkedHashMap<>();
    all.put("002-01-reviews-header-routing", reviewsHeaderRouting());
    all.put("002-02-reviews-destination-subsets", reviewsDestinationSubsets());
    all.put("002-03-reviews-canary-split", reviewsCanarySplit());
    all.put("002-04-reviews-traffic-mirror", reviewsTrafficMirror());
    all.put("002-05-ratings-fault-injection", ratingsFaultInjection());
    all.put("002-06-mesh-strict-mtls", meshStrictMtls());
    all.put("002-07-ratings-authz-allow-reviews", ratingsAuthzAllowReviews());
    all.put("002-08-productpage-ext-authz", productpageExtAuthz());
    all.put("002-11-access-logging-errors", accessLoggingErrors());
    all.put("002-12-bookinfo-gateway", bookinfoGateway());
    all.put("002-13-bookinfo-virtualservice", bookinfoVirtualservice());
    all.put("002-14-egress-gateway-passthrough", egressGatewayPassthrough());
    all.put("002-17-productpage-connection-tuning", productpageConnectionTuning());
    return all;
  }

  /** VirtualService: end-user jason goes to reviews v2, everyone else to v1. */
  private static List<HasMetadata> reviewsHeaderRouting() {
    return List.of(
        new VirtualServiceBuilder()
            .withNewMetadata()
            .withName("reviews-route")
            .withNamespace("bookinfo")
            .endMetadata()
            .withNewSpec()
            .addToHosts("reviews")
            .addNewHttp()
            .addNewMatch()
            .addToHeaders(
                "end-user", new StringMatchBuilder().withNewStringMatchExactType("jason").build())
            .endMatch()
            .addNewRoute()
            .withNewDestination()
            .withHost("reviews")
            .withSubset("v2")
            .endDestination()
            .endRoute()
            .endHttp()
            .addNewHttp()
            .addNewRoute()
            .withNewDestination()
            .withHost("reviews")
            .withSubset("v1")
            .endDestination()
            .endRoute()
            .endHttp()
            .endSpec()
            .build());
  }

  /** DestinationRule: subsets v1-v3 under LEAST_REQUEST; v3 overrides it with ROUND_ROBIN. */
  private static List<HasMetadata> reviewsDestinationSubsets() {
    return List.of(
        new DestinationRuleBuilder()
            .withNewMetadata()
            .withName("reviews-destination")
            .withNamespace("bookinfo")
            .endMetadata()
            .withNewSpec()
            .withHost("reviews")
            .withNewTrafficPolicy()
            .withNewLoadBalancer()
            .withNewLoadBalancerSettingsSimpleLbPolicy()
            .withSimple(LoadBalancerSettingsSimpleLB.LEAST_REQUEST)
            .endLoadBalancerSettingsSimpleLbPolicy()
            .endLoadBalancer()
            .withNewConnectionPool()
            .withNewTcp()
            .withMaxConnections(100)
            .endTcp()
            .withNewHttp()
            .withHttp1MaxPendingRequests(50)
            .withHttp2MaxRequests(100)
            .endHttp()
            .endConnectionPool()
            .endTrafficPolicy()
            .addNewSubset()
            .withName("v1")
            .addToLabels("version", "v1")
            .endSubset()
            .addNewSubset()
            .withName("v2")
            .addToLabels("version", "v2")
            .endSubset()
            .addNewSubset()
            .withName("v3")
            .addToLabels("version", "v3")
            .withNewTrafficPolicy()
            .withNewLoadBalancer()
            .withNewLoadBalancerSettingsSimpleLbPolicy()
            .withSimple(LoadBalancerSettingsSimpleLB.ROUND_ROBIN)
            .endLoadBalancerSettingsSimpleLbPolicy()
            .endLoadBalancer()
            .endTrafficPolicy()
            .endSubset()
            .endSpec()
            .build());
  }

  /** VirtualService: canary split, 90% to reviews v1 and 10% to v2. */
  private static List<HasMetadata> reviewsCanarySplit() {
    return List.of(
        new VirtualServiceBuilder()
            .withNewMetadata()
            .withName("reviews-canary")
            .endMetadata()
            .withNewSpec()
            .addToHosts("reviews")
            .addNewHttp()
            .addNewRoute()
            .withNewDestination()
            .withHost("reviews")
            .withSubset("v1")
            .endDestination()
            .withWeight(90)
            .endRoute()
            .addNewRoute()
            .withNewDestination()
            .withHost("reviews")
            .withSubset("v2")
            .endDestination()
            .withWeight(10)
            .endRoute()
            .endHttp()
            .endSpec()
            .build());
  }

  /** VirtualService: all traffic to reviews v1, half of it mirrored to v2. */
  private static List<HasMetadata> reviewsTrafficMirror() {
    return List.of(
        new VirtualServiceBuilder()
            .withNewMetadata()
            .withName("reviews-mirror")
            .endMetadata()
            .withNewSpec()
            .addToHosts("reviews")
            .addNewHttp()
            .addNewRoute()
            .withNewDestination()
            .withHost("reviews")
            .withSubset("v1")
            .endDestination()
            .withWeight(100)
            .endRoute()
            .withNewMirror()
            .withHost("reviews")
            .withSubset("v2")
            .endMirror()
            .withNewMirrorPercentage(50.0)
            .endHttp()
            .endSpec()
            .build());
  }

  /** VirtualService: 5s delay for 10% and HTTP 503 for 5% of ratings requests. */
  private static List<HasMetadata> ratingsFaultInjection() {
    return List.of(
        new VirtualServiceBuilder()
            .withNewMetadata()
            .withName("ratings-fault")
            .endMetadata()
            .withNewSpec()
            .addToHosts("ratings")
            .addNewHttp()
            .withNewFault()
            .withNewDelay()
            .withNewPercentage(10.0)
            .withNewHTTPFaultInjectionDelayFixedDelayHttpType("5s")
            .endDelay()
            .withNewAbort()
            .withNewPercentage(5.0)
            .withNewHTTPFaultInjectionAbortHttpStatusErrorType(503)
            .endAbort()
            .endFault()
            .addNewRoute()
            .withNewDestination()
            .withHost("ratings")
            .withSubset("v1")
            .endDestination()
            .endRoute()
            .endHttp()
            .endSpec()
            .build());
  }

  /** PeerAuthentication: mesh-wide STRICT mTLS in istio-system. */
  private static List<HasMetadata> meshStrictMtls() {
    return List.of(
        new PeerAuthenticationBuilder()
            .withNewMetadata()
            .withName("default")
            .withNamespace("istio-system")
            .endMetadata()
            .withNewSpec()
            .withNewMtls()
            .withMode(PeerAuthenticationMutualTLSMode.STRICT)
            .endMtls()
            .endSpec()
            .build());
  }

  /** AuthorizationPolicy: only the reviews service account may GET ratings' /ratings/*. */
  private static List<HasMetadata> ratingsAuthzAllowReviews() {
    return List.of(
        new AuthorizationPolicyBuilder()
            .withNewMetadata()
            .withName("ratings-policy")
            .withNamespace("bookinfo")
            .endMetadata()
            .withNewSpec()
            .withNewSelector()
            .addToMatchLabels("app", "ratings")
            .endSelector()
            .withAction(AuthorizationPolicyAction.ALLOW)
            .addNewRule()
            .addNewFrom()
            .withNewSource()
            .addToPrincipals("cluster.local/ns/bookinfo/sa/reviews")
            .endSource()
            .endFrom()
            .addNewTo()
            .withNewOperation()
            .addToMethods("GET")
            .addToPaths("/ratings/*")
            .endOperation()
            .endTo()
            .endRule()
            .endSpec()
            .build());
  }

  /** AuthorizationPolicy: CUSTOM, delegating productpage's /admin/* to my-ext-authz. */
  private static List<HasMetadata> productpageExtAuthz() {
    return List.of(
        new AuthorizationPolicyBuilder()
            .withNewMetadata()
            .withName("ext-authz")
            .withNamespace("bookinfo")
            .endMetadata()
            .withNewSpec()
            .withNewSelector()
            .addToMatchLabels("app", "productpage")
            .endSelector()
            .withAction(AuthorizationPolicyAction.CUSTOM)
            .withNewAuthorizationPolicyProviderActionDetail()
            .withNewProvider("my-ext-authz")
            .endAuthorizationPolicyProviderActionDetail()
            .addNewRule()
            .addNewTo()
            .withNewOperation()
            .addToPaths("/admin/*")
            .endOperation()
            .endTo()
            .endRule()
            .endSpec()
            .build());
  }

  /** Telemetry: mesh-wide envoy access logging for responses with status >= 400. */
  private static List<HasMetadata> accessLoggingErrors() {
    return List.of(
        new TelemetryBuilder()
            .withNewMetadata()
            .withName("mesh-default")
            .withNamespace("istio-system")
            .endMetadata()
            .withNewSpec()
            .addNewAccessLogging()
            .addNewProvider("envoy")
            .withNewFilter("response.code >= 400")
            .endAccessLogging()
            .endSpec()
            .build());
  }

  /** Gateway: HTTP and HTTPS (SIMPLE TLS from bookinfo-credential) for bookinfo.example.com. */
  private static List<HasMetadata> bookinfoGateway() {
    return List.of(
        new GatewayBuilder()
            .withNewMetadata()
            .withName("bookinfo-gateway")
            .withNamespace("bookinfo")
            .endMetadata()
            .withNewSpec()
            .addToSelector("istio", "ingressgateway")
            .addNewServer()
            .withNewPort()
            .withNumber(80L)
            .withName("http")
            .withProtocol("HTTP")
            .endPort()
            .addToHosts("bookinfo.example.com")
            .endServer()
            .addNewServer()
            .withNewPort()
            .withNumber(443L)
            .withName("https")
            .withProtocol("HTTPS")
            .endPort()
            .withNewTls()
            .withMode(ServerTLSSettingsTLSmode.SIMPLE)
            .withCredentialName("bookinfo-credential")
            .endTls()
            .addToHosts("bookinfo.example.com")
            .endServer()
            .endSpec()
            .build());
  }

  /** VirtualService: bookinfo-gateway's Bookinfo paths to productpage:9080. */
  private static List<HasMetadata> bookinfoVirtualservice() {
    return List.of(
        new VirtualServiceBuilder()
            .withNewMetadata()
            .withName("bookinfo")
            .withNamespace("bookinfo")
            .endMetadata()
            .withNewSpec()
            .addToHosts("bookinfo.example.com")
            .addToGateways("bookinfo-gateway")
            .addNewHttp()
            .addNewMatch()
            .withNewUri()
            .withNewStringMatchExactType("/productpage")
            .endUri()
            .endMatch()
            .addNewMatch()
            .withNewUri()
            .withNewStringMatchPrefixType("/static")
            .endUri()
            .endMatch()
            .addNewMatch()
            .withNewUri()
            .withNewStringMatchExactType("/login")
            .endUri()
            .endMatch()
            .addNewMatch()
            .withNewUri()
            .withNewStringMatchExactType("/logout")
            .endUri()
            .endMatch()
            .addNewRoute()
            .withNewDestination()
            .withHost("productpage")
            .withNewPort()
            .withNumber(9080L)
            .endPort()
            .endDestination()
            .endRoute()
            .endHttp()
            .endSpec()
            .build());
  }

  /** Gateway: TLS passthrough on the egress gateway's port 443 for external-api.example.com. */
  private static List<HasMetadata> egressGatewayPassthrough() {
    return List.of(
        new GatewayBuilder()
            .withNewMetadata()
            .withName("egress-gateway")
            .endMetadata()
            .withNewSpec()
            .addToSelector("istio", "egressgateway")
            .addNewServer()
            .withNewPort()
            .withNumber(443L)
            .withName("tls")
            .withProtocol("TLS")
            .endPort()
            .addToHosts("external-api.example.com")
            .withNewTls()
            .withMode(ServerTLSSettingsTLSmode.PASSTHROUGH)
            .endTls()
            .endServer()
            .endSpec()
            .build());
  }

  /** DestinationRule: productpage connection pool and outlier detection (deprecated field kept). */
  private static List<HasMetadata> productpageConnectionTuning() {
    return List.of(
        new DestinationRuleBuilder()
            .withNewMetadata()
            .withName("productpage-tuned")
            .endMetadata()
            .withNewSpec()
            .withHost("productpage")
            .withNewTrafficPolicy()
            .withNewConnectionPool()
            .withNewTcp()
            .withMaxConnections(100)
            .withConnectTimeout("30ms")
            .withNewTcpKeepalive()
            .withTime("7200s")
            .withInterval("75s")
            .endTcpKeepalive()
            .endTcp()
            .withNewHttp()
            .withHttp1MaxPendingRequests(1024)
            .withHttp2MaxRequests(1024)
            .withMaxRequestsPerConnection(0)
            .withMaxRetries(3)
            .endHttp()
            .endConnectionPool()
            .withNewOutlierDetection()
            .withConsecutiveErrors(5)
            .withInterval("30s")
            .withBaseEjectionTime("30s")
            .withMaxEjectionPercent(50)
            .withMinHealthPercent(40)
            .endOutlierDetection()
            .endTrafficPolicy()
            .endSpec()
            .build());
  }
}
