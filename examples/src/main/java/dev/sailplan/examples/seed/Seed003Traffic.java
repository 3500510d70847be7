package dev.sailplan.examples.seed;

import static dev.sailplan.gatewayapi.GatewayApi.backend;
import static dev.sailplan.gatewayapi.GatewayApi.httpRoute;
import static dev.sailplan.gatewayapi.GatewayApi.parent;
import static dev.sailplan.gatewayapi.GatewayApi.pathPrefix;
import static dev.sailplan.gatewayapi.GatewayApi.secret;
import static dev.sailplan.istio.Selectors.workloadLabels;
import static dev.sailplan.istio.Traffic.destination;
import static dev.sailplan.istio.Traffic.destinationRule;
import static dev.sailplan.istio.Traffic.egressHosts;
import static dev.sailplan.istio.Traffic.exact;
import static dev.sailplan.istio.Traffic.gateway;
import static dev.sailplan.istio.Traffic.labels;
import static dev.sailplan.istio.Traffic.matchUri;
import static dev.sailplan.istio.Traffic.millis;
import static dev.sailplan.istio.Traffic.minutes;
import static dev.sailplan.istio.Traffic.percent;
import static dev.sailplan.istio.Traffic.prefix;
import static dev.sailplan.istio.Traffic.routeTo;
import static dev.sailplan.istio.Traffic.seconds;
import static dev.sailplan.istio.Traffic.serverPort;
import static dev.sailplan.istio.Traffic.serviceEntry;
import static dev.sailplan.istio.Traffic.servicePort;
import static dev.sailplan.istio.Traffic.sidecar;
import static dev.sailplan.istio.Traffic.trafficPolicy;
import static dev.sailplan.istio.Traffic.versionSubset;
import static dev.sailplan.istio.Traffic.virtualService;

import dev.sailplan.gatewayapi.GatewayApi;
import dev.sailplan.gatewayapi.v1.HTTPRouteRule;
import dev.sailplan.gatewayapi.v1.HTTPRouteSpec;
import dev.sailplan.gatewayapi.v1.Listener;
import dev.sailplan.gatewayapi.v1.ListenerTLSConfig;
import dev.sailplan.gatewayapi.v1.TLSModeType;
import dev.sailplan.istio.networking.v1.Abort;
import dev.sailplan.istio.networking.v1.ClientTLSMode;
import dev.sailplan.istio.networking.v1.ClientTLSSettings;
import dev.sailplan.istio.networking.v1.ConnectionPoolSettings;
import dev.sailplan.istio.networking.v1.ConsistentHashLB;
import dev.sailplan.istio.networking.v1.Delay;
import dev.sailplan.istio.networking.v1.DestinationRuleSpec;
import dev.sailplan.istio.networking.v1.Distribute;
import dev.sailplan.istio.networking.v1.Failover;
import dev.sailplan.istio.networking.v1.GatewaySpec;
import dev.sailplan.istio.networking.v1.HTTPFaultInjection;
import dev.sailplan.istio.networking.v1.HTTPMatchRequest;
import dev.sailplan.istio.networking.v1.HTTPRetry;
import dev.sailplan.istio.networking.v1.HTTPRewrite;
import dev.sailplan.istio.networking.v1.HTTPRoute;
import dev.sailplan.istio.networking.v1.HTTPSettings;
import dev.sailplan.istio.networking.v1.IstioIngressListener;
import dev.sailplan.istio.networking.v1.LoadBalancerSettings;
import dev.sailplan.istio.networking.v1.LocalityLoadBalancerSetting;
import dev.sailplan.istio.networking.v1.Location;
import dev.sailplan.istio.networking.v1.OutboundTrafficPolicy;
import dev.sailplan.istio.networking.v1.OutboundTrafficPolicyMode;
import dev.sailplan.istio.networking.v1.OutlierDetection;
import dev.sailplan.istio.networking.v1.Resolution;
import dev.sailplan.istio.networking.v1.Server;
import dev.sailplan.istio.networking.v1.ServerTLSMode;
import dev.sailplan.istio.networking.v1.ServerTLSSettings;
import dev.sailplan.istio.networking.v1.ServiceEntrySpec;
import dev.sailplan.istio.networking.v1.SidecarPort;
import dev.sailplan.istio.networking.v1.SidecarSpec;
import dev.sailplan.istio.networking.v1.SimpleLB;
import dev.sailplan.istio.networking.v1.TCPSettings;
import dev.sailplan.istio.networking.v1.TcpKeepalive;
import dev.sailplan.istio.networking.v1.TrafficPolicy;
import dev.sailplan.istio.networking.v1.VirtualServiceSpec;
import java.util.List;

