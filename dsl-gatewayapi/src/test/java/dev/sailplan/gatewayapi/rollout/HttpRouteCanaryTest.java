package dev.sailplan.gatewayapi.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sailplan.core.Manifests;
import dev.sailplan.core.fixture.Javac;
import dev.sailplan.core.plan.Plan;
import dev.sailplan.core.plan.Rollout;
import dev.sailplan.core.plan.Stage;
import dev.sailplan.core.plan.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class HttpRouteCanaryTest {
  private static final String HEAD =
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
      """;

  private final HttpRouteCanary api =
      HttpRouteCanary.of("web/api")
          .parent("istio-ingress/public")
          .stable("api-v1", 8080)
          .canary("api-v2", 8080)
          .hostnames("api.example.com")
          .steps(10, 50, 100)
          .build();

  private static List<String> outline(Plan plan) {
    return plan.steps().stream()
        .map(
            step ->
                step.name()
                    + " -> "
                    + String.join(
                        " | ", step.stages().stream().map(HttpRouteCanaryTest::outline).toList()))
        .toList();
  }

  private static String outline(Stage s) {
    return s.label()
        + ": "
        + String.join(
            ", ",
            s.changes().stream()
                .map(c -> (c.isDelete() ? "-" : c.isCreate() ? "+" : "~") + c.key())
                .toList())
        + " then "
        + s.then().value();
  }

  private static String yaml(Step step) {
    return Manifests.toYaml(step.desired().resources());
  }

  @Test
  void shiftsWeightStepByStepWithAGateAfterEachButTheLast() {
    Plan plan = api.plan();
    assertEquals("api-canary", plan.name());
    assertEquals(List.of("shift-10", "shift-50", "shift-100"), api.stepNames());
    assertEquals(
        List.of(
            "shift-10 -> httproutes: ~HTTPRoute web/api then gate",
            "shift-50 -> httproutes: ~HTTPRoute web/api then gate",
            "shift-100 -> httproutes: ~HTTPRoute web/api then none"),
        outline(plan));
  }

  @Test
  void rendersEachWeightOnTheRoutesBackendRefs() {
    Plan plan = api.plan();
    assertEquals(
        HEAD
            + """
            - name: api-v1
              port: 8080
        """,
        Manifests.toYaml(plan.current().resources()));
    assertEquals(
        HEAD
            + """
            - name: api-v1
              port: 8080
              weight: 90
            - name: api-v2
              port: 8080
              weight: 10
        """,
        yaml(plan.steps().get(0)));
    assertEquals(
        HEAD
            + """
            - name: api-v1
              port: 8080
              weight: 50
            - name: api-v2
              port: 8080
              weight: 50
        """,
        yaml(plan.steps().get(1)));
    assertEquals(
        HEAD
            + """
            - name: api-v2
              port: 8080
        """,
        yaml(plan.steps().get(2)));
  }

  @Test
  void defaultsToFourStepsAnyHostnameAndAGatewayInTheRoutesNamespace() {
    HttpRouteCanary canary =
        HttpRouteCanary.of("shop/cart")
            .parent("public")
            .stable("cart", 80)
            .canary("cart", 8080)
            .build();
    Plan plan = canary.plan();
    assertEquals("cart-canary", plan.name());
    assertEquals(
        List.of(
            "shift-10 -> httproutes: ~HTTPRoute shop/cart then gate",
            "shift-25 -> httproutes: ~HTTPRoute shop/cart then gate",
            "shift-50 -> httproutes: ~HTTPRoute shop/cart then gate",
            "shift-100 -> httproutes: ~HTTPRoute shop/cart then none"),
        outline(plan));
    assertEquals(
        """
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata:
          name: cart
          namespace: shop
        spec:
          parentRefs:
          - name: public
          rules:
          - backendRefs:
            - name: cart
              port: 80
              weight: 75
            - name: cart
              port: 8080
              weight: 25
        """,
        yaml(plan.steps().get(1)));
  }

  @Test
  void rollbackFromAnyStepReturnsToTheStableBackend() {
    Rollout back = api.rollbackFrom("shift-50");
    Plan plan = back.plan();
    assertEquals("api-canary-rollback-from-shift-50", plan.name());
    assertEquals(api.targets().get(1).desired(), plan.current());
    assertEquals(
        List.of("return-to-api-v1 -> httproutes: ~HTTPRoute web/api then none"), outline(plan));
    assertEquals(api.current(), plan.desired());
    assertEquals(
        HEAD
            + """
            - name: api-v1
              port: 8080
        """,
        yaml(plan.steps().get(0)));
    assertEquals("api-canary-rollback-from-shift-100", api.rollbackFrom("shift-100").name());
    assertEquals(api.current(), api.rollbackFrom("shift-100").plan().desired());
    assertEquals(
        "api-canary has no step 'shift-25'; its steps are shift-10, shift-50, shift-100",
        assertThrows(IllegalArgumentException.class, () -> api.rollbackFrom("shift-25"))
            .getMessage());
  }

  @Test
  void everyStepEndsInItsTargetAndEachPlanInItsLastTarget() {
    for (Rollout r :
        List.of(
            api,
            api.rollbackFrom("shift-10"),
            api.rollbackFrom("shift-50"),
            api.rollbackFrom("shift-100"))) {
      Plan plan = r.plan();
      assertEquals(r.targets().size(), plan.steps().size(), r.name());
      for (int i = 0; i < plan.steps().size(); i++) {
        assertEquals(r.targets().get(i).name(), plan.steps().get(i).name(), r.name());
        assertEquals(r.targets().get(i).desired(), plan.steps().get(i).desired(), r.name());
      }
      assertEquals(r.targets().get(r.targets().size() - 1).desired(), plan.desired(), r.name());
      assertEquals(r.current(), plan.current(), r.name());
    }
  }

  @Test
  void aCustomPlanName() {
    HttpRouteCanary canary =
        HttpRouteCanary.of("web/api")
            .parent("istio-ingress/public")
            .stable("api-v1", 8080)
            .canary("api-v2", 8080)
            .name("api-v2-rollout")
            .build();
    assertEquals("api-v2-rollout", canary.plan().name());
    assertEquals("api-v2-rollout-rollback-from-shift-10", canary.rollbackFrom("shift-10").name());
  }

  private static void assertRejected(String message, Supplier<HttpRouteCanary> build) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build::get);
    assertEquals(message, e.getMessage());
  }

  private static final String LABEL_RULE =
      " is not a valid name (lower-case letters, digits and '-', at most 63, starting and ending alphanumeric)";
  private static final String SUBDOMAIN_RULE =
      " is not a valid name (dot-separated lower-case labels of letters, digits and '-', at most 253)";

  @Test
  void rejectsBadRouteReferences() {
    assertRejected(
        "route 'api' must be namespace/name",
        () -> HttpRouteCanary.of("api").parent("gw").stable("a", 1).canary("b", 1).build());
    assertRejected(
        "route 'null' must be namespace/name",
        () -> HttpRouteCanary.of(null).parent("gw").stable("a", 1).canary("b", 1).build());
    assertRejected(
        "route namespace 'Web'" + LABEL_RULE,
        () -> HttpRouteCanary.of("Web/api").parent("gw").stable("a", 1).canary("b", 1).build());
    assertRejected(
        "route name 'api_v1'" + SUBDOMAIN_RULE,
        () -> HttpRouteCanary.of("web/api_v1").parent("gw").stable("a", 1).canary("b", 1).build());
  }

  @Test
  void rejectsBadParents() {
    assertRejected(
        "parent 'a/b/c' must be namespace/name or name",
        () -> HttpRouteCanary.of("web/api").parent("a/b/c").stable("a", 1).canary("b", 1).build());
    assertRejected(
        "parent 'null' must be namespace/name or name",
        () -> HttpRouteCanary.of("web/api").parent(null).stable("a", 1).canary("b", 1).build());
    assertRejected(
        "parent namespace 'istio_ingress'" + LABEL_RULE,
        () ->
            HttpRouteCanary.of("web/api")
                .parent("istio_ingress/public")
                .stable("a", 1)
                .canary("b", 1)
                .build());
    assertRejected(
        "parent name 'Public'" + SUBDOMAIN_RULE,
        () ->
            HttpRouteCanary.of("web/api")
                .parent("istio-ingress/Public")
                .stable("a", 1)
                .canary("b", 1)
                .build());
    assertRejected(
        "parent name ''" + SUBDOMAIN_RULE,
        () -> HttpRouteCanary.of("web/api").parent("").stable("a", 1).canary("b", 1).build());
  }

  @Test
  void rejectsBadBackends() {
    assertRejected(
        "stable service 'api.v1'" + LABEL_RULE,
        () ->
            HttpRouteCanary.of("web/api")
                .parent("gw")
                .stable("api.v1", 8080)
                .canary("api-v2", 8080)
                .build());
    assertRejected(
        "canary service 'null'" + LABEL_RULE,
        () ->
            HttpRouteCanary.of("web/api")
                .parent("gw")
                .stable("api-v1", 8080)
                .canary(null, 8080)
                .build());
    assertRejected(
        "stable port 0 is outside 1..65535",
        () ->
            HttpRouteCanary.of("web/api")
                .parent("gw")
                .stable("api-v1", 0)
                .canary("api-v2", 8080)
                .build());
    assertRejected(
        "canary port 65536 is outside 1..65535",
        () ->
            HttpRouteCanary.of("web/api")
                .parent("gw")
                .stable("api-v1", 8080)
                .canary("api-v2", 65536)
                .build());
    assertRejected(
        "stable and canary are the same backend api:8080",
        () ->
            HttpRouteCanary.of("web/api")
                .parent("gw")
                .stable("api", 8080)
                .canary("api", 8080)
                .build());
  }

  @Test
  void rejectsBadOptions() {
    assertRejected(
        "hostname 'API.example.com' is not a valid host name",
        () ->
            HttpRouteCanary.of("web/api")
                .parent("gw")
                .stable("api-v1", 8080)
                .canary("api-v2", 8080)
                .hostnames("API.example.com")
                .build());
    assertRejected(
        "hostname 'api.example.com:443' is not a valid host name",
        () ->
            HttpRouteCanary.of("web/api")
                .parent("gw")
                .stable("api-v1", 8080)
                .canary("api-v2", 8080)
                .hostnames("api.example.com:443")
                .build());
    assertRejected(
        "hostname 'null' is not a valid host name",
        () ->
            HttpRouteCanary.of("web/api")
                .parent("gw")
                .stable("api-v1", 8080)
                .canary("api-v2", 8080)
                .hostnames("api.example.com", null)
                .build());
    assertRejected(
        "hostnames [a.example.com, a.example.com] name one host twice",
        () ->
            HttpRouteCanary.of("web/api")
                .parent("gw")
                .stable("api-v1", 8080)
                .canary("api-v2", 8080)
                .hostnames("a.example.com", "a.example.com")
                .build());
    assertRejected(
        "a rollout needs at least one step",
        () ->
            HttpRouteCanary.of("web/api")
                .parent("gw")
                .stable("api-v1", 8080)
                .canary("api-v2", 8080)
                .steps()
                .build());
    assertRejected(
        "step weight 0 is outside 1..100",
        () ->
            HttpRouteCanary.of("web/api")
                .parent("gw")
                .stable("api-v1", 8080)
                .canary("api-v2", 8080)
                .steps(0, 100)
                .build());
    assertRejected(
        "step weights must increase: 25 follows 50",
        () ->
            HttpRouteCanary.of("web/api")
                .parent("gw")
                .stable("api-v1", 8080)
                .canary("api-v2", 8080)
                .steps(50, 25, 100)
                .build());
    assertRejected(
        "the last step must send 100% to the new version, not 50%",
        () ->
            HttpRouteCanary.of("web/api")
                .parent("gw")
                .stable("api-v1", 8080)
                .canary("api-v2", 8080)
                .steps(10, 50)
                .build());
    assertRejected(
        "plan name 'API'" + LABEL_RULE,
        () ->
            HttpRouteCanary.of("web/api")
                .parent("gw")
                .stable("api-v1", 8080)
                .canary("api-v2", 8080)
                .name("API")
                .build());
  }

  @Test
  void wildcardHostnamesAreAccepted() {
    HttpRouteCanary canary =
        HttpRouteCanary.of("web/api")
            .parent("gw")
            .stable("api-v1", 8080)
            .canary("api-v2", 8080)
            .hostnames("*.example.com", "api.example.com")
            .build();
    List<String> rendered = new ArrayList<>();
    Manifests.toTree(canary.current().resources().get(0))
        .path("spec")
        .path("hostnames")
        .forEach(n -> rendered.add(n.asText()));
    assertEquals(List.of("*.example.com", "api.example.com"), rendered);
  }

  @Test
  void aCanaryWithoutParentStableOrCanaryDoesNotCompile() {
    assertEquals(
        List.of(Javac.noSuchMethod("build()", HttpRouteCanary.ParentStep.class)),
        Javac.errors("HttpRouteCanary.of(\"web/api\").build()", HttpRouteCanary.class));
    assertEquals(
        List.of(
            Javac.noSuchMethod("stable(java.lang.String,int)", HttpRouteCanary.ParentStep.class)),
        Javac.errors(
            "HttpRouteCanary.of(\"web/api\").stable(\"api-v1\", 8080)", HttpRouteCanary.class));
    assertEquals(
        List.of(Javac.noSuchMethod("build()", HttpRouteCanary.StableStep.class)),
        Javac.errors(
            "HttpRouteCanary.of(\"web/api\").parent(\"gw\").build()", HttpRouteCanary.class));
    assertEquals(
        List.of(Javac.noSuchMethod("build()", HttpRouteCanary.CanaryStep.class)),
        Javac.errors(
            "HttpRouteCanary.of(\"web/api\").parent(\"gw\").stable(\"api-v1\", 8080).build()",
            HttpRouteCanary.class));
    assertEquals(
        List.of(),
        Javac.errors(
            "HttpRouteCanary.of(\"web/api\").parent(\"gw\").stable(\"api-v1\", 8080)"
                + ".canary(\"api-v2\", 8080).build()",
            HttpRouteCanary.class));
    assertEquals(
        List.of(),
        Javac.errors(
            "HttpRouteCanary.of(\"web/api\").parent(\"gw\").stable(\"api-v1\", 8080)"
                + ".canary(\"api-v2\", 8080).hostnames(\"api.example.com\").steps(50, 100).name(\"c\").build()",
            HttpRouteCanary.class));
  }
}
