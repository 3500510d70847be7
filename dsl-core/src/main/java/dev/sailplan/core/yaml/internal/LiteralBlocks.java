package dev.sailplan.core.yaml.internal;

/**
 * Literal block scalars for multi-line values. Only the shapes that need no indentation or keep
 * indicator and no trailing white space qualify; anything else is double-quoted, which is always
 * exact.
 */
final class LiteralBlocks {
  private LiteralBlocks() {}

  /**
   * Whether {@code s} reads back exactly from a {@code |} or {@code |-} block with auto-detected
   * indentation and leaves no trailing white space in the output.
   */
  static boolean fits(String s) {
    if (s.indexOf('\n') < 0 || s.endsWith("\n\n")) {
      return false; // single line; or "|+" territory, which we do not emit
    }
    // First line sets the detected indentation: it must exist and not start with white space.
    if (s.charAt(0) == '\n' || Chars.isBlank(s.charAt(0))) {
      return false;
    }
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (cp != '\n' && cp != '\t' && Chars.mustEscape(cp)) {
        return false; // also rejects '\r', which a reader would normalise away
      }
      i += Character.charCount(cp);
    }
    // Trailing blanks on a line would be trailing white space in the file; this also rejects
    // white-space-only lines. Empty lines are fine: they are written as bare line breaks.
    for (String line : body(s).split("\n", -1)) {
      if (!line.isEmpty() && Chars.isBlank(line.charAt(line.length() - 1))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Appends the content lines of a fitting string, each indented by {@code indent} spaces and
   * terminated by a line break; empty lines get no indentation.
   */
  static void appendBody(String s, int indent, StringBuilder out) {
    for (String line : body(s).split("\n", -1)) {
      if (!line.isEmpty()) {
        out.append(" ".repeat(indent)).append(line);
      }
      out.append('\n');
    }
  }

  /** The string without its single final line break, if it has one. */
  private static String body(String s) {
    return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
  }
}
