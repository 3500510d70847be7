package dev.sailplan.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sailplan.architecture.smoke.ModulePathSmoke;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Sailplan used from the module path, as a modular application uses it: a forked JVM with the
 * library jars and their dependencies on {@code --module-path} runs {@link ModulePathSmoke}.
 */
class ModulePathTest {

  @Test
  void parsesRendersAndPlansOnTheModulePath() throws IOException, InterruptedException {
    String modulePath =
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(ModulePathTest::isModulePathEntry)
            .collect(Collectors.joining(File.pathSeparator));
    String smokeClasses = SailplanJars.locationOf(ModulePathSmoke.class).toString();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of(
            "--module-path",
            modulePath,
            "--add-modules",
            "dev.sailplan.examples",
            "-cp",
            smokeClasses,
            ModulePathSmoke.class.getName()));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("the module-path JVM did not finish");
    }
    assertEquals(
        """
        module dev.sailplan.core
        Service bookinfo/reviews in dev.sailplan.core
        DestinationRule bookinfo/reviews in dev.sailplan.istio
        VirtualService bookinfo/reviews in dev.sailplan.istio
        HTTPRoute bookinfo/ratings in dev.sailplan.gatewayapi
        apiVersion: v1
        kind: Service
        metadata:
          name: reviews
          namespace: bookinfo
        spec:
          ports:
          - name: http
            port: 9080
        ---
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: reviews
          namespace: bookinfo
        spec:
          host: reviews
          subsets:
          - labels:
              version: v2
            name: v2
        ---
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: reviews
          namespace: bookinfo
        spec:
          hosts:
          - reviews
          http:
          - route:
            - destination:
                host: reviews
                subset: v2
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata:
          name: ratings
          namespace: bookinfo
        spec:
          rules:
          - backendRefs:
            - name: ratings
              port: 9080
        stage: DestinationRule, HTTPRoute, Service
        stage: VirtualService
        """,
        out);
    assertEquals(0, p.exitValue(), out);
  }

  /** Sailplan's library jars and the jars they need; not the test tools or the tools' jars. */
  private static boolean isModulePathEntry(String entry) {
    String name = Path.of(entry).getFileName().toString();
    return name.endsWith(".jar")
        && (name.startsWith("sailplan-dsl-")
            || name.startsWith("sailplan-examples-")
            || name.startsWith("jackson-")
            || name.startsWith("snakeyaml-")
            || name.startsWith("re2j-"));
  }
}
