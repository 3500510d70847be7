package dev.sailplan.istio.internal.analysis;

import dev.sailplan.core.validation.Analyzer;
import dev.sailplan.core.validation.FieldPath;
import dev.sailplan.core.validation.KubeObject;
import dev.sailplan.core.validation.Level;
import dev.sailplan.core.validation.Mesh;
import dev.sailplan.core.validation.Reports;
import java.util.List;
import java.util.Set;

/**
 * SP2012 (IST0144): an application container running as UID 1337, the sidecar's own user, whose
 * traffic the sidecar's iptables rules let through untouched: no mTLS, no policy, no telemetry.
 */
final class SecurityWorkloadAnalyzer implements Analyzer {
  /** The containers Istio injects, which run as 1337 by design. */
  private static final Set<String> ISTIO_CONTAINERS =
      Set.of("istio-proxy", "istio-init", "istio-validation");

  @Override
  public void analyze(Mesh mesh, Reports reports) {
    for (KubeObject w : mesh.objects()) {
      List<KubeObject.Container> containers = w.containers();
      int init = 0;
      int regular = 0;
      for (KubeObject.Container c : containers) {
        int at = c.init() ? init++ : regular++;
        if (ISTIO_CONTAINERS.contains(c.name()) || c.runAsUser().orElse(-1) != 1337) {
          continue;
        }
        reports
            .on(w)
            .add(
                "SP2012",
                "IST0144",
                Level.ERROR,
                podSpec(w.kind()).field(c.init() ? "initContainers" : "containers").index(at),
                "",
                "container "
                    + c.name()
                    + " runs as UID 1337, reserved for the sidecar: its outbound traffic bypasses"
                    + " the sidecar (no mTLS, no AuthorizationPolicy, no telemetry); run it as"
                    + " another user");
      }
    }
  }

  private static FieldPath podSpec(String kind) {
    FieldPath spec = FieldPath.root().field("spec");
    return switch (kind) {
      case "Pod" -> spec;
      case "CronJob" -> spec.field("jobTemplate").field("spec").field("template").field("spec");
      default -> spec.field("template").field("spec");
    };
  }
}
