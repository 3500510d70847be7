package dev.sailplan.core.plan;

import java.util.List;

/** The rule every stepped rollout's weights follow (canaries in Istio and Gateway API alike). */
public final class StepWeights {
  private StepWeights() {}

  /**
   * Checks that the weights are strictly increasing, each within 1..100, and end at 100.
   *
   * @throws IllegalArgumentException naming the first offending weight
   */
  public static void check(List<Integer> weights) {
    if (weights.isEmpty()) {
      throw new IllegalArgumentException("a rollout needs at least one step");
    }
    int previous = 0;
    for (int w : weights) {
      if (w < 1 || w > 100) {
        throw new IllegalArgumentException("step weight " + w + " is outside 1..100");
      }
      if (w <= previous) {
        throw new IllegalArgumentException("step weights must increase: " + w + " follows " + previous);
      }
      previous = w;
    }
    if (previous != 100) {
      throw new IllegalArgumentException("the last step must send 100% to the new version, not " + previous + "%");
    }
  }
}
