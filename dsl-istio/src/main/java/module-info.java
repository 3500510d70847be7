/**
 * The Istio model (generated from Istio's CRD schemas) and the DSL on it: {@code Traffic}, {@code
 * Security}, {@code Observability}, the planner's Istio knowledge and the rollout composites.
 */
module dev.sailplan.istio {
  requires transitive dev.sailplan.core;
  requires static org.immutables.value;
  requires static java.compiler;

  exports dev.sailplan.istio;
  exports dev.sailplan.istio.extensions.v1alpha1;
  exports dev.sailplan.istio.kinds;
  exports dev.sailplan.istio.layout;
  exports dev.sailplan.istio.networking.common;
  exports dev.sailplan.istio.networking.v1;
  exports dev.sailplan.istio.networking.v1alpha3;
  exports dev.sailplan.istio.networking.v1beta1;
  exports dev.sailplan.istio.plan;
  exports dev.sailplan.istio.rollout;
  exports dev.sailplan.istio.security.v1;
  exports dev.sailplan.istio.telemetry.v1;
  exports dev.sailplan.istio.type.v1beta1;
  exports dev.sailplan.istio.validation;

  // Jackson binds the generated value types through their Immutables builders.
  opens dev.sailplan.istio.extensions.v1alpha1 to
      com.fasterxml.jackson.databind;
  opens dev.sailplan.istio.networking.common to
      com.fasterxml.jackson.databind;
  opens dev.sailplan.istio.networking.v1 to
      com.fasterxml.jackson.databind;
  opens dev.sailplan.istio.networking.v1alpha3 to
      com.fasterxml.jackson.databind;
  opens dev.sailplan.istio.networking.v1beta1 to
      com.fasterxml.jackson.databind;
  opens dev.sailplan.istio.security.v1 to
      com.fasterxml.jackson.databind;
  opens dev.sailplan.istio.telemetry.v1 to
      com.fasterxml.jackson.databind;
  opens dev.sailplan.istio.type.v1beta1 to
      com.fasterxml.jackson.databind;

  provides dev.sailplan.core.kind.KindProvider with
      dev.sailplan.istio.kinds.IstioKinds;
  provides dev.sailplan.core.plan.DependencyModel with
      dev.sailplan.istio.plan.IstioDependencies;
  provides dev.sailplan.core.validation.ValidationProvider with
      dev.sailplan.istio.validation.IstioValidation;
}
