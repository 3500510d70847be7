/**
 * The hand-written Gateway API DSL on the generated model ({@link dev.sailplan.gatewayapi.v1}):
 * {@link dev.sailplan.gatewayapi.GatewayApi} holds the factories for common shapes.
 */
package dev.sailplan.gatewayapi;
