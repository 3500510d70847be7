package dev.sailplan.bench.fabric8;

import io.fabric8.istio.api.api.security.v1beta1.PeerAuthenticationMutualTLSMode;
import io.fabric8.istio.api.networking.v1.SidecarBuilder;
import io.fabric8.istio.api.security.v1.PeerAuthenticationBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seeds 000/001 written with fabric8's builders: the root namespace ({@code istio-config}) defaults
 * for cluster admins. The fabric8 counterpart of {@code Seed000}.
 */
public final class Fabric8Seed000 {
  private Fabric8Seed000() {}

  /** The examples of this group by seed file name (without {@code .yaml}), in file order. */
  public static Map<String, List<HasMetadata>> all() {
    Map<String, List<HasMetadata>> all = new LinkedHashMap<>();
    all.put("000-01-root-default-sidecar", rootDefaultSidecar());
    all.put("000-02-root-strict-mtls", rootStrictMtls());
    return all;
  }

  /** Root-namespace default Sidecar: egress only to the own namespace and istio-system. */
  private static List<HasMetadata> rootDefaultSidecar() {
    return List.of(
        new SidecarBuilder()
            .withNewMetadata()
            .withName("default")
            .withNamespace("istio-config")
            .endMetadata()
            .withNewSpec()
            .addNewEgress()
            .addToHosts("./*", "istio-system/*")
            .endEgress()
            .endSpec()
            .build());
  }

  /** Root-namespace default PeerAuthentication: STRICT mTLS mesh-wide. */
  private static List<HasMetadata> rootStrictMtls() {
    return List.of(
        new PeerAuthenticationBuilder()
            .withNewMetadata()
            .withName("default")
            .withNamespace("istio-config")
            .endMetadata()
            .withNewSpec()
            .withNewMtls()
            .withMode(PeerAuthenticationMutualTLSMode.STRICT)
            .endMtls()
            .endSpec()
            .build());
  }
}
