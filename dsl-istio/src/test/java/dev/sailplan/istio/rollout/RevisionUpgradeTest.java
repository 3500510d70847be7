package dev.sailplan.istio.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sailplan.core.Manifests;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.plan.Barrier;
import dev.sailplan.core.plan.Plan;
import dev.sailplan.core.plan.ResourceKey;
import dev.sailplan.core.plan.Revisions;
import dev.sailplan.core.plan.Rollout;
import dev.sailplan.core.plan.Stage;
import dev.sailplan.core.plan.State;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RevisionUpgradeTest {
  /**
   * Namespaces on 1-29-0 (bookinfo by the default injection label), one on the tag, one ambient,
   * one already upgraded, each with a Deployment where it has workloads.
   */
  private static final String CURRENT =
      """
      apiVersion: v1
      kind: Namespace
      metadata:
        name: bookinfo
        labels:
          istio-injection: enabled
          team: books
      ---
      apiVersion: v1
      kind: Namespace
      metadata:
        name: payments
        labels:
          istio.io/rev: 1-29-0
      ---
      apiVersion: v1
      kind: Namespace
      metadata:
        name: ledger
        labels:
          istio.io/rev: 1-29-0
      ---
      apiVersion: v1
      kind: Namespace
      metadata:
        name: shop
        labels:
          istio.io/rev: prod-stable
      ---
      apiVersion: v1
      kind: Namespace
      metadata:
        name: ztunnel-apps
        labels:
          istio.io/dataplane-mode: ambient
      ---
      apiVersion: v1
      kind: Namespace
      metadata:
        name: edge
        labels:
          istio.io/rev: 1-30-3
      ---
      apiVersion: v1
      kind: Namespace
      metadata:
        name: old
        labels:
          istio.io/rev: 1-28-1
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: reviews
        namespace: bookinfo
      spec:
        selector:
          matchLabels: {app: reviews}
        template:
          metadata:
            labels: {app: reviews}
          spec:
            containers:
            - name: reviews
              image: reviews:1
      """;

  private static State current() {
    return State.of(Manifests.parseMixed(CURRENT, "current.yaml"));
  }

  private static RevisionUpgrade upgrade() {
    return RevisionUpgrade.from(current())
        .fromRevision("1-29-0")
        .toRevision("1-30-3")
        .step("bookinfo")
        .step("payments", "ledger")
        .tag("prod-stable")
        .build();
  }

  private static Map<String, String> labels(State s, String ns) {
    return new TreeMap<>(
        s.get(new ResourceKey("", "Namespace", "", ns)).orElseThrow().metadata().labels());
  }

  /** Each stage as "label: applied keys -> barrier". */
  private static List<String> outline(Plan plan) {
    return plan.stages().stream()
        .map(
            (Stage s) ->
                s.label()
                    + ": "
                    + s.applies().stream().map(r -> ResourceKey.of(r).toString()).toList()
                    + " -> "
                    + s.then().value())
        .toList();
  }

  @Test
  void eachStepRelabelsThenRestartsAndTheTagMovesLast() {
    RevisionUpgrade upgrade = upgrade();
    assertEquals(
        List.of("move-bookinfo", "move-payments-ledger", "move-tag-prod-stable"),
        upgrade.stepNames());
    Plan plan = upgrade.plan();
    assertEquals("revision-upgrade-1-30-3", plan.name());
    assertEquals(
        List.of(
            "namespaces: [Namespace bookinfo] -> restart",
            "namespaces: [Namespace ledger, Namespace payments] -> restart",
            "mutatingwebhookconfigurations: [MutatingWebhookConfiguration"
                + " istio-revision-tag-prod-stable] -> restart"),
        outline(plan));
    State end = plan.desired();
    // istio-injection goes (it would win over istio.io/rev); other labels stay.
    assertEquals(Map.of("istio.io/rev", "1-30-3", "team", "books"), labels(end, "bookinfo"));
    assertEquals(Map.of("istio.io/rev", "1-30-3"), labels(end, "ledger"));
    // Namespaces on the tag keep their label: they follow the tag.
    assertEquals(Map.of("istio.io/rev", "prod-stable"), labels(end, "shop"));
    Resource tag = end.get(ResourceKey.of(Revisions.tag("prod-stable", "x"))).orElseThrow();
    assertEquals("1-30-3", Revisions.tagRevision(tag));
    assertEquals(List.of("bookinfo"), Revisions.restarted(plan.stages().get(0).changes()));
    assertEquals(
        List.of("ledger", "payments"), Revisions.restarted(plan.stages().get(1).changes()));
  }

  @Test
  void theTagStartsAtTheOldRevisionWhenTheCurrentStateHasNone() {
    RevisionUpgrade upgrade = upgrade();
    Resource tag =
        upgrade.current().get(ResourceKey.of(Revisions.tag("prod-stable", "x"))).orElseThrow();
    assertEquals("1-29-0", Revisions.tagRevision(tag));
    assertEquals(current().size() + 1, upgrade.current().size());
  }

  @Test
  void oneAtATimeTakesEveryNamespaceOnTheOldRevisionByName() {
    RevisionUpgrade upgrade =
        RevisionUpgrade.from(current())
            .fromRevision("1-29-0")
            .toRevision("1-30-3")
            .oneAtATime()
            .build();
    assertEquals(List.of("move-bookinfo", "move-ledger", "move-payments"), upgrade.stepNames());
    assertEquals(
        List.of(Barrier.RESTART, Barrier.RESTART, Barrier.RESTART),
        upgrade.plan().stages().stream().map(Stage::then).toList());
  }

  @Test
  void rollbackFromEachStepEndsInTheOriginalLabels() {
    RevisionUpgrade upgrade = upgrade();
    List<Rollout> rollbacks = upgrade.rollbacks();
    assertEquals(3, rollbacks.size());
    for (int i = 0; i < 3; i++) {
      Plan back = rollbacks.get(i).plan();
      assertEquals(upgrade.current(), back.desired(), "rollback from step " + i);
      assertEquals(i + 1, back.steps().size(), "rollback from step " + i);
      back.stages().forEach(s -> assertEquals(Barrier.RESTART, s.then()));
    }
    Plan fromTag = upgrade.rollbackFrom("move-tag-prod-stable").plan();
    assertEquals("revision-upgrade-1-30-3-rollback-from-move-tag-prod-stable", fromTag.name());
    assertEquals(
        List.of("return-tag-prod-stable", "return-payments-ledger", "return-bookinfo"),
        fromTag.steps().stream().map(s -> s.name()).toList());
    assertEquals(
        Map.of("istio-injection", "enabled", "team", "books"),
        labels(fromTag.desired(), "bookinfo"));
    assertEquals(
        "revision-upgrade-1-30-3-rollback-from-move-payments-ledger",
        upgrade.rollbackFrom("move-payments-ledger").name());
  }

  @Test
  void badInputIsRefusedNamingTheNamespace() {
    assertEquals("namespace missing is not in the current state", refused("missing"));
    assertEquals(
        "namespace ztunnel-apps is ambient (istio.io/dataplane-mode=ambient): its pods have no"
            + " sidecar to re-inject; ztunnel and waypoints are upgraded on their own",
        refused("ztunnel-apps"));
    assertEquals("namespace edge is already on revision 1-30-3", refused("edge"));
    assertEquals("namespace old is on revision 1-28-1, not 1-29-0", refused("old"));
    assertEquals(
        "namespace shop uses revision tag prod-stable: it moves with the tag, in the last step",
        refused("shop"));
    assertEquals(
        "namespace payments is listed twice",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    RevisionUpgrade.from(current())
                        .fromRevision("1-29-0")
                        .toRevision("1-30-3")
                        .step("payments")
                        .step("ledger", "payments")
                        .build())
            .getMessage());
    assertEquals(
        "the old and the new revision are both 1-29-0: nothing to upgrade",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    RevisionUpgrade.from(current())
                        .fromRevision("1-29-0")
                        .toRevision("1-29-0")
                        .step("payments")
                        .build())
            .getMessage());
    assertEquals(
        "revision-upgrade-1-30-3 has no step 'move-shop'; its steps are move-bookinfo,"
            + " move-payments-ledger, move-tag-prod-stable",
        assertThrows(IllegalArgumentException.class, () -> upgrade().rollbackFrom("move-shop"))
            .getMessage());
  }

  @Test
  void aTagPointingElsewhereIsRefused() {
    State withTag =
        current()
            .with(
                ResourceKey.of(Revisions.tag("prod-stable", "1-28-1")),
                java.util.Optional.of(Revisions.tag("prod-stable", "1-28-1")));
    assertEquals(
        "revision tag prod-stable points at revision 1-28-1, not 1-29-0",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    RevisionUpgrade.from(withTag)
                        .fromRevision("1-29-0")
                        .toRevision("1-30-3")
                        .tagOnly("prod-stable")
                        .build())
            .getMessage());
  }

  private static String refused(String ns) {
    return assertThrows(
            IllegalArgumentException.class,
            () ->
                RevisionUpgrade.from(current())
                    .fromRevision("1-29-0")
                    .toRevision("1-30-3")
                    .step(ns)
                    .tag("prod-stable")
                    .build())
        .getMessage();
  }
}
