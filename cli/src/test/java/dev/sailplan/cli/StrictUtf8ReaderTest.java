package dev.sailplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sailplan.core.problem.ManifestException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The streaming decoder of standard input agrees with {@code ManifestText.decode}. */
class StrictUtf8ReaderTest {
  private static Reader reader(byte[] bytes) throws IOException {
    return new StrictUtf8Reader(new ByteArrayInputStream(bytes), "<stdin>");
  }

  /** Reads everything a char at a time: the smallest reads a caller can make. */
  private static String readByChars(Reader r) throws IOException {
    StringBuilder b = new StringBuilder();
    char[] one = new char[1];
    while (r.read(one, 0, 1) > 0) {
      b.append(one[0]);
    }
    return b.toString();
  }

  @Test
  void decodesCharactersSplitAcrossBuffersAndSurrogatePairsOneCharAtATime() throws IOException {
    // 8191 ASCII bytes put the four bytes of the rocket across the end of the 8 KiB buffer.
    String text = "a".repeat(8191) + "\uD83D\uDE80 ünï ☃\n";
    assertEquals(text, readByChars(reader(text.getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void aBadByteBeyondTheFirstBufferIsOnItsLine() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < 1000; i++) {
      bytes.writeBytes("# a comment line of some length\n".getBytes(StandardCharsets.UTF_8));
    }
    bytes.write(0xE4); // ISO-8859-1 ä
    bytes.write('\n');
    StrictUtf8Reader.NotUtf8 e =
        assertThrows(
            StrictUtf8Reader.NotUtf8.class, () -> readByChars(reader(bytes.toByteArray())));
    assertEquals(1001, e.line());
    assertEquals(
        1001, StrictUtf8Reader.lineOfFirstError(new ByteArrayInputStream(bytes.toByteArray())));
  }

  @Test
  void aSequenceCutOffAtTheEndIsNotUtf8() {
    StrictUtf8Reader.NotUtf8 e =
        assertThrows(
            StrictUtf8Reader.NotUtf8.class,
            () -> readByChars(reader(new byte[] {'a', '\n', 'b', (byte) 0xC3})));
    assertEquals(2, e.line());
  }

  @Test
  void aByteOrderMarkIsSkippedAndWideEncodingsAreRefused() throws IOException {
    assertEquals(
        "x: 1\n",
        readByChars(
            reader(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'x', ':', ' ', '1', '\n'})));
    assertEquals("", readByChars(reader(new byte[0])));
    ManifestException e =
        assertThrows(
            ManifestException.class, () -> reader("x: 1\n".getBytes(StandardCharsets.UTF_16)));
    assertEquals(
        "<stdin>: UTF-16 input; Sailplan reads UTF-8 (convert with iconv -f UTF-16 -t UTF-8)",
        e.problems().get(0).toString());
  }
}
