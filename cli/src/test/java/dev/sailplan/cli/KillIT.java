package dev.sailplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the real CLI, a new JVM from the shaded jar, at every point where {@code plan} and {@code
 * fmt --write} change the file system ({@code -Dsailplan.test.haltAt=K} halts the JVM there as
 * SIGKILL would: no finally blocks, no shutdown hooks), then checks that the previous output is
 * intact or the new one complete, and that the next ordinary run (in this JVM) leaves nothing
 * stale.
 */
class KillIT {
  private static final Path JAR =
      Path.of(System.getProperty("sailplan.jar", "target/sailplan.jar"));

  /** The status of a JVM that halted at its kill point. */
  private static final int HALTED = 137;

  /** More points than either command has: the loop ends at the first run that is not halted. */
  private static final int MAX_POINTS = 40;

  @TempDir Path dir;

  private int run(List<String> jvm, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.addAll(JarJvm.java());
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-Xshare:auto");
    command.addAll(jvm);
    command.addAll(List.of("-jar", JAR.toString()));
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(dir.resolve("err.txt").toFile())
            .start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("sailplan " + String.join(" ", args) + " did not end");
    }
    return p.exitValue();
  }

  /**
   * An ordinary run after a kill, in this JVM: what it checks is the state the killed process left
   * behind and the clean-up of it, which do not depend on the process.
   */
  private static int recover(String... args) {
    StringWriter err = new StringWriter();
    int status =
        Sailplan.run(
            args,
            new ByteArrayInputStream(new byte[0]),
            new PrintWriter(new StringWriter(), true),
            new PrintWriter(err, true));
    assertEquals("", status == 0 ? "" : err.toString(), "sailplan " + String.join(" ", args));
    return status;
  }

  private static Map<String, String> contents(Path folder) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> s = Files.list(folder)) {
      for (Path p : s.toList()) {
        files.put(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    return files;
  }

  private static List<String> listing(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static final String NAMESPACES =
      """
      apiVersion: v1
      kind: Namespace
      metadata: {name: %s}
      ---
      apiVersion: v1
      kind: Namespace
      metadata: {name: %s-too}
      """;

  private String[] plan(String desired) {
    return new String[] {
      "plan", "--to", desired, "--out", dir.resolve("out").toString(), "--name", "n"
    };
  }

  @Test
  void aKilledPlanLeavesTheOldPlanOrTheNewOneAndTheNextRunLeavesNothingStale()
      throws IOException, InterruptedException {
    String old =
        Files.writeString(dir.resolve("old.yaml"), NAMESPACES.formatted("a", "a")).toString();
    String next =
        Files.writeString(dir.resolve("new.yaml"), NAMESPACES.formatted("b", "b")).toString();
    Path out = dir.resolve("out");
    Path n = out.resolve("n");
    assertEquals(0, run(List.of(), plan(next)));
    Map<String, String> newPlan = contents(n);
    assertEquals(0, run(List.of(), plan(old)));
    Map<String, String> oldPlan = contents(n);

    int halted = 0;
    for (int k = 1; k <= MAX_POINTS; k++) {
      int status = run(List.of("-Dsailplan.test.haltAt=" + k), plan(next));
      Map<String, String> after = contents(n);
      assertTrue(
          after.equals(oldPlan) || after.equals(newPlan),
          "killed at point " + k + ": " + after.keySet());
      if (status != HALTED) {
        assertEquals(0, status, "point " + k);
        assertEquals(newPlan, after);
        break;
      }
      halted++;
      assertEquals(0, recover(plan(old)), "the run after point " + k);
      assertEquals(oldPlan, contents(n));
      assertEquals(List.of(Files.readSymbolicLink(n).toString(), "n"), listing(out));
    }
    // Writing the stages, the index, the link, the swap, the clean-up: each was a kill point.
    assertTrue(halted >= 6, "halted at " + halted + " points");
  }

  private static final String MESSY = "kind: Namespace\napiVersion: v1\nmetadata: {name: %s}\n";
  private static final String CANONICAL =
      "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: %s\n";

  @Test
  void aKilledFmtWriteLeavesEachFileOldOrNewAndTheNextRunFinishes()
      throws IOException, InterruptedException {
    List<String> names = List.of("a", "b", "c");
    String[] args = {
      "fmt",
      "--write",
      dir.resolve("a.yaml").toString(),
      dir.resolve("b.yaml").toString(),
      dir.resolve("c.yaml").toString()
    };
    int halted = 0;
    for (int k = 1; k <= MAX_POINTS; k++) {
      for (String name : names) {
        Path file = Files.writeString(dir.resolve(name + ".yaml"), MESSY.formatted(name));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
      }
      int status = run(List.of("-Dsailplan.test.haltAt=" + k), args);
      for (String name : names) {
        Path file = dir.resolve(name + ".yaml");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(
            text.equals(MESSY.formatted(name)) || text.equals(CANONICAL.formatted(name)),
            "killed at point " + k + ", " + name + ".yaml: " + text);
        assertEquals(
            "rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
      }
      if (status != HALTED) {
        assertEquals(0, status, "point " + k);
        break;
      }
      halted++;
      assertEquals(0, recover(args), "the run after point " + k);
      for (String name : names) {
        assertEquals(
            CANONICAL.formatted(name),
            Files.readString(dir.resolve(name + ".yaml"), StandardCharsets.UTF_8));
      }
      assertEquals(List.of("a.yaml", "b.yaml", "c.yaml", "err.txt"), listing(dir));
    }
    // Three temporaries written, three renames.
    assertEquals(6, halted);
  }

  @Test
  void aFullDiskMidWayChangesNoFile() throws IOException, InterruptedException {
    // A file size limit makes writes fail as a full disk does, without privileges.
    Path small = Files.writeString(dir.resolve("small.yaml"), MESSY.formatted("small"));
    String big =
        "kind: Namespace\napiVersion: v1\nmetadata: {name: big, annotations: {note: '"
            + "x".repeat(3000)
            + "'}}\n";
    Path large = Files.writeString(dir.resolve("large.yaml"), big);
    Process p =
        new ProcessBuilder(
                "bash",
                "-c",
                "ulimit -f 2 && exec \"$0\" -XX:-UsePerfData -jar \"$1\" fmt --write \"$2\" \"$3\"",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                JAR.toString(),
                small.toString(),
                large.toString())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(dir.resolve("err.txt").toFile())
            .start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));

    assertEquals(1, p.exitValue());
    assertEquals(
        "sailplan: cannot write " + large + ": file too large\n",
        Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    assertEquals(MESSY.formatted("small"), Files.readString(small, StandardCharsets.UTF_8));
    assertEquals(big, Files.readString(large, StandardCharsets.UTF_8));
    assertEquals(List.of("err.txt", "large.yaml", "small.yaml"), listing(dir));
  }
}
