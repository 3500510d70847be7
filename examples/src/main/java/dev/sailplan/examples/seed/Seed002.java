package dev.sailplan.examples.seed;

import static dev.sailplan.istio.Observability.provider;
import static dev.sailplan.istio.Observability.telemetry;
import static dev.sailplan.istio.Security.authorizationPolicy;
import static dev.sailplan.istio.Security.mtls;
import static dev.sailplan.istio.Security.peerAuthentication;
import static dev.sailplan.istio.Security.principal;
import static dev.sailplan.istio.Selectors.workloadSelector;
import static dev.sailplan.istio.Traffic.destination;
import static dev.sailplan.istio.Traffic.destinationRule;
import static dev.sailplan.istio.Traffic.exact;
import static dev.sailplan.istio.Traffic.gateway;
import static dev.sailplan.istio.Traffic.loadBalancer;
import static dev.sailplan.istio.Traffic.matchUri;
import static dev.sailplan.istio.Traffic.millis;
import static dev.sailplan.istio.Traffic.percent;
import static dev.sailplan.istio.Traffic.prefix;
import static dev.sailplan.istio.Traffic.routeTo;
import static dev.sailplan.istio.Traffic.seconds;
import static dev.sailplan.istio.Traffic.serverPort;
import static dev.sailplan.istio.Traffic.versionSubset;
import static dev.sailplan.istio.Traffic.virtualService;

import dev.sailplan.istio.networking.v1.Abort;
import dev.sailplan.istio.networking.v1.ConnectionPoolSettings;
import dev.sailplan.istio.networking.v1.Delay;
import dev.sailplan.istio.networking.v1.DestinationRuleSpec;
import dev.sailplan.istio.networking.v1.GatewaySpec;
import dev.sailplan.istio.networking.v1.HTTPFaultInjection;
import dev.sailplan.istio.networking.v1.HTTPMatchRequest;
import dev.sailplan.istio.networking.v1.HTTPRoute;
import dev.sailplan.istio.networking.v1.HTTPSettings;
import dev.sailplan.istio.networking.v1.OutlierDetection;
import dev.sailplan.istio.networking.v1.Server;
import dev.sailplan.istio.networking.v1.ServerTLSMode;
import dev.sailplan.istio.networking.v1.ServerTLSSettings;
import dev.sailplan.istio.networking.v1.SimpleLB;
import dev.sailplan.istio.networking.v1.TCPSettings;
import dev.sailplan.istio.networking.v1.TcpKeepalive;
import dev.sailplan.istio.networking.v1.TrafficPolicy;
import dev.sailplan.istio.networking.v1.VirtualServiceSpec;
import dev.sailplan.istio.security.v1.Action;
import dev.sailplan.istio.security.v1.AuthorizationPolicySpec;
import dev.sailplan.istio.security.v1.ExtensionProvider;
import dev.sailplan.istio.security.v1.From;
import dev.sailplan.istio.security.v1.MutualTLSMode;
import dev.sailplan.istio.security.v1.Operation;
import dev.sailplan.istio.security.v1.Rule;
import dev.sailplan.istio.security.v1.Source;
import dev.sailplan.istio.security.v1.To;
import dev.sailplan.istio.telemetry.v1.AccessLogging;
import dev.sailplan.istio.telemetry.v1.AccessLoggingFilter;
import dev.sailplan.istio.telemetry.v1.TelemetrySpec;
import java.util.List;

/** Seed 002: Bookinfo traffic management, security, observability and ingress/egress. */
public final class Seed002 {
  private Seed002() {}

  /** The examples of this group, in file order. */
  public static List<SeedExample> all() {
    return List.of(
        reviewsHeaderRouting(),
        reviewsDestinationSubsets(),
        reviewsCanarySplit(),
        reviewsTrafficMirror(),
        ratingsFaultInjection(),
        meshStrictMtls(),
        ratingsAuthzAllowReviews(),
        productpageExtAuthz(),
        accessLoggingErrors(),
        bookinfoGateway(),
        bookinfoVirtualservice(),
        egressGatewayPassthrough(),
        productpageConnectionTuning());
  }

  /** VirtualService: end-user jason goes to reviews v2, everyone else to v1. */
  private static SeedExample reviewsHeaderRouting() {
    return SeedExample.of(
        "002-01-reviews-header-routing",
        virtualService(
            "bookinfo/reviews-route",
            VirtualServiceSpec.builder()
                .addHosts("reviews")
                .addHttp(
                    HTTPRoute.builder()
                        .addMatch(
                            HTTPMatchRequest.builder()
                                .putHeaders("end-user", exact("jason"))
                                .build())
                        .addRoute(routeTo("reviews", "v2"))
                        .build())
                .addHttp(HTTPRoute.builder().addRoute(routeTo("reviews", "v1")).build())
                .build()));
  }

