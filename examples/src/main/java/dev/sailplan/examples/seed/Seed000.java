package dev.sailplan.examples.seed;

import static dev.sailplan.istio.Security.mtls;
import static dev.sailplan.istio.Security.peerAuthentication;
import static dev.sailplan.istio.Traffic.sidecar;

import dev.sailplan.istio.networking.v1.IstioEgressListener;
import dev.sailplan.istio.networking.v1.SidecarSpec;
import dev.sailplan.istio.security.v1.MutualTLSMode;
import java.util.List;

/** Seeds 000/001: the root namespace ({@code istio-config}) defaults for cluster admins. */
public final class Seed000 {
  private Seed000() {}

  /** The examples of this group, in file order. */
  public static List<SeedExample> all() {
    return List.of(rootDefaultSidecar(), rootStrictMtls());
  }

  /** Root-namespace default Sidecar: egress only to the own namespace and istio-system. */
  private static SeedExample rootDefaultSidecar() {
    return SeedExample.of(
        "000-01-root-default-sidecar",
        sidecar(
            "istio-config/default",
            SidecarSpec.builder()
                .addEgress(IstioEgressListener.builder().addHosts("./*", "istio-system/*").build())
                .build()));
  }

  /** Root-namespace default PeerAuthentication: STRICT mTLS mesh-wide. */
  private static SeedExample rootStrictMtls() {
    return SeedExample.of(
        "000-02-root-strict-mtls",
        peerAuthentication("istio-config/default", mtls(MutualTLSMode.STRICT)));
  }
}
