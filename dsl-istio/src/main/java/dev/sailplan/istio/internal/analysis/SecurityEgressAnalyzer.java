package dev.sailplan.istio.internal.analysis;

import dev.sailplan.core.k8s.NetworkPolicy;
import dev.sailplan.core.k8s.NetworkPolicySpec;
import dev.sailplan.core.validation.Analyzer;
import dev.sailplan.core.validation.FieldPath;
import dev.sailplan.core.validation.Level;
import dev.sailplan.core.validation.Mesh;
import dev.sailplan.core.validation.Reports;
import dev.sailplan.istio.networking.v1.OutboundTrafficPolicy;
import dev.sailplan.istio.networking.v1.OutboundTrafficPolicyMode;
import dev.sailplan.istio.networking.v1.Sidecar;
import dev.sailplan.istio.networking.v1.SidecarSpec;
import java.util.HashSet;
import java.util.Set;

/**
 * SP2011: {@code REGISTRY_ONLY} without a NetworkPolicy that restricts egress. The mode only limits
 * the sidecar's routes; a workload that bypasses its own sidecar (it shares the network namespace)
 * reaches any address unless the kernel stops it.
 */
final class SecurityEgressAnalyzer implements Analyzer {
  @Override
  public void analyze(Mesh mesh, Reports reports) {
    Set<String> restricted = new HashSet<>();
    for (NetworkPolicy np : mesh.all(NetworkPolicy.class)) {
      NetworkPolicySpec spec = np.spec().orElse(null);
      if (spec != null && (spec.policyTypes().contains("Egress") || !spec.egress().isEmpty())) {
        restricted.add(SecurityMeshIndex.namespace(np));
      }
    }
    for (Sidecar sc : mesh.all(Sidecar.class)) {
      boolean registryOnly =
          sc.spec()
              .flatMap(SidecarSpec::outboundTrafficPolicy)
              .flatMap(OutboundTrafficPolicy::mode)
              .filter(m -> m == OutboundTrafficPolicyMode.REGISTRY_ONLY)
              .isPresent();
      if (!registryOnly) {
        continue;
      }
      String ns = SecurityMeshIndex.namespace(sc);
      boolean meshWide =
          ns.equals(mesh.rootNamespace())
              && sc.spec().flatMap(SidecarSpec::workloadSelector).isEmpty();
      boolean enforced = meshWide ? !restricted.isEmpty() : restricted.contains(ns);
      if (!enforced) {
        reports
            .on(sc)
            .add(
                "SP2011",
                "",
                Level.WARNING,
                FieldPath.root().field("spec").field("outboundTrafficPolicy").field("mode"),
                "",
                "REGISTRY_ONLY limits only the sidecar's routes and no NetworkPolicy restricts"
                    + " egress "
                    + (meshWide ? "in the mesh" : "in namespace " + ns)
                    + ": a workload that bypasses its sidecar reaches any address; add a"
                    + " NetworkPolicy with policyTypes [Egress]");
      }
    }
  }
}
