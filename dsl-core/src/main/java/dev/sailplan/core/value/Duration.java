package dev.sailplan.core.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A duration as Istio and Gateway API write it: Go duration syntax ({@code 30s}, {@code 1m}, {@code
 * 0.5s}, {@code 1h30m}, {@code 250ms}).
 *
 * <p>It keeps the text it was written with, so a parsed manifest renders back exactly ({@code 60s}
 * stays {@code 60s}, never becomes {@code 1m}). Two durations are equal when their text is; compare
 * {@link #toJava()} for equal lengths of time.
 *
 * <pre>{@code
 * Duration.parse("0.5s");     // renders 0.5s
 * Duration.ofSeconds(30);     // renders 30s
 * Duration.ofMillis(1500);    // renders 1500ms
 * }</pre>
 */
public final class Duration implements Comparable<Duration> {
  private static final String UNIT = "(?:ns|us|\u00b5s|ms|s|m|h)";
  private static final String NUMBER = "(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)";
  private static final Pattern SYNTAX = Pattern.compile("[-+]?(?:0|(?:" + NUMBER + UNIT + ")+)");
  private static final Pattern PART = Pattern.compile("(" + NUMBER + ")(" + UNIT + ")");

  private final String text;
  private final long nanos;

  private Duration(String text, long nanos) {
    this.text = text;
    this.nanos = nanos;
  }

  /**
   * Parses Go duration syntax.
   *
   * @throws IllegalArgumentException when the text is not a duration
   */
  @JsonCreator
  public static Duration parse(String text) {
    Objects.requireNonNull(text, "text");
    long simple = simpleNanos(text);
    if (simple >= 0) {
      return new Duration(text, simple);
    }
    if (!SYNTAX.matcher(text).matches()) {
      throw new IllegalArgumentException(
          "not a valid duration: '"
              + text
              + "' (expected a number and unit, e.g. 30s, 1m, 0.5s, 250ms)");
    }
    BigDecimal total = BigDecimal.ZERO;
    Matcher m = PART.matcher(text);
    while (m.find()) {
      total =
          total.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unitNanos(m.group(2)))));
    }
    if (text.startsWith("-")) {
      total = total.negate();
    }
    return new Duration(text, total.longValue());
  }

  /** Whole seconds, written {@code Ns}. */
  public static Duration ofSeconds(long seconds) {
    return parse(seconds + "s");
  }

  /** Milliseconds, written {@code Nms}. */
  public static Duration ofMillis(long millis) {
    return parse(millis + "ms");
  }

  /** Whole minutes, written {@code Nm}. */
  public static Duration ofMinutes(long minutes) {
    return parse(minutes + "m");
  }

  /**
   * A {@link java.time.Duration}, written in the largest unit that keeps it whole ({@code 90s},
   * {@code 2m}, {@code 1500ms}).
   */
  public static Duration of(java.time.Duration d) {
    long n = d.toNanos();
    String sign = n < 0 ? "-" : "";
    long a = Math.abs(n);
    if (a == 0) {
      return parse("0s");
    }
    long[] units = {3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L, 1L};
    String[] names = {"h", "m", "s", "ms", "us", "ns"};
    for (int i = 0; i < units.length; i++) {
      if (a % units[i] == 0) {
        return parse(sign + (a / units[i]) + names[i]);
      }
    }
    throw new AssertionError("unreachable: every duration is a whole number of nanoseconds");
  }

  /**
   * The nanoseconds of the common form, up to six digits and one unit ({@code 10s}, {@code 250ms}),
   * without a regular expression or BigDecimal; -1 for any other text, which takes the full parse.
   */
  private static long simpleNanos(String text) {
    int digits = 0;
    while (digits < text.length()
        && digits <= 6
        && text.charAt(digits) >= '0'
        && text.charAt(digits) <= '9') {
      digits++;
    }
    if (digits == 0 || digits > 6) {
      return -1;
    }
    long unit = unitNanos(text.substring(digits));
    return unit < 0 ? -1 : Long.parseLong(text, 0, digits, 10) * unit;
  }

  /** Nanoseconds per unit; -1 for text that is not a unit. */
  private static long unitNanos(String unit) {
    return switch (unit) {
      case "ns" -> 1L;
      case "us", "\u00b5s" -> 1_000L;
      case "ms" -> 1_000_000L;
      case "s" -> 1_000_000_000L;
      case "m" -> 60_000_000_000L;
      case "h" -> 3_600_000_000_000L;
      default -> -1L;
    };
  }

  /** The length of time, to the nanosecond. */
  public java.time.Duration toJava() {
    return java.time.Duration.ofNanos(nanos);
  }

  /** The text as written, e.g. {@code 0.5s}. */
  @JsonValue
  @Override
  public String toString() {
    return text;
  }

  /** Orders by length of time. */
  @Override
  public int compareTo(Duration other) {
    return Long.compare(nanos, other.nanos);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Duration duration && duration.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }
}
