package dev.sailplan.bench;

import static dev.sailplan.istio.Security.authorizationPolicy;
import static dev.sailplan.istio.Security.principal;
import static dev.sailplan.istio.Security.to;
import static dev.sailplan.istio.Selectors.workloadSelector;
import static dev.sailplan.istio.Traffic.destinationRule;
import static dev.sailplan.istio.Traffic.exact;
import static dev.sailplan.istio.Traffic.matchHeader;
import static dev.sailplan.istio.Traffic.routeTo;
import static dev.sailplan.istio.Traffic.seconds;
import static dev.sailplan.istio.Traffic.versionSubset;
import static dev.sailplan.istio.Traffic.virtualService;

import dev.sailplan.core.meta.Resource;
import dev.sailplan.istio.Security;
import dev.sailplan.istio.networking.v1.ConnectionPoolSettings;
import dev.sailplan.istio.networking.v1.DestinationRule;
import dev.sailplan.istio.networking.v1.DestinationRuleSpec;
import dev.sailplan.istio.networking.v1.HTTPRetry;
import dev.sailplan.istio.networking.v1.HTTPRoute;
import dev.sailplan.istio.networking.v1.HTTPSettings;
import dev.sailplan.istio.networking.v1.OutlierDetection;
import dev.sailplan.istio.networking.v1.TCPSettings;
import dev.sailplan.istio.networking.v1.TrafficPolicy;
import dev.sailplan.istio.networking.v1.VirtualService;
import dev.sailplan.istio.networking.v1.VirtualServiceSpec;
import dev.sailplan.istio.security.v1.Action;
import dev.sailplan.istio.security.v1.AuthorizationPolicy;
import dev.sailplan.istio.security.v1.AuthorizationPolicySpec;
import dev.sailplan.istio.security.v1.Operation;
import dev.sailplan.istio.security.v1.Rule;
import dev.sailplan.istio.security.v1.Source;
import java.util.ArrayList;
import java.util.List;

/** The {@link SyntheticMesh} written with Sailplan's DSL; references no fabric8 class. */
public final class SailplanMesh {
  private SailplanMesh() {}

  /** {@code n} services, three resources each, in service order. */
  public static List<Resource> build(int n) {
    List<Resource> all = new ArrayList<>(n * SyntheticMesh.RESOURCES_PER_SERVICE);
    for (int i = 0; i < n; i++) {
      all.add(virtualServiceOf(i));
      all.add(destinationRuleOf(i));
      all.add(authorizationPolicyOf(i));
    }
    return all;
  }

  /**
   * Service {@code i}'s VirtualService: canary header to v2, else 90/10 v1/v2 with timeout and
   * retries.
   */
  public static VirtualService virtualServiceOf(int i) {
    String host = SyntheticMesh.host(i);
    return virtualService(
        "mesh/" + host,
        VirtualServiceSpec.builder()
            .addHosts(host)
            .addHttp(
                HTTPRoute.builder()
                    .addMatch(matchHeader("x-canary", exact("true")))
                    .addRoute(routeTo(host, "v2"))
                    .build())
            .addHttp(
                HTTPRoute.builder()
                    .addRoute(routeTo(host, "v1").withWeight(90))
                    .addRoute(routeTo(host, "v2").withWeight(10))
                    .timeout(seconds(10))
                    .retries(
                        HTTPRetry.builder()
                            .attempts(3)
                            .perTryTimeout(seconds(3))
                            .retryOn("connect-failure,refused-stream,unavailable,reset")
                            .build())
                    .build())
            .build());
  }

  /** Service {@code i}'s DestinationRule: connection pool, outlier detection, subsets v1 and v2. */
  public static DestinationRule destinationRuleOf(int i) {
    String host = SyntheticMesh.host(i);
    return destinationRule(
        "mesh/" + host,
        DestinationRuleSpec.builder()
            .host(host)
            .trafficPolicy(
                TrafficPolicy.builder()
                    .connectionPool(
                        ConnectionPoolSettings.builder()
                            .tcp(TCPSettings.builder().maxConnections(100).build())
                            .http(HTTPSettings.builder().http1MaxPendingRequests(50).build())
                            .build())
                    .outlierDetection(
                        OutlierDetection.builder()
                            .consecutive5xxErrors(5)
                            .interval(seconds(30))
                            .baseEjectionTime(seconds(30))
                            .maxEjectionPercent(50)
                            .build())
                    .build())
            .addSubsets(versionSubset("v1"), versionSubset("v2"))
            .build());
  }

  /** Service {@code i}'s AuthorizationPolicy: frontend and gateway may GET/POST {@code /api/*}. */
  public static AuthorizationPolicy authorizationPolicyOf(int i) {
    String host = SyntheticMesh.host(i);
    return authorizationPolicy(
        "mesh/" + host,
        AuthorizationPolicySpec.builder()
            .selector(workloadSelector("app", host))
            .action(Action.ALLOW)
            .addRules(
                Rule.builder()
                    .addFrom(
                        Security.from(
                            Source.builder()
                                .addPrincipals(
                                    principal("mesh", "frontend"), principal("mesh", "gateway"))
                                .build()))
                    .addTo(
                        to(
                            Operation.builder()
                                .addMethods("GET", "POST")
                                .addPaths("/api/*")
                                .build()))
                    .build())
            .build());
  }
}
