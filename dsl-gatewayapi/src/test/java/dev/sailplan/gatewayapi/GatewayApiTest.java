package dev.sailplan.gatewayapi;

import static dev.sailplan.gatewayapi.GatewayApi.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sailplan.core.Manifests;
import dev.sailplan.core.kind.KindInfo;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.problem.ManifestException;
import dev.sailplan.gatewayapi.kinds.GatewayApiKinds;
import dev.sailplan.gatewayapi.v1.HTTPRoute;
import dev.sailplan.gatewayapi.v1.HTTPRouteRule;
import dev.sailplan.gatewayapi.v1.HTTPRouteSpec;
import dev.sailplan.gatewayapi.v1.ReferenceGrant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class GatewayApiTest {
  /** The kinds whose schema requires a spec, with the least spec it accepts. */
  private static final Map<String, String> MINIMAL_SPEC =
      Map.of(
          "BackendTLSPolicy",
              """
              spec:
                targetRefs:
                - group: ""
                  kind: Service
                  name: api
                validation:
                  hostname: api.example.com
                  wellKnownCACertificates: System
              """,
          "GatewayClass", "spec:\n  controllerName: istio.io/gateway-controller\n",
          "Gateway",
              "spec:\n  gatewayClassName: istio\n  listeners:\n  - name: http\n    port: 80\n    protocol: HTTP\n",
          "GRPCRoute", "spec: {}\n",
          "HTTPRoute", "spec: {}\n",
          "ListenerSet",
              "spec:\n  listeners:\n  - name: http\n    port: 80\n    protocol: HTTP\n  parentRef:\n    name: gw\n",
          "ReferenceGrant",
              """
              spec:
                from:
                - group: gateway.networking.k8s.io
                  kind: HTTPRoute
                  namespace: web
                to:
                - group: ""
                  kind: Service
              """,
          "TCPRoute", "spec:\n  rules:\n  - backendRefs:\n    - name: db\n      port: 5432\n",
          "TLSRoute",
              "spec:\n  hostnames:\n  - db.example.com\n  rules:\n  - backendRefs:\n    - name: db\n      port: 5432\n",
          "UDPRoute", "spec:\n  rules:\n  - backendRefs:\n    - name: dns\n      port: 53\n");

  @Test
  void registersEveryStandardChannelKind() {
    TreeSet<String> found = new TreeSet<>();
    for (KindInfo k : new GatewayApiKinds().kinds()) {
      found.add(k.kind() + " " + k.versions());
    }
    assertEquals(
        new TreeSet<>(
            List.of(
                "BackendTLSPolicy [v1]",
                "GRPCRoute [v1]",
                "Gateway [v1, v1beta1]",
                "GatewayClass [v1, v1beta1]",
                "HTTPRoute [v1, v1beta1]",
                "ListenerSet [v1]",
                "ReferenceGrant [v1, v1beta1]",
                "TCPRoute [v1]",
                "TLSRoute [v1]",
                "UDPRoute [v1]")),
        found);
  }

  @TestFactory
  Stream<DynamicTest> everyServedApiVersionParsesAndRendersBackUnchanged() {
    return new GatewayApiKinds()
        .kinds().stream()
            .flatMap(
                k ->
                    k.apiVersions().stream()
                        .map(
                            apiVersion ->
                                DynamicTest.dynamicTest(
                                    apiVersion + " " + k.kind(),
                                    () -> {
                                      String yaml =
                                          "apiVersion: "
                                              + apiVersion
                                              + "\nkind: "
                                              + k.kind()
                                              + "\nmetadata:\n  name: x\n"
                                              + (k.namespaced() ? "  namespace: ns\n" : "")
                                              + MINIMAL_SPEC.get(k.kind());
                                      List<Resource> parsed = Manifests.parse(yaml, "x.yaml");
                                      assertInstanceOf(k.type(), parsed.get(0));
                                      assertEquals(yaml, Manifests.toYaml(parsed));
                                    })));
  }

  @Test
  void aRouteWithoutRulesIsMissingThem() {
    ManifestException e =
        assertThrows(
            ManifestException.class,
            () ->
                Manifests.parse(
                    "apiVersion: gateway.networking.k8s.io/v1\nkind: TCPRoute\nmetadata: {name: db}\nspec: {}\n",
                    "r.yaml"));
    assertEquals("r.yaml: document 1, line 4: spec: missing required field rules", e.getMessage());
  }

  @Test
  void routeTimeoutsAreDurations() {
    String yaml =
        """
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata:
          name: api
        spec:
          rules:
          - timeouts:
              backendRequest: 2s
              request: 10s
        """;
    HTTPRoute route = Manifests.parse(yaml, HTTPRoute.class);
    assertEquals(
        java.time.Duration.ofSeconds(10),
        route.spec().rules().get(0).timeouts().orElseThrow().request().orElseThrow().toJava());
    assertEquals(yaml, Manifests.toYaml(route));
  }

  @Test
  void factoriesBuildAWeightedRouteAndAGrant() {
    HTTPRoute route =
        httpRoute(
            "web/api",
            HTTPRouteSpec.builder()
                .addParentRefs(parent("istio-ingress/public"))
                .addHostnames("api.example.com")
                .addRules(
                    HTTPRouteRule.builder()
                        .addMatches(pathPrefix("/api/"))
                        .addBackendRefs(backend("api-v1", 8080).withWeight(90))
                        .addBackendRefs(backend("api-v2", 8080).withWeight(10))
                        .build())
                .build());
    ReferenceGrant grant = referenceGrant("backends/allow-web", allowRoutesFrom("web"));
    assertEquals(
        """
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata:
          name: api
          namespace: web
        spec:
          hostnames:
          - api.example.com
          parentRefs:
          - name: public
            namespace: istio-ingress
          rules:
          - backendRefs:
            - name: api-v1
              port: 8080
              weight: 90
            - name: api-v2
              port: 8080
              weight: 10
            matches:
            - path:
                type: PathPrefix
                value: /api/
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: ReferenceGrant
        metadata:
          name: allow-web
          namespace: backends
        spec:
          from:
          - group: gateway.networking.k8s.io
            kind: HTTPRoute
            namespace: web
          to:
          - group: ""
            kind: Service
        """,
        Manifests.toYaml(List.of(route, grant)));
  }
}
