package dev.sailplan.core.plan.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sailplan.core.k8s.Namespace;
import dev.sailplan.core.meta.ObjectMeta;
import dev.sailplan.core.plan.Barrier;
import dev.sailplan.core.plan.Plan;
import dev.sailplan.core.plan.Planner;
import dev.sailplan.core.plan.Revisions;
import dev.sailplan.core.plan.Stage;
import dev.sailplan.core.plan.State;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code restart} barrier and revision tags in {@code apply.sh}, against a fake {@code kubectl}
 * that knows one Deployment in each of bookinfo and shop, and shop as the namespace on the tag.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class RestartScriptTest {
  private static final String FAKE_KUBECTL =
      """
      #!/usr/bin/env bash
      echo "kubectl $*" >>"$FAKE_LOG"
      if [[ $1 == apply && ! -f $3 ]]; then
        echo "fake kubectl: no file $3 in $PWD" >&2
        exit 9
      fi
      case "$*" in
        "get deployment -n bookinfo -o name") echo deployment.apps/reviews ;;
        "get deployment -n shop -o name") echo deployment.apps/web ;;
        "get namespaces -l istio.io/rev=prod-stable,!istio-injection -o name") echo namespace/shop ;;
      esac
      """;

  private static final String FAKE_ISTIOCTL =
      """
      #!/usr/bin/env bash
      echo "istioctl $*" >>"$FAKE_LOG"
      """;

  private static final String FAKE_SLEEP =
      """
      #!/usr/bin/env bash
      echo "sleep $*" >>"$FAKE_LOG"
      """;

  @TempDir Path tmp;

  private Path plan;
  private Path bin;
  private Path log;

  private record Result(int exit, String out, String err, List<String> log) {}

  /** bookinfo moves from the default injection label to 1-29-0's successor, then the tag moves. */
  static Plan upgrade() {
    Namespace before =
        Namespace.builder()
            .metadata(
                ObjectMeta.builder()
                    .name("bookinfo")
                    .putLabels("istio-injection", "enabled")
                    .build())
            .build();
    Namespace after =
        Namespace.builder()
            .metadata(
                ObjectMeta.builder().name("bookinfo").putLabels("istio.io/rev", "1-30-3").build())
            .build();
    State current = State.of(before, Revisions.tag("prod-stable", "1-29-0"));
    State moved = State.of(after, Revisions.tag("prod-stable", "1-29-0"));
    State tagged = State.of(after, Revisions.tag("prod-stable", "1-30-3"));
    return Planner.of(List.of())
        .plan(
            "upgrade",
            current,
            List.of(
                new Planner.Target("move-bookinfo", moved, Barrier.GATE),
                new Planner.Target("move-tag", tagged, Barrier.NONE)));
  }

  @BeforeEach
  void setUp() throws IOException {
    assumeTrue(
        Files.isExecutable(Path.of("/bin/bash")) || Files.isExecutable(Path.of("/usr/bin/bash")),
        "bash is needed to run apply.sh");
    plan = PlanWriter.write(upgrade(), tmp.resolve("out"));
    bin = Files.createDirectories(tmp.resolve("bin"));
    log = tmp.resolve("fake.log");
    fake("kubectl", FAKE_KUBECTL);
    fake("istioctl", FAKE_ISTIOCTL);
    fake("sleep", FAKE_SLEEP);
  }

  private void fake(String name, String script) throws IOException {
    Path p = bin.resolve(name);
    Files.writeString(p, script, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private Result run(String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of(plan.resolve("apply.sh").toString()));
    command.addAll(List.of(args));
    Path in = Files.writeString(tmp.resolve("stdin"), "");
    ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile());
    pb.environment().put("PATH", bin + ":/usr/bin:/bin");
    pb.environment().put("FAKE_LOG", log.toString());
    Path out = tmp.resolve("stdout");
    Path err = tmp.resolve("stderr");
    pb.redirectInput(ProcessBuilder.Redirect.from(in.toFile()));
    pb.redirectOutput(out.toFile());
    pb.redirectError(err.toFile());
    Process p = pb.start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("timed out: " + command);
    }
    List<String> logged = Files.exists(log) ? Files.readAllLines(log) : List.of();
    Files.deleteIfExists(log);
    return new Result(p.exitValue(), Files.readString(out), Files.readString(err), logged);
  }

  @Test
  void theScriptIsValidBash() throws Exception {
    Process p =
        new ProcessBuilder("bash", "-n", plan.resolve("apply.sh").toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
  }

  @Test
  void thePlannerRestartsAfterEachMoveEvenAtTheEnd() {
    assertEquals(
        List.of(Barrier.RESTART, Barrier.RESTART),
        upgrade().stages().stream().map(Stage::then).toList());
  }

  @Test
  void restartsTheMovedNamespaceAndTheTaggedOnesThenWaitsAndStops() throws Exception {
    Result r = run("--yes", "--settle", "0");
    assertEquals(0, r.exit(), r.err());
    assertEquals(
        List.of(
            "kubectl apply -f 001-move-bookinfo-namespaces.yaml",
            "kubectl label namespace bookinfo istio-injection-",
            "kubectl get deployment -n bookinfo -o name",
            "kubectl rollout restart deployment.apps/reviews -n bookinfo",
            "kubectl rollout status deployment.apps/reviews -n bookinfo --timeout=300s",
            "kubectl get statefulset -n bookinfo -o name",
            "kubectl get daemonset -n bookinfo -o name",
            "istioctl proxy-status",
            "sleep 0",
            "istioctl tag set prod-stable --revision 1-30-3 --overwrite",
            "kubectl get namespaces -l istio.io/rev=prod-stable,!istio-injection -o name",
            "kubectl get deployment -n shop -o name",
            "kubectl rollout restart deployment.apps/web -n shop",
            "kubectl rollout status deployment.apps/web -n shop --timeout=300s",
            "kubectl get statefulset -n shop -o name",
            "kubectl get daemonset -n shop -o name",
            "istioctl proxy-status",
            "sleep 0"),
        r.log());
    assertTrue(r.out().contains("==> Gate after stage 001: going on (--yes)\n"), r.out());
    // No gate after the plan's last stage: nothing follows it.
    assertTrue(!r.out().contains("Gate after stage 002"), r.out());
  }

  @Test
  void withoutYesTheRestartStopsAtItsGate() throws Exception {
    Result r = run("--settle", "0");
    assertEquals(3, r.exit(), r.out());
    assertTrue(r.err().contains("resume with --from 002"), r.err());
    assertEquals("kubectl get daemonset -n bookinfo -o name", r.log().get(6));
  }

  @Test
  void aDryRunShowsTheRestartsAndTheTagAndRunsNothing() throws Exception {
    Result r = run("--dry-run");
    assertEquals(0, r.exit(), r.err());
    assertEquals(List.of(), r.log());
    assertTrue(
        r.out()
            .contains(
                """
                ==> Restarting the workloads of namespace bookinfo
                + kubectl rollout restart deployment -n bookinfo
                + kubectl rollout restart statefulset -n bookinfo
                + kubectl rollout restart daemonset -n bookinfo
                """),
        r.out());
    assertTrue(
        r.out().contains("+ istioctl tag set prod-stable --revision 1-30-3 --overwrite\n"),
        r.out());
  }

  @Test
  void theStreamSaysTheTagIsRunNotApplied() {
    assertTrue(
        PlanStream.render(upgrade())
            .contains(
                "# run, not apply: istioctl tag set prod-stable --revision 1-30-3 --overwrite"),
        PlanStream.render(upgrade()));
  }

  @Test
  void theTagIsNotAppliedWithKubectlInArgoCdEither() {
    String sync = ArgoCdPlan.render(upgrade(), 1);
    assertTrue(
        sync.contains(
            "# run at wave 0: istioctl tag set prod-stable --revision 1-30-3 --overwrite"),
        sync);
    assertTrue(!sync.contains("kind: MutatingWebhookConfiguration"), sync);
    String first = ArgoCdPlan.render(upgrade(), 0);
    assertTrue(
        first.contains(
            "# restart after wave 0: kubectl rollout restart deployment,statefulset,daemonset -n"
                + " bookinfo"),
        first);
  }
}
