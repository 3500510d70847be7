package dev.sailplan.core;

import dev.sailplan.core.internal.Utf8Files;
import dev.sailplan.core.problem.ManifestException;
import dev.sailplan.core.problem.Problem;
import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The text of a manifest file, decoded the one way Sailplan reads every input: strictly as UTF-8,
 * whatever the platform's default charset or locale.
 *
 * <p>A leading UTF-8 byte order mark is skipped. Bytes that are not UTF-8 are a {@link
 * ManifestException} naming the line, {@code mesh.yaml: line 7: not valid UTF-8}, never silently
 * replaced; UTF-16 or UTF-32 input (a byte order mark, or the zero bytes of ASCII text in those
 * encodings) says so and how to convert it.
 */
public final class ManifestText {
  private ManifestText() {}

  /**
   * The text of {@code file}.
   *
   * @throws IOException when the file cannot be read
   * @throws ManifestException when it is not UTF-8
   */
  public static String read(Path file) throws IOException {
    return decode(Files.readAllBytes(file), file.toString());
  }

  /**
   * A strict UTF-8 reader of {@code file} for reading it as a stream (the file is not held in
   * memory): a UTF-8 byte order mark is skipped, UTF-16 and UTF-32 input is refused at once, and
   * bytes that are not UTF-8 make the reader throw {@link
   * java.nio.charset.CharacterCodingException} where they are met ({@link #decode} on the file's
   * bytes names their line).
   *
   * @throws IOException when the file cannot be opened
   * @throws ManifestException when it is UTF-16 or UTF-32
   */
  public static Reader open(Path file) throws IOException {
    return Utf8Files.open(file, file.toString());
  }

  /**
   * {@code bytes} as text, for input that is not a file (standard input, a resource).
   *
   * @param sourceName names the input in the problem, e.g. {@code <stdin>}
   * @throws ManifestException when the bytes are not UTF-8
   */
  public static String decode(byte[] bytes, String sourceName) {
    String wide = Utf8Files.wideEncoding(bytes);
    if (wide != null) {
      throw problem(sourceName, 0, Utf8Files.wideMessage(wide));
    }
    int start = Utf8Files.startsWithBom(bytes) ? 3 : 0;
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    // UTF-8 never decodes to more chars than it has bytes.
    CharBuffer out = CharBuffer.allocate(bytes.length - start);
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isUnderflow()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      throw problem(sourceName, lineOf(bytes, in.position()), "not valid UTF-8");
    }
    return out.flip().toString();
  }

  /** The 1-based line of the byte at {@code offset}: one more than the line ends before it. */
  private static int lineOf(byte[] bytes, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return line;
  }

  private static ManifestException problem(String source, int line, String message) {
    return new ManifestException(List.of(new Problem(source, 0, line, "", message)));
  }
}
