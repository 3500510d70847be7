package dev.sailplan.bench.fabric8;

import io.fabric8.istio.api.api.networking.v1alpha3.ClientTLSSettingsTLSmode;
import io.fabric8.istio.api.api.networking.v1alpha3.LoadBalancerSettingsSimpleLB;
import io.fabric8.istio.api.api.networking.v1alpha3.OutboundTrafficPolicyMode;
import io.fabric8.istio.api.api.networking.v1alpha3.ServerTLSSettingsTLSmode;
import io.fabric8.istio.api.api.networking.v1alpha3.ServiceEntryLocation;
import io.fabric8.istio.api.api.networking.v1alpha3.ServiceEntryResolution;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchBuilder;
import io.fabric8.istio.api.networking.v1.DestinationRuleBuilder;
import io.fabric8.istio.api.networking.v1.GatewayBuilder;
import io.fabric8.istio.api.networking.v1.ServiceEntryBuilder;
import io.fabric8.istio.api.networking.v1.SidecarBuilder;
import io.fabric8.istio.api.networking.v1.VirtualServiceBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seed 003, traffic management, written with fabric8's builders: gateways, routing, destination
 * policies, sidecars and service entries, each exactly as the seed writes it. The fabric8
 * counterpart of {@code Seed003Traffic}.
 */
public final class Fabric8Seed003Traffic {
  private Fabric8Seed003Traffic() {}

  /** The examples of this group by seed file name (without {@code .yaml}), in file order. */
  public static Map<String, List<HasMetadata>> all() {
    Map<String, List<HasMetadata>> all = new LinkedHashMap<>();
    all.put("003-01-public-gateway-api-routes", publicGatewayApiRoutes());
    all.put("003-02-api-destination-policies", apiDestinationPolicies());
    all.put("003-03-canary-traffic-split", canaryTrafficSplit());
    all.put("003-04-blue-green-switch", blueGreenSwitch());
    all.put("003-05-backend-circuit-breaker", backendCircuitBreaker());
    all.put("003-06-payment-retry-policy", paymentRetryPolicy());
    all.put("003-14-namespace-egress-sidecar", namespaceEgressSidecar());
    all.put("003-15-frontend-sidecar", frontendSidecar());
    all.put("003-16-external-api-registry-only", externalApiRegistryOnly());
    all.put("003-17-fault-injection", faultInjection());
    all.put("003-19-locality-failover", localityFailover());
    all.put("003-28-tls-origination", tlsOrigination());
    all.put("003-29-payments-scoped-sidecar", paymentsScopedSidecar());
    all.put("003-32-gateway-api-public-gateway", gatewayApiPublicGateway());
    return all;
  }

