package dev.sailplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sailplan.core.Manifests;
import dev.sailplan.core.plan.Barrier;
import dev.sailplan.core.plan.Plan;
import dev.sailplan.core.plan.Planner;
import dev.sailplan.core.plan.State;
import dev.sailplan.core.plan.render.ArgoCdPlan;
import dev.sailplan.core.plan.render.PlanStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCommandTest {
  @TempDir Path dir;

  private static final String RULE =
      """
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: reviews, namespace: bookinfo}
      spec:
        host: reviews
        subsets: [{name: %s, labels: {version: %s}}]
      """;
  private static final String ROUTE =
      """
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: reviews, namespace: bookinfo}
      spec:
        hosts: [reviews]
        http: [{route: [{destination: {host: reviews, subset: %s}}]}]
      """;

  private Path file(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  private List<String> listing(Path root) throws IOException {
    try (Stream<Path> walk = Files.list(root)) {
      return walk.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void writesThePlanFolderWithStagesInMakeBeforeBreakOrder() throws IOException {
    Path current =
        file("current.yaml", RULE.formatted("v1", "v1") + "---\n" + ROUTE.formatted("v1"));
    Path desired =
        file("desired.yaml", RULE.formatted("v2", "v2") + "---\n" + ROUTE.formatted("v2"));
    Path out = dir.resolve("plans");
    FmtCommandTest.Run r =
        FmtCommandTest.sailplan(
            "plan",
            "--from",
            current.toString(),
            "--to",
            desired.toString(),
            "--out",
            out.toString(),
            "--name",
            "reviews-swap");
    assertEquals(
        new FmtCommandTest.Run(
            0,
            "Plan reviews-swap: 3 stages from 2 to 2 resources, written to "
                + out.resolve("reviews-swap")
                + "\n",
            ""),
        r);
    assertEquals(
        List.of(
            ".sailplan-plan",
            "001-apply-destinationrules.yaml",
            "002-apply-virtualservices.yaml",
            "003-apply-destinationrules.yaml",
            "apply.sh",
            "current.yaml",
            "desired.yaml",
            "plan.yaml"),
        listing(out.resolve("reviews-swap")));
    String index = Files.readString(out.resolve("reviews-swap/plan.yaml"));
    assertTrue(
        index.contains(
            "reason: DestinationRule bookinfo/reviews drops subset"
                + " reviews.bookinfo.svc.cluster.local/v1 now that nothing uses it"),
        index);
  }

  @Test
  void withoutFromEverythingIsCreatedAndAListIsAcceptedAsInput() throws IOException {
    Path desired =
        file(
            "desired.yaml",
            "apiVersion: v1\nkind: List\nitems:\n- "
                + (RULE.formatted("v1", "v1")
                        + ROUTE.formatted("v1").replace("apiVersion", "---apiVersion"))
                    .replace("\n", "\n  ")
                    .replace("---", "\n- ")
                    .trim()
                + "\n");
    FmtCommandTest.Run r =
        FmtCommandTest.sailplan("plan", "--to", desired.toString(), "--out", dir.toString());
    assertEquals(0, r.status(), r.err());
    assertEquals(
        List.of(
            ".sailplan-plan",
            "001-apply-destinationrules.yaml",
            "002-apply-virtualservices.yaml",
            "apply.sh",
            "current.yaml",
            "desired.yaml",
            "plan.yaml"),
        listing(dir.resolve("plan")));
    assertEquals("", Files.readString(dir.resolve("plan/current.yaml")));
  }

  @Test
  void streamAndArgoFormatsPrintInsteadOfWriting() throws IOException {
    Path desired =
        file("desired.yaml", RULE.formatted("v1", "v1") + "---\n" + ROUTE.formatted("v1"));
    FmtCommandTest.Run stream =
        FmtCommandTest.sailplan("plan", "--to", desired.toString(), "--format", "stream");
    assertEquals(0, stream.status(), stream.err());
    assertTrue(stream.out().startsWith("# Plan plan\n"), stream.out());
    assertEquals(2, dev.sailplan.core.Manifests.parse(stream.out(), "stream").size());
    FmtCommandTest.Run argo =
        FmtCommandTest.sailplan("plan", "--to", desired.toString(), "--format", "argocd");
    assertEquals(0, argo.status(), argo.err());
    assertTrue(argo.out().contains("argocd.argoproj.io/sync-wave: \"1\""), argo.out());
    assertFalse(Files.exists(dir.resolve("plan")));
  }

  /** The plan the CLI makes for these inputs: one step, named apply. */
  private static Plan planOf(Path current, Path desired) throws IOException {
    return Planner.discover()
        .plan(
            "plan",
            State.of(Manifests.parse(current)),
            List.of(new Planner.Target("apply", State.of(Manifests.parse(desired)), Barrier.NONE)));
  }

  @Test
  void argoCdPrintsEverySyncOfAStepThatChangesAnObjectTwice() throws IOException {
    Path current =
        file("current.yaml", RULE.formatted("v1", "v1") + "---\n" + ROUTE.formatted("v1"));
    Path desired =
        file("desired.yaml", RULE.formatted("v2", "v2") + "---\n" + ROUTE.formatted("v2"));
    List<String> syncs = ArgoCdPlan.syncs(planOf(current, desired), 0);
    assertEquals(2, syncs.size());
    FmtCommandTest.Run argo =
        FmtCommandTest.sailplan(
            "plan", "--from", current.toString(), "--to", desired.toString(), "--format", "argocd");
    assertEquals(new FmtCommandTest.Run(0, syncs.get(0) + "---\n" + syncs.get(1), ""), argo);
    assertEquals(
        List.of(
            "---",
            "# Plan plan, step 1 of 1: apply (Argo CD sync waves)",
            "# Sync 2 of 2: a separate commit, after sync 1 is synced and propagated; DestinationRule"),
        secondSyncIntro(argo.out()));
    assertEquals(
        List.of("0", "1", "0"),
        argo.out()
            .lines()
            .filter(l -> l.contains(ArgoCdPlan.SYNC_WAVE))
            .map(l -> l.replaceAll(".*: \"(\\d+)\"", "$1"))
            .toList());
  }

  /** The separator and two header lines that introduce the second sync. */
  private static List<String> secondSyncIntro(String out) {
    List<String> lines = out.lines().toList();
    int header = lines.lastIndexOf("# Plan plan, step 1 of 1: apply (Argo CD sync waves)");
    return lines.subList(header - 1, header + 2);
  }

  @Test
  void argoCdWithOutWritesOneFilePerSync() throws IOException {
    Path current =
        file("current.yaml", RULE.formatted("v1", "v1") + "---\n" + ROUTE.formatted("v1"));
    Path desired =
        file("desired.yaml", RULE.formatted("v2", "v2") + "---\n" + ROUTE.formatted("v2"));
    Path out = dir.resolve("argo");
    FmtCommandTest.Run r =
        FmtCommandTest.sailplan(
            "plan",
            "--from",
            current.toString(),
            "--to",
            desired.toString(),
            "--format",
            "argocd",
            "--out",
            out.toString(),
            "--name",
            "reviews-swap");
    assertEquals(
        new FmtCommandTest.Run(
            0,
            "Plan reviews-swap: 2 Argo CD syncs in 1 step, written to "
                + out.resolve("reviews-swap")
                + "\n",
            ""),
        r);
    assertEquals(
        List.of(".sailplan-plan", "01-apply-sync-1.yaml", "01-apply-sync-2.yaml"),
        listing(out.resolve("reviews-swap")));
    List<String> syncs = ArgoCdPlan.syncs(planOf(current, desired), 0);
    for (int i = 0; i < 2; i++) {
      assertEquals(
          syncs.get(i).replace("Plan plan,", "Plan reviews-swap,"),
          Files.readString(out.resolve("reviews-swap/01-apply-sync-" + (i + 1) + ".yaml")));
    }
    Path aFile = file("a-file", "");
    assertEquals(
        new FmtCommandTest.Run(
            1,
            "",
            "sailplan: cannot create plan folder " + aFile + ": a file of that name exists\n"),
        FmtCommandTest.sailplan(
            "plan", "--to", desired.toString(), "--format", "argocd", "--out", aFile.toString()));
  }

  @Test
  void anImpossibleTransitionIsAnErrorAndWritesNothing() throws IOException {
    Path current =
        file("current.yaml", RULE.formatted("v1", "v1") + "---\n" + ROUTE.formatted("v1"));
    Path desired =
        file("desired.yaml", RULE.formatted("v2", "v2") + "---\n" + ROUTE.formatted("v1"));
    Path out = dir.resolve("plans");
    FmtCommandTest.Run r =
        FmtCommandTest.sailplan(
            "plan",
            "--from",
            current.toString(),
            "--to",
            desired.toString(),
            "--out",
            out.toString());
    assertEquals(1, r.status());
    // The desired state itself routes to a subset its rule no longer defines: validation rejects
    // it (SP1001) before the planner looks for an order.
    assertEquals(
        "Error [SP1001] (VirtualService bookinfo/reviews) spec.http[0].route[0].destination.subset:"
            + " subset v1 of reviews.bookinfo.svc.cluster.local is not defined: DestinationRule"
            + " bookinfo/reviews, which applies to clients in bookinfo, does not define it;"
            + " requests to it fail with 503 (no route)\n",
        r.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void mixedInputPlansTheWorkloadWithARolloutBeforeTheSubsetIsRoutedTo() throws IOException {
    String deployment =
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: reviews-v2, namespace: bookinfo}
        spec:
          selector: {matchLabels: {app: reviews, version: v2}}
          template:
            metadata: {labels: {app: reviews, version: v2}}
            spec: {containers: [{name: reviews, image: "reviews:2"}]}
        status: {replicas: 1}
        """;
    Path from = file("from.yaml", RULE.formatted("v1", "v1") + "---\n" + ROUTE.formatted("v1"));
    Path to =
        file(
            "to.yaml",
            deployment + "---\n" + RULE.formatted("v2", "v2") + "---\n" + ROUTE.formatted("v2"));
    FmtCommandTest.Run r =
        FmtCommandTest.sailplan(
            "plan", "--from", from.toString(), "--to", to.toString(), "--format", "stream");
    assertEquals(0, r.status(), r.err());
    List<String> headers =
        r.out().lines().filter(l -> l.startsWith("# Stage") || l.startsWith("# ")).toList();
    String text = String.join(" ", headers);
    assertTrue(
        text.contains(
            "# Stage 001 (step apply): applies Deployment bookinfo/reviews-v2 before subset v2 of"),
        text);
    assertTrue(text.contains("waits for its rollout — then rollout"), text);
    FmtCommandTest.Run written =
        FmtCommandTest.sailplan(
            "plan", "--from", from.toString(), "--to", to.toString(), "--out", dir.toString());
    assertEquals(0, written.status(), written.err());
    String apply = Files.readString(dir.resolve("plan/apply.sh"));
    assertTrue(
        apply.contains(
            "kube rollout status deployment/reviews-v2 -n bookinfo \"--timeout=${timeout}s\""),
        apply);
    // Its status is kept: the stage file holds the Deployment as written.
    assertTrue(
        Files.readString(dir.resolve("plan/001-apply-deployments.yaml"))
            .contains("status:\n  replicas: 1\n"));
  }

  @Test
  void badInputAndDuplicatesAreProblemsWithoutStackTraces() throws IOException {
    Path bad =
        file(
            "bad.yaml",
            """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: r}
            spec: {hosts: r}
            """);
    FmtCommandTest.Run r =
        FmtCommandTest.sailplan("plan", "--to", bad.toString(), "--out", dir.toString());
    assertEquals(
        new FmtCommandTest.Run(
            1,
            "",
            "--to "
                + bad
                + ": document 1, line 4: spec.hosts: expected a list,"
                + " not a string\n"),
        r);
    Path twice = file("twice.yaml", ROUTE.formatted("v1") + "---\n" + ROUTE.formatted("v2"));
    FmtCommandTest.Run d =
        FmtCommandTest.sailplan("plan", "--to", twice.toString(), "--out", dir.toString());
    assertEquals(
        new FmtCommandTest.Run(
            1,
            "",
            "--to "
                + twice
                + ": document 2, line 8: VirtualService bookinfo/reviews"
                + " is already defined in document 1, line 1\n"),
        d);
    FmtCommandTest.Run f =
        FmtCommandTest.sailplan(
            "plan", "--from", twice.toString(), "--to", bad.toString(), "--format", "stream");
    assertEquals(
        new FmtCommandTest.Run(
            1,
            "",
            "--from "
                + twice
                + ": document 2, line 8: VirtualService"
                + " bookinfo/reviews is already defined in document 1, line 1\n"),
        f);
    assertEquals(
        new FmtCommandTest.Run(
            2,
            "",
            "sailplan plan: --out is required for --format dir (see sailplan plan" + " --help)\n"),
        FmtCommandTest.sailplan("plan", "--to", twice.toString()));
    assertEquals(
        new FmtCommandTest.Run(
            2,
            "",
            "sailplan plan: --name 'Bad Name' must be lower-case letters, digits"
                + " and '-' (see sailplan plan --help)\n"),
        FmtCommandTest.sailplan(
            "plan", "--to", bad.toString(), "--out", "x", "--name", "Bad Name"));
    assertTrue(FmtCommandTest.sailplan("plan", "--help").out().contains("Usage: sailplan plan"));
  }

  @Test
  void anInputThatIsAFolderOrMissingIsNamedWithItsOption() throws IOException {
    Path desired = file("desired.yaml", ROUTE.formatted("v1"));
    assertEquals(
        new FmtCommandTest.Run(1, "", "--to " + dir + ": cannot read: is a directory\n"),
        FmtCommandTest.sailplan(
            "plan", "--to", dir.toString(), "--out", dir.resolve("plans").toString()));
    assertEquals(
        new FmtCommandTest.Run(1, "", "--from " + dir.resolve("none.yaml") + ": no such file\n"),
        FmtCommandTest.sailplan(
            "plan",
            "--from",
            dir.resolve("none.yaml").toString(),
            "--to",
            desired.toString(),
            "--format",
            "stream"));
  }

  @Test
  void anOutFolderThatCannotBeCreatedIsNamedWithTheReason() throws IOException {
    Path desired = file("desired.yaml", ROUTE.formatted("v1"));
    Path aFile = file("a-file", "");
    assertEquals(
        new FmtCommandTest.Run(
            1,
            "",
            "sailplan: cannot create plan folder " + aFile + ": a file of that name exists\n"),
        FmtCommandTest.sailplan("plan", "--to", desired.toString(), "--out", aFile.toString()));
    assertEquals(
        new FmtCommandTest.Run(
            1,
            "",
            "sailplan: cannot create plan folder "
                + aFile.resolve("plans")
                + ": not a directory\n"),
        FmtCommandTest.sailplan(
            "plan", "--to", desired.toString(), "--out", aFile.resolve("plans").toString()));
  }

  @Test
  void anOutFolderUnderProcSaysWhy() throws IOException {
    // The case users hit: the JDK's exception for it carries the path only, no reason.
    assumeTrue(Files.isDirectory(Path.of("/proc/self")), "a Linux /proc");
    Path desired = file("desired.yaml", ROUTE.formatted("v1"));
    assertEquals(
        new FmtCommandTest.Run(
            1,
            "",
            "sailplan: cannot create plan folder /proc/nope: no such file or" + " directory\n"),
        FmtCommandTest.sailplan("plan", "--to", desired.toString(), "--out", "/proc/nope"));
  }

  @Test
  void streamAndArgoFormatsAreFlushedBeforeRunReturns() throws IOException {
    Path desired =
        file("desired.yaml", RULE.formatted("v1", "v1") + "---\n" + ROUTE.formatted("v1"));
    Plan plan =
        Planner.discover()
            .plan(
                "plan",
                State.empty(),
                List.of(
                    new Planner.Target("apply", State.of(Manifests.parse(desired)), Barrier.NONE)));
    assertEquals(
        PlanStream.render(plan),
        unflushed("plan", "--to", desired.toString(), "--format", "stream"));
    assertEquals(
        ArgoCdPlan.render(plan, 0),
        unflushed("plan", "--to", desired.toString(), "--format", "argocd"));
  }

  /**
   * What a run printed on writers that flush only when told, as {@code main}'s would without the
   * fix.
   */
  private static String unflushed(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status =
        Sailplan.run(
            args,
            new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)),
            new PrintWriter(
                new OutputStreamWriter(new ByteArrayOutputStream(), StandardCharsets.UTF_8)));
    assertEquals(0, status);
    return out.toString(StandardCharsets.UTF_8);
  }
}
