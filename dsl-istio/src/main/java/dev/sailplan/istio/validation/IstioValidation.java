package dev.sailplan.istio.validation;

import dev.sailplan.core.kind.KindInfo;
import dev.sailplan.core.validation.Analyzer;
import dev.sailplan.core.validation.ResourceCheck;
import dev.sailplan.core.validation.TreeValidator;
import dev.sailplan.core.validation.ValidationProvider;
import dev.sailplan.istio.internal.analysis.SecurityAnalysis;
import dev.sailplan.istio.internal.analysis.TrafficAnalysis;
import dev.sailplan.istio.internal.schema.IstioSchemas;
import dev.sailplan.istio.kinds.IstioKinds;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Registers with {@code Validation} (through {@code META-INF/services} and {@code module-info}) the
 * admission checks of Istio's kinds (schemas, CEL rules, what istiod's validating webhook rejects)
 * and the analyses across Istio resources.
 */
public final class IstioValidation implements ValidationProvider {
  /** Called by {@code ServiceLoader}. */
  public IstioValidation() {}

  /** The OpenAPI constraints of the kinds' schemas. */
  @Override
  public Map<String, TreeValidator> schemas() {
    return IstioSchemas.all();
  }

  /** The kinds' {@code x-kubernetes-validations} rules, compiled by codegen. */
  @Override
  public Map<String, TreeValidator> rules() {
    return dev.sailplan.istio.internal.rules.IstioRules.all();
  }

  /** The checks of typed resources that the schemas cannot express. */
  @Override
  public List<ResourceCheck> checks() {
    return List.of(new IstioWebhookChecks());
  }

  /**
   * What the analyses read: Istio's kinds, the Gateway API kinds they look at, and the core kinds
   * Services, Namespaces, NetworkPolicies and Secrets (workloads are always kept).
   */
  @Override
  public Set<String> analyzedKinds() {
    Set<String> kinds =
        new HashSet<>(
            Set.of(
                "Service",
                "Namespace",
                "Secret",
                ValidationProvider.key("networking.k8s.io", "NetworkPolicy")));
    for (KindInfo k : new IstioKinds().kinds()) {
      kinds.add(ValidationProvider.key(k.group(), k.kind()));
    }
    for (String k : List.of("Gateway", "GatewayClass", "HTTPRoute", "GRPCRoute")) {
      kinds.add(ValidationProvider.key("gateway.networking.k8s.io", k));
    }
    return kinds;
  }

  /** The analyses across resources: traffic, then security, placement and API. */
  @Override
  public List<Analyzer> analyzers() {
    List<Analyzer> all = new ArrayList<>();
    all.addAll(TrafficAnalysis.analyzers());

    all.addAll(SecurityAnalysis.analyzers());
    return all;
  }
}
