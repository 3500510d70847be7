package dev.sailplan.gatewayapi.internal.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sailplan.core.Manifests;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.validation.Analyzer;
import dev.sailplan.core.validation.KubeObject;
import dev.sailplan.core.validation.Mesh;
import dev.sailplan.core.validation.Report;
import dev.sailplan.core.validation.Reports;
import java.util.List;
import org.junit.jupiter.api.Test;

/** L7 configuration in ambient namespaces needs a waypoint; a waypoint needs someone using it. */
class WaypointAnalysisTest {
  static final String AMBIENT =
      """
      apiVersion: v1
      kind: Namespace
      metadata:
        name: shop
        labels: {istio.io/dataplane-mode: ambient}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: store, namespace: shop}
      spec:
        ports:
        - {name: http, port: 8080}
      ---
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: store-reads, namespace: shop}
      spec:
        selector:
          matchLabels: {app: store}
        action: ALLOW
        rules:
        - from:
          - source: {principals: [cluster.local/ns/shop/sa/frontend]}
          to:
          - operation: {methods: [GET]}
      ---
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: store, namespace: shop}
      spec:
        hosts: [store.shop.svc.cluster.local]
        http:
        - timeout: 5s
          route:
          - destination: {host: store.shop.svc.cluster.local}
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata: {name: store, namespace: shop}
      spec:
        parentRefs: [{group: "", kind: Service, name: store, port: 8080}]
        rules:
        - backendRefs: [{name: store, port: 8080}]
      """;

  static final String WAYPOINT =
      """
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: Gateway
      metadata:
        name: waypoint
        namespace: shop
        labels: {istio.io/waypoint-for: service}
      spec:
        gatewayClassName: istio-waypoint
        listeners:
        - name: mesh
          port: 15008
          protocol: HBONE
      """;

  static List<String> found(String yaml, String code) {
    return AttachmentAnalysisTest.found(yaml, code);
  }

  @Test
  void l7ConfigurationInAnAmbientNamespaceWithoutAWaypointIsAnError() {
    assertEquals(
        List.of(
            "Error [SP4001] (AuthorizationPolicy shop/store-reads mesh.yaml:25)"
                + " spec.rules[0].to[0].operation.methods: AuthorizationPolicy shop/store-reads"
                + " uses an HTTP field in ambient namespace shop, which has no waypoint: ztunnel"
                + " enforces only L4 rules, so this one does not apply as written",
            "Error [SP4001] (VirtualService shop/store mesh.yaml:32) spec.http: VirtualService"
                + " shop/store routes HTTP inside ambient namespace shop, which has no waypoint:"
                + " ztunnel does not parse HTTP, so these routes have no effect",
            "Error [SP4001] (HTTPRoute shop/store mesh.yaml:41) spec.parentRefs[0]: HTTPRoute"
                + " shop/store is attached to Service shop/store in ambient namespace shop, which"
                + " has no waypoint: ztunnel does not parse HTTP, so the route has no effect"),
        found(AMBIENT, "SP4001"));
  }

  @Test
  void aWaypointInTheNamespaceOrAUseWaypointLabelServesIt() {
    assertEquals(List.of(), found(AMBIENT + WAYPOINT, "SP4001"));
    String labelled =
        AMBIENT.replace(
            "labels: {istio.io/dataplane-mode: ambient}",
            "labels: {istio.io/dataplane-mode: ambient, istio.io/use-waypoint: waypoint}");
    assertEquals(List.of(), found(labelled, "SP4001"));
    // A namespace not in ambient mode runs sidecars, which do L7 themselves.
    String sidecars =
        AMBIENT.replace("istio.io/dataplane-mode: ambient", "istio-injection: enabled");
    assertEquals(List.of(), found(sidecars, "SP4001"));
  }

  @Test
  void anL4OnlyPolicyNeedsNoWaypoint() {
    String l4 = AMBIENT.replace("  to:\n    - operation: {methods: [GET]}\n", "");
    assertTrue(
        found(l4, "SP4001").stream().noneMatch(l -> l.contains("AuthorizationPolicy")),
        found(l4, "SP4001").toString());
  }

