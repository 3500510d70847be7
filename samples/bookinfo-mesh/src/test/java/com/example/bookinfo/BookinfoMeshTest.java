package com.example.bookinfo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sailplan.core.Manifests;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.istio.networking.v1.DestinationRule;
import dev.sailplan.istio.networking.v1.VirtualService;
import dev.sailplan.istio.security.v1.AuthorizationPolicy;
import dev.sailplan.istio.security.v1.MutualTLSMode;
import dev.sailplan.istio.security.v1.PeerAuthentication;
import dev.sailplan.testing.SailplanAssertions;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the mesh promises: it passes validation with no finding at all, the namespace is STRICT,
 * nothing is reachable that no ALLOW names, and every DestinationRule ejects failing hosts.
 */
class BookinfoMeshTest {
  private final List<Resource> mesh = new BookinfoMesh().manifests();

  @Test
  void validatesWithoutAnyFinding() {
    SailplanAssertions.assertThat(mesh).hasNoFindings();
  }

  @Test
  void theNamespaceIsStrictMtls() {
    assertThat(only(PeerAuthentication.class))
        .singleElement()
        .satisfies(
            pa -> {
              assertThat(pa.qualifiedName()).isEqualTo("bookinfo/default");
              assertThat(pa.spec().orElseThrow().mtls().flatMap(m -> m.mode())).contains(MutualTLSMode.STRICT);
            });
  }

  @Test
  void everythingIsDeniedButWhatAnAllowNames() {
    List<AuthorizationPolicy> policies = only(AuthorizationPolicy.class);
    assertThat(policies)
        .extracting(Resource::qualifiedName)
        .containsExactly(
            "bookinfo/deny-all",
            "bookinfo/allow-productpage",
            "bookinfo/allow-details",
            "bookinfo/allow-reviews",
            "bookinfo/allow-ratings");
    assertThat(Manifests.toYaml(policies.get(0)))
        .isEqualTo(
            """
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata:
              name: deny-all
              namespace: bookinfo
            spec: {}
            """);
  }

  @Test
  void everyDestinationRuleEjectsFailingHosts() {
    assertThat(only(DestinationRule.class))
        .isNotEmpty()
        .allSatisfy(
            dr ->
                assertThat(dr.spec().orElseThrow().trafficPolicy().flatMap(t -> t.outlierDetection()))
                    .as(dr.qualifiedName())
                    .isPresent());
  }

  @Test
  void theIngressRouteServesTheProductPageThroughTheGatewayNamespace() {
    VirtualService vs = only(VirtualService.class).get(0);
    assertThat(vs.spec().orElseThrow().gateways()).containsExactly("istio-ingress/bookinfo-gateway");
    assertThat(vs.spec().orElseThrow().hosts()).containsExactly("bookinfo.example.com");
  }

  @Test
  void rendersTheSameBytesEveryTime() {
    assertThat(Manifests.toYaml(new BookinfoMesh().manifests())).isEqualTo(Manifests.toYaml(mesh));
  }

  private <T extends Resource> List<T> only(Class<T> type) {
    return mesh.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