/**
 * Seed 003, traffic management: gateways, routing, destination policies, sidecars and service
 * entries, each reproduced exactly as the seed writes it (including the mistakes it documents).
 */
public final class Seed003Traffic {
  private Seed003Traffic() {}

  /** The examples of this group, in file order. */
  public static List<SeedExample> all() {
    return List.of(
        publicGatewayApiRoutes(),
        apiDestinationPolicies(),
        canaryTrafficSplit(),
        blueGreenSwitch(),
        backendCircuitBreaker(),
        paymentRetryPolicy(),
        namespaceEgressSidecar(),
        frontendSidecar(),
        externalApiRegistryOnly(),
        faultInjection(),
        localityFailover(),
        tlsOrigination(),
        paymentsScopedSidecar(),
        gatewayApiPublicGateway());
  }

  /**
   * HTTPS ingress gateway with an HTTP-to-HTTPS redirect, and the versioned API routes bound to it.
   */
  private static SeedExample publicGatewayApiRoutes() {
    String[] hosts = {"api.example.com", "app.example.com"};
    String apiV2 = "api-v2.default.svc.cluster.local";
    return SeedExample.of(
        "003-01-public-gateway-api-routes",
        gateway(
            "istio-system/public-gateway",
            GatewaySpec.builder()
                .putAllSelector(labels("istio", "ingressgateway"))
                .addServers(
                    Server.builder()
                        .port(serverPort(443, "https", "HTTPS"))
                        .tls(
                            ServerTLSSettings.builder()
                                .mode(ServerTLSMode.SIMPLE)
                                .credentialName("tls-cert-secret")
                                .build())
                        .addHosts(hosts)
                        .build())
                .addServers(
                    Server.builder()
                        .port(serverPort(80, "http", "HTTP"))
                        .addHosts(hosts)
                        .tls(ServerTLSSettings.builder().httpsRedirect(true).build())
                        .build())
                .build()),
        virtualService(
            "default/api-routes",
            VirtualServiceSpec.builder()
                .addHosts("api.example.com")
                .addGateways("istio-system/public-gateway")
                .addHttp(
                    HTTPRoute.builder()
                        .addMatch(matchUri(prefix("/v2/")))
                        .rewrite(HTTPRewrite.builder().uri("/").build())
                        .addRoute(routeTo(destination(apiV2, 8080)))
                        .timeout(seconds(30))
                        .retries(
                            HTTPRetry.builder()
                                .attempts(3)
                                .perTryTimeout(seconds(10))
                                .retryOn("5xx,reset,connect-failure,refused-stream")
                                .build())
                        .build())
                .addHttp(
                    HTTPRoute.builder()
                        .addMatch(matchUri(prefix("/v1/")))
                        .addRoute(routeTo(destination("api-v1.default.svc.cluster.local", 8080)))
                        .timeout(seconds(60))
                        .build())
                .addHttp(HTTPRoute.builder().addRoute(routeTo(destination(apiV2, 8080))).build())
                .build()));
  }

