package dev.sailplan.core.yaml.internal;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides whether a string may be written unquoted. A plain scalar must survive two readings: the
 * syntax (it must not start a different token or end early) and the implicit type resolution of
 * both YAML 1.1 readers (SnakeYAML, Jackson, Go's yaml.v2) and YAML 1.2 core schema readers. Every
 * pattern here is deliberately wider than the specs it covers: quoting a string that could have
 * been plain costs two characters, a wrong guess changes the manifest.
 */
public final class PlainScalars {
  /** Characters that start some other token when they come first (indicators, quotes, tags). */
  private static final String LEADING_INDICATORS = "-?:,[]{}#&*!|>'\"%@`";

  /** YAML 1.1 booleans and nulls, the merge key and the value key, spelled as readers accept. */
  private static final Set<String> RESERVED_WORDS =
      Set.of(
          "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE",
          "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF", "~", "null", "Null",
          "NULL", "<<", "=");

  private static final int LONGEST_RESERVED_WORD = 5;

  /**
   * Anything a 1.1 or 1.2 reader might take for a number. Underscores are accepted wherever a digit
   * is, because SnakeYAML's resolver accepts them in more places than the 1.1 spec does. Covers 1.1
   * binary/octal/hex/decimal/sexagesimal ints, 1.1 floats (including "1.2.3"), 1.2 core ints and
   * floats with exponents, and the infinities and NaNs.
   */
  private static final Pattern NUMBER_LIKE =
      Pattern.compile(
          "[-+]?(?:"
              + "0b[0-1_]+"
              + "|0o[0-7_]+"
              + "|0x[0-9a-fA-F_]+"
              + "|[0-9][0-9_]*(?::[0-5]?[0-9])*(?:\\.[0-9._]*)?(?:[eE][-+]?[0-9]+)?"
              + "|\\.[0-9._]*(?:[eE][-+]?[0-9]+)?"
              + "|\\.(?:inf|Inf|INF|nan|NaN|NAN)"
              + ")");

  /** A YAML 1.1 timestamp starts like this; anything that does is quoted. */
  private static final Pattern TIMESTAMP_PREFIX = Pattern.compile("[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}");

  private PlainScalars() {}

  /**
   * Whether {@code s} can be written as a plain scalar, in any block position including column
   * zero, and be read back as exactly this string by YAML 1.1 and 1.2 readers.
   */
  public static boolean isPlainSafe(String s) {
    if (s.isEmpty() || !Chars.allLiteral(s)) {
      return false;
    }
    char first = s.charAt(0);
    char last = s.charAt(s.length() - 1);
    if (first == ' ' || last == ' ' || LEADING_INDICATORS.indexOf(first) >= 0) {
      return false;
    }
    // ": " would end a key, " #" would start a comment, a final ':' reads as an empty mapping.
    if (s.contains(": ") || s.contains(" #") || last == ':') {
      return false;
    }
    // "..." at column zero can end the document (a root scalar or a root mapping key).
    if (s.startsWith("...")) {
      return false;
    }
    return !looksTyped(s);
  }

  /** Whether an implicit resolver would give {@code s} a type other than string. */
  private static boolean looksTyped(String s) {
    if (s.length() <= LONGEST_RESERVED_WORD && RESERVED_WORDS.contains(s)) {
      return true;
    }
    // Numbers and timestamps start with a digit, a sign or a dot; most strings are ruled out here
    // without running the patterns, which matters because every rendered scalar comes through.
    char first = s.charAt(0);
    if (!(first >= '0' && first <= '9') && first != '+' && first != '-' && first != '.') {
      return false;
    }
    return NUMBER_LIKE.matcher(s).matches() || TIMESTAMP_PREFIX.matcher(s).lookingAt();
  }
}
