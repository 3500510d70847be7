package dev.sailplan.gatewayapi.validation;

import dev.sailplan.core.kind.KindInfo;
import dev.sailplan.core.validation.Analyzer;
import dev.sailplan.core.validation.ResourceCheck;
import dev.sailplan.core.validation.TreeValidator;
import dev.sailplan.core.validation.ValidationProvider;
import dev.sailplan.gatewayapi.internal.analysis.GatewayApiAnalysis;
import dev.sailplan.gatewayapi.internal.schema.GatewayApiSchemas;
import dev.sailplan.gatewayapi.kinds.GatewayApiKinds;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

  /**
   * What the analyses read: the Gateway API kinds, the Istio kinds of ambient L7 policy, and the
   * core kinds Services, Namespaces and Secrets (workloads are always kept).
   */
  @Override
  public Set<String> analyzedKinds() {
    Set<String> kinds =
        new HashSet<>(
            Set.of(
                "Service",
                "Namespace",
                "Secret",
                ValidationProvider.key("security.istio.io", "AuthorizationPolicy"),
                ValidationProvider.key("networking.istio.io", "VirtualService")));
    for (KindInfo k : new GatewayApiKinds().kinds()) {
      kinds.add(ValidationProvider.key(k.group(), k.kind()));
    }
    return kinds;
  }

  /** The analyses across resources: attachment, backends, references, conflicts, waypoints. */
  @Override
  public List<Analyzer> analyzers() {
    return GatewayApiAnalysis.analyzers();
  }
}