  /**
   * Session affinity, connection pool, outlier detection, and two subsets with their own load
   * balancers.
   */
  private static SeedExample apiDestinationPolicies() {
    return SeedExample.of(
        "003-02-api-destination-policies",
        destinationRule(
            "default/api-destination",
            DestinationRuleSpec.builder()
                .host("api.default.svc.cluster.local")
                .trafficPolicy(
                    TrafficPolicy.builder()
                        .loadBalancer(
                            LoadBalancerSettings.builder()
                                .consistentHash(
                                    ConsistentHashLB.builder().httpHeaderName("x-user-id").build())
                                .build())
                        .connectionPool(
                            ConnectionPoolSettings.builder()
                                .tcp(
                                    TCPSettings.builder()
                                        .maxConnections(100)
                                        .connectTimeout(millis(30))
                                        .tcpKeepalive(
                                            TcpKeepalive.builder()
                                                .time(seconds(7200))
                                                .interval(seconds(75))
                                                .build())
                                        .build())
                                .http(
                                    HTTPSettings.builder()
                                        .http1MaxPendingRequests(50)
                                        .http2MaxRequests(100)
                                        .maxRequestsPerConnection(2)
                                        .maxRetries(3)
                                        .build())
                                .build())
                        .outlierDetection(
                            OutlierDetection.builder()
                                .consecutive5xxErrors(5)
                                .interval(seconds(30))
                                .baseEjectionTime(seconds(30))
                                .maxEjectionPercent(50)
                                .minHealthPercent(40)
                                .build())
                        .build())
                .addSubsets(
                    versionSubset("v1").withTrafficPolicy(trafficPolicy(SimpleLB.ROUND_ROBIN)),
                    versionSubset("v2").withTrafficPolicy(trafficPolicy(SimpleLB.LEAST_REQUEST)))
                .build()));
  }

  /**
   * Canary: requests marked {@code x-canary: "true"} go to v2, the rest split 90/10 between v1 and
   * v2.
   */
  private static SeedExample canaryTrafficSplit() {
    String reviews = "reviews.default.svc.cluster.local";
    return SeedExample.of(
        "003-03-canary-traffic-split",
        virtualService(
            "default/canary-rollout",
            VirtualServiceSpec.builder()
                .addHosts(reviews)
                .addHttp(
                    HTTPRoute.builder()
                        .addMatch(
                            HTTPMatchRequest.builder()
                                .putHeaders("x-canary", exact("true"))
                                .build())
                        .addRoute(routeTo(reviews, "v2"))
                        .build())
                .addHttp(
                    HTTPRoute.builder()
                        .addRoute(
                            routeTo(reviews, "v1").withWeight(90),
                            routeTo(reviews, "v2").withWeight(10))
                        .build())
                .build()));
  }

  /** Blue-green: all traffic on blue, green held at weight 0 until the switch. */
  private static SeedExample blueGreenSwitch() {
    String orders = "orders.default.svc.cluster.local";
    return SeedExample.of(
        "003-04-blue-green-switch",
        virtualService(
            "default/blue-green",
            VirtualServiceSpec.builder()
                .addHosts(orders)
                .addHttp(
                    HTTPRoute.builder()
                        .addRoute(
                            routeTo(orders, "blue").withWeight(100),
                            routeTo(orders, "green").withWeight(0))
                        .build())
                .build()));
  }

  /** Circuit breaker for the backend: a tight connection pool and outlier detection. */
  private static SeedExample backendCircuitBreaker() {
    return SeedExample.of(
        "003-05-backend-circuit-breaker",
        destinationRule(
            "default/circuit-breaker",
            DestinationRuleSpec.builder()
                .host("backend.default.svc.cluster.local")
                .trafficPolicy(
                    TrafficPolicy.builder()
                        .connectionPool(
                            ConnectionPoolSettings.builder()
                                .tcp(TCPSettings.builder().maxConnections(10).build())
                                .http(
                                    HTTPSettings.builder()
                                        .http1MaxPendingRequests(1)
                                        .http2MaxRequests(10)
                                        .maxRequestsPerConnection(1)
                                        .build())
                                .build())
                        .outlierDetection(
                            OutlierDetection.builder()
                                .consecutive5xxErrors(5)
                                .consecutiveGatewayErrors(5)
                                .interval(seconds(1))
                                .baseEjectionTime(seconds(30))
                                .maxEjectionPercent(50)
                                .minHealthPercent(40)
                                .build())
                        .build())
                .build()));
  }

