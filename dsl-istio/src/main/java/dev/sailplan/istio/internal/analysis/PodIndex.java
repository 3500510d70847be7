package dev.sailplan.istio.internal.analysis;

import dev.sailplan.core.validation.KubeObject;
import dev.sailplan.core.validation.Mesh;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The workloads of the input indexed once by namespace and pod label, so that a selector finds its
 * pods without scanning every workload of the namespace.
 */
final class PodIndex {
  private final Mesh mesh;
  private final Map<String, Map<String, List<KubeObject>>> byLabel = new HashMap<>();

  PodIndex(Mesh mesh) {
    this.mesh = mesh;
    for (KubeObject w : mesh.objects()) {
      if (!w.isWorkload()) {
        continue;
      }
      Map<String, List<KubeObject>> labels =
          byLabel.computeIfAbsent(
              w.namespace().isEmpty() ? "default" : w.namespace(), k -> new HashMap<>());
      w.podLabels()
          .forEach((k, v) -> labels.computeIfAbsent(k + "=" + v, x -> new ArrayList<>()).add(w));
    }
  }

  /** The workloads of a namespace whose pods carry every label of {@code selector}. */
  List<KubeObject> select(String namespace, Map<String, String> selector) {
    if (selector.isEmpty()) {
      return mesh.workloadsIn(namespace);
    }
    Map<String, List<KubeObject>> labels = byLabel.getOrDefault(namespace, Map.of());
    List<KubeObject> smallest = null;
    for (Map.Entry<String, String> e : selector.entrySet()) {
      List<KubeObject> with = labels.getOrDefault(e.getKey() + "=" + e.getValue(), List.of());
      if (smallest == null || with.size() < smallest.size()) {
        smallest = with;
      }
    }
    List<KubeObject> out = new ArrayList<>();
    for (KubeObject w : smallest) {
      if (w.podLabels().entrySet().containsAll(selector.entrySet())) {
        out.add(w);
      }
    }
    return out;
  }
}
