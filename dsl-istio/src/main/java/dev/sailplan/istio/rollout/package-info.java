/**
 * Istio composites that read as intent and render as make-before-break plans: {@link
 * dev.sailplan.istio.rollout.CanaryRollout}, {@link dev.sailplan.istio.rollout.BlueGreen}, {@link
 * dev.sailplan.istio.rollout.StrictMtlsMigration}, {@link
 * dev.sailplan.istio.rollout.EgressLockdown} and {@link
 * dev.sailplan.istio.rollout.RevisionUpgrade}. Their builders are staged: a composite missing a
 * required part does not compile. Each is a {@link dev.sailplan.core.rollout.SteppedRollout}: its
 * steps have names ({@code stepNames()}), and a canary rolls back from any of them by name ({@code
 * rollbackFrom("shift-25")}).
 */
package dev.sailplan.istio.rollout;