  /**
   * HTTPS ingress gateway with an HTTP-to-HTTPS redirect, and the versioned API routes bound to it.
   */
  private static List<HasMetadata> publicGatewayApiRoutes() {
    String[] hosts = {"api.example.com", "app.example.com"};
    String apiV2 = "api-v2.default.svc.cluster.local";
    return List.of(
        new GatewayBuilder()
            .withNewMetadata()
            .withName("public-gateway")
            .withNamespace("istio-system")
            .endMetadata()
            .withNewSpec()
            .addToSelector("istio", "ingressgateway")
            .addNewServer()
            .withNewPort()
            .withNumber(443L)
            .withName("https")
            .withProtocol("HTTPS")
            .endPort()
            .withNewTls()
            .withMode(ServerTLSSettingsTLSmode.SIMPLE)
            .withCredentialName("tls-cert-secret")
            .endTls()
            .addToHosts(hosts)
            .endServer()
            .addNewServer()
            .withNewPort()
            .withNumber(80L)
            .withName("http")
            .withProtocol("HTTP")
            .endPort()
            .addToHosts(hosts)
            .withNewTls()
            .withHttpsRedirect(true)
            .endTls()
            .endServer()
            .endSpec()
            .build(),
        new VirtualServiceBuilder()
            .withNewMetadata()
            .withName("api-routes")
            .withNamespace("default")
            .endMetadata()
            .withNewSpec()
            .addToHosts("api.example.com")
            .addToGateways("istio-system/public-gateway")
            .addNewHttp()
            .addNewMatch()
            .withNewUri()
            .withNewStringMatchPrefixType("/v2/")
            .endUri()
            .endMatch()
            .withNewRewrite()
            .withUri("/")
            .endRewrite()
            .addNewRoute()
            .withNewDestination()
            .withHost(apiV2)
            .withNewPort()
            .withNumber(8080L)
            .endPort()
            .endDestination()
            .endRoute()
            .withTimeout("30s")
            .withNewRetries()
            .withAttempts(3)
            .withPerTryTimeout("10s")
            .withRetryOn("5xx,reset,connect-failure,refused-stream")
            .endRetries()
            .endHttp()
            .addNewHttp()
            .addNewMatch()
            .withNewUri()
            .withNewStringMatchPrefixType("/v1/")
            .endUri()
            .endMatch()
            .addNewRoute()
            .withNewDestination()
            .withHost("api-v1.default.svc.cluster.local")
            .withNewPort()
            .withNumber(8080L)
            .endPort()
            .endDestination()
            .endRoute()
            .withTimeout("60s")
            .endHttp()
            .addNewHttp()
            .addNewRoute()
            .withNewDestination()
            .withHost(apiV2)
            .withNewPort()
            .withNumber(8080L)
            .endPort()
            .endDestination()
            .endRoute()
            .endHttp()
            .endSpec()
            .build());
  }

  /**
   * Session affinity, connection pool, outlier detection, and two subsets with their own load
   * balancers.
   */
  private static List<HasMetadata> apiDestinationPolicies() {
    return List.of(
        new DestinationRuleBuilder()
            .withNewMetadata()
            .withName("api-destination")
            .withNamespace("default")
            .endMetadata()
            .withNewSpec()
            .withHost("api.default.svc.cluster.local")
            .withNewTrafficPolicy()
            .withNewLoadBalancer()
            .withNewLoadBalancerSettingsConsistentHashLbPolicy()
            .withNewConsistentHash()
            .withNewLoadBalancerSettingsConsistentHashLBHttpHeaderNameKey("x-user-id")
            .endConsistentHash()
            .endLoadBalancerSettingsConsistentHashLbPolicy()
            .endLoadBalancer()
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
            .withHttp1MaxPendingRequests(50)
            .withHttp2MaxRequests(100)
            .withMaxRequestsPerConnection(2)
            .withMaxRetries(3)
            .endHttp()
            .endConnectionPool()
            .withNewOutlierDetection()
            .withConsecutive5xxErrors(5)
            .withInterval("30s")
            .withBaseEjectionTime("30s")
            .withMaxEjectionPercent(50)
            .withMinHealthPercent(40)
            .endOutlierDetection()
            .endTrafficPolicy()
            .addNewSubset()
            .withName("v1")
            .addToLabels("version", "v1")
            .withNewTrafficPolicy()
            .withNewLoadBalancer()
            .withNewLoadBalancerSettingsSimpleLbPolicy()
            .withSimple(LoadBalancerSettingsSimpleLB.ROUND_ROBIN)
            .endLoadBalancerSettingsSimpleLbPolicy()
            .endLoadBalancer()
            .endTrafficPolicy()
            .endSubset()
            .addNewSubset()
            .withName("v2")
            .addToLabels("version", "v2")
            .withNewTrafficPolicy()
            .withNewLoadBalancer()
            .withNewLoadBalancerSettingsSimpleLbPolicy()
            .withSimple(LoadBalancerSettingsSimpleLB.LEAST_REQUEST)
            .endLoadBalancerSettingsSimpleLbPolicy()
            .endLoadBalancer()
            .endTrafficPolicy()
            .endSubset()
            .endSpec()
            .build());
  }

