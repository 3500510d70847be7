package dev.sailplan.istio.internal.analysis;

import dev.sailplan.core.validation.Analyzer;
import java.util.List;

/**
 * The analyses across Istio resources of traffic: routes, destinations, subsets, sidecars, services
 * and workloads.
 */
public final class TrafficAnalysis {
  private TrafficAnalysis() {}

  /** Every analyzer of this family. */
  public static List<Analyzer> analyzers() {
    return List.of(
        new DestinationRules(),
        new DestinationHosts(),
        new RouteRules(),
        new OutlierRules(),
        new SidecarRules(),
        new GatewayBindings(),
        new ServicePorts(),
        new WorkloadRules(),
        new MeshHosts(),
        new GatewaySubsetRules());
  }
}
