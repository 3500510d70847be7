package dev.sailplan.core.plan.render;

import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.plan.Change;
import dev.sailplan.core.plan.ResourceKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Text helpers shared by the renderers: comments, file names, kubectl arguments, shell quoting. */
final class Text {
  /** The widest comment line, "# " included (a word longer than that stays whole). */
  static final int COMMENT_WIDTH = 100;

  /** The longest part of a file name {@link #fileSegment} gives. */
  static final int SEGMENT_LENGTH = 80;

  private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");
  private static final Pattern FILE_SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final Pattern FILE_UNSAFE_RUN = Pattern.compile("[^A-Za-z0-9._-]+");

  /** Kinds whose resource name is not the regular English plural of the kind. */
  private static final Map<String, String> IRREGULAR_PLURALS = Map.of("endpoints", "endpoints");

  private Text() {}

  /**
   * The text as comment lines, each starting with "# " (or just "#" when empty), wrapped at spaces
   * to {@link #COMMENT_WIDTH}; line breaks in the text start new lines and control characters
   * become spaces.
   */
  static List<String> comment(String text) {
    List<String> lines = new ArrayList<>();
    for (String paragraph : text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
      StringBuilder line = new StringBuilder();
      for (String word : clean(paragraph).split(" ", -1)) {
        if (word.isEmpty()) {
          continue;
        }
        if (line.length() > 0 && 2 + line.length() + 1 + word.length() > COMMENT_WIDTH) {
          lines.add("# " + line);
          line.setLength(0);
        }
        if (line.length() > 0) {
          line.append(' ');
        }
        line.append(word);
      }
      lines.add(line.length() == 0 ? "#" : "# " + line);
    }
    return lines;
  }

  /** Appends {@link #comment} lines, each ending with a line feed. */
  static void appendComment(StringBuilder out, String text) {
    for (String line : comment(text)) {
      out.append(line).append('\n');
    }
  }

  /**
   * Control characters (tabs included) as spaces, so that text stays on its line; so are what YAML
   * 1.1 readers take for line breaks (U+2028, U+2029), what YAML does not allow at all (unpaired
   * surrogates, U+FFFE, U+FFFF) and byte order marks (U+FEFF), which would break the comments of a
   * stage file or {@code apply.sh}.
   */
  private static String clean(String s) {
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints().forEach(c -> b.appendCodePoint(isLiteral(c) ? c : ' '));
    return b.toString();
  }

  private static boolean isLiteral(int c) {
    return !Character.isISOControl(c)
        && c != 0x2028
        && c != 0x2029
        && !(c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE)
        && c != 0xFEFF
        && c != 0xFFFE
        && c != 0xFFFF;
  }

  /** The text on one line: line breaks and control characters as spaces. */
  static String oneLine(String text) {
    return clean(text).strip();
  }

  /**
   * Checks that a plan name can be a folder name.
   *
   * @throws IllegalArgumentException when it cannot
   */
  static String folderName(String planName) {
    if (!FILE_SAFE.matcher(planName).matches() || planName.length() > 200) {
      throw new IllegalArgumentException(
          "plan name '"
              + planName
              + "' cannot be a folder name: use letters,"
              + " digits, '.', '_' and '-', starting with a letter or digit, at most 200 characters");
    }
    return planName;
  }

  /**
   * A part of a file name: runs of anything but letters, digits, '.', '_' and '-' become '-', and
   * at most {@link #SEGMENT_LENGTH} characters are kept, so that a file name of a number and two
   * segments stays far below the 255 bytes file systems allow, however long a step's name is.
   */
  static String fileSegment(String s) {
    String safe = FILE_UNSAFE_RUN.matcher(s).replaceAll("-");
    safe = safe.replaceAll("^[-.]+", "");
    if (safe.length() > SEGMENT_LENGTH) {
      safe = safe.substring(0, SEGMENT_LENGTH);
    }
    safe = safe.replaceAll("-+$", "");
    return safe.isEmpty() ? "x" : safe;
  }

  /**
   * The lowercase plural resource name kubectl knows a kind by: VirtualService, virtualservices.
   */
  static String plural(String kind) {
    String k = kind.toLowerCase(Locale.ROOT);
    String irregular = IRREGULAR_PLURALS.get(k);
    if (irregular != null) {
      return irregular;
    }
    if (k.endsWith("y") && k.length() > 1 && "aeiou".indexOf(k.charAt(k.length() - 2)) < 0) {
      return k.substring(0, k.length() - 1) + "ies";
    }
    if (k.endsWith("s")
        || k.endsWith("x")
        || k.endsWith("z")
        || k.endsWith("ch")
        || k.endsWith("sh")) {
      return k + "es";
    }
    return k + "s";
  }

  /** {@code plural.group/name} as kubectl takes it ({@code plural/name} for the core group). */
  static String kubectlRef(ResourceKey key) {
    String resource = plural(key.kind()) + (key.group().isEmpty() ? "" : "." + key.group());
    return resource + "/" + key.name();
  }

  /**
   * The apiVersion of a deleted object: the version it had, else its group (v1 for the core group)
   * when the change does not say.
   */
  static String apiVersion(Change change) {
    return change
        .before()
        .or(change::after)
        .map(Resource::apiVersion)
        .orElse(change.key().group().isEmpty() ? "v1" : change.key().group());
  }

  /** The word as one shell word: as it is when safe, else single-quoted. */
  static String shell(String word) {
    if (SHELL_SAFE.matcher(word).matches()) {
      return word;
    }
    return "'" + word.replace("'", "'\\''") + "'";
  }

  /** A stage number as three (or more) digits. */
  static String number(int n) {
    return String.format(Locale.ROOT, "%03d", n);
  }
}