  /**
   * Canary: requests marked {@code x-canary: "true"} go to v2, the rest split 90/10 between v1 and
   * v2.
   */
  private static List<HasMetadata> canaryTrafficSplit() {
    String reviews = "reviews.default.svc.cluster.local";
    return List.of(
        new VirtualServiceBuilder()
            .withNewMetadata()
            .withName("canary-rollout")
            .withNamespace("default")
            .endMetadata()
            .withNewSpec()
            .addToHosts(reviews)
            .addNewHttp()
            .addNewMatch()
            .addToHeaders(
                "x-canary", new StringMatchBuilder().withNewStringMatchExactType("true").build())
            .endMatch()
            .addNewRoute()
            .withNewDestination()
            .withHost(reviews)
            .withSubset("v2")
            .endDestination()
            .endRoute()
            .endHttp()
            .addNewHttp()
            .addNewRoute()
            .withNewDestination()
            .withHost(reviews)
            .withSubset("v1")
            .endDestination()
            .withWeight(90)
            .endRoute()
            .addNewRoute()
            .withNewDestination()
            .withHost(reviews)
            .withSubset("v2")
            .endDestination()
            .withWeight(10)
            .endRoute()
            .endHttp()
            .endSpec()
            .build());
  }

  /** Blue-green: all traffic on blue, green held at weight 0 until the switch. */
  private static List<HasMetadata> blueGreenSwitch() {
    String orders = "orders.default.svc.cluster.local";
    return List.of(
        new VirtualServiceBuilder()
            .withNewMetadata()
            .withName("blue-green")
            .withNamespace("default")
            .endMetadata()
            .withNewSpec()
            .addToHosts(orders)
            .addNewHttp()
            .addNewRoute()
            .withNewDestination()
            .withHost(orders)
            .withSubset("blue")
            .endDestination()
            .withWeight(100)
            .endRoute()
            .addNewRoute()
            .withNewDestination()
            .withHost(orders)
            .withSubset("green")
            .endDestination()
            .withWeight(0)
            .endRoute()
            .endHttp()
            .endSpec()
            .build());
  }

  /** Circuit breaker for the backend: a tight connection pool and outlier detection. */
  private static List<HasMetadata> backendCircuitBreaker() {
    return List.of(
        new DestinationRuleBuilder()
            .withNewMetadata()
            .withName("circuit-breaker")
            .withNamespace("default")
            .endMetadata()
            .withNewSpec()
            .withHost("backend.default.svc.cluster.local")
            .withNewTrafficPolicy()
            .withNewConnectionPool()
            .withNewTcp()
            .withMaxConnections(10)
            .endTcp()
            .withNewHttp()
            .withHttp1MaxPendingRequests(1)
            .withHttp2MaxRequests(10)
            .withMaxRequestsPerConnection(1)
            .endHttp()
            .endConnectionPool()
            .withNewOutlierDetection()
            .withConsecutive5xxErrors(5)
            .withConsecutiveGatewayErrors(5)
            .withInterval("1s")
            .withBaseEjectionTime("30s")
            .withMaxEjectionPercent(50)
            .withMinHealthPercent(40)
            .endOutlierDetection()
            .endTrafficPolicy()
            .endSpec()
            .build());
  }

  /** Payment retries on connection-level failures, within a 10s overall timeout. */
  private static List<HasMetadata> paymentRetryPolicy() {
    String payment = "payment.default.svc.cluster.local";
    return List.of(
        new VirtualServiceBuilder()
            .withNewMetadata()
            .withName("retry-policy")
            .withNamespace("default")
            .endMetadata()
            .withNewSpec()
            .addToHosts(payment)
            .addNewHttp()
            .addNewRoute()
            .withNewDestination()
            .withHost(payment)
            .endDestination()
            .endRoute()
            .withTimeout("10s")
            .withNewRetries()
            .withAttempts(3)
            .withPerTryTimeout("3s")
            .withRetryOn("connect-failure,refused-stream,unavailable,reset")
            .endRetries()
            .endHttp()
            .endSpec()
            .build());
  }

