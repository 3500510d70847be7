package dev.sailplan.testing.plan;

import static dev.sailplan.testing.SailplanAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sailplan.core.Manifests;
import dev.sailplan.core.plan.Barrier;
import dev.sailplan.core.plan.Change;
import dev.sailplan.core.plan.Plan;
import dev.sailplan.core.plan.ResourceKey;
import dev.sailplan.core.plan.Stage;
import dev.sailplan.core.plan.State;
import dev.sailplan.core.plan.Step;
import dev.sailplan.istio.rollout.RevisionUpgrade;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A revision upgrade of three namespaces, and its rollbacks, through the independent checker: a
 * restart (which ends at a gate) after each namespace, the tag last.
 */
class RevisionUpgradeCheckTest {
  private static final String CURRENT =
      """
      apiVersion: v1
      kind: Namespace
      metadata:
        name: bookinfo
        labels: {istio-injection: enabled}
      ---
      apiVersion: v1
      kind: Namespace
      metadata:
        name: payments
        labels: {istio.io/rev: 1-29-0}
      ---
      apiVersion: v1
      kind: Namespace
      metadata:
        name: ledger
        labels: {istio.io/rev: 1-29-0, team: money}
      ---
      apiVersion: v1
      kind: Namespace
      metadata:
        name: shop
        labels: {istio.io/rev: prod-stable}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: reviews, namespace: bookinfo}
      spec:
        selector: {matchLabels: {app: reviews}}
        template:
          metadata: {labels: {app: reviews}}
          spec: {containers: [{name: reviews, image: reviews:1}]}
      """;

  private static RevisionUpgrade upgrade() {
    return RevisionUpgrade.from(State.of(Manifests.parseMixed(CURRENT, "current.yaml")))
        .fromRevision("1-29-0")
        .toRevision("1-30-3")
        .step("bookinfo")
        .step("payments")
        .step("ledger")
        .tag("prod-stable")
        .build();
  }

  @Test
  void threeNamespacesEachRestartedAndGatedThenTheTag() {
    Plan plan = upgrade().plan();
    assertEquals(List.of(), MakeBeforeBreakChecker.check(plan));
    assertThat(plan)
        .isMakeBeforeBreak()
        .hasStages("namespaces", "namespaces", "namespaces", "mutatingwebhookconfigurations")
        .stage(1)
        .applies("Namespace bookinfo")
        .restarts("bookinfo")
        .and()
        .stage(2)
        .restarts("payments")
        .and()
        .stage(3)
        .restarts("ledger")
        .and()
        .stage(4)
        .applies("MutatingWebhookConfiguration istio-revision-tag-prod-stable")
        .isFollowedBy(Barrier.RESTART);
  }

  @Test
  void aRollbackFromEachStepPassesAndEndsInTheOriginalLabels() {
    RevisionUpgrade upgrade = upgrade();
    for (String step : upgrade.stepNames()) {
      Plan back = upgrade.rollbackFrom(step).plan();
      assertEquals(List.of(), MakeBeforeBreakChecker.check(back), back.name());
      assertEquals(upgrade.current(), back.desired(), back.name());
      back.stages().forEach(s -> assertEquals(Barrier.RESTART, s.then(), back.name()));
    }
    assertThat(upgrade.rollbackFrom("move-tag-prod-stable").plan())
        .stage(1)
        .isFollowedBy(Barrier.RESTART)
        .and()
        .stage(2)
        .restarts("ledger")
        .and()
        .stage(4)
        .restarts("bookinfo");
  }

  @Test
  void aNamespaceMoveWithoutARestartIsAViolation() {
    Plan plan = upgrade().plan();
    Stage moved = plan.stages().get(0);
    Plan unsafe =
        new Plan(
            "no-restart",
            plan.current(),
            List.of(
                new Step(
                    "move-bookinfo",
                    plan.steps().get(0).desired(),
                    List.of(moved.then(Barrier.GATE)))));
    assertEquals(
        List.of(
            "stage 1 (namespaces) moves pods to another revision but is followed by gate, not"
                + " restart: the pods keep their old proxies"),
        MakeBeforeBreakChecker.check(unsafe));
    AssertionError e =
        assertThrows(AssertionError.class, () -> assertThat(unsafe).stage(1).restarts("bookinfo"));
    assertEquals(
        "expected stage 1 (namespaces) to restart the workloads of [bookinfo], but it is followed"
            + " by gate and moves [bookinfo]",
        e.getMessage());
  }

  @Test
  void aRestartThatMovesNothingIsAViolation() {
    Plan plan = upgrade().plan();
    State at = plan.current();
    ResourceKey reviews = new ResourceKey("apps", "Deployment", "bookinfo", "reviews");
    Change same = new Change(reviews, at.get(reviews), at.get(reviews));
    Plan pointless =
        new Plan(
            "pointless",
            at,
            List.of(
                new Step(
                    "restart",
                    at,
                    List.of(new Stage("deployments", List.of(same), Barrier.RESTART, "")))));
    assertEquals(
        List.of("stage 1 (deployments) restarts workloads but moves no namespace or revision tag"),
        MakeBeforeBreakChecker.check(pointless));
  }
}