  /** DestinationRule: subsets v1-v3 under LEAST_REQUEST; v3 overrides it with ROUND_ROBIN. */
  private static SeedExample reviewsDestinationSubsets() {
    return SeedExample.of(
        "002-02-reviews-destination-subsets",
        destinationRule(
            "bookinfo/reviews-destination",
            DestinationRuleSpec.builder()
                .host("reviews")
                .trafficPolicy(
                    TrafficPolicy.builder()
                        .loadBalancer(loadBalancer(SimpleLB.LEAST_REQUEST))
                        .connectionPool(
                            ConnectionPoolSettings.builder()
                                .tcp(TCPSettings.builder().maxConnections(100).build())
                                .http(
                                    HTTPSettings.builder()
                                        .http1MaxPendingRequests(50)
                                        .http2MaxRequests(100)
                                        .build())
                                .build())
                        .build())
                .addSubsets(versionSubset("v1"), versionSubset("v2"))
                .addSubsets(
                    versionSubset("v3")
                        .withTrafficPolicy(
                            TrafficPolicy.builder()
                                .loadBalancer(loadBalancer(SimpleLB.ROUND_ROBIN))
                                .build()))
                .build()));
  }

  /** VirtualService: canary split, 90% to reviews v1 and 10% to v2. */
  private static SeedExample reviewsCanarySplit() {
    return SeedExample.of(
        "002-03-reviews-canary-split",
        virtualService(
            "reviews-canary",
            VirtualServiceSpec.builder()
                .addHosts("reviews")
                .addHttp(
                    HTTPRoute.builder()
                        .addRoute(routeTo("reviews", "v1").withWeight(90))
                        .addRoute(routeTo("reviews", "v2").withWeight(10))
                        .build())
                .build()));
  }

  /** VirtualService: all traffic to reviews v1, half of it mirrored to v2. */
  private static SeedExample reviewsTrafficMirror() {
    return SeedExample.of(
        "002-04-reviews-traffic-mirror",
        virtualService(
            "reviews-mirror",
            VirtualServiceSpec.builder()
                .addHosts("reviews")
                .addHttp(
                    HTTPRoute.builder()
                        .addRoute(routeTo("reviews", "v1").withWeight(100))
                        .mirror(destination("reviews", "v2"))
                        .mirrorPercentage(percent(50.0))
                        .build())
                .build()));
  }

  /** VirtualService: 5s delay for 10% and HTTP 503 for 5% of ratings requests. */
  private static SeedExample ratingsFaultInjection() {
    return SeedExample.of(
        "002-05-ratings-fault-injection",
        virtualService(
            "ratings-fault",
            VirtualServiceSpec.builder()
                .addHosts("ratings")
                .addHttp(
                    HTTPRoute.builder()
                        .fault(
                            HTTPFaultInjection.builder()
                                .delay(
                                    Delay.builder()
                                        .percentage(percent(10.0))
                                        .fixedDelay(seconds(5))
                                        .build())
                                .abort(
                                    Abort.builder()
                                        .percentage(percent(5.0))
                                        .httpStatus(503)
                                        .build())
                                .build())
                        .addRoute(routeTo("ratings", "v1"))
                        .build())
                .build()));
  }

  /** PeerAuthentication: mesh-wide STRICT mTLS in istio-system. */
  private static SeedExample meshStrictMtls() {
    return SeedExample.of(
        "002-06-mesh-strict-mtls",
        peerAuthentication("istio-system/default", mtls(MutualTLSMode.STRICT)));
  }

  /** AuthorizationPolicy: only the reviews service account may GET ratings' /ratings/*. */
  private static SeedExample ratingsAuthzAllowReviews() {
    return SeedExample.of(
        "002-07-ratings-authz-allow-reviews",
        authorizationPolicy(
            "bookinfo/ratings-policy",
            AuthorizationPolicySpec.builder()
                .selector(workloadSelector("app", "ratings"))
                .action(Action.ALLOW)
                .addRules(
                    Rule.builder()
                        .addFrom(
                            From.builder()
                                .source(
                                    Source.builder()
                                        .addPrincipals(principal("bookinfo", "reviews"))
                                        .build())
                                .build())
                        .addTo(
                            To.builder()
                                .operation(
                                    Operation.builder()
                                        .addMethods("GET")
                                        .addPaths("/ratings/*")
                                        .build())
                                .build())
                        .build())
                .build()));
  }

