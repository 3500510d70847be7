package dev.sailplan.core.yaml.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Canonical number text. Integral values print as digits; other values print as the shortest
 * decimal that round-trips, in plain notation (never an exponent, which YAML 1.1 only reads with a
 * signed exponent and a dot) and always with a '.', so a YAML 1.1 reader still sees a float.
 */
final class Numbers {
  /** Below this an integral floating value prints as an integer; above it, as a float. */
  private static final double INTEGRAL_LIMIT = 1e15;

  private static final BigDecimal INTEGRAL_LIMIT_DECIMAL = BigDecimal.valueOf(INTEGRAL_LIMIT);

  /** Beyond this scale the plain form gets absurdly long, so we fall back to an exponent. */
  private static final int MAX_PLAIN_SCALE = 400;

  private Numbers() {}

  /**
   * The text of a number node, or null when it is NaN or infinite (each format spells those
   * differently).
   */
  static String finite(JsonNode node) {
    if (node.isIntegralNumber()) {
      return node.bigIntegerValue().toString();
    }
    if (node.isBigDecimal()) {
      return decimal(node.decimalValue());
    }
    double value = node.doubleValue();
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return null;
    }
    if (value == Math.rint(value) && Math.abs(value) < INTEGRAL_LIMIT) {
      return Long.toString((long) value);
    }
    // Float.toString gives the decimal the author wrote (0.1f, not 0.10000000149011612).
    String shortest = node.isFloat() ? Float.toString(node.floatValue()) : Double.toString(value);
    return decimal(new BigDecimal(shortest));
  }

  /** The text of a double, or null when it is NaN or infinite. */
  static String ofDouble(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return null;
    }
    if (value == Math.rint(value) && Math.abs(value) < INTEGRAL_LIMIT) {
      return Long.toString((long) value);
    }
    return decimal(new BigDecimal(Double.toString(value)));
  }

  /** YAML's spelling of a non-finite value. */
  static String yamlNonFinite(double value) {
    if (Double.isNaN(value)) {
      return ".nan";
    }
    return value > 0 ? ".inf" : "-.inf";
  }

  private static String decimal(BigDecimal raw) {
    BigDecimal value = raw.stripTrailingZeros();
    if (value.scale() <= 0 && value.abs().compareTo(INTEGRAL_LIMIT_DECIMAL) < 0) {
      return value.toBigIntegerExact().toString();
    }
    if (Math.abs(value.scale()) > MAX_PLAIN_SCALE) {
      return scientific(value);
    }
    String plain = value.toPlainString();
    return plain.indexOf('.') >= 0 ? plain : plain + ".0";
  }

  /** d.ddde+N: the only exponent form both YAML 1.1 (signed exponent, dot) and 1.2 read. */
  private static String scientific(BigDecimal value) {
    BigInteger unscaled = value.unscaledValue();
    String digits = unscaled.abs().toString();
    long exponent = (long) digits.length() - 1 - value.scale();
    String fraction = digits.length() > 1 ? digits.substring(1) : "0";
    return (unscaled.signum() < 0 ? "-" : "")
        + digits.charAt(0)
        + "."
        + fraction
        + (exponent < 0 ? "e-" : "e+")
        + Math.abs(exponent);
  }
}