  /**
   * Namespace-wide Sidecar restricting egress, as three port-less listeners (istiod rejects this;
   * kept).
   */
  private static List<HasMetadata> namespaceEgressSidecar() {
    return List.of(
        new SidecarBuilder()
            .withNewMetadata()
            .withName("default-sidecar")
            .withNamespace("production")
            .endMetadata()
            .withNewSpec()
            .addNewEgress()
            .addToHosts("./*")
            .endEgress()
            .addNewEgress()
            .addToHosts("istio-system/*")
            .endEgress()
            .addNewEgress()
            .addToHosts("*/external-api.external.svc.cluster.local")
            .endEgress()
            .endSpec()
            .build());
  }

  /**
   * Frontend Sidecar: inbound HTTP on 8080, egress to the backend and the external API (two
   * port-less listeners; kept).
   */
  private static List<HasMetadata> frontendSidecar() {
    return List.of(
        new SidecarBuilder()
            .withNewMetadata()
            .withName("frontend-sidecar")
            .withNamespace("default")
            .endMetadata()
            .withNewSpec()
            .withNewWorkloadSelector()
            .addToLabels("app", "frontend")
            .endWorkloadSelector()
            .addNewIngress()
            .withNewPort()
            .withNumber(8080L)
            .withProtocol("HTTP")
            .withName("http")
            .endPort()
            .withDefaultEndpoint("127.0.0.1:8080")
            .endIngress()
            .addNewEgress()
            .addToHosts("./backend.default.svc.cluster.local")
            .endEgress()
            .addNewEgress()
            .addToHosts("*/api.external.com")
            .endEgress()
            .endSpec()
            .build());
  }

  /** ServiceEntry for the external API, and a worker Sidecar that allows registered hosts only. */
  private static List<HasMetadata> externalApiRegistryOnly() {
    return List.of(
        new ServiceEntryBuilder()
            .withNewMetadata()
            .withName("external-api")
            .withNamespace("default")
            .endMetadata()
            .withNewSpec()
            .addToHosts("api.external.com")
            .addNewPort()
            .withNumber(443L)
            .withName("https")
            .withProtocol("HTTPS")
            .endPort()
            .withLocation(ServiceEntryLocation.MESH_EXTERNAL)
            .withResolution(ServiceEntryResolution.DNS)
            .endSpec()
            .build(),
        new SidecarBuilder()
            .withNewMetadata()
            .withName("external-egress")
            .withNamespace("default")
            .endMetadata()
            .withNewSpec()
            .withNewWorkloadSelector()
            .addToLabels("app", "worker")
            .endWorkloadSelector()
            .withNewOutboundTrafficPolicy()
            .withMode(OutboundTrafficPolicyMode.REGISTRY_ONLY)
            .endOutboundTrafficPolicy()
            .addNewEgress()
            .addToHosts("*/api.external.com")
            .endEgress()
            .endSpec()
            .build());
  }

  /**
   * Chaos testing: requests marked {@code x-test: chaos} get a 5s delay (50%) and an HTTP 500 abort
   * (10%).
   */
  private static List<HasMetadata> faultInjection() {
    String ratings = "ratings.default.svc.cluster.local";
    return List.of(
        new VirtualServiceBuilder()
            .withNewMetadata()
            .withName("fault-injection")
            .withNamespace("default")
            .endMetadata()
            .withNewSpec()
            .addToHosts(ratings)
            .addNewHttp()
            .addNewMatch()
            .addToHeaders(
                "x-test", new StringMatchBuilder().withNewStringMatchExactType("chaos").build())
            .endMatch()
            .withNewFault()
            .withNewDelay()
            .withNewPercentage(50.0)
            .withNewHTTPFaultInjectionDelayFixedDelayHttpType("5s")
            .endDelay()
            .withNewAbort()
            .withNewPercentage(10.0)
            .withNewHTTPFaultInjectionAbortHttpStatusErrorType(500)
            .endAbort()
            .endFault()
            .addNewRoute()
            .withNewDestination()
            .withHost(ratings)
            .endDestination()
            .endRoute()
            .endHttp()
            .addNewHttp()
            .addNewRoute()
            .withNewDestination()
            .withHost(ratings)
            .endDestination()
            .endRoute()
            .endHttp()
            .endSpec()
            .build());
  }

