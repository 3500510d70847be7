package dev.sailplan.core.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * A value that is either an integer or a string ({@code x-kubernetes-int-or-string}), such as a
 * port given by number or by name.
 *
 * <pre>{@code
 * IntOrString.of(8080);
 * IntOrString.of("http");
 * }</pre>
 */
public final class IntOrString {
  private final Long number;
  private final String text;

  private IntOrString(Long number, String text) {
    this.number = number;
    this.text = text;
  }

  /** The integer form. */
  public static IntOrString of(long number) {
    return new IntOrString(number, null);
  }

  /** The string form; {@code "80"} stays a string. */
  public static IntOrString of(String text) {
    return new IntOrString(null, Objects.requireNonNull(text, "text"));
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static IntOrString fromJson(Object value) {
    if (value instanceof Integer || value instanceof Long) {
      return of(((Number) value).longValue());
    }
    if (value instanceof String string) {
      return of(string);
    }
    throw new IllegalArgumentException(
        "expected an integer or a string, not "
            + (value == null ? "null" : value.getClass().getSimpleName()));
  }

  /** Whether this is the integer form. */
  public boolean isInt() {
    return number != null;
  }

  /**
   * The integer.
   *
   * @throws IllegalStateException for the string form
   */
  public long intValue() {
    if (number == null) {
      throw new IllegalStateException("'" + text + "' is a string, not an integer");
    }
    return number;
  }

  /** The string form, or the integer's decimal digits. */
  public String stringValue() {
    return number != null ? number.toString() : text;
  }

  @JsonValue
  Object jsonValue() {
    return number != null ? number : text;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IntOrString intOrString
        && Objects.equals(intOrString.number, number)
        && Objects.equals(intOrString.text, text);
  }

  @Override
  public int hashCode() {
    return Objects.hash(number, text);
  }

  @Override
  public String toString() {
    return stringValue();
  }
}
