/**
 * Gateway API composites that read as intent and render as make-before-break plans: {@link
 * dev.sailplan.gatewayapi.rollout.HttpRouteCanary} shifts an HTTPRoute's weight between two
 * Services. Their builders are staged: a composite missing a required part does not compile.
 */
package dev.sailplan.gatewayapi.rollout;
