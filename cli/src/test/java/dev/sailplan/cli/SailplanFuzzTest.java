package dev.sailplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Random command lines and standard input for {@link Sailplan#run}: whatever they are, the status
 * is 0, 1 or 2, a failure says so on stderr in lines of their own, and nothing escapes: no
 * exception, no stack trace, no internal error.
 *
 * <p>An input is bytes: the arguments, separated by {@code 0x1E}, up to the first {@code 0x1D};
 * standard input after it. Every argument that could be a path is moved into a scratch folder that
 * holds a few fixture files ({@code ns.yaml}, {@code bad.yaml}, {@code wide.yaml}, {@code dir/}),
 * so that no run writes anywhere else. {@code ./mvnw verify} runs the committed inputs in {@code
 * SailplanFuzzTestInputs/}; CONTRIBUTING says how to fuzz for longer.
 */
class SailplanFuzzTest {
  private static final Set<String> WORDS =
      Set.of("fmt", "plan", "help", "dir", "stream", "argocd", "-", "--");
  private static final Set<String> OPTIONS =
      Set.of(
          "--check",
          "-w",
          "--write",
          "--from",
          "--to",
          "--out",
          "--format",
          "--name",
          "--settle",
          "-h",
          "--help",
          "-V",
          "--version");

  /** Options whose values are no paths: they are kept as the fuzzer made them. */
  private static final Set<String> VALUES = Set.of("--name", "--settle", "--format");

  private static final Pattern SHORT_CLUSTER = Pattern.compile("-[whV]+");
  private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,12}");

  private static Path scratch;

  @FuzzTest(maxDuration = "10m")
  void anyCommandLineEndsInADocumentedStatusAndOneLineMessages(byte[] input) throws IOException {
    Path folder = scratch();
    int split = indexOf(input, (byte) 0x1D);
    byte[] stdin = split < 0 ? new byte[0] : Arrays.copyOfRange(input, split + 1, input.length);
    String[] args =
        arguments(
            new String(split < 0 ? input : Arrays.copyOf(input, split), StandardCharsets.UTF_8),
            folder);

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    long start = System.nanoTime();
    int status =
        Sailplan.run(
            args,
            new ByteArrayInputStream(stdin),
            new PrintWriter(out, true),
            new PrintWriter(err, true));
    long millis = (System.nanoTime() - start) / 1_000_000;

    String what = Arrays.toString(args) + " printed " + err;
    assertTrue(Set.of(0, 1, 2).contains(status), "status " + status + ": " + what);
    assertTrue(millis < 10_000, "took " + millis + " ms: " + what);
    String problems = err.toString();
    // Messages quote the arguments, which may hold any words: judge what the program added.
    String added = problems;
    for (String a : args) {
      if (!a.isEmpty()) {
        added = added.replace(Inputs.escaped(a), "").replace(a, "");
      }
    }
    assertFalse(added.matches("(?s)(.*\n)?sailplan: internal error.*"), what);
    assertFalse(added.matches("(?s).*\n\\s*(at |Caused by).*"), what);
    assertFalse(
        added.matches(
            "(?s).*\\b(java|javax|picocli|dev\\.sailplan)\\.[a-z.]+[A-Z]\\w*(Exception|Error)\\b.*"),
        what);
    if (status != 0) {
      assertFalse(
          problems.isEmpty(), "status " + status + " says nothing: " + Arrays.toString(args));
      for (String line : problems.split("\n", -1)) {
        // Every line is a message; the text ends with a line end, hence the one empty last part.
        assertTrue(!line.isBlank() || problems.endsWith(line + "\n"), what);
      }
    }
    if (status == 2) {
      assertEquals(1, problems.split("\n").length, "a usage error is one line: " + what);
    }
  }

  /** The fuzzer's arguments with every path moved into {@code folder}. */
  private static String[] arguments(String text, Path folder) {
    if (text.isEmpty()) {
      return new String[0];
    }
    List<String> args = new ArrayList<>();
    String previous = "";
    for (String a : text.split("\u001E", -1)) {
      args.add(confined(a, previous, folder));
      previous = a;
    }
    return args.toArray(String[]::new);
  }

  private static String confined(String arg, String previous, Path folder) {
    if (WORDS.contains(arg)
        || OPTIONS.contains(arg)
        || VALUES.contains(previous)
        || SHORT_CLUSTER.matcher(arg).matches()
        || INTEGER.matcher(arg).matches()) {
      return arg;
    }
    int eq = arg.indexOf('=');
    if (eq > 0 && OPTIONS.contains(arg.substring(0, eq))) {
      String option = arg.substring(0, eq);
      String value = arg.substring(eq + 1);
      return VALUES.contains(option) ? arg : option + "=" + folder + "/" + value;
    }
    return folder + "/" + arg;
  }

  private static int indexOf(byte[] bytes, byte b) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }

  /** The scratch folder with its fixtures as they were, whatever the last input rewrote. */
  private static synchronized Path scratch() {
    try {
      if (scratch == null) {
        scratch = Files.createTempDirectory("sailplan-fuzz");
        scratch.toFile().deleteOnExit();
      }
      Files.createDirectories(scratch.resolve("dir"));
      Files.writeString(
          scratch.resolve("ns.yaml"),
          "kind: Namespace\napiVersion: v1\nmetadata: {name: shop, labels: {a: 'ü'}}\n",
          StandardCharsets.UTF_8);
      Files.write(
          scratch.resolve("bad.yaml"),
          "apiVersion: v1\nkind: Namespace\nmetadata: {name: gr\u00f6\u00dfe}\n"
              .getBytes(StandardCharsets.ISO_8859_1));
      Files.write(
          scratch.resolve("wide.yaml"),
          "apiVersion: v1\nkind: Namespace\n".getBytes(StandardCharsets.UTF_16));
      return scratch;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
