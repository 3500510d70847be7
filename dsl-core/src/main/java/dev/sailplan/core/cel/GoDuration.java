package dev.sailplan.core.cel;

import java.math.BigDecimal;
import java.time.Duration;

/** Go's duration strings ({@code time.ParseDuration}), which CEL's {@code duration()} reads. */
final class GoDuration {
  private static final long MAX = Long.MAX_VALUE;

  private GoDuration() {}

  static Duration parse(String orig) {
    String s = orig;
    boolean neg = false;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      neg = s.charAt(0) == '-';
      s = s.substring(1);
    }
    if (s.equals("0")) {
      return Duration.ZERO;
    }
    if (s.isEmpty()) {
      throw invalid(orig);
    }
    // Unsigned sum in nanoseconds; 2^63 is allowed only for a negative duration, as in Go.
    BigDecimal total = BigDecimal.ZERO;
    BigDecimal limit = BigDecimal.valueOf(MAX).add(BigDecimal.ONE);
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (!(c == '.' || (c >= '0' && c <= '9'))) {
        throw invalid(orig);
      }
      int start = i;
      while (i < s.length() && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
        i++;
      }
      boolean pre = i > start;
      String whole = s.substring(start, i);
      String fraction = "";
      boolean post = false;
      if (i < s.length() && s.charAt(i) == '.') {
        i++;
        int f = i;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
          i++;
        }
        fraction = s.substring(f, i);
        post = i > f;
      }
      if (!pre && !post) {
        throw invalid(orig);
      }
      int u = i;
      while (i < s.length() && s.charAt(i) != '.' && !(s.charAt(i) >= '0' && s.charAt(i) <= '9')) {
        i++;
      }
      if (u == i) {
        throw new CelError("time: missing unit in duration \"" + orig + "\"");
      }
      long unit = unit(s.substring(u, i), orig);
      BigDecimal v = new BigDecimal(whole.isEmpty() ? "0" : whole);
      if (v.multiply(BigDecimal.valueOf(unit)).compareTo(limit) > 0) {
        throw invalid(orig);
      }
      BigDecimal value = v.multiply(BigDecimal.valueOf(unit));
      if (!fraction.isEmpty()) {
        // Go adds the fraction's nanoseconds truncated.
        BigDecimal frac = new BigDecimal("0." + fraction).multiply(BigDecimal.valueOf(unit));
        value = value.add(new BigDecimal(frac.toBigInteger()));
        if (value.compareTo(limit) > 0) {
          throw invalid(orig);
        }
      }
      total = total.add(value);
      if (total.compareTo(limit) > 0) {
        throw invalid(orig);
      }
    }
    if (neg) {
      return Duration.ofNanos(total.negate().longValueExact());
    }
    if (total.compareTo(BigDecimal.valueOf(MAX)) > 0) {
      throw invalid(orig);
    }
    return Duration.ofNanos(total.longValueExact());
  }

  private static long unit(String u, String orig) {
    return switch (u) {
      case "ns" -> 1L;
      case "us", "\u00b5s", "\u03bcs" -> 1_000L;
      case "ms" -> 1_000_000L;
      case "s" -> 1_000_000_000L;
      case "m" -> 60_000_000_000L;
      case "h" -> 3_600_000_000_000L;
      default ->
          throw new CelError("time: unknown unit \"" + u + "\" in duration \"" + orig + "\"");
    };
  }

  private static CelError invalid(String orig) {
    return new CelError("time: invalid duration \"" + orig + "\"");
  }

  static Duration checkRange(Duration d) {
    try {
      return Duration.ofNanos(d.toNanos());
    } catch (ArithmeticException e) {
      throw new CelError("duration out of range");
    }
  }

  /** CEL's {@code string(duration)}: seconds with the fraction needed, e.g. {@code 1.5s}. */
  static String format(Duration d) {
    BigDecimal seconds = BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9));
    return seconds.stripTrailingZeros().toPlainString() + "s";
  }
}
