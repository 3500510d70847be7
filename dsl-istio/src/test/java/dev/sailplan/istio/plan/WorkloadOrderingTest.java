package dev.sailplan.istio.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sailplan.core.Manifests;
import dev.sailplan.core.plan.Barrier;
import dev.sailplan.core.plan.Plan;
import dev.sailplan.core.plan.Planner;
import dev.sailplan.core.plan.Stage;
import dev.sailplan.core.plan.State;
import dev.sailplan.core.plan.render.PlanWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plans of mixed input: kinds in their order, the workload whose pods a subset selects before the
 * subset is routed to (with a rollout barrier), and removed only after traffic left it.
 */
class WorkloadOrderingTest {
  private static final String NAMESPACE =
      """
      apiVersion: v1
      kind: Namespace
      metadata: {name: bookinfo}
      """;

  private static final String CONFIG =
      """
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: reviews-v2, namespace: bookinfo}
      data: {LOG_LEVEL: debug}
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata: {name: reviews, namespace: bookinfo}
      rules: [{apiGroups: [""], resources: [configmaps], verbs: [get]}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: reviews, namespace: bookinfo}
      spec:
        selector: {app: reviews}
        ports: [{name: http, port: 9080}]
      """;

  private static String deployment(String version, String config) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: reviews-%1$s, namespace: bookinfo}
        spec:
          selector: {matchLabels: {app: reviews, version: %1$s}}
          template:
            metadata: {labels: {app: reviews, version: %1$s}}
            spec:
              containers:
              - name: reviews
                image: docker.io/istio/examples-bookinfo-reviews-%1$s:1.20.1
        %2$s
        """
        .formatted(version, config);
  }

  private static String mesh(String... subsets) {
    StringBuilder dr =
        new StringBuilder(
            """
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: {name: reviews, namespace: bookinfo}
            spec:
              host: reviews
              subsets:
            """);
    StringBuilder vs =
        new StringBuilder(
            """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: reviews, namespace: bookinfo}
            spec:
              hosts: [reviews]
              http:
              - route:
            """);
    for (String s : subsets) {
      dr.append("  - {name: ").append(s).append(", labels: {version: ").append(s).append("}}\n");
      vs.append("    - destination: {host: reviews, subset: ")
          .append(s)
          .append("}\n      weight: ")
          .append(100 / subsets.length)
          .append('\n');
    }
    return dr + "---\n" + vs;
  }

  private static State state(String... documents) {
    return State.of(Manifests.parseMixed(String.join("---\n", documents), "state.yaml"));
  }

  private static Plan plan(State from, State to) {
    return Planner.discover()
        .plan("reviews", from, List.of(new Planner.Target("apply", to, Barrier.NONE)));
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
  void everythingFromNothingComesInKindOrderWithTheRolloutBeforeTheRoutes() {
    String envFrom = "        envFrom: [{configMapRef: {name: reviews-v2}}]";
    Plan plan =
        plan(State.empty(), state(NAMESPACE, CONFIG, deployment("v2", envFrom), mesh("v2")));
    assertEquals(
        List.of(
            "Namespace bookinfo then propagation",
            "ConfigMap bookinfo/reviews-v2, Role bookinfo/reviews, Service bookinfo/reviews then"
                + " propagation",
            "Deployment bookinfo/reviews-v2 then rollout",
            "DestinationRule bookinfo/reviews then propagation",
            "VirtualService bookinfo/reviews then none"),
        summary(plan));
    assertEquals(
        "applies Deployment bookinfo/reviews-v2 before subset v2 of reviews receives traffic;"
            + " waits for its rollout",
        plan.stages().get(2).reason());
  }

  @Test
  void anUnrelatedWorkloadSharesAStageInKindOrder() {
    Plan plan = plan(State.empty(), state(NAMESPACE, CONFIG, deployment("v2", "")));
    assertEquals(
        List.of(
            "Namespace bookinfo then propagation",
            "ConfigMap bookinfo/reviews-v2, Role bookinfo/reviews, Service bookinfo/reviews,"
                + " Deployment bookinfo/reviews-v2 then rollout"),
        summary(plan));
    assertEquals(
        "Deployment bookinfo/reviews-v2 is created; waits for its rollout; ConfigMap"
            + " bookinfo/reviews-v2 is created; Role bookinfo/reviews is created; and 1 more",
        plan.stages().get(1).reason());
  }

  @Test
  void removingAVersionMovesTrafficBeforeTheWorkloadGoesAndDeletesInReverseKindOrder() {
    State from = state(NAMESPACE, deployment("v1", ""), deployment("v2", ""), mesh("v1", "v2"));
    State to = state(NAMESPACE, deployment("v2", ""), mesh("v2"));
    assertEquals(
        List.of(
            "VirtualService bookinfo/reviews then propagation",
            "DestinationRule bookinfo/reviews then propagation",
            "-Deployment bookinfo/reviews-v1 then none"),
        summary(plan(from, to)));
    State gone = state(NAMESPACE);
    State all = state(NAMESPACE, CONFIG, deployment("v1", ""));
    assertEquals(
        List.of(
            "-Deployment bookinfo/reviews-v1, -Service bookinfo/reviews, -ConfigMap"
                + " bookinfo/reviews-v2, -Role bookinfo/reviews then none"),
        summary(plan(all, gone)));
  }

  @Test
  void aSubsetNothingRunsStillPlansAndTheReasonWarns() {
    State from = state(deployment("v1", ""), mesh("v1"));
    Plan plan = plan(from, state(deployment("v1", ""), mesh("v1", "v3")));
    assertEquals(
        List.of(
            "DestinationRule bookinfo/reviews then propagation",
            "VirtualService bookinfo/reviews then none"),
        summary(plan));
    Stage rule = plan.stages().get(0);
    assertTrue(
        rule.reason()
            .endsWith(
                "; nothing in the input runs subset v3 of reviews (no workload's pod labels"
                    + " match version=v3)"),
        rule.reason());
    // Without any workload in the input, it says nothing about what runs.
    Plan meshOnly = plan(state(mesh("v1")), state(mesh("v1", "v3")));
    assertTrue(
        meshOnly.stages().stream().noneMatch(s -> s.reason().contains("nothing in the input")));
  }

  @Test
  void applyShWaitsForTheRolloutOfEachWorkloadOfTheStage(@TempDir Path dir) throws IOException {
    State to = state(NAMESPACE, CONFIG, deployment("v2", ""), mesh("v2"));
    Path folder = PlanWriter.write(plan(state(NAMESPACE, CONFIG), to), dir);
    String plan = Files.readString(folder.resolve("plan.yaml"));
    assertTrue(plan.contains("    then: rollout\n"), plan);
    String script = Files.readString(folder.resolve("apply.sh"));
    assertTrue(
        script.contains(
            "  kube apply -f 001-apply-deployments.yaml\n"
                + "  kube rollout status deployment/reviews-v2 -n bookinfo"
                + " \"--timeout=${timeout}s\"\n"
                + "  wait_for_propagation\n"),
        script);
    assertEquals(1, script.split("rollout status", -1).length - 1);
  }

  private static final String RATINGS =
      """
      apiVersion: v1
      kind: Service
      metadata: {name: ratings, namespace: bookinfo}
      spec:
        selector: {app: ratings}
        ports: [{name: http, port: 9080}]
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: ratings-v1, namespace: bookinfo}
      spec:
        selector: {matchLabels: {app: ratings, version: v1}}
        template:
          metadata: {labels: {app: ratings, version: v1}}
          spec:
            containers: [{name: ratings, image: docker.io/istio/examples-bookinfo-ratings-v1:1.20.1}]
      """;

  private static final String RATINGS_ROUTE =
      """
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: ratings, namespace: bookinfo}
      spec:
        hosts: [ratings]
        http:
        - route:
          - destination: {host: ratings}
      """;

  @Test
  void aRouteToAServiceWithoutSubsetWaitsForTheWorkloadsTheServiceSelects() {
    Plan plan = plan(state(NAMESPACE), state(NAMESPACE, RATINGS, RATINGS_ROUTE));
    // The Service keeps its place before the workloads; the route waits for their rollout.
    assertEquals(
        List.of(
            "Service bookinfo/ratings, Deployment bookinfo/ratings-v1 then rollout",
            "VirtualService bookinfo/ratings then none"),
        summary(plan));
    assertEquals(
        "applies Deployment bookinfo/ratings-v1 before service bookinfo/ratings receives"
            + " traffic; waits for its rollout; Service bookinfo/ratings provides service"
            + " bookinfo/ratings before VirtualService bookinfo/ratings uses it",
        plan.stages().get(0).reason());
    // Removing it all: traffic leaves the Service before its workload goes.
    assertEquals(
        List.of(
            "-VirtualService bookinfo/ratings then propagation",
            "-Deployment bookinfo/ratings-v1, -Service bookinfo/ratings then none"),
        summary(plan(state(NAMESPACE, RATINGS, RATINGS_ROUTE), state(NAMESPACE))));
  }

  @Test
  void aRouteToAServiceNothingRunsStillPlansAndTheReasonWarns() {
    String service = RATINGS.substring(0, RATINGS.indexOf("---"));
    Plan plan =
        plan(
            state(NAMESPACE, deployment("v1", ""), service),
            state(NAMESPACE, deployment("v1", ""), service, RATINGS_ROUTE));
    assertEquals(List.of("VirtualService bookinfo/ratings then none"), summary(plan));
    assertEquals(
        "VirtualService bookinfo/ratings is created; nothing in the input runs service"
            + " bookinfo/ratings (no workload's pod labels match app=ratings)",
        plan.stages().get(0).reason());
  }

  @Test
  void aSubsetIsMatchedAgainstPodLabelsWithOrWithoutTheServiceInTheInput() {
    // Without the host's Service: the subset's labels are a subset of the pods' labels.
    State without = state(NAMESPACE, deployment("v2", ""), mesh("v2"));
    assertEquals(
        List.of(
            "Deployment bookinfo/reviews-v2 then rollout",
            "DestinationRule bookinfo/reviews then propagation",
            "VirtualService bookinfo/reviews then none"),
        summary(plan(state(NAMESPACE), without)));
    // With it, the same order: the Service comes with the workload, the subset after its rollout.
    State with = state(NAMESPACE, CONFIG, deployment("v2", ""), mesh("v2"));
    assertEquals(
        List.of(
            "ConfigMap bookinfo/reviews-v2, Role bookinfo/reviews, Service bookinfo/reviews,"
                + " Deployment bookinfo/reviews-v2 then rollout",
            "DestinationRule bookinfo/reviews then propagation",
            "VirtualService bookinfo/reviews then none"),
        summary(plan(state(NAMESPACE), with)));
  }

  @Test
  void anIstioGatewaysWorkloadRunsBeforeTheGatewayAndItsRoutes() {
    String ingress =
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: istio-ingressgateway, namespace: istio-system}
        spec:
          selector: {matchLabels: {istio: ingressgateway}}
          template:
            metadata: {labels: {app: istio-ingressgateway, istio: ingressgateway}}
            spec:
              containers: [{name: istio-proxy, image: docker.io/istio/proxyv2:1.24.0}]
        """;
    String gateway =
        """
        apiVersion: networking.istio.io/v1
        kind: Gateway
        metadata: {name: bookinfo-gateway, namespace: bookinfo}
        spec:
          selector: {istio: ingressgateway}
          servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*"]}]
        ---
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: bookinfo, namespace: bookinfo}
        spec:
          hosts: ["*"]
          gateways: [bookinfo-gateway]
          http: [{route: [{destination: {host: productpage, port: {number: 9080}}}]}]
        """;
    Plan plan = plan(state(NAMESPACE), state(NAMESPACE, ingress, gateway));
    assertEquals(
        List.of(
            "Deployment istio-system/istio-ingressgateway then rollout",
            "Gateway bookinfo/bookinfo-gateway then propagation",
            "VirtualService bookinfo/bookinfo then none"),
        summary(plan));
    assertEquals(
        "applies Deployment istio-system/istio-ingressgateway before Gateway"
            + " bookinfo/bookinfo-gateway receives traffic; waits for its rollout",
        plan.stages().get(0).reason());
    // Without the gateway's workload in an input that holds workloads, the reason warns.
    Plan elsewhere =
        plan(
            state(NAMESPACE, deployment("v1", "")),
            state(NAMESPACE, deployment("v1", ""), gateway));
    assertTrue(
        elsewhere
            .stages()
            .get(0)
            .reason()
            .contains(
                "nothing in the input runs Gateway bookinfo/bookinfo-gateway (no workload's pod"
                    + " labels match istio=ingressgateway)"),
        elsewhere.stages().get(0).reason());
  }
}
