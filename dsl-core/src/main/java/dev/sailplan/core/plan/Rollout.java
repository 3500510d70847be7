package dev.sailplan.core.plan;

import java.util.List;

/**
 * A change expressed as intent: where it starts and the desired states it passes through. A
 * composite ({@code CanaryRollout}, {@code BlueGreen}, {@code StrictMtlsMigration}, {@code
 * EgressLockdown}) is a Rollout; the {@link Planner} turns it into a {@link Plan} whose stages
 * honour make-before-break.
 *
 * <pre>{@code
 * Plan plan = CanaryRollout.of("bookinfo/reviews").stable("v1").canary("v2").steps(10, 50, 100).build().plan();
 * }</pre>
 */
public interface Rollout {
  /** The plan's name, used as its folder name. */
  String name();

  /** The state the rollout starts from. */
  State current();

  /** The desired states, in order, each with the barrier that follows it. */
  List<Planner.Target> targets();

  /**
   * A rollout of these parts, e.g. a composite's rollback.
   *
   * @param name the plan's name
   * @param current where it starts
   * @param targets the desired states, in order
   */
  static Rollout of(String name, State current, List<Planner.Target> targets) {
    List<Planner.Target> steps = List.copyOf(targets);
    return new Rollout() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public State current() {
        return current;
      }

      @Override
      public List<Planner.Target> targets() {
        return steps;
      }
    };
  }

  /** The plan, with every dependency model on the class path. */
  default Plan plan() {
    return plan(Planner.discover());
  }

  /** The plan, with the given planner. */
  default Plan plan(Planner planner) {
    return planner.plan(name(), current(), targets());
  }
}
