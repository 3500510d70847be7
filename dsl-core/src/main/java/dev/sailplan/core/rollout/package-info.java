/**
 * What composite rollouts share: {@link dev.sailplan.core.rollout.SteppedRollout} (the plan name,
 * named steps, rollbacks from a step) and {@link dev.sailplan.core.rollout.StepWeights} (a canary's
 * weights and the routes' split at each step). The composites themselves live beside their API
 * group's model, e.g. {@code dev.sailplan.istio.rollout.CanaryRollout}.
 */
package dev.sailplan.core.rollout;
