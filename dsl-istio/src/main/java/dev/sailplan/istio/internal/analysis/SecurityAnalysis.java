package dev.sailplan.istio.internal.analysis;

import dev.sailplan.core.validation.Analyzer;
import java.util.List;

/**
 * The analyses across Istio resources of security, placement and API: policies, mTLS, gateways,
 * EnvoyFilters, annotations.
 */
public final class SecurityAnalysis {
  private SecurityAnalysis() {}

  /** Every analyzer of this family. */
  public static List<Analyzer> analyzers() {
    return List.of(
        new SecurityPolicyAnalyzer(),
        new SecurityTlsAnalyzer(),
        new SecurityEgressAnalyzer(),
        new SecurityWorkloadAnalyzer(),
        new GatewayAnalyzer(),
        new PlacementEnvoyFilterAnalyzer(),
        new PlacementApiVersionAnalyzer(),
        new PlacementTelemetryAnalyzer(),
        new PlacementDeprecatedFieldAnalyzer(),
        new AnnotationAnalyzer(),
        new NamespaceInjectionAnalyzer());
  }
}
