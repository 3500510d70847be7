package dev.sailplan.core;

import dev.sailplan.core.plan.Plan;
import java.util.Collection;

/**
 * Rollout plans written in Java, for a build to render: the {@code render} goal of {@code
 * sailplan-maven-plugin} instantiates each configured class through its public no-arg constructor,
 * validates every resource the plans apply and writes each plan as a plan folder ({@link
 * dev.sailplan.core.plan.render.PlanWriter}).
 *
 * <pre>{@code
 * public final class ReviewsCanary implements PlanSource {
 *   @Override
 *   public List<Plan> plans() {
 *     return List.of(CanaryRollout.of("bookinfo/reviews")
 *         .stable("v1").canary("v2")
 *         .steps(10, 50, 100)
 *         .build()
 *         .plan());
 *   }
 * }
 * }</pre>
 *
 * <p>Plan names must be unique within a build. A class may implement both this and {@link
 * ManifestSource}.
 */
@FunctionalInterface
public interface PlanSource {
  /** The plans to render. */
  Collection<Plan> plans();
}
