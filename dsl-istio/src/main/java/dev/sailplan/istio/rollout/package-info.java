/**
 * Istio composites that read as intent and render as make-before-break plans: {@link
 * dev.sailplan.istio.rollout.CanaryRollout}, {@link dev.sailplan.istio.rollout.BlueGreen}, {@link
 * dev.sailplan.istio.rollout.StrictMtlsMigration} and {@link dev.sailplan.istio.rollout.EgressLockdown}.
 * Their builders are staged: a composite missing a required part does not compile.
 */
package dev.sailplan.istio.rollout;
