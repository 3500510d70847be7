package dev.sailplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar under hostile environments gives the bytes it gives under a plain UTF-8 one: a
 * default locale whose digits are not ASCII (ar, fa, th), a platform charset that cannot encode the
 * input (ISO-8859-1, the ASCII of {@code LC_ALL=C}), a time zone far from UTC. The fixture has
 * non-ASCII strings, digits, durations and a plan; one run fails, so that stderr is compared too.
 */
class EnvironmentMatrixIT {
  private static final Path JAR =
      Path.of(System.getProperty("sailplan.jar", "target/sailplan.jar"));
  private static final Path FIXTURE = Path.of("src/test/resources/environment");

  /** How the JVM is started: system properties and environment variables. */
  record Environment(String name, List<String> jvmOptions, Map<String, String> variables) {}

  private static final Environment PLAIN =
      new Environment(
          "plain",
          List.of("-Duser.language=en", "-Duser.country=US"),
          Map.of("LANG", "C.UTF-8", "TZ", "UTC"));

  private static final List<Environment> HOSTILE =
      List.of(
          new Environment("ar", List.of("-Duser.language=ar", "-Duser.country=EG"), Map.of()),
          new Environment("fa", List.of("-Duser.language=fa", "-Duser.country=IR"), Map.of()),
          new Environment(
              "th (Thai digits)",
              List.of("-Duser.language=th", "-Duser.country=TH", "-Duser.variant=TH"),
              Map.of()),
          new Environment(
              "file.encoding=ISO-8859-1", List.of("-Dfile.encoding=ISO-8859-1"), Map.of()),
          new Environment("LC_ALL=C", List.of(), Map.of("LC_ALL", "C", "LANG", "C")),
          new Environment("TZ=Pacific/Kiritimati", List.of(), Map.of("TZ", "Pacific/Kiritimati")),
          new Environment(
              "all at once",
              List.of("-Duser.language=fa", "-Duser.country=IR", "-Dfile.encoding=ISO-8859-1"),
              Map.of("LC_ALL", "C", "LANG", "C", "TZ", "Pacific/Kiritimati")));

  @TempDir static Path dir;

  private static Map<String, String> plain;

  @BeforeAll
  static void runInAPlainEnvironment() throws IOException, InterruptedException {
    plain = outputs(PLAIN);
  }

  @Test
  void thePlainRunPrintsTheFixtureAsWritten() {
    assertTrue(
        plain.get("fmt stdout").contains("description: Rezensionen für 日本 — ✓ ٣ ۴ ๕ (v2)\n"),
        plain.get("fmt stdout"));
    assertTrue(plain.get("fmt stdout").contains("perTryTimeout: 1.5s\n"), plain.get("fmt stdout"));
    assertTrue(
        plain.get("plan/apply.sh").contains("(default 5)")
            && plain.get("plan/apply.sh").contains("(default 300)"),
        plain.get("plan/apply.sh"));
    assertEquals("0", plain.get("plan stream status"));
    assertEquals("1", plain.get("invalid status"));
    assertEquals(
        "invalid.yaml: document 1, line 4: metadata[\"grüße\"]: unknown field (known: annotations,",
        plain
            .get("invalid stderr")
            .substring(0, plain.get("invalid stderr").indexOf(" creationTimestamp")));
    assertEquals(
        "Plan plan: 2 stages from 2 to 2 resources, written to WORK/plans/plan\n",
        plain.get("plan dir stdout"));
  }

  @TestFactory
  Stream<DynamicTest> everyEnvironmentGivesTheSameBytes() {
    return HOSTILE.stream()
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.name(),
                    () -> {
                      Map<String, String> hostile = outputs(e);
                      assertEquals(plain.keySet(), hostile.keySet(), "under " + e.name());
                      for (String key : plain.keySet()) {
                        assertEquals(plain.get(key), hostile.get(key), key + " under " + e.name());
                      }
                    }));
  }

  /**
   * Everything the runs print and write under {@code environment}: stdout, stderr and status of
   * each, and every file of the plan folder, by name.
   */
  private static Map<String, String> outputs(Environment environment)
      throws IOException, InterruptedException {
    Path work = Files.createTempDirectory(dir, "run");
    for (String name : List.of("current.yaml", "desired.yaml")) {
      Files.copy(FIXTURE.resolve(name), work.resolve(name));
    }
    Files.writeString(
        work.resolve("invalid.yaml"),
        "apiVersion: v1\nkind: Namespace\nmetadata:\n  grüße: 日本\n  name: shop\n",
        StandardCharsets.UTF_8);
    Map<String, String> all = new TreeMap<>();
    run(environment, work, all, "fmt", "fmt", "desired.yaml");
    run(environment, work, all, "invalid", "fmt", "invalid.yaml");
    run(
        environment,
        work,
        all,
        "plan stream",
        "plan",
        "--from",
        "current.yaml",
        "--to",
        "desired.yaml",
        "--format",
        "stream");
    run(
        environment,
        work,
        all,
        "plan dir",
        "plan",
        "--from",
        "current.yaml",
        "--to",
        "desired.yaml",
        "--out",
        "plans");
    try (Stream<Path> files = Files.list(work.resolve("plans/plan"))) {
      for (Path f : files.sorted().toList()) {
        all.put("plan/" + f.getFileName(), Files.readString(f, StandardCharsets.UTF_8));
      }
    }
    return all;
  }

  private static void run(
      Environment environment, Path work, Map<String, String> into, String label, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.addAll(JarJvm.java());
    command.addAll(environment.jvmOptions());
    command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(work.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    Map<String, String> variables = new LinkedHashMap<>(PLAIN.variables());
    variables.putAll(environment.variables());
    builder.environment().remove("LC_ALL");
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    builder.environment().putAll(variables);
    Process p = builder.start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), label + " did not end");
    into.put(label + " status", Integer.toString(p.exitValue()));
    // The plan folder is named by its absolute path, which differs from run to run.
    into.put(
        label + " stdout",
        Files.readString(out, StandardCharsets.UTF_8).replace(work.toString(), "WORK"));
    into.put(label + " stderr", Files.readString(err, StandardCharsets.UTF_8));
  }
}
