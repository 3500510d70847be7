package dev.sailplan.istio.internal.analysis;

import dev.sailplan.core.validation.Analyzer;
import dev.sailplan.core.validation.FieldPath;
import dev.sailplan.core.validation.Level;
import dev.sailplan.core.validation.Mesh;
import dev.sailplan.core.validation.Reports;
import dev.sailplan.istio.networking.v1.Sidecar;
import dev.sailplan.istio.networking.v1.SidecarSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SP1010: a namespace holds at most one Sidecar without a workloadSelector; with several, which one
 * istiod applies is undefined.
 */
final class SidecarRules implements Analyzer {
  @Override
  public void analyze(Mesh mesh, Reports reports) {
    Map<String, List<Sidecar>> unselected = new LinkedHashMap<>();
    for (Sidecar s : mesh.all(Sidecar.class)) {
      boolean selects =
          s.spec()
              .flatMap(SidecarSpec::workloadSelector)
              .filter(w -> !w.labels().isEmpty())
              .isPresent();
      if (!selects) {
        unselected.computeIfAbsent(Hosts.namespace(s), k -> new ArrayList<>()).add(s);
      }
    }
    unselected.forEach(
        (ns, sidecars) -> {
          // One object given in several states is one Sidecar.
          List<String> names = sidecars.stream().map(Hosts::name).distinct().toList();
          if (names.size() < 2) {
            return;
          }
          for (Sidecar s : sidecars) {
            List<String> others = names.stream().filter(n -> !n.equals(Hosts.name(s))).toList();
            reports
                .on(s)
                .add(
                    "SP1010",
                    "IST0111",
                    Level.ERROR,
                    FieldPath.root().field("spec"),
                    "",
                    "namespace "
                        + ns
                        + " has more Sidecars without workloadSelector than this one ("
                        + String.join(", ", others)
                        + "): which one applies is undefined; keep one, or give the others a"
                        + " workloadSelector");
          }
        });
  }
}
