package dev.sailplan.cli;

import dev.sailplan.core.ManifestText;
import dev.sailplan.core.problem.ManifestException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A byte stream's text decoded as {@link ManifestText#decode} decodes it, but as a stream, so that
 * standard input is never held in memory: a UTF-8 byte order mark is skipped, UTF-16 and UTF-32
 * input is refused at once, and the first bytes that are not UTF-8 throw {@link NotUtf8} with their
 * line, which a decoder over the whole text would name.
 */
final class StrictUtf8Reader extends Reader {
  /** Bytes that are not UTF-8, on {@link #line()}, counting from 1. */
  static final class NotUtf8 extends CharacterCodingException {
    private static final long serialVersionUID = 1L;

    private final int line;

    NotUtf8(int line) {
      this.line = line;
    }

    int line() {
      return line;
    }
  }

  private final InputStream in;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer bytes = ByteBuffer.allocate(8192);
  // A UTF-8 byte decodes to one char at most, so a full byte buffer always fits.
  private final CharBuffer chars = CharBuffer.allocate(8192).flip();
  private int line = 1;
  private boolean end;
  private boolean flushed;

  /**
   * Reads the first bytes of {@code in} to refuse a wide encoding as {@link ManifestText} does.
   *
   * @param source names the input in the problem
   * @throws ManifestException when the input is UTF-16 or UTF-32
   */
  StrictUtf8Reader(InputStream in, String source) throws IOException {
    this.in = in;
    byte[] head = in.readNBytes(4);
    try {
      ManifestText.decode(head, source);
    } catch (ManifestException e) {
      // Line 0 is the whole input: a wide encoding. A bad byte in the head is met again below.
      if (e.problems().get(0).line() == 0) {
        throw e;
      }
    }
    boolean bom =
        head.length >= 3
            && (head[0] & 0xFF) == 0xEF
            && (head[1] & 0xFF) == 0xBB
            && (head[2] & 0xFF) == 0xBF;
    int skip = bom ? 3 : 0;
    bytes.put(head, skip, head.length - skip);
    bytes.flip();
  }

  /** The line of the first bytes of {@code in} that are not UTF-8, or 0 when all are. */
  static int lineOfFirstError(InputStream in) throws IOException {
    try (Reader r = new StrictUtf8Reader(in, "")) {
      char[] buffer = new char[8192];
      while (r.read(buffer) >= 0) {
        // Only the line of the error matters.
      }
      return 0;
    } catch (NotUtf8 e) {
      return e.line();
    } catch (ManifestException e) {
      return 0;
    }
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    while (!chars.hasRemaining()) {
      if (flushed) {
        return -1;
      }
      decode();
    }
    int n = Math.min(length, chars.remaining());
    chars.get(buffer, offset, n);
    return n;
  }

  /** Decodes what the byte buffer holds into the emptied char buffer, reading more when needed. */
  private void decode() throws IOException {
    chars.clear();
    int from = bytes.position();
    CoderResult result = decoder.decode(bytes, chars, end);
    for (int i = from; i < bytes.position(); i++) {
      line += bytes.get(i) == '\n' ? 1 : 0;
    }
    if (result.isError()) {
      throw new NotUtf8(line);
    }
    if (end && result.isUnderflow()) {
      if (decoder.flush(chars).isError()) {
        throw new NotUtf8(line);
      }
      flushed = true;
    } else if (result.isUnderflow()) {
      fill();
    }
    chars.flip();
  }

  private void fill() throws IOException {
    bytes.compact();
    int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
    if (n < 0) {
      end = true;
    } else {
      bytes.position(bytes.position() + n);
    }
    bytes.flip();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
