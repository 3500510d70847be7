package dev.sailplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sailplan.core.Manifests;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.plan.Revisions;
import dev.sailplan.core.plan.render.ArgoCdPlan;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * Runs the shaded jar the way a user does: a new JVM, the real standard streams, the exit status
 * the shell sees. The in-process tests hid that the plan streams were never flushed.
 */
class SailplanJarIT {
  private static final Path JAR =
      Path.of(System.getProperty("sailplan.jar", "target/sailplan.jar"));
  private static final Path SCENARIOS = Path.of("../examples/src/test/resources/approved-plans");

  @TempDir Path dir;

  /** What one run of {@code java -jar sailplan.jar} printed. */
  record Run(int status, String out, String err) {}

  /** A way to run the command line: a new JVM, or {@link Sailplan#run} in this one. */
  @FunctionalInterface
  interface Runner {
    Run run(String... args) throws IOException, InterruptedException;
  }

  /**
   * {@link Sailplan#run} in this JVM, for checks of what a command prints rather than of how a new
   * process delivers it.
   */
  private static Run inProcess(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status =
        Sailplan.run(
            args,
            new ByteArrayInputStream(new byte[0]),
            new PrintWriter(out, true),
            new PrintWriter(err, true));
    return new Run(status, out.toString(), err.toString());
  }

