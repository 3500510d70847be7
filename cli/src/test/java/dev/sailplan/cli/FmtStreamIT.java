package dev.sailplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fmt} reads and writes a stream document by document: in a JVM whose heap is a fraction of
 * the input, printing, {@code --check} and {@code --write} all succeed, where holding the text
 * would not fit.
 */
class FmtStreamIT {
  private static final Path JAR =
      Path.of(System.getProperty("sailplan.jar", "target/sailplan.jar"));

  private static final String HEAP = "-Xmx24m";

  /** About 1.1 KiB each: some 63 MiB in all, over two and a half heaps, written in a second. */
  private static final int SERVICES = 58_000;

  @TempDir Path dir;

  /** What one run printed; the output stays in a file, as it is larger than the heap. */
  record Run(int status, Path out, String err) {}

  /** A started run, and where its output goes. */
  private record Started(Process process, List<String> args, Path out, Path err) {}

  private Run sailplan(String... args) throws IOException, InterruptedException {
    return finish(start(args));
  }

  private Started start(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(HEAP, "-jar", JAR.toAbsolutePath().toString()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "out", ".yaml");
    Path err = Files.createTempFile(dir, "err", ".txt");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(dir.resolve("empty").toFile()))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    return new Started(builder.start(), List.of(args), out, err);
  }

  private static Run finish(Started s) throws IOException, InterruptedException {
    // Returns when the run ends, in seconds on an idle machine; the deadline only stops a run that
    // hangs, so it is far above what a loaded build machine needs.
    if (!s.process().waitFor(15, TimeUnit.MINUTES)) {
      s.process().destroyForcibly();
      throw new AssertionError("sailplan " + String.join(" ", s.args()) + " did not end");
    }
    return new Run(
        s.process().exitValue(), s.out(), Files.readString(s.err(), StandardCharsets.UTF_8));
  }

  /** Service {@code i} as a user might write it: flow style, keys out of order. */
  private static String messy(int i) {
    StringBuilder b =
        new StringBuilder("kind: Service\napiVersion: v1\nmetadata:\n  name: svc-")
            .append(i)
            .append("\n  namespace: ns-")
            .append(i % 50)
            .append("\n  annotations:\n");
    for (int k = 0; k < 16; k++) {
      b.append("    note-").append(k).append(": 'a note of some length, to give it weight ");
      b.append(i).append("'\n");
    }
    return b.append("spec:\n  ports: [{port: 80, name: http}]\n  selector: {app: a")
        .append(i)
        .append("}\n")
        .toString();
  }

  /** Service {@code i} as {@code fmt} prints it. */
  private static String canonical(int i) {
    StringBuilder b =
        new StringBuilder("apiVersion: v1\nkind: Service\nmetadata:\n  name: svc-")
            .append(i)
            .append("\n  namespace: ns-")
            .append(i % 50)
            .append("\n  annotations:\n");
    List<String> keys = new ArrayList<>();
    for (int k = 0; k < 16; k++) {
      keys.add("note-" + k);
    }
    // Annotations sorted as strings: note-10 before note-2.
    keys.sort(null);
    for (String key : keys) {
      b.append("    ").append(key).append(": a note of some length, to give it weight ");
      b.append(i).append('\n');
    }
    return b.append("spec:\n  selector:\n    app: a")
        .append(i)
        .append("\n  ports:\n  - name: http\n    port: 80\n")
        .toString();
  }

  @Test
  void printsChecksAndRewritesAnInputLargerThanTheHeap() throws IOException, InterruptedException {
    Files.writeString(dir.resolve("empty"), "");
    Path big = dir.resolve("big.yaml");
    try (BufferedWriter w = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
      for (int i = 0; i < SERVICES; i++) {
        w.write(i == 0 ? "" : "---\n");
        w.write(messy(i));
      }
    }
    long heap = 24L << 20;
    assertTrue(Files.size(big) > 2.5 * heap, Files.size(big) + " bytes");

    // Side by side, to keep the test short: each JVM has its own small heap.
    Started printing = start("fmt", "big.yaml");
    Started checking = start("fmt", "--check", "big.yaml");
    Run printed = finish(printing);
    Run check = finish(checking);
    assertEquals(new Run(0, printed.out(), ""), printed);
    assertEquals(List.of(0, 1, 54_321, SERVICES - 1), sampled(printed.out()));

    assertEquals(1, check.status(), check.err());
    assertEquals("big.yaml\n", Files.readString(check.out(), StandardCharsets.UTF_8));

    Run write = sailplan("fmt", "--write", "big.yaml");
    assertEquals(0, write.status(), write.err());
    assertEquals(-1L, Files.mismatch(printed.out(), big), "the file is what fmt printed");
  }

  /**
   * Reads the output a document at a time: checks there is one per Service, in order, and returns
   * the numbers of those compared in full.
   */
  private static List<Integer> sampled(Path out) throws IOException {
    List<Integer> compared = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(out, StandardCharsets.UTF_8)) {
      StringBuilder doc = new StringBuilder();
      int count = 0;
      for (String line = r.readLine(); ; line = r.readLine()) {
        if (line == null || line.equals("---")) {
          if (count == 0 || count == 1 || count == 54_321 || count == SERVICES - 1) {
            assertEquals(canonical(count), doc.toString(), "document " + (count + 1));
            compared.add(count);
          } else {
            assertTrue(doc.toString().contains("  name: svc-" + count + "\n"), doc.toString());
          }
          count++;
          doc.setLength(0);
          if (line == null) {
            break;
          }
        } else {
          doc.append(line).append('\n');
        }
      }
      assertEquals(SERVICES, count, "documents");
    }
    return compared;
  }
}
