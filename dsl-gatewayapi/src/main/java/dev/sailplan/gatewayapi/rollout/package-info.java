/**
 * Gateway API composites that read as intent and render as make-before-break plans: {@link
 * dev.sailplan.gatewayapi.rollout.HttpRouteCanary} shifts an HTTPRoute's weight between two
 * Services. Their builders are staged: a composite missing a required part does not compile. Like
 * the Istio composites, each is a {@link dev.sailplan.core.rollout.SteppedRollout}.
 */
package dev.sailplan.gatewayapi.rollout;
