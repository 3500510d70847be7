package dev.sailplan.core.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class StepWeightsTest {
  private static String rejected(List<Integer> weights) {
    return assertThrows(IllegalArgumentException.class, () -> StepWeights.check(weights))
        .getMessage();
  }

  /** "version" or "version@weight", as a route would carry them. */
  private static List<String> split(int canaryWeight) {
    return StepWeights.split(canaryWeight, "v1", "v2", v -> v, (v, w) -> v + "@" + w);
  }

  @Test
  void weightsMustIncreaseWithin1To100AndEndAt100() {
    StepWeights.check(List.of(100));
    StepWeights.check(StepWeights.DEFAULT);
    assertEquals(List.of(10, 25, 50, 100), StepWeights.DEFAULT);
    assertEquals("a rollout needs at least one step", rejected(List.of()));
    assertEquals("step weight 0 is outside 1..100", rejected(List.of(0, 100)));
    assertEquals("step weight 101 is outside 1..100", rejected(List.of(50, 101)));
    assertEquals("step weights must increase: 25 follows 50", rejected(List.of(10, 50, 25, 100)));
    assertEquals("step weights must increase: 50 follows 50", rejected(List.of(50, 50, 100)));
    assertEquals(
        "the last step must send 100% to the new version, not 50%", rejected(List.of(10, 50)));
  }

  @Test
  void ofKeepsThePercentagesAsGivenForTheBuildToCheck() {
    assertEquals(List.of(50, 10), StepWeights.of(50, 10));
    assertEquals(List.of(), StepWeights.of());
  }

  @Test
  void aStepIsNamedAfterItsWeight() {
    assertEquals("shift-25", StepWeights.stepName(25));
    assertEquals("shift-100", StepWeights.stepName(100));
  }

  @Test
  void aVersionTakingAllTrafficCarriesNoWeight() {
    assertEquals(List.of("v1"), split(0));
    assertEquals(List.of("v1@90", "v2@10"), split(10));
    assertEquals(List.of("v1@1", "v2@99"), split(99));
    assertEquals(List.of("v2"), split(100));
  }
}
