/**
 * Admission checks of Istio's kinds: {@link dev.sailplan.istio.validation.IstioValidation}
 * registers the schema validators and CEL rules that codegen writes, and the checks of istiod's
 * validating webhook.
 */
package dev.sailplan.istio.validation;
