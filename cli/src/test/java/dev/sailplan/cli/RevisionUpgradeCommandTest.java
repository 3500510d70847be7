package dev.sailplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sailplan.core.plan.Barrier;
import dev.sailplan.core.plan.Plan;
import dev.sailplan.core.plan.Stage;
import dev.sailplan.testing.plan.MakeBeforeBreakChecker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RevisionUpgradeCommandTest {
  @TempDir Path dir;

  private Path current;

  @BeforeEach
  void writeCurrent() throws IOException {
    current =
        Files.writeString(
            dir.resolve("current.yaml"),
            """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: Namespace
              metadata: {name: bookinfo, labels: {istio-injection: enabled, team: books}}
            - apiVersion: v1
              kind: Namespace
              metadata: {name: payments, labels: {istio.io/rev: 1-29-0}}
            - apiVersion: v1
              kind: Namespace
              metadata: {name: ledger, labels: {istio.io/rev: 1-29-0}}
            - apiVersion: v1
              kind: Namespace
              metadata: {name: shop, labels: {istio.io/rev: prod-stable}}
            - apiVersion: v1
              kind: Namespace
              metadata: {name: mesh-apps, labels: {istio.io/dataplane-mode: ambient}}
            - apiVersion: apps/v1
              kind: Deployment
              metadata: {name: reviews, namespace: bookinfo}
              spec:
                selector: {matchLabels: {app: reviews}}
                template:
                  metadata: {labels: {app: reviews}}
                  spec: {containers: [{name: reviews, image: reviews:1}]}
            """);
  }

  private FmtCommandTest.Run upgrade(String... more) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "rollout",
                "revision-upgrade",
                "--current",
                current.toString(),
                "--from-revision",
                "1-29-0",
                "--to-revision",
                "1-30-3"));
    args.addAll(List.of(more));
    return FmtCommandTest.sailplan(args.toArray(String[]::new));
  }

  @Test
  void writesAPlanFolderThatRestartsAfterEachStepAndMovesTheTagLast() throws IOException {
    Path out = dir.resolve("plans");
    FmtCommandTest.Run r =
        upgrade(
            "--namespace",
            "bookinfo",
            "--namespace",
            "payments,ledger",
            "--tag",
            "prod-stable",
            "--out",
            out.toString(),
            "--name",
            "upgrade");
    assertEquals(0, r.status(), r.err());
    assertEquals("", r.err());
    assertTrue(r.out().startsWith("Plan upgrade: 3 steps, 3 stages from 6 resources"), r.out());
    Path folder = out.resolve("upgrade");
    // Read back from the files alone: plan.yaml's then: restart, the stage files.
    Plan plan = PlanFolderCheck.plan(folder);
    assertEquals(List.of(), MakeBeforeBreakChecker.check(plan));
    assertEquals(
        List.of("move-bookinfo", "move-payments-ledger", "move-tag-prod-stable"),
        plan.steps().stream().map(s -> s.name()).toList());
    assertEquals(
        List.of(Barrier.RESTART, Barrier.RESTART, Barrier.RESTART),
        plan.stages().stream().map(Stage::then).toList());
    String index = Files.readString(folder.resolve("plan.yaml"));
    assertTrue(index.contains("then: restart"), index);
    String script = Files.readString(folder.resolve("apply.sh"));
    assertTrue(script.contains("  restart_namespace bookinfo\n"), script);
    assertTrue(
        script.contains("  restart_namespace ledger\n  restart_namespace payments\n"), script);
    assertTrue(
        script.contains("  set_tag prod-stable 1-30-3\n  restart_tagged prod-stable\n"), script);
    assertTrue(!script.contains("kube apply -f 003-"), script);
    PlanFolderCheck check = PlanFolderCheck.of(folder);
    assertEquals(
        "{\"istio.io/rev\":\"1-30-3\",\"team\":\"books\"}",
        check.last().get("Namespace /bookinfo").path("metadata").path("labels").toString());
    assertEquals(
        "{\"istio.io/rev\":\"prod-stable\"}",
        check.last().get("Namespace /shop").path("metadata").path("labels").toString());
  }

  @Test
  void oneAtATimeTakesTheNamespacesOnTheOldRevision() throws IOException {
    FmtCommandTest.Run r = upgrade("--one-at-a-time", "--format", "stream");
    assertEquals(0, r.status(), r.err());
    for (String step : List.of("move-bookinfo", "move-ledger", "move-payments")) {
      assertTrue(r.out().contains(step), r.out());
    }
    assertTrue(!r.out().contains("move-shop"), r.out());
  }

  @Test
  void aNamespaceTheUpgradeCannotMoveIsInvalidInputNamingIt() {
    assertEquals(
        new FmtCommandTest.Run(
            1,
            "",
            "sailplan: --current "
                + current
                + ": namespace mesh-apps is ambient (istio.io/dataplane-mode=ambient): its pods"
                + " have no sidecar to re-inject; ztunnel and waypoints are upgraded on their"
                + " own\n"),
        upgrade("--namespace", "mesh-apps", "--format", "stream"));
    assertEquals(
        new FmtCommandTest.Run(
            1,
            "",
            "sailplan: --current " + current + ": namespace web is not in the current state\n"),
        upgrade("--namespace", "bookinfo,web", "--format", "stream"));
  }

  @Test
  void badOptionsAreUsageErrors() {
    assertEquals(
        new FmtCommandTest.Run(
            2,
            "",
            "sailplan rollout revision-upgrade: give --namespace, --one-at-a-time or --tag (see"
                + " sailplan rollout revision-upgrade --help)\n"),
        upgrade("--format", "stream"));
    assertEquals(
        new FmtCommandTest.Run(
            2,
            "",
            "sailplan rollout revision-upgrade: --namespace 'bookinfo,' has an empty namespace"
                + " name (see sailplan rollout revision-upgrade --help)\n"),
        upgrade("--namespace", "bookinfo,", "--format", "stream"));
    assertEquals(
        new FmtCommandTest.Run(
            2,
            "",
            "sailplan rollout revision-upgrade: namespace ledger is listed twice (see sailplan"
                + " rollout revision-upgrade --help)\n"),
        upgrade("--namespace", "ledger", "--namespace", "payments,ledger", "--format", "stream"));
    assertEquals(
        new FmtCommandTest.Run(
            2,
            "",
            "sailplan rollout revision-upgrade: the old and the new revision are both 1-30-3:"
                + " nothing to upgrade (see sailplan rollout revision-upgrade --help)\n"),
        FmtCommandTest.sailplan(
            "rollout",
            "revision-upgrade",
            "--current",
            current.toString(),
            "--from-revision",
            "1-30-3",
            "--to-revision",
            "1-30-3",
            "--namespace",
            "bookinfo",
            "--format",
            "stream"));
  }
}