  /** AuthorizationPolicy: CUSTOM, delegating productpage's /admin/* to my-ext-authz. */
  private static SeedExample productpageExtAuthz() {
    return SeedExample.of(
        "002-08-productpage-ext-authz",
        authorizationPolicy(
            "bookinfo/ext-authz",
            AuthorizationPolicySpec.builder()
                .selector(workloadSelector("app", "productpage"))
                .action(Action.CUSTOM)
                .provider(ExtensionProvider.builder().name("my-ext-authz").build())
                .addRules(
                    Rule.builder()
                        .addTo(
                            To.builder()
                                .operation(Operation.builder().addPaths("/admin/*").build())
                                .build())
                        .build())
                .build()));
  }

  /** Telemetry: mesh-wide envoy access logging for responses with status >= 400. */
  private static SeedExample accessLoggingErrors() {
    return SeedExample.of(
        "002-11-access-logging-errors",
        telemetry(
            "istio-system/mesh-default",
            TelemetrySpec.builder()
                .addAccessLogging(
                    AccessLogging.builder()
                        .addProviders(provider("envoy"))
                        .filter(
                            AccessLoggingFilter.builder()
                                .expression("response.code >= 400")
                                .build())
                        .build())
                .build()));
  }

  /** Gateway: HTTP and HTTPS (SIMPLE TLS from bookinfo-credential) for bookinfo.example.com. */
  private static SeedExample bookinfoGateway() {
    return SeedExample.of(
        "002-12-bookinfo-gateway",
        gateway(
            "bookinfo/bookinfo-gateway",
            GatewaySpec.builder()
                .putSelector("istio", "ingressgateway")
                .addServers(
                    Server.builder()
                        .port(serverPort(80, "http", "HTTP"))
                        .addHosts("bookinfo.example.com")
                        .build())
                .addServers(
                    Server.builder()
                        .port(serverPort(443, "https", "HTTPS"))
                        .tls(
                            ServerTLSSettings.builder()
                                .mode(ServerTLSMode.SIMPLE)
                                .credentialName("bookinfo-credential")
                                .build())
                        .addHosts("bookinfo.example.com")
                        .build())
                .build()));
  }

  /** VirtualService: bookinfo-gateway's Bookinfo paths to productpage:9080. */
  private static SeedExample bookinfoVirtualservice() {
    return SeedExample.of(
        "002-13-bookinfo-virtualservice",
        virtualService(
            "bookinfo/bookinfo",
            VirtualServiceSpec.builder()
                .addHosts("bookinfo.example.com")
                .addGateways("bookinfo-gateway")
                .addHttp(
                    HTTPRoute.builder()
                        .addMatch(
                            matchUri(exact("/productpage")),
                            matchUri(prefix("/static")),
                            matchUri(exact("/login")),
                            matchUri(exact("/logout")))
                        .addRoute(routeTo(destination("productpage", 9080)))
                        .build())
                .build()));
  }

  /** Gateway: TLS passthrough on the egress gateway's port 443 for external-api.example.com. */
  private static SeedExample egressGatewayPassthrough() {
    return SeedExample.of(
        "002-14-egress-gateway-passthrough",
        gateway(
            "egress-gateway",
            GatewaySpec.builder()
                .putSelector("istio", "egressgateway")
                .addServers(
                    Server.builder()
                        .port(serverPort(443, "tls", "TLS"))
                        .addHosts("external-api.example.com")
                        .tls(ServerTLSSettings.builder().mode(ServerTLSMode.PASSTHROUGH).build())
                        .build())
                .build()));
  }

  /** DestinationRule: productpage connection pool and outlier detection (deprecated field kept). */
  private static SeedExample productpageConnectionTuning() {
    return SeedExample.of(
        "002-17-productpage-connection-tuning",
        destinationRule(
            "productpage-tuned",
            DestinationRuleSpec.builder()
                .host("productpage")
                .trafficPolicy(
                    TrafficPolicy.builder()
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
                                        .http1MaxPendingRequests(1024)
                                        .http2MaxRequests(1024)
                                        .maxRequestsPerConnection(0)
                                        .maxRetries(3)
                                        .build())
                                .build())
                        .outlierDetection(
                            OutlierDetection.builder()
                                .consecutiveErrors(5)
                                .interval(seconds(30))
                                .baseEjectionTime(seconds(30))
                                .maxEjectionPercent(50)
                                .minHealthPercent(40)
                                .build())
                        .build())
                .build()));
  }
}
