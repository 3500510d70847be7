package dev.sailplan.core.plan.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sailplan.core.plan.Plan;
import dev.sailplan.core.plan.State;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the generated {@code apply.sh} against fake {@code kubectl}, {@code istioctl} and {@code
 * sleep} commands placed first on PATH, which log their arguments to one file.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class ApplyScriptTest {
  private static final String SYSTEM_PATH = "/usr/bin:/bin";

  private static final String FAKE_KUBECTL =
      """
      #!/usr/bin/env bash
      echo "kubectl $*" >>"$FAKE_LOG"
      if [[ $1 == apply && ! -f $3 ]]; then
        echo "fake kubectl: no file $3 in $PWD" >&2
        exit 9
      fi
      if [[ $1 == "${KUBECTL_FAIL:-}" ]]; then
        echo "fake kubectl: $1 failed" >&2
        exit 1
      fi
      """;

  /** Prints a STALE proxy for the first STALE_TIMES calls (default 2), then only SYNCED ones. */
  private static final String FAKE_ISTIOCTL =
      """
      #!/usr/bin/env bash
      echo "istioctl $*" >>"$FAKE_LOG"
      calls=$(( $(cat "$FAKE_STATE" 2>/dev/null || echo 0) + 1 ))
      echo "$calls" >"$FAKE_STATE"
      echo "NAME                    CLUSTER     CDS       LDS       EDS       RDS       ECDS    ISTIOD"
      if (( calls <= ${STALE_TIMES:-2} )); then
        echo "web-1.shop              Kubernetes  SYNCED    STALE     SYNCED    SYNCED    IGNORED istiod-1"
      else
        echo "web-1.shop              Kubernetes  SYNCED    SYNCED    SYNCED    SYNCED    IGNORED istiod-1"
      fi
      """;

  private static final String FAKE_SLEEP =
      """
      #!/usr/bin/env bash
      echo "sleep $*" >>"$FAKE_LOG"
      """;

  private static final String DRY_RUN =
      """
      ==> Stage 001 of 004 (step prepare): Namespace shop is created
      + kubectl apply -f 001-prepare-namespaces.yaml
      ==> Waiting for the proxies: no STALE in istioctl proxy-status (at most 300s), then 5s
      + istioctl proxy-status
      + sleep 5
      ==> Stage 002 of 004 (step prepare): Service shop/web is updated
      + kubectl apply -f 002-prepare-services.yaml
      ==> Waiting for the proxies: no STALE in istioctl proxy-status (at most 300s), then 5s
      + istioctl proxy-status
      + sleep 5
      ==> Gate after stage 002: going on (--yes)
      ==> Stage 003 of 004 (step lockdown): NetworkPolicy shop/deny-all is created; NetworkPolicy shop/old-deny is deleted because the new default-deny policy replaces it entirely
      + kubectl apply -f 003-lockdown-networkpolicies.yaml
      + kubectl delete --ignore-not-found -n shop networkpolicies.networking.k8s.io/old-deny
      ==> Waiting for the proxies: no STALE in istioctl proxy-status (at most 300s), then 5s
      + istioctl proxy-status
      + sleep 5
      ==> Stage 004 of 004 (step lockdown): Service shop/legacy is deleted
      + kubectl delete --ignore-not-found -n shop services/legacy
      ==> Dry run of plan demo: nothing was applied
      """;

  @TempDir Path tmp;

  private Path plan;
  private Path bin;
  private Path log;

  private record Result(int exit, String out, String err, List<String> log) {}

  @BeforeEach
  void setUp() throws IOException {
    assumeTrue(
        Files.isExecutable(Path.of("/bin/bash")) || Files.isExecutable(Path.of("/usr/bin/bash")),
        "bash is needed to run apply.sh");
    plan = PlanWriter.write(Fixtures.demo(), tmp.resolve("out"));
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

  private Result run(Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(plan.resolve("apply.sh").toString());
    command.addAll(List.of(args));
    return exec(command, env);
  }

  private Result exec(List<String> command, Map<String, String> env)
      throws IOException, InterruptedException {
    return exec(command, env, "");
  }

  private Result exec(List<String> command, Map<String, String> env, String input)
      throws IOException, InterruptedException {
    Path in = Files.writeString(tmp.resolve("stdin"), input);
    ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile());
    pb.environment().put("PATH", bin + ":" + SYSTEM_PATH);
    pb.environment().put("FAKE_LOG", log.toString());
    pb.environment().put("FAKE_STATE", tmp.resolve("istioctl.calls").toString());
    pb.environment().putAll(env);
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
    Files.deleteIfExists(tmp.resolve("istioctl.calls"));
    return new Result(p.exitValue(), Files.readString(out), Files.readString(err), logged);
  }

  @Test
  void passesBashSyntaxCheckAndShellcheckWhenPresent() throws Exception {
    Result syntax = exec(List.of("bash", "-n", plan.resolve("apply.sh").toString()), Map.of());
    assertEquals(0, syntax.exit(), syntax.err());
    Path shellcheck = Path.of("/usr/bin/shellcheck");
    if (Files.isExecutable(shellcheck)) {
      Result lint =
          exec(List.of(shellcheck.toString(), plan.resolve("apply.sh").toString()), Map.of());
      assertEquals(0, lint.exit(), lint.out() + lint.err());
    }
  }

  @Test
  void dryRunPrintsEveryCommandInOrderAndRunsNone() throws Exception {
    Result r = run(Map.of(), "--dry-run", "--yes");
    assertEquals(0, r.exit(), r.err());
    assertEquals(DRY_RUN, r.out());
    assertEquals("", r.err());
    assertEquals(List.of(), r.log());
  }

  @Test
  void dryRunShowsContextSettleAndTimeout() throws Exception {
    Result r =
        run(
            Map.of(),
            "--dry-run",
            "--context",
            "prod east",
            "--settle",
            "0",
            "--timeout",
            "7",
            "--from",
            "3");
    assertEquals(0, r.exit(), r.err());
    assertEquals(
        """
        ==> Stage 003 of 004 (step lockdown): NetworkPolicy shop/deny-all is created; NetworkPolicy shop/old-deny is deleted because the new default-deny policy replaces it entirely
        + kubectl --context prod\\ east apply -f 003-lockdown-networkpolicies.yaml
        + kubectl --context prod\\ east delete --ignore-not-found -n shop networkpolicies.networking.k8s.io/old-deny
        ==> Waiting for the proxies: no STALE in istioctl proxy-status (at most 7s), then 0s
        + istioctl --context prod\\ east proxy-status
        + sleep 0
        ==> Stage 004 of 004 (step lockdown): Service shop/legacy is deleted
        + kubectl --context prod\\ east delete --ignore-not-found -n shop services/legacy
        ==> Dry run of plan demo: nothing was applied
        """,
        r.out());
  }

  @Test
  void dryRunWithoutYesNamesTheGateAndGoesOn() throws Exception {
    Result r = run(Map.of(), "--dry-run");
    assertEquals(0, r.exit(), r.err());
    assertEquals(
        DRY_RUN.replace(
            "==> Gate after stage 002: going on (--yes)",
            "==> Gate after stage 002: would ask before step lockdown"),
        r.out());
  }

  @Test
  void appliesInOrderWaitingUntilNoProxyIsStale() throws Exception {
    Result r = run(Map.of(), "--yes", "--settle", "1");
    assertEquals(0, r.exit(), r.err());
    assertEquals(
        List.of(
            "kubectl apply -f 001-prepare-namespaces.yaml",
            "istioctl proxy-status",
            "sleep 2",
            "istioctl proxy-status",
            "sleep 2",
            "istioctl proxy-status",
            "sleep 1",
            "kubectl apply -f 002-prepare-services.yaml",
            "istioctl proxy-status",
            "sleep 1",
            "kubectl apply -f 003-lockdown-networkpolicies.yaml",
            "kubectl delete --ignore-not-found -n shop networkpolicies.networking.k8s.io/old-deny",
            "istioctl proxy-status",
            "sleep 1",
            "kubectl delete --ignore-not-found -n shop services/legacy"),
        r.log());
    assertTrue(
        r.out().startsWith("==> Stage 001 of 004 (step prepare): Namespace shop is created\n"),
        r.out());
    assertTrue(r.out().endsWith("==> Done: plan demo applied\n"), r.out());
  }

  @Test
  void theContextReachesKubectlAndIstioctl() throws Exception {
    Result r = run(Map.of("STALE_TIMES", "0"), "--yes", "--context", "kind-mesh", "--from", "4");
    assertEquals(0, r.exit(), r.err());
    assertEquals(
        List.of("kubectl --context kind-mesh delete --ignore-not-found -n shop services/legacy"),
        r.log());
    r = run(Map.of("STALE_TIMES", "0"), "--yes", "--context", "kind-mesh", "--settle", "0");
    assertEquals(0, r.exit(), r.err());
    assertEquals("istioctl --context kind-mesh proxy-status", r.log().get(1));
  }

  @Test
  void aGateWithoutYesAndWithoutATerminalStopsWithExitThree() throws Exception {
    Result r = run(Map.of("STALE_TIMES", "0"), "--settle", "0");
    assertEquals(3, r.exit(), r.out() + r.err());
    assertEquals(
        List.of(
            "kubectl apply -f 001-prepare-namespaces.yaml",
            "istioctl proxy-status",
            "sleep 0",
            "kubectl apply -f 002-prepare-services.yaml",
            "istioctl proxy-status",
            "sleep 0"),
        r.log());
    assertEquals(
        "apply.sh: stage 002 ends at a gate and standard input is not a terminal: check the rollout,"
            + " then pass --yes to go on (resume with --from 003)\n",
        r.err());
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void atATerminalTheGateAsksAndOnlyYesGoesOn() throws Exception {
    Path script = Path.of("/usr/bin/script");
    assumeTrue(Files.isExecutable(script), "util-linux script provides the terminal");
    List<String> command =
        List.of(script.toString(), "-qec", plan.resolve("apply.sh") + " --settle 0", "/dev/null");
    Result no = exec(command, Map.of("STALE_TIMES", "0"), "n\n");
    assertEquals(3, no.exit(), no.out() + no.err());
    assertTrue(
        no.out().contains("Stage 002 applied. Continue with step lockdown? [y/N] "), no.out());
    assertTrue(
        no.out().contains("apply.sh: stopped at the gate after stage 002 (resume with --from 003)"),
        no.out());
    assertEquals(
        List.of(
            "kubectl apply -f 001-prepare-namespaces.yaml",
            "istioctl proxy-status",
            "sleep 0",
            "kubectl apply -f 002-prepare-services.yaml",
            "istioctl proxy-status",
            "sleep 0"),
        no.log());

    Result yes = exec(command, Map.of("STALE_TIMES", "0"), "y\n");
    assertEquals(0, yes.exit(), yes.out() + yes.err());
    assertEquals(
        List.of(
            "kubectl apply -f 001-prepare-namespaces.yaml",
            "istioctl proxy-status",
            "sleep 0",
            "kubectl apply -f 002-prepare-services.yaml",
            "istioctl proxy-status",
            "sleep 0",
            "kubectl apply -f 003-lockdown-networkpolicies.yaml",
            "kubectl delete --ignore-not-found -n shop networkpolicies.networking.k8s.io/old-deny",
            "istioctl proxy-status",
            "sleep 0",
            "kubectl delete --ignore-not-found -n shop services/legacy"),
        yes.log());
    assertTrue(yes.out().contains("==> Done: plan demo applied"), yes.out());
  }

  @Test
  void resumesFromAStage() throws Exception {
    Result r = run(Map.of("STALE_TIMES", "0"), "--yes", "--settle", "0", "--from", "003");
    assertEquals(0, r.exit(), r.err());
    assertEquals(
        List.of(
            "kubectl apply -f 003-lockdown-networkpolicies.yaml",
            "kubectl delete --ignore-not-found -n shop networkpolicies.networking.k8s.io/old-deny",
            "istioctl proxy-status",
            "sleep 0",
            "kubectl delete --ignore-not-found -n shop services/legacy"),
        r.log());
  }

  @Test
  void proxiesStaleBeyondTheTimeoutExitOne() throws Exception {
    Result r = run(Map.of("STALE_TIMES", "1000"), "--yes", "--timeout", "0");
    assertEquals(1, r.exit(), r.out() + r.err());
    assertEquals(
        List.of("kubectl apply -f 001-prepare-namespaces.yaml", "istioctl proxy-status"), r.log());
    assertTrue(
        r.err()
            .startsWith(
                "apply.sh: proxies still STALE (or istioctl proxy-status failing) after 0s:\n"),
        r.err());
    assertTrue(r.err().contains("web-1.shop"), r.err());
  }

  @Test
  void withoutIstioctlOnlyTheSettleDelayIsWaited() throws Exception {
    assumeTrue(
        !Files.exists(Path.of("/usr/bin/istioctl")) && !Files.exists(Path.of("/bin/istioctl")));
    Files.delete(bin.resolve("istioctl"));
    Result r = run(Map.of(), "--yes", "--settle", "3", "--from", "3");
    assertEquals(0, r.exit(), r.err());
    assertEquals(
        List.of(
            "kubectl apply -f 003-lockdown-networkpolicies.yaml",
            "kubectl delete --ignore-not-found -n shop networkpolicies.networking.k8s.io/old-deny",
            "sleep 3",
            "kubectl delete --ignore-not-found -n shop services/legacy"),
        r.log());
    assertTrue(
        r.out()
            .contains(
                "==> istioctl is not on PATH: cannot see propagation, waiting the settle delay only\n"),
        r.out());
  }

  @Test
  void aFailingKubectlStopsThePlan() throws Exception {
    Result r = run(Map.of("KUBECTL_FAIL", "apply"), "--yes");
    assertEquals(1, r.exit(), r.out() + r.err());
    assertEquals(List.of("kubectl apply -f 001-prepare-namespaces.yaml"), r.log());
    assertEquals("fake kubectl: apply failed\n", r.err());
  }

  @Test
  void badUsageExitsTwo() throws Exception {
    for (List<String> args :
        List.of(
            List.of("--bogus"),
            List.of("--settle"),
            List.of("--settle", "soon"),
            List.of("--timeout", "-1"),
            List.of("--from", "0"),
            List.of("--from", "5"))) {
      Result r = run(Map.of(), args.toArray(String[]::new));
      assertEquals(2, r.exit(), args + ": " + r.out() + r.err());
      assertEquals(List.of(), r.log());
      assertFalse(r.err().isEmpty(), args.toString());
    }
    Result help = run(Map.of(), "--help");
    assertEquals(0, help.exit());
    assertTrue(help.out().startsWith("Usage: ./apply.sh [--yes] [--settle SECONDS]"), help.out());
  }

  @Test
  void anEmptyPlanDoesNothing() throws Exception {
    plan = PlanWriter.write(new Plan("nothing", State.empty(), List.of()), tmp.resolve("out"));
    Result r = run(Map.of(), "--yes");
    assertEquals(0, r.exit(), r.err());
    assertEquals("==> Done: plan nothing applied\n", r.out());
    assertEquals(List.of(), r.log());
  }
}
