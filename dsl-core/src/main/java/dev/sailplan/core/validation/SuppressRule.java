package dev.sailplan.core.validation;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule that drops findings of one code on the resources matching a glob, written {@code
 * CODE=RESOURCE-GLOB} ({@code *} any characters, {@code ?} one): {@code SP0107=HTTPRoute
 * default/*}. The CLI's {@code validate --suppress} and the Maven plugin's {@code <suppress>} read
 * this syntax.
 *
 * <pre>{@code
 * SuppressRule rule = SuppressRule.parse("SP1005=VirtualService legacy/*");
 * List<Finding> kept = findings.stream().filter(f -> !rule.matches(f)).toList();
 * }</pre>
 *
 * @param code the finding code, e.g. {@code SP0107}
 * @param glob the glob on the finding's {@link Finding#origin() origin} ({@code Kind ns/name})
 */
public record SuppressRule(String code, String glob) {
  private static final Pattern SYNTAX = Pattern.compile("(SP[0-9]{4})=(.+)", Pattern.DOTALL);

  /** Checks the parts. */
  public SuppressRule {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(glob, "glob");
  }

  /**
   * Reads {@code CODE=RESOURCE-GLOB}.
   *
   * @throws IllegalArgumentException when {@code text} is not of that form; the message says so
   */
  public static SuppressRule parse(String text) {
    Matcher m = SYNTAX.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' must be CODE=RESOURCE-GLOB, e.g. 'SP0107=HTTPRoute default/*'");
    }
    return new SuppressRule(m.group(1), m.group(2));
  }

  /** Whether the rule drops {@code finding}. */
  public boolean matches(Finding finding) {
    return finding.code().equals(code) && pattern(glob).matcher(finding.origin()).matches();
  }

  /** A glob as a pattern: {@code *} any characters, {@code ?} one, everything else itself. */
  static Pattern pattern(String glob) {
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' || c == '?') {
        if (literal.length() > 0) {
          regex.append(Pattern.quote(literal.toString()));
          literal.setLength(0);
        }
        regex.append(c == '*' ? ".*" : ".");
      } else {
        literal.append(c);
      }
    }
    if (literal.length() > 0) {
      regex.append(Pattern.quote(literal.toString()));
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }
}
