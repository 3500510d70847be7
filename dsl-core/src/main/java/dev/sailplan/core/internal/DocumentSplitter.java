package dev.sailplan.core.internal;

import java.io.IOException;
import java.io.Reader;

/**
 * Splits a YAML stream into its documents without parsing it, so that each document is parsed (and
 * held in memory) alone. A document starts at a {@code ---} line and ends at a {@code ...} line or
 * where the next starts: YAML forbids both markers at the start of a line inside a document, so a
 * split there never cuts a scalar or a collection. Comments and directives before a marker stay
 * with the document that marker starts.
 */
final class DocumentSplitter {
  /**
   * One piece of the stream.
   *
   * @param text the exact text, line ends included
   * @param firstLine the 1-based line of its first character in the stream
   * @param hasDocument whether YAML reads a document from it (not only comments or blank lines)
   */
  record Chunk(String text, int firstLine, boolean hasDocument) {}

  /** A document longer than the limit; the splitter stops reading there. */
  static final class TooLarge extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Chunk start;

    TooLarge(Chunk start) {
      super("document too large", null, false, false);
      this.start = start;
    }

    /** Where the document starts; its text is cut at the limit. */
    Chunk start() {
      return start;
    }
  }

  private final Reader in;
  private final int maxChars;
  private final char[] buffer = new char[8192];
  private int position;
  private int limit;
  private boolean eof;
  private int nextLine = 1;
  private String pendingLine; // a marker line read that starts the next chunk
  private int pendingFirstLine;
  private boolean first = true;

  DocumentSplitter(Reader in, int maxChars) {
    this.in = in;
    this.maxChars = maxChars;
  }

  /** The 1-based line the reader has reached, for errors met while reading. */
  int line() {
    return nextLine;
  }

  /**
   * The next chunk, or null at the end of the stream.
   *
   * @throws IOException when reading fails
   * @throws TooLarge when a document is longer than the limit
   */
  Chunk next() throws IOException {
    StringBuilder text = new StringBuilder();
    int firstLine = nextLine;
    boolean marked = false;
    boolean content = false;
    if (pendingLine != null) {
      firstLine = pendingFirstLine;
      text.append(pendingLine);
      marked = true;
      content = hasContentAfterMarker(pendingLine);
      pendingLine = null;
    }
    for (int at = nextLine; ; at = nextLine) {
      String line = readLine();
      if (line == null) {
        break;
      }
      String bare = first && line.startsWith("\uFEFF") ? line.substring(1) : line;
      first = false;
      if (isMarker(bare, '-')) {
        if (marked || content) {
          pendingLine = bare;
          pendingFirstLine = at;
          return new Chunk(text.toString(), firstLine, true);
        }
        marked = true;
        content = hasContentAfterMarker(bare);
      } else if (isMarker(bare, '.')) {
        text.append(line);
        return new Chunk(text.toString(), firstLine, marked || content);
      } else if (!content && isContent(bare)) {
        content = true;
      }
      text.append(line);
      if (text.length() > maxChars) {
        throw new TooLarge(
            new Chunk(text.substring(0, Math.min(text.length(), 256)), firstLine, true));
      }
    }
    return text.length() == 0 && !marked
        ? null
        : new Chunk(text.toString(), firstLine, marked || content);
  }

  /** {@code ---} or {@code ...} at the start of a line, alone or followed by a blank. */
  private static boolean isMarker(String line, char c) {
    if (line.length() < 3 || line.charAt(0) != c || line.charAt(1) != c || line.charAt(2) != c) {
      return false;
    }
    return line.length() == 3 || " \t\r\n".indexOf(line.charAt(3)) >= 0;
  }

  private static boolean hasContentAfterMarker(String line) {
    return isContent(line.substring(3));
  }

  /** Whether a line holds anything but blanks, a comment or a directive. */
  private static boolean isContent(String line) {
    if (line.startsWith("%")) {
      return false;
    }
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '#') {
        return false;
      }
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
        return true;
      }
    }
    return false;
  }

  /** The next line with its line break (\n, \r\n or \r), or null at the end. */
  private String readLine() throws IOException {
    StringBuilder line = null;
    while (true) {
      if (position == limit) {
        if (eof || !fill()) {
          return line == null ? null : line.toString();
        }
      }
      int start = position;
      while (position < limit) {
        char c = buffer[position++];
        if (c == '\n' || c == '\r') {
          if (line == null) {
            line = new StringBuilder(position - start + 1);
          }
          line.append(buffer, start, position - start);
          if (c == '\r') {
            if (position == limit && !eof) {
              fill();
            }
            if (position < limit && buffer[position] == '\n') {
              line.append('\n');
              position++;
            }
          }
          nextLine++;
          return line.toString();
        }
      }
      if (line == null) {
        line = new StringBuilder();
      }
      line.append(buffer, start, position - start);
      if (line.length() > maxChars) {
        throw new TooLarge(new Chunk("", nextLine, true));
      }
    }
  }

  private boolean fill() throws IOException {
    int n = in.read(buffer, 0, buffer.length);
    if (n <= 0) {
      eof = true;
      position = limit = 0;
      return false;
    }
    position = 0;
    limit = n;
    return true;
  }
}
