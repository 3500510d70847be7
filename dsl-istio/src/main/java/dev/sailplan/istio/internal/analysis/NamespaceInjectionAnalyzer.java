package dev.sailplan.istio.internal.analysis;

import dev.sailplan.core.k8s.Namespace;
import dev.sailplan.core.validation.Analyzer;
import dev.sailplan.core.validation.FieldPath;
import dev.sailplan.core.validation.Level;
import dev.sailplan.core.validation.Mesh;
import dev.sailplan.core.validation.Reports;
import java.util.Map;
import java.util.Set;

/**
 * How the input's Namespaces join the mesh, judged from their labels as istioctl's injection
 * analyzer does: SP3021 (IST0123) a namespace labelled both {@code istio-injection} and {@code
 * istio.io/rev}. {@code istio-system}, the root namespace and Kubernetes' own namespaces hold no
 * application and are not judged.
 */
final class NamespaceInjectionAnalyzer implements Analyzer {
  static final String INJECTION = "istio-injection";
  static final String REVISION = "istio.io/rev";

  /** Kubernetes' namespaces, as istioctl lists them. */
  private static final Set<String> SYSTEM =
      Set.of("kube-system", "kube-public", "kube-node-lease", "local-path-storage");

  @Override
  public void analyze(Mesh mesh, Reports reports) {
    for (Namespace ns : mesh.all(Namespace.class)) {
      if (mesh.isAssumed(ns)) {
        continue;
      }
      String name = ns.metadata().name().orElse("");
      if (name.equals("istio-system")
          || name.equals(mesh.rootNamespace())
          || SYSTEM.contains(name)) {
        continue;
      }
      Map<String, String> labels = ns.metadata().labels();
      boolean injection = !labels.getOrDefault(INJECTION, "").isEmpty();
      boolean revision = labels.containsKey(REVISION);
      FieldPath at = FieldPath.root().field("metadata").field("labels");
      if (injection && revision) {
        reports
            .on(ns)
            .add(
                "SP3021",
                "IST0123",
                Level.WARNING,
                at.key(REVISION),
                "",
                "namespace "
                    + name
                    + " has both "
                    + INJECTION
                    + "="
                    + labels.get(INJECTION)
                    + " and "
                    + REVISION
                    + "="
                    + labels.get(REVISION)
                    + ": the istio-injection label wins and the revision is ignored; keep only"
                    + " one of them (istio.io/rev for revision-based upgrades)");
      }
    }
  }
}
