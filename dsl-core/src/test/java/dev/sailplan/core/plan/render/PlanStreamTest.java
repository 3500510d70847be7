package dev.sailplan.core.plan.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sailplan.core.Manifests;
import dev.sailplan.core.plan.Barrier;
import dev.sailplan.core.plan.Plan;
import dev.sailplan.core.plan.Stage;
import dev.sailplan.core.plan.State;
import dev.sailplan.core.plan.Step;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanStreamTest {
  static final String DEMO =
      """
      # Plan demo
      # Stage 001 (step prepare): Namespace shop is created — then propagation
      apiVersion: v1
      kind: Namespace
      metadata:
        name: shop
      ---
      # Stage 002 (step prepare): Service shop/web is updated — then gate
      apiVersion: v1
      kind: Service
      metadata:
        name: web
        namespace: shop
      spec:
        selector:
          app: web
        ports:
        - name: http
          port: 8080
      ---
      # Stage 003 (step lockdown): NetworkPolicy shop/deny-all is created; NetworkPolicy shop/old-deny is
      # deleted because the new default-deny policy replaces it entirely — then propagation
      # delete: NetworkPolicy shop/old-deny
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: deny-all
        namespace: shop
      spec:
        podSelector: {}
        policyTypes:
        - Ingress
      # Stage 004 (step lockdown): Service shop/legacy is deleted — then none
      # delete: Service shop/legacy
      """;

  @Test
  void rendersThePlanAsOneCommentedStream() {
    assertEquals(DEMO, PlanStream.render(Fixtures.demo()));
  }

  @Test
  void theStreamParsesBackToWhatTheStagesApplyInOrder() {
    assertEquals(
        List.of(Fixtures.SHOP, Fixtures.WEB_V2, Fixtures.DENY_ALL),
        Manifests.parse(PlanStream.render(Fixtures.demo()), "stream.yaml"));
  }

  @Test
  void aDeleteOnlyFirstStageAddsNoEmptyDocument() {
    Step step =
        new Step(
            "swap",
            State.of(Fixtures.DENY_ALL),
            List.of(
                new Stage(
                    "delete-networkpolicies",
                    List.of(Fixtures.delete(Fixtures.OLD_DENY)),
                    Barrier.PROPAGATION,
                    "NetworkPolicy shop/old-deny is deleted"),
                new Stage(
                    "networkpolicies",
                    List.of(Fixtures.create(Fixtures.DENY_ALL), Fixtures.create(Fixtures.SHOP)),
                    Barrier.NONE,
                    "both are created")));
    String text = PlanStream.render(new Plan("swap", State.of(Fixtures.OLD_DENY), List.of(step)));
    assertEquals(
        """
        # Plan swap
        # Stage 001 (step swap): NetworkPolicy shop/old-deny is deleted — then propagation
        # delete: NetworkPolicy shop/old-deny
        # Stage 002 (step swap): both are created — then none
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: deny-all
          namespace: shop
        spec:
          podSelector: {}
          policyTypes:
          - Ingress
        ---
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop
        """,
        text);
    assertEquals(List.of(Fixtures.DENY_ALL, Fixtures.SHOP), Manifests.parse(text, "swap.yaml"));
  }

  @Test
  void anEmptyPlanIsJustTheHeader() {
    assertEquals(
        "# Plan nothing\n", PlanStream.render(new Plan("nothing", State.empty(), List.of())));
  }
}
