package dev.sailplan.javaimport.internal;

/** Comment text of the input made safe for Java source. */
final class Javadoc {
  private Javadoc() {}

  /**
   * Text for a {@code //} comment: javac reads {@code \}{@code u} escapes even in comments, so a
   * backslash before {@code u} is doubled.
   */
  static String lineComment(String text) {
    return text.replace("\\u", "\\\\u").replace('\r', ' ');
  }

  /** Text for a Javadoc comment: no end of comment, no HTML, no tags. */
  static String javadoc(String text) {
    return lineComment(text)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("*/", "*&#47;")
        .replace("@", "&#64;");
  }
}
