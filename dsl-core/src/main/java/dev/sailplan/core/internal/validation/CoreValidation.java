package dev.sailplan.core.internal.validation;

import dev.sailplan.core.internal.schema.CoreSchemas;
import dev.sailplan.core.validation.ResourceCheck;
import dev.sailplan.core.validation.TreeValidator;
import dev.sailplan.core.validation.ValidationProvider;
import java.util.List;
import java.util.Map;

/**
 * Registers the admission checks of the Kubernetes core kinds with {@code Validation} (through
 * {@code META-INF/services} and {@code module-info}).
 */
public final class CoreValidation implements ValidationProvider {
  /** Called by {@code ServiceLoader}. */
  public CoreValidation() {}

  /** The OpenAPI constraints of the kinds' schemas. */
  @Override
  public Map<String, TreeValidator> schemas() {
    return CoreSchemas.all();
  }

  /** The kinds' {@code x-kubernetes-validations} rules, compiled by codegen. */
  @Override
  public Map<String, TreeValidator> rules() {
    return Map.of();
  }

  /** The checks of typed resources that the schemas cannot express. */
  @Override
  public List<ResourceCheck> checks() {
    return List.of();
  }
}
