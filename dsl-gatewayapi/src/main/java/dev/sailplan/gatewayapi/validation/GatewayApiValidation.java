package dev.sailplan.gatewayapi.validation;

import dev.sailplan.core.validation.Analyzer;
import dev.sailplan.core.validation.ResourceCheck;
import dev.sailplan.core.validation.TreeValidator;
import dev.sailplan.core.validation.ValidationProvider;
import dev.sailplan.gatewayapi.internal.analysis.GatewayApiAnalysis;
import dev.sailplan.gatewayapi.internal.schema.GatewayApiSchemas;
import java.util.List;
import java.util.Map;

/**
 * Registers with {@code Validation} (through {@code META-INF/services} and {@code module-info}) the
 * admission checks of the Gateway API kinds (schemas and CEL rules) and the analyses across Gateway
 * API resources.
 */
public final class GatewayApiValidation implements ValidationProvider {
  /** Called by {@code ServiceLoader}. */
  public GatewayApiValidation() {}

  /** The OpenAPI constraints of the kinds' schemas. */
  @Override
  public Map<String, TreeValidator> schemas() {
    return GatewayApiSchemas.all();
  }

  /** The kinds' {@code x-kubernetes-validations} rules, compiled by codegen. */
  @Override
  public Map<String, TreeValidator> rules() {
    return dev.sailplan.gatewayapi.internal.rules.GatewayApiRules.all();
  }

  /** The checks of typed resources that the schemas cannot express. */
  @Override
  public List<ResourceCheck> checks() {
    return List.of();
  }

  /** The analyses across resources: attachment, backends, references, conflicts, waypoints. */
  @Override
  public List<Analyzer> analyzers() {
    return GatewayApiAnalysis.analyzers();
  }
}
