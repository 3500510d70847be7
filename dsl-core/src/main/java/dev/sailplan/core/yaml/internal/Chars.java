package dev.sailplan.core.yaml.internal;

/** Character classes shared by the plain, block and double-quoted decisions. */
final class Chars {
  private Chars() {}

  /**
   * Whether a code point cannot appear literally in our output and so must be escaped inside double
   * quotes. Beyond YAML's non-printable set this includes U+0085, U+2028 and U+2029 (line breaks to
   * a YAML 1.1 reader) and U+FEFF (a byte order mark to some readers). Unpaired surrogates arrive
   * here as code points in the surrogate range.
   */
  static boolean mustEscape(int cp) {
    return cp < 0x20
        || (cp >= 0x7F && cp <= 0x9F)
        || cp == 0x2028
        || cp == 0x2029
        || (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE)
        || cp == 0xFEFF
        || cp == 0xFFFE
        || cp == 0xFFFF;
  }

  /** Whether no code point of {@code s} needs escaping (so tab, CR and LF are rejected too). */
  static boolean allLiteral(String s) {
    // A plain loop: this runs for every scalar rendered, and the common case is ASCII.
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c < 0x7F) {
        continue;
      }
      int cp = s.codePointAt(i);
      if (mustEscape(cp)) {
        return false;
      }
      if (Character.isSupplementaryCodePoint(cp)) {
        i++;
      }
    }
    return true;
  }

  /** Space or tab: the only white space a YAML reader strips around scalars. */
  static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }
}
