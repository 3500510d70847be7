package dev.sailplan.core.yaml.internal;

/** Double-quoted scalars: always exact, always on one line (we never fold). */
final class DoubleQuoted {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private DoubleQuoted() {}

  /** Appends {@code s} in double quotes, escaping only what must not appear literally. */
  static void append(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      String named = namedEscape(cp);
      if (named != null) {
        out.append(named);
      } else if (!Chars.mustEscape(cp)) {
        out.appendCodePoint(cp);
      } else if (cp <= 0xFF) {
        out.append("\\x");
        hex(cp, 2, out);
      } else {
        out.append("\\u");
        hex(cp, 4, out);
      }
    }
    out.append('"');
  }

  /** The short escapes every YAML reader knows; null when there is none for {@code cp}. */
  private static String namedEscape(int cp) {
    return switch (cp) {
      case '\\' -> "\\\\";
      case '"' -> "\\\"";
      case 0x00 -> "\\0";
      case 0x07 -> "\\a";
      case 0x08 -> "\\b";
      case 0x09 -> "\\t";
      case 0x0A -> "\\n";
      case 0x0B -> "\\v";
      case 0x0C -> "\\f";
      case 0x0D -> "\\r";
      case 0x1B -> "\\e";
      case 0x85 -> "\\N";
      case 0x2028 -> "\\L";
      case 0x2029 -> "\\P";
      default -> null;
    };
  }

  private static void hex(int value, int digits, StringBuilder out) {
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
      out.append(HEX[(value >> shift) & 0xF]);
    }
  }
}
