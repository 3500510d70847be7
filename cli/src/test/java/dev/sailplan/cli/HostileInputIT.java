package dev.sailplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs that only a real JVM shows the handling of: more than the heap holds, a file name the
 * locale cannot encode. Each ends in its exit status and one line, never a stack trace.
 */
class HostileInputIT {
  private static final Path JAR =
      Path.of(System.getProperty("sailplan.jar", "target/sailplan.jar"));

  /** Small enough to write in a blink, far more than a 16 MiB heap holds as text and tree. */
  private static final int BIG_ENTRIES = 300_000;

  @TempDir static Path dir;

  private static Path big;

  /** What one run printed. */
  record Run(int status, String out, String err) {}

  @BeforeAll
  static void writeABigManifest() throws IOException {
    big = dir.resolve("big.yaml");
    try (BufferedWriter w = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
      w.write("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n");
      for (int i = 0; i < BIG_ENTRIES; i++) {
        w.write("  key" + i + ": \"a value of some fifty characters, to fill the heap\"\n");
      }
    }
  }

  private static Run sailplan(Map<String, String> env, Path stdin, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.addAll(JarJvm.java());
    command.addAll(List.of("-Xmx16m", "-jar", JAR.toAbsolutePath().toString()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectInput(stdin.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    builder.environment().putAll(env);
    Process p = builder.start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", args) + " did not end");
    return new Run(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private static String tooLarge(String source) {
    return Pattern.quote(source)
        + ": input too large for the memory available \\(-Xmx\\d+m\\); give Java more memory"
        + " \\(JAVA_TOOL_OPTIONS=-Xmx4g\\) or split the file\n";
  }

  @Test
  void anInputLargerThanTheHeapIsOneLineAndStatus1() throws IOException, InterruptedException {
    Path empty = Files.writeString(dir.resolve("empty.yaml"), "");
    Run fmt = sailplan(Map.of(), empty, "fmt", big.toString());
    assertEquals(1, fmt.status(), fmt.err());
    assertEquals("", fmt.out());
    assertTrue(fmt.err().matches(tooLarge(big.toString())), fmt.err());

    Run stdin = sailplan(Map.of(), big, "fmt", "-");
    assertEquals(1, stdin.status(), stdin.err());
    assertTrue(stdin.err().matches(tooLarge("<stdin>")), stdin.err());

    Run plan = sailplan(Map.of(), empty, "plan", "--to", "big.yaml", "--format", "stream");
    assertEquals(1, plan.status(), plan.err());
    assertTrue(plan.err().matches(tooLarge("--to big.yaml")), plan.err());
  }

  @Test
  void aFileNameTheLocaleCannotEncodeSaysSo() throws IOException, InterruptedException {
    Files.writeString(
        dir.resolve("größe.yaml"), "apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n");
    Path empty = Files.writeString(dir.resolve("empty.yaml"), "");
    Run r = sailplan(Map.of("LC_ALL", "C", "LANG", "C"), empty, "fmt", "größe.yaml");
    assertEquals(1, r.status(), r.err());
    assertEquals("", r.out());
    // The JVM decoded the argument with ASCII already, so the name shows mangled.
    assertTrue(
        r.err()
            .matches(
                "gr.+e\\.yaml: not a valid file name in the locale's charset \\S+; use a UTF-8"
                    + " locale, such as LC_ALL=C\\.UTF-8\n"),
        r.err());
  }
}
