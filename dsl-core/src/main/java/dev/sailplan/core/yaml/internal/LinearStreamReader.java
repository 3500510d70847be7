package dev.sailplan.core.yaml.internal;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.scanner.Constant;

/**
 * SnakeYAML's {@link StreamReader} with a window that grows by doubling. SnakeYAML's own copies its
 * whole unread window each time it reads 1,024 more characters, so a token of n characters on one
 * line (a long scalar, a comment) costs n²/2048 copies: 16 seconds for a 4 MB scalar. Here every
 * character is copied a constant number of times, whatever the token length.
 *
 * <p>Same contract: code points, {@code 0} past the end, the same line and column counting and the
 * same rejection of non-printable characters.
 */
public final class LinearStreamReader extends StreamReader {
  private static final String NAME = "'reader'";

  /** Characters either side of the pointer that a {@link Mark} keeps for its snippet. */
  private static final int SNIPPET = 40;

  private final Reader stream;
  private final char[] chars = new char[8192];
  private int[] window = new int[1024];
  private int length;
  private int pointer;
  private boolean eof;
  private int index;
  private int documentIndex;
  private int line;
  private int column;

  /** A reader of {@code stream}; IO errors surface as {@link YAMLException}s, as in SnakeYAML. */
  public LinearStreamReader(Reader stream) {
    super(Reader.nullReader());
    this.stream = stream;
  }

  @Override
  public Mark getMark() {
    // The snippet needs only the current line's neighbourhood; a Mark is made per token.
    int from = Math.max(0, pointer - SNIPPET);
    int to = Math.min(length, pointer + SNIPPET);
    return new Mark(
        NAME, index, line, column, Arrays.copyOfRange(window, from, to), pointer - from);
  }

  @Override
  public void forward() {
    forward(1);
  }

  @Override
  public void forward(int count) {
    for (int i = 0; i < count && ensure(0); i++) {
      int c = window[pointer++];
      index++;
      documentIndex++;
      if (Constant.LINEBR.has(c) || (c == '\r' && ensure(0) && window[pointer] != '\n')) {
        line++;
        column = 0;
      } else if (c != '\uFEFF') {
        column++;
      }
    }
  }

  @Override
  public int peek() {
    return ensure(0) ? window[pointer] : 0;
  }

  @Override
  public int peek(int offset) {
    return ensure(offset) ? window[pointer + offset] : 0;
  }

  @Override
  public String prefix(int count) {
    if (count == 0) {
      return "";
    }
    ensure(count);
    return new String(window, pointer, Math.min(count, length - pointer));
  }

  @Override
  public String prefixForward(int count) {
    String prefix = prefix(count);
    pointer += count;
    index += count;
    documentIndex += count;
    column += count;
    return prefix;
  }

  @Override
  public int getColumn() {
    return column;
  }

  @Override
  public int getDocumentIndex() {
    return documentIndex;
  }

  @Override
  public void resetDocumentIndex() {
    documentIndex = 0;
  }

  @Override
  public int getIndex() {
    return index;
  }

  @Override
  public int getLine() {
    return line;
  }

  /** Whether the code point at {@code pointer + offset} exists, reading as needed. */
  private boolean ensure(int offset) {
    while (!eof && pointer + offset >= length) {
      fill();
    }
    return pointer + offset < length;
  }

  private void fill() {
    int read;
    try {
      read = stream.read(chars, 0, chars.length - 1);
      if (read > 0 && Character.isHighSurrogate(chars[read - 1])) {
        if (stream.read(chars, read, 1) == -1) {
          throw new ReaderException(
              NAME,
              index + length - pointer + read,
              chars[read - 1],
              "The last char is HighSurrogate (no LowSurrogate detected).");
        }
        read++;
      }
    } catch (IOException e) {
      throw new YAMLException(e);
    }
    if (read <= 0) {
      eof = true;
      return;
    }
    int remaining = length - pointer;
    if (length + read > window.length) {
      // Grow when more than half is unread, so that a long token is copied O(log n) times.
      int needed = remaining + read;
      int[] target = needed * 2 > window.length ? new int[needed * 2] : window;
      System.arraycopy(window, pointer, target, 0, remaining);
      window = target;
      length = remaining;
      pointer = 0;
    }
    for (int i = 0; i < read; ) {
      int c = Character.codePointAt(chars, i, read);
      window[length++] = c;
      if (!isPrintable(c)) {
        throw new ReaderException(
            NAME, index + length - pointer - 1, c, "special characters are not allowed");
      }
      i += Character.charCount(c);
    }
  }
}