  /** Payment retries on connection-level failures, within a 10s overall timeout. */
  private static SeedExample paymentRetryPolicy() {
    String payment = "payment.default.svc.cluster.local";
    return SeedExample.of(
        "003-06-payment-retry-policy",
        virtualService(
            "default/retry-policy",
            VirtualServiceSpec.builder()
                .addHosts(payment)
                .addHttp(
                    HTTPRoute.builder()
                        .addRoute(routeTo(payment))
                        .timeout(seconds(10))
                        .retries(
                            HTTPRetry.builder()
                                .attempts(3)
                                .perTryTimeout(seconds(3))
                                .retryOn("connect-failure,refused-stream,unavailable,reset")
                                .build())
                        .build())
                .build()));
  }

  /**
   * Namespace-wide Sidecar restricting egress, as three port-less listeners (istiod rejects this;
   * kept).
   */
  private static SeedExample namespaceEgressSidecar() {
    return SeedExample.rejected(
        "003-14-namespace-egress-sidecar",
        List.of("SP0401"),
        sidecar(
            "production/default-sidecar",
            SidecarSpec.builder()
                .addEgress(egressHosts("./*"))
                .addEgress(egressHosts("istio-system/*"))
                .addEgress(egressHosts("*/external-api.external.svc.cluster.local"))
                .build()));
  }

  /**
   * Frontend Sidecar: inbound HTTP on 8080, egress to the backend and the external API (two
   * port-less listeners; kept).
   */
  private static SeedExample frontendSidecar() {
    return SeedExample.rejected(
        "003-15-frontend-sidecar",
        List.of("SP0401"),
        sidecar(
            "default/frontend-sidecar",
            SidecarSpec.builder()
                .workloadSelector(workloadLabels("app", "frontend"))
                .addIngress(
                    IstioIngressListener.builder()
                        .port(
                            SidecarPort.builder()
                                .number(8080)
                                .protocol("HTTP")
                                .name("http")
                                .build())
                        .defaultEndpoint("127.0.0.1:8080")
                        .build())
                .addEgress(egressHosts("./backend.default.svc.cluster.local"))
                .addEgress(egressHosts("*/api.external.com"))
                .build()));
  }

  /** ServiceEntry for the external API, and a worker Sidecar that allows registered hosts only. */
  private static SeedExample externalApiRegistryOnly() {
    return SeedExample.of(
        "003-16-external-api-registry-only",
        serviceEntry(
            "default/external-api",
            ServiceEntrySpec.builder()
                .addHosts("api.external.com")
                .addPorts(servicePort(443, "https", "HTTPS"))
                .location(Location.MESH_EXTERNAL)
                .resolution(Resolution.DNS)
                .build()),
        sidecar(
            "default/external-egress",
            SidecarSpec.builder()
                .workloadSelector(workloadLabels("app", "worker"))
                .outboundTrafficPolicy(
                    OutboundTrafficPolicy.builder()
                        .mode(OutboundTrafficPolicyMode.REGISTRY_ONLY)
                        .build())
                .addEgress(egressHosts("*/api.external.com"))
                .build()));
  }

  /**
   * Chaos testing: requests marked {@code x-test: chaos} get a 5s delay (50%) and an HTTP 500 abort
   * (10%).
   */
  private static SeedExample faultInjection() {
    String ratings = "ratings.default.svc.cluster.local";
    return SeedExample.of(
        "003-17-fault-injection",
        virtualService(
            "default/fault-injection",
            VirtualServiceSpec.builder()
                .addHosts(ratings)
                .addHttp(
                    HTTPRoute.builder()
                        .addMatch(
                            HTTPMatchRequest.builder().putHeaders("x-test", exact("chaos")).build())
                        .fault(
                            HTTPFaultInjection.builder()
                                .delay(
                                    Delay.builder()
                                        .percentage(percent(50.0))
                                        .fixedDelay(seconds(5))
                                        .build())
                                .abort(
                                    Abort.builder()
                                        .percentage(percent(10.0))
                                        .httpStatus(500)
                                        .build())
                                .build())
                        .addRoute(routeTo(ratings))
                        .build())
                .addHttp(HTTPRoute.builder().addRoute(routeTo(ratings)).build())
                .build()));
  }

