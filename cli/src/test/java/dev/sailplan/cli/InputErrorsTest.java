package dev.sailplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Input that cannot be read or decoded, and option values out of range: one line each. */
class InputErrorsTest {
  private static final String NAMESPACE =
      "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n";

  @TempDir Path dir;

  /** What one run printed. */
  record Run(int status, String out, String err) {}

  private static Run sailplan(byte[] stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status =
        Sailplan.run(
            args,
            new ByteArrayInputStream(stdin),
            new PrintWriter(out, true),
            new PrintWriter(err, true));
    return new Run(status, out.toString(), err.toString());
  }

  private static Run sailplan(String... args) {
    return sailplan(new byte[0], args);
  }

  private Path file(String name, byte[] content) throws IOException {
    return Files.write(dir.resolve(name), content);
  }

  private static byte[] latin1(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void invalidUtf8NamesTheFileAndLine() throws IOException {
    Path bad = file("bad.yaml", latin1(NAMESPACE + "  # Größe\n"));
    assertEquals(
        new Run(1, "", bad + ": line 5: not valid UTF-8\n"), sailplan("fmt", bad.toString()));
    assertEquals(
        new Run(1, "", "--to " + bad + ": line 5: not valid UTF-8\n"),
        sailplan("plan", "--to", bad.toString(), "--format", "stream"));
    assertEquals(
        new Run(1, "", "--from " + bad + ": line 5: not valid UTF-8\n"),
        sailplan(
            "plan",
            "--from",
            bad.toString(),
            "--to",
            file("ok.yaml", NAMESPACE.getBytes(StandardCharsets.UTF_8)).toString(),
            "--format",
            "stream"));
  }

  @Test
  void invalidUtf8OnStandardInputIsAnErrorNotReplacementCharacters() {
    assertEquals(
        new Run(1, "", "<stdin>: line 3: not valid UTF-8\n"),
        sailplan(latin1("apiVersion: v1\nkind: Namespace\nmetadata: {name: größe}\n"), "fmt", "-"));
    assertEquals(
        new Run(1, "", "--to <stdin>: line 1: not valid UTF-8\n"),
        sailplan(new byte[] {(byte) 0xC3}, "plan", "--to", "-", "--format", "stream"));
  }

  @Test
  void aByteOrderMarkIsSkippedOnStandardInput() {
    byte[] utf8 = NAMESPACE.getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[utf8.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(utf8, 0, withBom, 3, utf8.length);
    assertEquals(new Run(0, NAMESPACE, ""), sailplan(withBom, "fmt", "-"));
  }

  @Test
  void utf16InputSaysHowToConvertIt() throws IOException {
    Path wide = file("wide.yaml", NAMESPACE.getBytes(StandardCharsets.UTF_16));
    assertEquals(
        new Run(
            1,
            "",
            wide
                + ": UTF-16 input; Sailplan reads UTF-8 (convert with iconv -f UTF-16 -t UTF-8)\n"),
        sailplan("fmt", wide.toString()));
    assertEquals(
        new Run(
            1,
            "",
            "<stdin>: UTF-16 input; Sailplan reads UTF-8 (convert with iconv -f UTF-16 -t UTF-8)\n"),
        sailplan(NAMESPACE.getBytes(StandardCharsets.UTF_16LE), "fmt", "-"));
  }

  @Test
  void anEmptyArgumentIsNamedVisibly() {
    assertEquals(new Run(1, "", "sailplan fmt: '': no such file\n"), sailplan("fmt", ""));
    assertEquals(
        new Run(1, "", "--to '': no such file\n"),
        sailplan("plan", "--to", "", "--format", "stream"));
    assertEquals(
        new Run(
            2,
            "",
            "sailplan plan: --out '' names no folder: give a folder, such as --out . (see sailplan"
                + " plan --help)\n"),
        sailplan("plan", "--to", "x.yaml", "--out", ""));
  }

  @Test
  void aNegativeSettleDelayIsAUsageError() {
    assertEquals(
        new Run(
            2,
            "",
            "sailplan plan: --settle -5 must be 0 or more seconds (see sailplan plan --help)\n"),
        sailplan("plan", "--to", "x.yaml", "--out", dir.toString(), "--settle", "-5"));
    assertEquals(
        new Run(
            2,
            "",
            "sailplan plan: Invalid value for option '--settle': '99999999999' is not an int (see"
                + " sailplan plan --help)\n"),
        sailplan("plan", "--to", "x.yaml", "--out", dir.toString(), "--settle", "99999999999"));
  }

  @Test
  void fileNamesThatAreNoPathsOrSpanLinesStayOneLine() {
    assertEquals(
        new Run(1, "", "'a\\x00b': not a valid file name: nul character not allowed\n"),
        sailplan("fmt", "a\0b"));
    assertEquals(
        new Run(1, "", "'two\\nlines.yaml': no such file\n"), sailplan("fmt", "two\nlines.yaml"));
    assertEquals(
        new Run(
            2,
            "",
            "sailplan plan: Invalid value for option '--to': 'a\\x00b': not a valid file name: nul"
                + " character not allowed (see sailplan plan --help)\n"),
        sailplan("plan", "--to", "a\0b", "--format", "stream"));
    assertEquals(
        new Run(
            2,
            "",
            "sailplan plan: --name 'a\\nb' must be lower-case letters, digits and '-' (see sailplan"
                + " plan --help)\n"),
        sailplan("plan", "--to", "x.yaml", "--format", "stream", "--name", "a\nb"));
  }

  @Test
  void readErrorsSayWhyInWordsNeverAnExceptionName() {
    assertEquals(
        "cannot read: input/output error",
        "cannot read: " + IoErrors.reason(new IOException(), Path.of("x")));
    assertEquals(
        "file system error",
        IoErrors.reason(new java.nio.file.FileSystemException("x"), Path.of("x")));
  }

  @Test
  void anArgumentStartingWithAtIsAFileNotAnArgumentFile() throws IOException {
    Path at = file("@ns.yaml", NAMESPACE.getBytes(StandardCharsets.UTF_8));
    Files.writeString(dir.resolve("ns.yaml"), "--version\n");
    assertEquals(new Run(0, NAMESPACE, ""), sailplan("fmt", at.toString()));
    assertEquals(new Run(1, "", "@missing.yaml: no such file\n"), sailplan("fmt", "@missing.yaml"));
  }

  @Test
  void helpListsTheExitStatuses() {
    String help = sailplan("--help").out();
    assertEquals(
        """

        Exit status:
           0   success
           1   invalid input, an unreadable or unwritable file, or not enough memory
           2   wrong usage
          70   internal error, a bug (SAILPLAN_DEBUG=1 prints the stack trace)
        """,
        help.substring(help.indexOf("\nExit status:")));
  }
}
