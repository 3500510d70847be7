package dev.sailplan.codegen.emit;

/** Turns schema descriptions into short, safe Javadoc. */
final class Javadocs {
  private static final int MAX = 480;

  private Javadocs() {}

  /**
   * The first paragraph of a description, shortened to whole sentences, with HTML and Javadoc
   * metacharacters escaped; empty for no description.
   */
  static String summary(String description) {
    if (description == null) {
      return "";
    }
    String text = description.strip();
    int blank = text.indexOf("\n\n");
    if (blank >= 0) {
      text = text.substring(0, blank);
    }
    text = text.replaceAll("\\s+", " ").strip();
    if (text.length() > MAX) {
      int end = text.lastIndexOf(". ", MAX);
      text = end > 40 ? text.substring(0, end + 1) : text.substring(0, MAX) + "…";
    }
    return escape(text);
  }

  /**
   * Text set in code font: <code>{&#64;code …}</code> when the text can stand in it as written
   * (balanced braces, no comment end, no backslash, which javac would read as a Unicode escape),
   * otherwise {@code <code>} with every metacharacter escaped.
   */
  static String code(String text) {
    if (bracesBalance(text) && !text.contains("*/") && text.indexOf('\\') < 0) {
      return "{@code " + text + "}";
    }
    return "<code>" + escape(text).replace("{", "&#123;").replace("}", "&#125;") + "</code>";
  }

  private static boolean bracesBalance(String text) {
    int depth = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}' && --depth < 0) {
        return false;
      }
    }
    return depth == 0;
  }

  static String escape(String text) {
    StringBuilder b = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '@' -> b.append("&#64;");
        case '\\' -> b.append("&#92;");
        case '/' -> b.append(i > 0 && text.charAt(i - 1) == '*' ? "&#47;" : "/");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
