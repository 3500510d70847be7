package dev.sailplan.istio.internal.analysis;

import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.validation.Analyzer;
import dev.sailplan.core.validation.FieldPath;
import dev.sailplan.core.validation.Level;
import dev.sailplan.core.validation.Mesh;
import dev.sailplan.core.validation.Reports;
import java.util.Map;
import java.util.Set;

/**
 * SP3003: an Istio kind written with a beta or alpha apiVersion although it has {@code v1}; the
 * schemas are the same, and the old versions are what Istio's stable validation policy refuses.
 */
final class PlacementApiVersionAnalyzer implements Analyzer {
  /**
   * The kinds that have a v1 version, by group (Istio 1.22 promoted all but EnvoyFilter and the
   * extensions).
   */
  private static final Map<String, Set<String>> V1 =
      Map.of(
          "networking.istio.io",
          Set.of(
              "DestinationRule",
              "Gateway",
              "ServiceEntry",
              "Sidecar",
              "VirtualService",
              "WorkloadEntry",
              "WorkloadGroup"),
          "security.istio.io",
          Set.of("AuthorizationPolicy", "PeerAuthentication", "RequestAuthentication"),
          "telemetry.istio.io",
          Set.of("Telemetry"));

  @Override
  public void analyze(Mesh mesh, Reports reports) {
    for (Resource r : mesh.resources()) {
      String group = r.group();
      Set<String> kinds = V1.get(group);
      if (kinds == null || !kinds.contains(r.kind())) {
        continue;
      }
      String v1 = group + "/v1";
      if (!r.apiVersion().equals(v1)) {
        reports
            .on(r)
            .add(
                "SP3003",
                "",
                Level.WARNING,
                FieldPath.root().field("apiVersion"),
                "",
                r.apiVersion()
                    + " is deprecated for "
                    + r.kind()
                    + ": write "
                    + v1
                    + ", the same schema");
      }
    }
  }
}
