package dev.sailplan.gatewayapi.internal.analysis;

import dev.sailplan.core.validation.Analyzer;
import java.util.List;

/**
 * The analyses across Gateway API resources: attachment of routes to Gateways and listeners,
 * backends, ReferenceGrants, conflicts, and ambient waypoints.
 */
public final class GatewayApiAnalysis {
  private GatewayApiAnalysis() {}

  /** Every analyzer of this family. */
  public static List<Analyzer> analyzers() {
    return List.of();
  }
}
