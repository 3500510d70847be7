/**
 * The Gateway API model (generated from the standard channel's CRD schemas), {@code GatewayApi}
 * factories, the planner's Gateway API knowledge and the HTTPRoute canary composite.
 */
module dev.sailplan.gatewayapi {
  requires transitive dev.sailplan.core;
  requires static org.immutables.value;
  requires static java.compiler;

  exports dev.sailplan.gatewayapi;
  exports dev.sailplan.gatewayapi.kinds;
  exports dev.sailplan.gatewayapi.plan;
  exports dev.sailplan.gatewayapi.rollout;
  exports dev.sailplan.gatewayapi.v1;
  exports dev.sailplan.gatewayapi.validation;

  // Jackson binds the generated value types through their Immutables builders.
  opens dev.sailplan.gatewayapi.v1 to
      com.fasterxml.jackson.databind;

  provides dev.sailplan.core.kind.KindProvider with
      dev.sailplan.gatewayapi.kinds.GatewayApiKinds;
  provides dev.sailplan.core.plan.DependencyModel with
      dev.sailplan.gatewayapi.plan.GatewayApiDependencies;
  provides dev.sailplan.core.validation.ValidationProvider with
      dev.sailplan.gatewayapi.validation.GatewayApiValidation;
}