  /**
   * Locality load balancing with both distribute and failover (istiod rejects the pair; kept), plus
   * outlier detection.
   */
  private static List<HasMetadata> localityFailover() {
    return List.of(
        new DestinationRuleBuilder()
            .withNewMetadata()
            .withName("locality-lb")
            .withNamespace("default")
            .endMetadata()
            .withNewSpec()
            .withHost("service.default.svc.cluster.local")
            .withNewTrafficPolicy()
            .withNewLoadBalancer()
            .withNewLocalityLbSetting()
            .withEnabled(true)
            .addNewDistribute()
            .withFrom("us-west/zone1/*")
            .addToTo("us-west/zone1/*", 80L)
            .addToTo("us-west/zone2/*", 20L)
            .endDistribute()
            .addNewFailover()
            .withFrom("us-west")
            .withTo("us-east")
            .endFailover()
            .endLocalityLbSetting()
            .endLoadBalancer()
            .withNewOutlierDetection()
            .withConsecutive5xxErrors(5)
            .withInterval("1s")
            .withBaseEjectionTime("1m")
            .endOutlierDetection()
            .endTrafficPolicy()
            .endSpec()
            .build());
  }

  /** TLS origination to a non-mesh service, verifying the CA, the subject alt name and SNI. */
  private static List<HasMetadata> tlsOrigination() {
    String host = "external-api.example.com";
    return List.of(
        new DestinationRuleBuilder()
            .withNewMetadata()
            .withName("external-api-tls-origination")
            .withNamespace("default")
            .endMetadata()
            .withNewSpec()
            .withHost(host)
            .withNewTrafficPolicy()
            .withNewTls()
            .withMode(ClientTLSSettingsTLSmode.SIMPLE)
            .withCaCertificates("/etc/ssl/certs/ca-certificates.crt")
            .addToSubjectAltNames(host)
            .withSni(host)
            .endTls()
            .endTrafficPolicy()
            .endSpec()
            .build());
  }

  /** Namespace-wide Sidecar for payments: one egress listener scoped to the hosts it needs. */
  private static List<HasMetadata> paymentsScopedSidecar() {
    return List.of(
        new SidecarBuilder()
            .withNewMetadata()
            .withName("default")
            .withNamespace("payments")
            .endMetadata()
            .withNewSpec()
            .addNewEgress()
            .addToHosts("./*", "istio-system/*", "shared/db-service")
            .endEgress()
            .endSpec()
            .build());
  }

  /**
   * Gateway API equivalent of 003-01: an HTTPS Gateway and an HTTPRoute (no namespace, as the seed)
   * for /v2/.
   */
  private static List<HasMetadata> gatewayApiPublicGateway() {
    return List.of(
        new io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayBuilder()
            .withNewMetadata()
            .withName("public-gateway")
            .withNamespace("istio-system")
            .endMetadata()
            .withNewSpec()
            .withGatewayClassName("istio")
            .addNewListener()
            .withName("https")
            .withPort(443)
            .withProtocol("HTTPS")
            .withNewTls()
            .withMode("Terminate")
            .addNewCertificateRef()
            .withName("tls-cert-secret")
            .endCertificateRef()
            .endTls()
            .endListener()
            .endSpec()
            .build(),
        new HTTPRouteBuilder()
            .withNewMetadata()
            .withName("api-routes")
            .endMetadata()
            .withNewSpec()
            .addNewParentRef()
            .withName("public-gateway")
            .withNamespace("istio-system")
            .endParentRef()
            .addToHostnames("api.example.com")
            .addNewRule()
            .addNewMatch()
            .withNewPath()
            .withType("PathPrefix")
            .withValue("/v2/")
            .endPath()
            .endMatch()
            .addNewBackendRef()
            .withName("api-v2")
            .withPort(8080)
            .endBackendRef()
            .endRule()
            .endSpec()
            .build());
  }
}
