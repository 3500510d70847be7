/**
 * Admission checks of the Gateway API kinds: {@link
 * dev.sailplan.gatewayapi.validation.GatewayApiValidation} registers the schema validators and CEL
 * rules that codegen writes.
 */
package dev.sailplan.gatewayapi.validation;
