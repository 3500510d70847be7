package dev.sailplan.istio.internal.analysis;

import dev.sailplan.core.validation.Mesh;
import dev.sailplan.istio.security.v1.MutualTLS;
import dev.sailplan.istio.security.v1.MutualTLSMode;
import dev.sailplan.istio.security.v1.PeerAuthentication;
import dev.sailplan.istio.security.v1.PeerAuthenticationSpec;
import dev.sailplan.istio.type.v1beta1.WorkloadSelector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The mTLS mode a workload's sidecar enforces, resolved as istiod does: the PeerAuthentication that
 * selects the workload, else its namespace's (no selector), else the root namespace's, else {@code
 * PERMISSIVE}; a mode {@code UNSET} (or none) inherits from the next level up.
 */
final class SecurityMtlsModes {
  /** A resolved mode and the PeerAuthentication that decided it, empty for Istio's default. */
  record Resolved(MutualTLSMode mode, Optional<PeerAuthentication> from) {
    /** Names the decision for a message: {@code PERMISSIVE (PeerAuthentication shop/default)}. */
    String describe() {
      return mode
          + from.map(p -> " (PeerAuthentication " + p.qualifiedName() + ")")
              .orElse(" (no PeerAuthentication: Istio's default)");
    }
  }

  private final String root;
  private final Map<String, PeerAuthentication> namespaceWide = new HashMap<>();
  private final Map<String, List<PeerAuthentication>> selecting = new HashMap<>();

  SecurityMtlsModes(Mesh mesh) {
    this.root = mesh.rootNamespace();
    for (PeerAuthentication pa : mesh.all(PeerAuthentication.class)) {
      String ns = SecurityMeshIndex.namespace(pa);
      Map<String, String> selector = selector(pa);
      if (selector.isEmpty()) {
        // Istio uses the oldest of several namespace-wide policies; input order stands for age.
        namespaceWide.putIfAbsent(ns, pa);
      } else {
        selecting.computeIfAbsent(ns, k -> new ArrayList<>()).add(pa);
      }
    }
  }

  /** The mode for pods with {@code labels} in {@code namespace}. */
  Resolved resolve(String namespace, Map<String, String> labels) {
    for (PeerAuthentication pa : selecting.getOrDefault(namespace, List.of())) {
      if (SecurityMeshIndex.selects(selector(pa), labels)) {
        Optional<MutualTLSMode> m = mode(pa);
        if (m.isPresent()) {
          return new Resolved(m.get(), Optional.of(pa));
        }
        break;
      }
    }
    return resolveNamespace(namespace);
  }

  /** The mode a namespace's pods get when no PeerAuthentication selects them. */
  Resolved resolveNamespace(String namespace) {
    for (String ns : namespace.equals(root) ? List.of(root) : List.of(namespace, root)) {
      PeerAuthentication pa = namespaceWide.get(ns);
      if (pa != null && mode(pa).isPresent()) {
        return new Resolved(mode(pa).get(), Optional.of(pa));
      }
    }
    return new Resolved(MutualTLSMode.PERMISSIVE, Optional.empty());
  }

  private static Optional<MutualTLSMode> mode(PeerAuthentication pa) {
    return pa.spec()
        .flatMap(PeerAuthenticationSpec::mtls)
        .flatMap(MutualTLS::mode)
        .filter(m -> m != MutualTLSMode.UNSET);
  }

  private static Map<String, String> selector(PeerAuthentication pa) {
    return pa.spec()
        .flatMap(PeerAuthenticationSpec::selector)
        .map(WorkloadSelector::matchLabels)
        .orElse(Map.of());
  }
}
