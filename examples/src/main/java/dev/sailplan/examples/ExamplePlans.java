package dev.sailplan.examples;

import dev.sailplan.core.plan.Rollout;
import dev.sailplan.istio.rollout.CanaryRollout;
import java.util.ArrayList;
import java.util.List;

/** The rollouts RenderAll writes as plans: at least one per composite, and a rollback. */
public final class ExamplePlans {
  private ExamplePlans() {}

  /** Bookinfo's reviews service moving from v1 to v2, testers first (x-canary: "true"). */
  public static CanaryRollout reviewsCanary() {
    return CanaryRollout.of("bookinfo/reviews")
        .stable("v1")
        .canary("v2")
        .steps(10, 25, 50, 100)
        .headerOverride("x-canary", "true")
        .build();
  }

  /** Every example rollout, in the order RenderAll writes them. */
  public static List<Rollout> all() {
    List<Rollout> out = new ArrayList<>();
    CanaryRollout canary = reviewsCanary();
    out.add(canary);
    out.add(canary.rollbackFrom(2));
    return List.copyOf(out);
  }
}
