package com.example.bookinfo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sailplan.core.Manifests;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.istio.networking.v1.DestinationRule;
import dev.sailplan.istio.networking.v1.VirtualService;
import dev.sailplan.istio.security.v1.AuthorizationPolicy;
import dev.sailplan.testing.SailplanAssertions;
import dev.sailplan.testing.Snapshots;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the mesh promises: it passes validation with no finding at all, the namespace is STRICT,
 * nothing is reachable that no ALLOW names, every DestinationRule ejects failing hosts, and the
 * rendered manifests are the reviewed ones.
 */
class BookinfoMeshTest {
  private final List<Resource> mesh = new BookinfoMesh().manifests();

  @Test
  void validatesWithoutAnyFinding() {
    SailplanAssertions.assertThat(mesh).hasNoFindings();
  }

  @Test
  void theNamespaceIsStrictMtls() {
    SailplanAssertions.assertThat(mesh).mtls().inNamespace(BookinfoMesh.NAMESPACE).isStrict();
    SailplanAssertions.assertThat(mesh)
        .mtls()
        .forWorkload(BookinfoMesh.NAMESPACE, Map.of("app", "reviews", "version", "v2"))
        .onPort(9080)
        .isStrict();
  }

  @Test
  void eachServiceIsCalledOnlyByItsClient() {
    String productpage = "cluster.local/ns/bookinfo/sa/bookinfo-productpage";
    String reviews = "cluster.local/ns/bookinfo/sa/bookinfo-reviews";
    Map<String, String> reviewsPods = Map.of("app", "reviews", "version", "v1");
    Map<String, String> ratingsPods = Map.of("app", "ratings", "version", "v1");
    SailplanAssertions.assertThat(mesh)
        .request()
        .from(productpage)
        .to(BookinfoMesh.NAMESPACE, reviewsPods)
        .get("/reviews/0")
        .isAllowed();
    SailplanAssertions.assertThat(mesh)
        .request()
        .from(productpage)
        .to(BookinfoMesh.NAMESPACE, reviewsPods)
        .method("DELETE", "/reviews/0")
        .isDenied();
    SailplanAssertions.assertThat(mesh)
        .request()
        .from(reviews)
        .to(BookinfoMesh.NAMESPACE, ratingsPods)
        .get("/ratings/0")
        .isAllowed();
    SailplanAssertions.assertThat(mesh)
        .request()
        .from(productpage)
        .to(BookinfoMesh.NAMESPACE, ratingsPods)
        .get("/ratings/0")
        .isDenied();
    SailplanAssertions.assertThat(mesh)
        .request()
        .from("cluster.local/ns/istio-ingress/sa/istio-ingressgateway")
        .to(BookinfoMesh.NAMESPACE, Map.of("app", "productpage", "version", "v1"))
        .post("/login")
        .isAllowed();
  }

  @Test
  void theDenyAllBaselineClosesWhatNoAllowOpens() {
    // A workload no ALLOW selects, and a caller without an mTLS identity.
    SailplanAssertions.assertThat(mesh)
        .request()
        .from("cluster.local/ns/bookinfo/sa/bookinfo-productpage")
        .to(BookinfoMesh.NAMESPACE, Map.of("app", "mongodb"))
        .get("/")
        .isDenied();
    SailplanAssertions.assertThat(mesh)
        .request()
        .to(BookinfoMesh.NAMESPACE, Map.of("app", "reviews"))
        .get("/reviews/0")
        .isDenied();
  }

  @Test
  void rendersTheReviewedManifests() {
    // src/test/resources/com/example/bookinfo/BookinfoMeshTest.rendersTheReviewedManifests.approved.yaml
    Snapshots.verify(mesh);
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
