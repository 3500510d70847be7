package dev.sailplan.core.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Go duration syntax: the common one-unit form and the general form agree. */
class DurationTest {
  @ParameterizedTest
  @CsvSource({
    "10s, 10000000000",
    "250ms, 250000000",
    "3us, 3000",
    "3\u00b5s, 3000",
    "7ns, 7",
    "2m, 120000000000",
    "1h, 3600000000000",
    "05s, 5000000000",
    "999999h, 3599996400000000000",
    "0s, 0",
    "0, 0",
    "1h30m, 5400000000000",
    "0.5s, 500000000",
    "1.5h, 5400000000000",
    "-10s, -10000000000",
    "+1m, 60000000000",
    "1000000h, 3600000000000000000",
    ".5ms, 500000"
  })
  void parsesTheNanosecondsAndKeepsTheText(String text, long nanos) {
    Duration d = Duration.parse(text);
    assertEquals(java.time.Duration.ofNanos(nanos), d.toJava());
    assertEquals(text, d.toString());
  }

  @Test
  void theOneUnitFormEqualsTheSameLengthWrittenInParts() {
    // Equal texts compare equal; the same length in other words compares as a duration.
    assertEquals(0, Duration.parse("90s").compareTo(Duration.parse("1m30s")));
    assertEquals(Duration.parse("90s"), Duration.parse("90s"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "10", "s", "10x", "10 s", "1d", "10S", "- 1s", "1.2.3s"})
  void rejectsWhatIsNotADuration(String text) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Duration.parse(text));
    assertEquals(
        "not a valid duration: '"
            + text
            + "' (expected a number and unit, e.g. 30s, 1m, 0.5s, 250ms)",
        e.getMessage());
  }
}
