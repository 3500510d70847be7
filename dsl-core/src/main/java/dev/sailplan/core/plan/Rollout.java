package dev.sailplan.core.plan;

import java.util.List;

/**
 * A change expressed as intent: where it starts and the desired states it passes through. A
 * composite ({@code CanaryRollout}, {@code BlueGreen}, {@code StrictMtlsMigration},
 * {@code EgressLockdown}) is a Rollout; the {@link Planner} turns it into a {@link Plan} whose
 * stages honour make-before-break.
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

  /** The plan, with every dependency model on the class path. */
  default Plan plan() {
    return plan(Planner.discover());
  }

  /** The plan, with the given planner. */
  default Plan plan(Planner planner) {
    return planner.plan(name(), current(), targets());
  }
}
