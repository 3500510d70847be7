package dev.sailplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sailplan rollout} as users run it: the shaded jar, forked. */
class RolloutJarIT {
  private static final Path JAR =
      Path.of(System.getProperty("sailplan.jar", "target/sailplan.jar"));

  @TempDir Path dir;

  private FmtCommandTest.Run sailplan(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(JarJvm.java());
    command.addAll(List.of("-jar", JAR.toString()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    Process p =
        new ProcessBuilder(command)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    assertTrue(
        p.waitFor(60, TimeUnit.SECONDS), "sailplan " + String.join(" ", args) + " did not end");
    return new FmtCommandTest.Run(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void canaryAndBlueGreenWriteSafePlanFolders() throws IOException, InterruptedException {
    Path out = dir.resolve("plans");
    String shop = RolloutCommandTest.SHOP.toString();
    FmtCommandTest.Run canary =
        sailplan(
            "rollout",
            "canary",
            "--current",
            shop,
            "--host",
            "checkout",
            "--stable",
            "v1",
            "--canary",
            "v2",
            "--out",
            out.toString());
    assertEquals(0, canary.status(), canary.err());
    FmtCommandTest.Run blueGreen =
        sailplan(
            "rollout",
            "blue-green",
            "--current",
            shop,
            "--host",
            "checkout",
            "--from",
            "v1",
            "--to",
            "v2",
            "--out",
            out.toString());
    assertEquals(0, blueGreen.status(), blueGreen.err());
    for (String name : List.of("checkout-canary", "checkout-blue-green")) {
      PlanFolderCheck plan = PlanFolderCheck.of(out.resolve(name));
      assertEquals(List.of(), plan.violations, name);
      Map<String, JsonNode> current = plan.states.get(0);
      for (List<JsonNode> stage : plan.applied) {
        for (JsonNode t : stage) {
          JsonNode was = current.get(PlanFolderCheck.key(t));
          if (was != null) {
            assertEquals(
                PlanFolderCheck.withoutSubsetRolloutPaths(was),
                PlanFolderCheck.withoutSubsetRolloutPaths(t),
                () -> PlanFolderCheck.key(t) + " changed outside the rollout's paths");
          }
        }
      }
      for (JsonNode t : plan.last().values()) {
        for (String d : PlanFolderCheck.destinations(t)) {
          assertTrue(!d.startsWith("checkout.shop.") || d.endsWith(" v2"), name + ": " + d);
        }
      }
    }
    // The same plan again replaces the folder in one step and says so.
    FmtCommandTest.Run again =
        sailplan(
            "rollout",
            "canary",
            "--current",
            shop,
            "--host",
            "checkout",
            "--stable",
            "v1",
            "--canary",
            "v2",
            "--out",
            out.toString());
    assertEquals(canary, again);
  }

  @Test
  void theOtherRolloutsRunFromTheJar() throws IOException, InterruptedException {
    String shop = RolloutCommandTest.SHOP.toString();
    Path out = dir.resolve("plans");
    FmtCommandTest.Run mtls =
        sailplan(
            "rollout",
            "strict-mtls",
            "--current",
            shop,
            "--namespace",
            "shop",
            "--port-exception",
            "shop/ledger-db:5432",
            "--out",
            out.toString());
    assertEquals(0, mtls.status(), mtls.err());
    assertEquals(
        List.of(
            "001-mesh-permissive-peerauthentications.yaml",
            "002-strict-shop-peerauthentications.yaml",
            "003-mesh-strict-peerauthentications.yaml"),
        stageFiles(out.resolve("strict-mtls-migration")));
    FmtCommandTest.Run egress =
        sailplan(
            "rollout",
            "egress-lockdown",
            "--current",
            shop,
            "--namespace",
            "shop",
            "--allow",
            "api.stripe.com:443",
            "--via-egress-gateway",
            "--out",
            out.toString());
    assertEquals(0, egress.status(), egress.err());
    assertEquals(List.of(), PlanFolderCheck.of(out.resolve("shop-egress-lockdown")).violations);
    Path route =
        Files.writeString(
            dir.resolve("route.yaml"),
            """
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: {name: store, namespace: web}
            spec:
              parentRefs: [{name: public, namespace: istio-ingress}]
              rules:
              - backendRefs: [{name: store-v1, port: 8080}]
            """);
    FmtCommandTest.Run routeCanary =
        sailplan(
            "rollout",
            "httproute-canary",
            "--current",
            route.toString(),
            "--route",
            "web/store",
            "--stable",
            "store-v1",
            "--canary",
            "store-v2:8081",
            "--steps",
            "100",
            "--out",
            out.toString());
    assertEquals(0, routeCanary.status(), routeCanary.err());
    assertEquals(
        "[{\"name\":\"store-v2\",\"port\":8081}]",
        PlanFolderCheck.of(out.resolve("store-canary"))
            .last()
            .get("HTTPRoute web/store")
            .path("spec")
            .path("rules")
            .get(0)
            .path("backendRefs")
            .toString());
  }

  @Test
  void errorsAreOneLineWithTheUsualExitStatus() throws IOException, InterruptedException {
    FmtCommandTest.Run usage = sailplan("rollout", "canary", "--host", "checkout");
    assertEquals(2, usage.status());
    assertEquals(1, usage.err().lines().count(), usage.err());
    assertTrue(usage.err().startsWith("sailplan rollout canary: Missing required options"));
    FmtCommandTest.Run missing =
        sailplan(
            "rollout",
            "canary",
            "--current",
            dir.resolve("none.yaml").toString(),
            "--host",
            "x",
            "--stable",
            "v1",
            "--canary",
            "v2",
            "--format",
            "stream");
    assertEquals(
        new FmtCommandTest.Run(1, "", "--current " + dir.resolve("none.yaml") + ": no such file\n"),
        missing);
  }

  private static List<String> stageFiles(Path folder) throws IOException {
    try (var files = Files.list(folder)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.matches("\\d{3}-.*"))
          .sorted()
          .toList();
    }
  }
}