  private Run sailplan(String... args) throws IOException, InterruptedException {
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
    return new Run(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void versionIsTheProjectVersionFromTheManifest() throws IOException, InterruptedException {
    String version = System.getProperty("sailplan.version");
    try (JarFile jar = new JarFile(JAR.toFile())) {
      assertEquals(
          version, jar.getManifest().getMainAttributes().getValue("Implementation-Version"));
    }
    assertEquals(new Run(0, "sailplan " + version + "\n", ""), sailplan("--version"));
  }

  /**
   * For every example scenario: the stream holds the documents of the plan folder's stage files, in
   * order, and its deletions; the Argo CD syncs, printed or written one file each, hold the same
   * documents in order, each annotated with its stage's wave within its sync, no sync holding an
   * object twice.
   *
   * <p>The first scenario runs in new JVMs, where the streams must be flushed before the process
   * exits; the others in this one, as what they check is the plan, not the process.
   */
  @TestFactory
  Stream<DynamicTest> streamAndArgoCdPrintWhatThePlanFolderHolds() throws IOException {
    List<Path> scenarios;
    try (Stream<Path> list = Files.list(SCENARIOS)) {
      scenarios = list.filter(Files::isDirectory).sorted().toList();
    }
    assertEquals(13, scenarios.size(), "the example scenarios");
    return scenarios.stream()
        .map(
            s ->
                DynamicTest.dynamicTest(
                    s.getFileName().toString()
                        + (s.equals(scenarios.get(0)) ? " (new JVMs)" : " (in process)"),
                    () -> {
                      Runner sailplan =
                          s.equals(scenarios.get(0)) ? this::sailplan : SailplanJarIT::inProcess;
                      String[] inputs = {
                        "plan",
                        "--from",
                        s.resolve("current.yaml").toString(),
                        "--to",
                        s.resolve("desired.yaml").toString(),
                        "--name",
                        "scenario"
                      };
                      Run folder =
                          sailplan.run(concat(inputs, "--out", dir.resolve("plans").toString()));
                      assertEquals(0, folder.status(), folder.err());
                      Folder held = Folder.read(dir.resolve("plans/scenario"));
                      assertFalse(held.stages().isEmpty(), "a scenario changes something");

                      Run stream = sailplan.run(concat(inputs, "--format", "stream"));
                      assertEquals(new Run(0, stream.out(), ""), stream);
                      assertTrue(stream.out().startsWith("# Plan scenario\n"), stream.out());
                      assertEquals(held.documents(), Manifests.parseMixed(stream.out(), "stream"));
                      assertEquals(
                          held.deletes(),
                          stream
                              .out()
                              .lines()
                              .filter(l -> l.startsWith("# delete: "))
                              .map(l -> l.substring("# delete: ".length()))
                              .toList());

                      Run argo = sailplan.run(concat(inputs, "--format", "argocd"));
                      assertEquals(new Run(0, argo.out(), ""), argo);
                      Path argoOut = dir.resolve("argo");
                      Run written =
                          sailplan.run(
                              concat(inputs, "--format", "argocd", "--out", argoOut.toString()));
                      assertEquals(0, written.status(), written.err());
                      List<String> syncs = new ArrayList<>();
                      try (Stream<Path> files = Files.list(argoOut.resolve("scenario"))) {
                        for (Path f :
                            files
                                .filter(f -> !f.getFileName().toString().startsWith("."))
                                .sorted()
                                .toList()) {
                          syncs.add(Files.readString(f, StandardCharsets.UTF_8));
                        }
                      }
                      assertEquals(String.join("---\n", syncs), argo.out());
                      // One step, so a second sync exactly when an object changes twice.
                      assertEquals(held.changesAnObjectTwice(), syncs.size() > 1, argo.out());

                      // Each sync is a run of the plan's stages, its waves numbered from 0; all
                      // syncs' documents together are the stage files' documents in order.
                      List<JsonNode> expected = new ArrayList<>();
                      List<JsonNode> printed = new ArrayList<>();
                      List<String> waves = new ArrayList<>();
                      List<String> printedWaves = new ArrayList<>();
                      int stage = 0;
                      for (String sync : syncs) {
                        long stages = sync.lines().filter(l -> l.startsWith("# Wave ")).count();
                        for (int wave = 0; wave < stages; wave++, stage++) {
                          for (Resource r : held.stages().get(stage)) {
                            if (Revisions.tagOf(r).isPresent()) {
                              // istioctl moves a revision tag; Argo CD's sync says so in a comment.
                              continue;
                            }
                            expected.add(Manifests.toTree(r));
                            waves.add(Integer.toString(wave));
                          }
                        }
                        Set<String> objects = new HashSet<>();
                        for (Resource r : Manifests.parseMixed(sync, "argocd")) {
                          assertTrue(
                              objects.add(r.group() + " " + r.kind() + " " + r.qualifiedName()),
                              "a sync holds " + r.kind() + " " + r.qualifiedName() + " twice");
                          ObjectNode tree = (ObjectNode) Manifests.toTree(r);
                          ObjectNode annotations =
                              (ObjectNode) tree.path("metadata").path("annotations");
                          printedWaves.add(annotations.remove(ArgoCdPlan.SYNC_WAVE).asText());
                          if (annotations.isEmpty()) {
                            ((ObjectNode) tree.get("metadata")).remove("annotations");
                          }
                          printed.add(tree);
                        }
                      }
                      assertEquals(held.stages().size(), stage, "every stage is a wave of a sync");
                      assertEquals(expected, printed);
                      assertEquals(waves, printedWaves);
                    }));
  }

  private static String[] concat(String[] a, String... b) {
    return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
  }

  /**
   * What a plan folder holds, read from its index: the resources of each stage, and each deletion
   * as {@code Kind namespace/name}.
   */
  record Folder(List<List<Resource>> stages, List<String> deletes, boolean changesAnObjectTwice) {
    List<Resource> documents() {
      return stages.stream().flatMap(List::stream).toList();
    }

    @SuppressWarnings("unchecked")
    static Folder read(Path folder) throws IOException {
      Map<String, Object> index = new Yaml().load(Files.readString(folder.resolve("plan.yaml")));
      List<List<Resource>> stages = new ArrayList<>();
      List<String> deletes = new ArrayList<>();
      Set<String> changed = new HashSet<>();
      boolean twice = false;
      for (Map<String, Object> step : (List<Map<String, Object>>) index.get("steps")) {
        for (Map<String, Object> stage : (List<Map<String, Object>>) step.get("stages")) {
          Object file = stage.get("file");
          stages.add(
              file == null
                  ? List.of()
                  : Manifests.parseMixed(
                      Files.readString(folder.resolve((String) file)), (String) file));
          for (String kind : List.of("apply", "delete")) {
            for (Map<String, Object> ref :
                (List<Map<String, Object>>) stage.getOrDefault(kind, List.of())) {
              String ns = (String) ref.getOrDefault("namespace", "");
              String key = ref.get("kind") + " " + (ns.isEmpty() ? "" : ns + "/") + ref.get("name");
              twice |=
                  !changed.add(
                      ref.get("apiVersion").toString().replaceAll("/[^/]*$", "") + " " + key);
              if (kind.equals("delete")) {
                deletes.add(key);
              }
            }
          }
        }
      }
      return new Folder(stages, deletes, twice);
    }
  }

  @Test
  void userErrorsAreOneLineNamingThePathAndTheReason() throws IOException, InterruptedException {
    Path desired =
        Files.writeString(
            dir.resolve("desired.yaml"),
            """
        apiVersion: v1
        kind: Namespace
        metadata: {name: shop}
        """);
    assertEquals(
        new Run(1, "", "--to " + dir + ": cannot read: is a directory\n"),
        sailplan("plan", "--to", dir.toString(), "--out", dir.resolve("plans").toString()));
    assertEquals(
        new Run(1, "", dir + ": cannot read: is a directory\n"), sailplan("fmt", dir.toString()));
    assertEquals(
        new Run(
            2,
            "",
            "sailplan fmt: --write cannot rewrite standard input (-): name the files, or leave"
                + " out --write to print (see sailplan fmt --help)\n"),
        sailplan("fmt", "--write", "-"));
    Path twice =
        Files.writeString(
            dir.resolve("twice.yaml"),
            Files.readString(desired) + "---\n" + Files.readString(desired));
    assertEquals(
        new Run(
            1,
            "",
            twice
                + ": document 2, line 5: Namespace shop is already defined in document 1,"
                + " line 1\n"),
        sailplan("fmt", twice.toString()));
    assertEquals(
        new Run(
            1,
            "",
            "--from "
                + twice
                + ": document 2, line 5: Namespace shop is already defined in"
                + " document 1, line 1\n"),
        sailplan(
            "plan", "--from", twice.toString(), "--to", desired.toString(), "--format", "stream"));
  }

  @Test
  void anOutFolderUnderProcSaysWhy() throws IOException, InterruptedException {
    assumeTrue(Files.isDirectory(Path.of("/proc/self")), "a Linux /proc");
    Path desired =
        Files.writeString(
            dir.resolve("desired.yaml"),
            """
            apiVersion: v1
            kind: Namespace
            metadata: {name: shop}
            """);
    assertEquals(
        new Run(
            1, "", "sailplan: cannot create plan folder /proc/nope: no such file or directory\n"),
        sailplan("plan", "--to", desired.toString(), "--out", "/proc/nope"));
  }

  /** One run per report format and each exit status, with findings of the reading checks. */
  @Test
  void validateReportsInEachFormatWithItsExitStatus() throws IOException, InterruptedException {
    Path mesh =
        Files.writeString(
            dir.resolve("mesh.yaml"),
            """
            apiVersion: networking.istio.io/v1
            kind: VirtualServise
            metadata: {name: r, namespace: shop}
            ---
            apiVersion: v1
            kind: Namespace
            metadata: {name: shop}
            ---
            apiVersion: v1
            kind: Namespace
            metadata: {name: shop}
            """);
    String first =
        "Error [SP0003] (VirtualServise shop/r "
            + mesh
            + ":1) apiVersion: unknown kind VirtualServise (apiVersion networking.istio.io/v1)\n";
    String second =
        "Error [SP0005] (Namespace shop "
            + mesh
            + ":9) Namespace shop is already defined at "
            + mesh
            + ":5\n";
    assertEquals(new Run(1, first + second, ""), sailplan("validate", mesh.toString()));
    Run json = sailplan("validate", "--format", "json", mesh.toString());
    assertEquals(1, json.status());
    JsonNode array = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out());
    assertEquals(
        List.of("SP0003", "SP0005"),
        List.of(array.get(0).path("code").asText(), array.get(1).path("code").asText()));
    Run sarif = sailplan("validate", "--format", "sarif", "--fail-on", "none", mesh.toString());
    assertEquals(0, sarif.status());
    JsonNode log = new com.fasterxml.jackson.databind.ObjectMapper().readTree(sarif.out());
    assertEquals("2.1.0", log.path("version").asText());
    assertEquals(2, log.path("runs").get(0).path("results").size());
    Path ok =
        Files.writeString(
            dir.resolve("ok.yaml"), "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\n");
    assertEquals(
        new Run(0, "", "✔ No validation issues found in 1 document.\n"),
        sailplan("validate", ok.toString()));
    Run missing = sailplan("validate", dir.resolve("missing.yaml").toString());
    assertEquals(
        new Run(
            2,
            "",
            "sailplan validate: " + dir.resolve("missing.yaml") + ": no such file or directory\n"),
        missing);
  }
}
