/**
 * The analyses across Gateway API resources (SP5xxx) that {@link
 * dev.sailplan.gatewayapi.validation.GatewayApiValidation} registers.
 */
package dev.sailplan.gatewayapi.internal.analysis;
