package dev.sailplan.istio.internal.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sailplan.core.k8s.Service;
import dev.sailplan.core.k8s.ServicePort;
import dev.sailplan.core.k8s.ServiceSpec;
import dev.sailplan.core.meta.ObjectMeta;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.validation.Analyzer;
import dev.sailplan.core.validation.FieldPath;
import dev.sailplan.core.validation.KubeObject;
import dev.sailplan.core.validation.Level;
import dev.sailplan.core.validation.Mesh;
import dev.sailplan.core.validation.Report;
import dev.sailplan.core.validation.Reports;
import dev.sailplan.istio.Traffic;
import dev.sailplan.istio.networking.v1.DestinationRuleSpec;
import dev.sailplan.istio.networking.v1.HTTPRoute;
import dev.sailplan.istio.networking.v1.VirtualServiceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The traffic analyses at scale: 10,000 resources of a clean mesh give no finding. */
class TrafficAnalysisScaleTest {
  @Test
  void tenThousandCleanResourcesHaveNoFinding() {
    List<Resource> resources = new ArrayList<>();
    List<KubeObject> workloads = new ArrayList<>();
    // 2,000 services in 20 namespaces, each with a route, a rule with subsets and a workload.
    for (int i = 0; i < 2000; i++) {
      String ns = "team-" + (i % 20);
      String name = "svc-" + i;
      resources.add(
          Service.builder()
              .metadata(ObjectMeta.ref(ns + "/" + name))
              .spec(
                  ServiceSpec.builder()
                      .putSelector("app", name)
                      .addPorts(ServicePort.of("http", 8080))
                      .build())
              .build());
      resources.add(
          Traffic.virtualService(
              ns + "/" + name,
              VirtualServiceSpec.builder()
                  .addHosts(name)
                  .addHttp(
                      HTTPRoute.builder()
                          .addRoute(Traffic.routeTo(name, "v1").withWeight(90))
                          .addRoute(Traffic.routeTo(name, "v2").withWeight(10))
                          .build())
                  .build()));
      resources.add(
          Traffic.destinationRule(
              ns + "/" + name,
              DestinationRuleSpec.builder()
                  .host(name)
                  .addSubsets(Traffic.versionSubset("v1"), Traffic.versionSubset("v2"))
                  .build()));
      resources.add(
          Traffic.destinationRule(
              "istio-system/" + name,
              DestinationRuleSpec.builder().host(name + "." + ns + ".svc.cluster.local").build()));
      for (String version : List.of("v1", "v2")) {
        workloads.add(
            new KubeObject(
                "apps/v1",
                "Deployment",
                ns,
                name + "-" + version,
                Map.of(),
                Map.of(),
                Map.of("app", name, "version", version),
                Map.of(),
                List.of(
                    new KubeObject.Container(
                        "app",
                        false,
                        List.of(new KubeObject.ContainerPort("http", 8080, "TCP")),
                        OptionalLong.empty()))));
      }
    }
    Mesh mesh = Mesh.builder().resources(resources).objects(workloads).build();
    AtomicInteger findings = new AtomicInteger();
    Report counting =
        new Report() {
          @Override
          public void add(
              String code,
              String istioCode,
              Level level,
              FieldPath path,
              String reason,
              String message) {
            findings.incrementAndGet();
          }
        };
    Reports reports =
        new Reports() {
          @Override
          public Report on(Resource resource) {
            return counting;
          }

          @Override
          public Report on(KubeObject object) {
            return counting;
          }
        };
    // Speed lives in AnalyzeBenchmark; this checks that a large, clean mesh has no finding.
    for (Analyzer a : TrafficAnalysis.analyzers()) {
      a.analyze(mesh, reports);
    }
    assertEquals(0, findings.get());
  }
}
