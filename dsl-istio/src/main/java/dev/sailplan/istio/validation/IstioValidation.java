package dev.sailplan.istio.validation;

import dev.sailplan.core.validation.ResourceCheck;
import dev.sailplan.core.validation.TreeValidator;
import dev.sailplan.core.validation.ValidationProvider;
import java.util.List;
import java.util.Map;

/**
 * Registers the admission checks of Istio's kinds: schemas, CEL rules and what istiod's validating
 * webhook rejects with {@code Validation} (through {@code META-INF/services} and {@code
 * module-info}).
 */
public final class IstioValidation implements ValidationProvider {
  /** Called by {@code ServiceLoader}. */
  public IstioValidation() {}

  /** The OpenAPI constraints of the kinds' schemas. */
  @Override
  public Map<String, TreeValidator> schemas() {
    return Map.of();
  }

  /** The kinds' {@code x-kubernetes-validations} rules, compiled by codegen. */
  @Override
  public Map<String, TreeValidator> rules() {
    return dev.sailplan.istio.internal.rules.IstioRules.all();
  }

  /** The checks of typed resources that the schemas cannot express. */
  @Override
  public List<ResourceCheck> checks() {
    return List.of();
  }
}