  /**
   * Locality load balancing with both distribute and failover (istiod rejects the pair; kept), plus
   * outlier detection.
   */
  private static SeedExample localityFailover() {
    return SeedExample.rejected(
        "003-19-locality-failover",
        List.of("SP0405"),
        destinationRule(
            "default/locality-lb",
            DestinationRuleSpec.builder()
                .host("service.default.svc.cluster.local")
                .trafficPolicy(
                    TrafficPolicy.builder()
                        .loadBalancer(
                            LoadBalancerSettings.builder()
                                .localityLbSetting(
                                    LocalityLoadBalancerSetting.builder()
                                        .enabled(true)
                                        .addDistribute(
                                            Distribute.builder()
                                                .from("us-west/zone1/*")
                                                .putTo("us-west/zone1/*", 80)
                                                .putTo("us-west/zone2/*", 20)
                                                .build())
                                        .addFailover(
                                            Failover.builder()
                                                .from("us-west")
                                                .to("us-east")
                                                .build())
                                        .build())
                                .build())
                        .outlierDetection(
                            OutlierDetection.builder()
                                .consecutive5xxErrors(5)
                                .interval(seconds(1))
                                .baseEjectionTime(minutes(1))
                                .build())
                        .build())
                .build()));
  }

  /** TLS origination to a non-mesh service, verifying the CA, the subject alt name and SNI. */
  private static SeedExample tlsOrigination() {
    String host = "external-api.example.com";
    return SeedExample.of(
        "003-28-tls-origination",
        destinationRule(
            "default/external-api-tls-origination",
            DestinationRuleSpec.builder()
                .host(host)
                .trafficPolicy(
                    TrafficPolicy.builder()
                        .tls(
                            ClientTLSSettings.builder()
                                .mode(ClientTLSMode.SIMPLE)
                                .caCertificates("/etc/ssl/certs/ca-certificates.crt")
                                .addSubjectAltNames(host)
                                .sni(host)
                                .build())
                        .build())
                .build()));
  }

  /** Namespace-wide Sidecar for payments: one egress listener scoped to the hosts it needs. */
  private static SeedExample paymentsScopedSidecar() {
    return SeedExample.rejected(
        "003-29-payments-scoped-sidecar",
        List.of("SP0403"),
        sidecar(
            "payments/default",
            SidecarSpec.builder()
                .addEgress(egressHosts("./*", "istio-system/*", "shared/db-service"))
                .build()));
  }

  /**
   * Gateway API equivalent of 003-01: an HTTPS Gateway and an HTTPRoute (no namespace, as the seed)
   * for /v2/. Kept as a validation case: the listener keeps the default allowedRoutes (Same), so
   * the route, applied in default, is not attached (SP5003).
   */
  private static SeedExample gatewayApiPublicGateway() {
    return SeedExample.rejected(
        "003-32-gateway-api-public-gateway",
        List.of("SP5003"),
        GatewayApi.gateway(
            "istio-system/public-gateway",
            dev.sailplan.gatewayapi.v1.GatewaySpec.builder()
                .gatewayClassName("istio")
                .addListeners(
                    Listener.builder()
                        .name("https")
                        .port(443)
                        .protocol("HTTPS")
                        .tls(
                            ListenerTLSConfig.builder()
                                .mode(TLSModeType.TERMINATE)
                                .addCertificateRefs(secret("tls-cert-secret"))
                                .build())
                        .build())
                .build()),
        httpRoute(
            "api-routes",
            HTTPRouteSpec.builder()
                .addParentRefs(parent("istio-system/public-gateway"))
                .addHostnames("api.example.com")
                .addRules(
                    HTTPRouteRule.builder()
                        .addMatches(pathPrefix("/v2/"))
                        .addBackendRefs(backend("api-v2", 8080))
                        .build())
                .build()));
  }
}
