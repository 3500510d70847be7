package dev.sailplan.gatewayapi.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sailplan.core.Manifests;
import dev.sailplan.core.plan.Barrier;
import dev.sailplan.core.plan.Plan;
import dev.sailplan.core.plan.Planner;
import dev.sailplan.core.plan.State;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Routes of the Gateway API wait for the workloads behind them: a backendRef's Service's pods and
 * the Gateway's deployment run before the route sends traffic there, and stop after it has left.
 */
class GatewayApiWorkloadOrderingTest {
  private static final String GATEWAY =
      """
      apiVersion: gateway.networking.k8s.io/v1
      kind: Gateway
      metadata: {name: public, namespace: web}
      spec:
        gatewayClassName: istio
        listeners: [{name: http, port: 80, protocol: HTTP}]
      """;

  private static final String BACKEND =
      """
      apiVersion: v1
      kind: Service
      metadata: {name: api-v2, namespace: web}
      spec:
        selector: {app: api, version: v2}
        ports: [{name: http, port: 8080}]
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: api-v2, namespace: web}
      spec:
        selector: {matchLabels: {app: api, version: v2}}
        template:
          metadata: {labels: {app: api, version: v2}}
          spec:
            containers: [{name: api, image: registry.example.com/api:2.0.0}]
      """;

  private static final String GATEWAY_DEPLOYMENT =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: public-istio, namespace: web}
      spec:
        selector: {matchLabels: {gateway.networking.k8s.io/gateway-name: public}}
        template:
          metadata: {labels: {gateway.networking.k8s.io/gateway-name: public}}
          spec:
            containers: [{name: istio-proxy, image: auto}]
      """;

  private static String route(String kind, String backend) {
    return """
        apiVersion: gateway.networking.k8s.io/v1
        kind: %s
        metadata: {name: api, namespace: web}
        spec:
          parentRefs: [{name: public}]
          rules: [{backendRefs: [{name: %s, port: 8080}]}]
        """
        .formatted(kind, backend);
  }

  private static State state(String... documents) {
    return State.of(Manifests.parseMixed(String.join("---\n", documents), "state.yaml"));
  }

  private static Plan plan(State from, State to) {
    return Planner.discover()
        .plan("api", from, List.of(new Planner.Target("apply", to, Barrier.NONE)));
  }

  private static List<String> summary(Plan plan) {
    return plan.stages().stream()
        .map(
            s ->
                String.join(
                        ", ",
                        s.changes().stream().map(c -> (c.isDelete() ? "-" : "") + c.key()).toList())
                    + " then "
                    + s.then().value())
        .toList();
  }

  @Test
  void aBackendRefWaitsForTheRolloutOfTheWorkloadItsServiceSelects() {
    for (String kind : List.of("HTTPRoute", "GRPCRoute")) {
      Plan plan = plan(state(GATEWAY), state(GATEWAY, BACKEND, route(kind, "api-v2")));
      assertEquals(
          List.of(
              "Service web/api-v2, Deployment web/api-v2 then rollout",
              kind + " web/api then none"),
          summary(plan),
          kind);
      assertTrue(
          plan.stages()
              .get(0)
              .reason()
              .startsWith(
                  "applies Deployment web/api-v2 before service web/api-v2 receives traffic;"
                      + " waits for its rollout"),
          plan.stages().get(0).reason());
    }
  }

  @Test
  void removingABackendMovesTrafficOffItBeforeItsWorkloadGoes() {
    String stable =
        BACKEND.replace("v2", "v1").replace("2.0.0", "1.0.0")
            + "---\n"
            + route("HTTPRoute", "api-v1");
    State from = state(GATEWAY, BACKEND, stable);
    State to = state(GATEWAY, BACKEND, route("HTTPRoute", "api-v2"));
    assertEquals(
        List.of(
            "HTTPRoute web/api then propagation",
            "-Deployment web/api-v1, -Service web/api-v1 then none"),
        summary(plan(from, to)));
  }

  @Test
  void theGatewaysDeploymentRunsBeforeRoutesAttach() {
    Plan plan =
        plan(
            state(BACKEND),
            state(BACKEND, GATEWAY, GATEWAY_DEPLOYMENT, route("HTTPRoute", "api-v2")));
    assertEquals(
        List.of(
            "Deployment web/public-istio, Gateway web/public then rollout",
            "HTTPRoute web/api then none"),
        summary(plan));
    assertTrue(
        plan.stages()
            .get(0)
            .reason()
            .contains(
                "applies Deployment web/public-istio before Gateway web/public receives"
                    + " traffic; waits for its rollout"),
        plan.stages().get(0).reason());
  }

  @Test
  void aGatewayNothingInTheInputRunsStillPlansAndTheReasonWarns() {
    Plan plan =
        plan(state(BACKEND, GATEWAY), state(BACKEND, GATEWAY, route("HTTPRoute", "api-v2")));
    assertEquals(List.of("HTTPRoute web/api then none"), summary(plan));
    assertTrue(
        plan.stages()
            .get(0)
            .reason()
            .contains(
                "nothing in the input runs Gateway web/public (no workload's pod labels match"
                    + " gateway.networking.k8s.io/gateway-name=public)"),
        plan.stages().get(0).reason());
  }
}
