/**
 * What the planner needs to know about Gateway API references: {@link
 * dev.sailplan.gatewayapi.plan.GatewayApiDependencies}.
 */
package dev.sailplan.gatewayapi.plan;
