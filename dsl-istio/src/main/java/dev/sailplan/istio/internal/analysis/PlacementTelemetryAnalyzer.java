package dev.sailplan.istio.internal.analysis;

import dev.sailplan.core.validation.Analyzer;
import dev.sailplan.core.validation.FieldPath;
import dev.sailplan.core.validation.KubeObject;
import dev.sailplan.core.validation.Level;
import dev.sailplan.core.validation.Mesh;
import dev.sailplan.core.validation.Reports;
import dev.sailplan.istio.telemetry.v1.AccessLogging;
import dev.sailplan.istio.telemetry.v1.Telemetry;
import dev.sailplan.istio.telemetry.v1.TelemetrySpec;
import dev.sailplan.istio.type.v1beta1.WorkloadSelector;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * SP3006 (IST0160): more than one Telemetry without selector in a namespace; SP3014 (IST0159): two
 * Telemetries whose selectors match the same pod. Istio applies one of them, which one is
 * undefined. SP3019 (IST0157): an access-logging entry that names no provider and does not disable
 * logging falls back to the mesh's default providers, and Istio ignores it when there are none.
 */
final class PlacementTelemetryAnalyzer implements Analyzer {
  @Override
  public void analyze(Mesh mesh, Reports reports) {
    Map<String, List<Telemetry>> unselected = new LinkedHashMap<>();
    SecurityMeshIndex index = new SecurityMeshIndex(mesh);
    Map<KubeObject, List<Telemetry>> byPod = new LinkedHashMap<>();
    for (Telemetry t : mesh.all(Telemetry.class)) {
      emptyProviders(t, reports);
      Map<String, String> selector =
          t.spec()
              .flatMap(TelemetrySpec::selector)
              .map(WorkloadSelector::matchLabels)
              .orElse(Map.of());
      if (!selector.isEmpty()) {
        for (KubeObject pod : index.select(SecurityMeshIndex.namespace(t), selector)) {
          byPod.computeIfAbsent(pod, k -> new ArrayList<>()).add(t);
        }
      }
      TelemetrySpec spec = t.spec().orElse(null);
      boolean selects =
          spec != null
              && (spec.selector().filter(s -> !s.matchLabels().isEmpty()).isPresent()
                  || spec.targetRef().isPresent()
                  || !spec.targetRefs().isEmpty());
      if (!selects) {
        unselected.computeIfAbsent(SecurityMeshIndex.namespace(t), k -> new ArrayList<>()).add(t);
      }
    }
    Set<Telemetry> reported = new HashSet<>();
    for (Map.Entry<KubeObject, List<Telemetry>> e : byPod.entrySet()) {
      List<Telemetry> all = e.getValue();
      if (all.size() < 2) {
        continue;
      }
      String names =
          all.stream().map(t -> t.metadata().name().orElse("")).collect(Collectors.joining(", "));
      for (Telemetry t : all) {
        if (reported.add(t)) {
          reports
              .on(t)
              .add(
                  "SP3014",
                  "IST0159",
                  Level.ERROR,
                  FieldPath.root().field("spec").field("selector"),
                  "",
                  "the Telemetries "
                      + names
                      + " in namespace "
                      + e.getKey().namespace()
                      + " select the same pods ("
                      + e.getKey().kind()
                      + " "
                      + e.getKey().name()
                      + ") and Istio applies only one of them, which one is undefined; make"
                      + " their selectors disjoint");
        }
      }
    }
    for (Map.Entry<String, List<Telemetry>> e : unselected.entrySet()) {
      List<Telemetry> all = e.getValue();
      if (all.size() < 2) {
        continue;
      }
      String names =
          all.stream().map(t -> t.metadata().name().orElse("")).collect(Collectors.joining(", "));
      for (Telemetry t : all) {
        reports
            .on(t)
            .add(
                "SP3006",
                "IST0160",
                Level.ERROR,
                t.spec().isPresent() ? FieldPath.root().field("spec") : FieldPath.root(),
                "",
                "the Telemetries "
                    + names
                    + " in namespace "
                    + e.getKey()
                    + " have no selector and Istio applies only one of them, which one is"
                    + " undefined; merge them into one");
      }
    }
  }

  /**
   * SP3019: istioctl judges an entry without providers against MeshConfig's
   * defaultProviders.accessLogging, which the input does not carry; Istio's default mesh config has
   * none, so such an entry logs nothing. An entry that disables logging needs no provider.
   */
  private static void emptyProviders(Telemetry t, Reports reports) {
    List<AccessLogging> entries = t.spec().map(TelemetrySpec::accessLogging).orElse(List.of());
    for (int i = 0; i < entries.size(); i++) {
      AccessLogging entry = entries.get(i);
      if (!entry.providers().isEmpty() || entry.disabled().orElse(false)) {
        continue;
      }
      reports
          .on(t)
          .add(
              "SP3019",
              "IST0157",
              Level.WARNING,
              FieldPath.root().field("spec").field("accessLogging").index(i),
              "",
              "access-logging entry "
                  + i
                  + " names no provider, so it uses MeshConfig's"
                  + " defaultProviders.accessLogging, and Istio ignores it when the mesh defines"
                  + " none (the default); name a provider (e.g. envoy) or set disabled");
    }
  }
}