  @Test
  void aWaypointNothingUsesIsInfo() {
    int at = (int) AMBIENT.lines().count() + 5;
    assertEquals(
        List.of(
            "Info [SP5012] (Gateway shop/waypoint mesh.yaml:"
                + at
                + ") metadata.name: waypoint Gateway shop/waypoint serves nothing: no Namespace,"
                + " Service or workload has the label istio.io/use-waypoint: waypoint"),
        found(AMBIENT + WAYPOINT, "SP5012"));
    String used =
        AMBIENT.replace(
                "metadata: {name: store, namespace: shop}\nspec:\n  ports:",
                "metadata:\n  name: store\n  namespace: shop\n"
                    + "  labels: {istio.io/use-waypoint: waypoint}\nspec:\n  ports:")
            + WAYPOINT;
    assertEquals(List.of(), found(used, "SP5012"));
  }

  @Test
  void enrollmentInAWaypointTheInputDoesNotDefineIsAWarning() {
    String typo =
        AMBIENT.replace(
                "labels: {istio.io/dataplane-mode: ambient}",
                "labels: {istio.io/dataplane-mode: ambient, istio.io/use-waypoint: waypoit}")
            + WAYPOINT;
    assertEquals(
        List.of(
            "Warning [SP4002] (Namespace shop mesh.yaml:5) metadata.labels[istio.io/use-waypoint]:"
                + " Namespace shop is enrolled in waypoint shop/waypoit, which the input does not"
                + " define (waypoints: shop/waypoint); its L7 configuration is not applied"),
        found(typo, "SP4002"));
    String right = typo.replace("use-waypoint: waypoit", "use-waypoint: waypoint");
    assertEquals(List.of(), found(right, "SP4002"));
    // Without any waypoint in the input the label is not judged: it may be in the cluster.
    assertEquals(List.of(), found(typo.substring(0, typo.indexOf(WAYPOINT)), "SP4002"));
  }

  /** 10,000 routes, Services and Gateways: the analyses index once, so they take milliseconds. */
  @Test
  void tenThousandResourcesAnalyseInWellUnderASecond() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 2500; i++) {
      b.append(
          """
          apiVersion: gateway.networking.k8s.io/v1
          kind: Gateway
          metadata: {name: gw-%1$d, namespace: ns-%1$d}
          spec:
            gatewayClassName: istio
            listeners:
            - {name: http, port: 80, protocol: HTTP, hostname: "app-%1$d.example.com"}
          ---
          apiVersion: v1
          kind: Service
          metadata: {name: app, namespace: ns-%1$d}
          spec:
            ports:
            - {name: http, port: 8080}
          ---
          apiVersion: gateway.networking.k8s.io/v1
          kind: HTTPRoute
          metadata: {name: app, namespace: ns-%1$d}
          spec:
            parentRefs: [{name: gw-%1$d}]
            hostnames: ["app-%1$d.example.com"]
            rules:
            - backendRefs: [{name: app, port: 8080}]
          ---
          apiVersion: gateway.networking.k8s.io/v1
          kind: HTTPRoute
          metadata: {name: lost, namespace: ns-%1$d}
          spec:
            parentRefs: [{name: gw-%1$d}]
            hostnames: ["other-%1$d.example.com"]
            rules:
            - backendRefs: [{name: app, port: 8080}]
          ---
          """
              .formatted(i));
    }
    Mesh mesh = Mesh.builder().resources(Manifests.parse(b.toString(), "mesh.yaml")).build();
    int[] refused = new int[1];
    Report count = (code, istioCode, level, path, reason, message) -> refused[0]++;
    Reports reports =
        new Reports() {
          @Override
          public Report on(Resource resource) {
            return count;
          }

          @Override
          public Report on(KubeObject object) {
            return count;
          }
        };
    // Speed lives in AnalyzeBenchmark; this checks the analyses are right at this size.
    for (Analyzer a : GatewayApiAnalysis.analyzers()) {
      a.analyze(mesh, reports);
    }
    // Each "lost" route's hostname intersects no listener (SP5005); nothing else is wrong.
    assertEquals(2500, refused[0]);
  }
}
