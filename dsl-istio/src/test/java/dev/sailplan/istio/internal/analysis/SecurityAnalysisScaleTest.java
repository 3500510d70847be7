package dev.sailplan.istio.internal.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sailplan.core.meta.ObjectMeta;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.validation.Analyzer;
import dev.sailplan.core.validation.KubeObject;
import dev.sailplan.core.validation.Mesh;
import dev.sailplan.core.validation.Report;
import dev.sailplan.core.validation.Reports;
import dev.sailplan.istio.Security;
import dev.sailplan.istio.Selectors;
import dev.sailplan.istio.networking.v1.ClientTLSMode;
import dev.sailplan.istio.networking.v1.ClientTLSSettings;
import dev.sailplan.istio.networking.v1.DestinationRule;
import dev.sailplan.istio.networking.v1.DestinationRuleSpec;
import dev.sailplan.istio.networking.v1.Gateway;
import dev.sailplan.istio.networking.v1.GatewaySpec;
import dev.sailplan.istio.networking.v1.Port;
import dev.sailplan.istio.networking.v1.Server;
import dev.sailplan.istio.networking.v1.TrafficPolicy;
import dev.sailplan.istio.security.v1.AuthorizationPolicy;
import dev.sailplan.istio.security.v1.AuthorizationPolicySpec;
import dev.sailplan.istio.security.v1.MutualTLSMode;
import dev.sailplan.istio.security.v1.Rule;
import dev.sailplan.istio.security.v1.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The analyses index by namespace, selector and host once per run: 10,000 resources and 2,000
 * workloads analyse in well under a second.
 */
class SecurityAnalysisScaleTest {
  @Test
  void tenThousandResourcesAnalyseInWellUnderASecond() {
    List<Resource> resources = new ArrayList<>();
    List<KubeObject> workloads = new ArrayList<>();
    for (int n = 0; n < 100; n++) {
      String ns = "team-" + n;
      resources.add(
          Security.peerAuthentication(ns + "/default", Security.mtls(MutualTLSMode.STRICT)));
      for (int i = 0; i < 40; i++) {
        resources.add(policy(ns, i));
        resources.add(destinationRule(ns, i));
      }
      for (int i = 0; i < 19; i++) {
        resources.add(gateway(n * 19 + i));
      }
      for (int i = 0; i < 20; i++) {
        workloads.add(workload(ns, i));
      }
    }
    assertEquals(10_000, resources.size());
    Mesh mesh = Mesh.builder().resources(resources).objects(workloads).build();
    // Speed lives in AnalyzeBenchmark; this checks the analyses are right at this size.
    AtomicInteger count = new AtomicInteger();
    Report report = (code, istio, level, path, reason, message) -> count.incrementAndGet();
    Reports reports =
        new Reports() {
          @Override
          public Report on(Resource resource) {
            return report;
          }

          @Override
          public Report on(KubeObject object) {
            return report;
          }
        };
    for (Analyzer a : SecurityAnalysis.analyzers()) {
      a.analyze(mesh, reports);
    }
    int found = count.get();
    // Per namespace: 20 policies select no workload (SP2013) and 40 DestinationRules originate TLS
    // without verification (SP2006); every Gateway is outside the gateway namespaces (SP3002) and
    // conflicts with its neighbour on one host (SP3005, pairs).
    assertEquals(100 * 20 + 100 * 40 + 1900 + 1900, found);
  }

  private static AuthorizationPolicy policy(String ns, int i) {
    return Security.authorizationPolicy(
        ns + "/allow-" + i,
        AuthorizationPolicySpec.builder()
            .selector(Selectors.workloadSelector("app", "app-" + i))
            .addRules(
                Rule.builder()
                    .addFrom(
                        Security.from(
                            Source.builder()
                                .addPrincipals(Security.principal(ns, "client"))
                                .build()))
                    .build())
            .build());
  }

  private static DestinationRule destinationRule(String ns, int i) {
    return DestinationRule.builder()
        .metadata(ObjectMeta.ref(ns + "/external-" + i))
        .spec(
            DestinationRuleSpec.builder()
                .host("api-" + i + ".example.com")
                .trafficPolicy(
                    TrafficPolicy.builder()
                        .tls(ClientTLSSettings.builder().mode(ClientTLSMode.SIMPLE).build())
                        .build())
                .build())
        .build();
  }

  private static Gateway gateway(int i) {
    // Gateways i and i+1 (i even) share the host of pair i/2.
    return Gateway.builder()
        .metadata(ObjectMeta.ref("edge-" + (i % 100) + "/gw-" + i))
        .spec(
            GatewaySpec.builder()
                .putSelector("istio", "ingressgateway")
                .addServers(
                    Server.builder()
                        .port(Port.builder().number(443).name("https").protocol("HTTPS").build())
                        .addHosts("site-" + (i / 2) + ".example.com")
                        .build())
                .build())
        .build();
  }

  private static KubeObject workload(String ns, int i) {
    Map<String, String> labels = Map.of("app", "app-" + (i * 2));
    return new KubeObject(
        "apps/v1",
        "Deployment",
        ns,
        "app-" + i,
        labels,
        Map.of(),
        labels,
        Map.of(),
        List.of(new KubeObject.Container("app", false, List.of(), OptionalLong.empty())));
  }
}
