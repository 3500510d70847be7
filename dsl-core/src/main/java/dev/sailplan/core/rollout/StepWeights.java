package dev.sailplan.core.rollout;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The weights of a canary's steps (in Istio and Gateway API alike): the canary's share of traffic
 * at each step, strictly increasing, ending at 100; a step is named after its weight.
 *
 * <pre>{@code
 * StepWeights.check(List.of(10, 50, 100));   // fine; List.of(10, 50) fails: it never reaches 100
 * StepWeights.stepName(50);                 // "shift-50"
 * StepWeights.split(25, "v1", "v2", s -> routeTo(host, s), (s, w) -> routeTo(host, s, w));
 *                                           // [v1 weight 75, v2 weight 25]
 * }</pre>
 */
public final class StepWeights {
  /** The default steps: 10, 25, 50 and 100 percent. */
  public static final List<Integer> DEFAULT = List.of(10, 25, 50, 100);

  private StepWeights() {}

  /** The percentages as a list, unchecked: builders keep them as given and check them in build. */
  public static List<Integer> of(int... percentages) {
    List<Integer> out = new ArrayList<>(percentages.length);
    for (int p : percentages) {
      out.add(p);
    }
    return List.copyOf(out);
  }

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
        throw new IllegalArgumentException(
            "step weights must increase: " + w + " follows " + previous);
      }
      previous = w;
    }
    if (previous != 100) {
      throw new IllegalArgumentException(
          "the last step must send 100% to the new version, not " + previous + "%");
    }
  }

  /** The name of the step that gives the canary {@code weight} percent: {@code shift-<weight>}. */
  public static String stepName(int weight) {
    return "shift-" + weight;
  }

  /**
   * The destinations that give the canary {@code canaryWeight} percent: the stable one alone (no
   * weight) at 0, the canary alone at 100, else both, weighted {@code 100 - canaryWeight} and
   * {@code canaryWeight}. A single destination carries no weight, as Istio and Gateway API render
   * it.
   *
   * @param alone the destination of a version that takes all traffic
   * @param weighted the destination of a version that takes the given percentage
   */
  public static <V, D> List<D> split(
      int canaryWeight,
      V stable,
      V canary,
      Function<? super V, ? extends D> alone,
      BiFunction<? super V, Integer, ? extends D> weighted) {
    if (canaryWeight == 0) {
      return List.of(alone.apply(stable));
    }
    if (canaryWeight == 100) {
      return List.of(alone.apply(canary));
    }
    return List.of(
        weighted.apply(stable, 100 - canaryWeight), weighted.apply(canary, canaryWeight));
  }
}
