package dev.sailplan.testing;

import static dev.sailplan.testing.SailplanAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sailplan.core.Manifests;
import dev.sailplan.istio.networking.v1.VirtualService;
import org.junit.jupiter.api.Test;

class RoutesAssertTest {

  @Test
  void theDefaultRouteIsTheFirstWithoutAMatch() {
    // The header route's 100% to v2 is not the default; short and full host names are one host.
    assertThat(Mesh.route())
        .routes("reviews", "v1")
        .withWeight(90)
        .routes("reviews.bookinfo.svc.cluster.local", "v2")
        .withWeight(10);
  }

  @Test
  void aWrongWeightSaysWhatTheRouteSends() {
    assertThatThrownBy(() -> assertThat(Mesh.route()).routes("reviews", "v2").withWeight(50))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "expected VirtualService bookinfo/reviews to route 50% of reviews to subset v2, but"
                + " the routes of spec.http[1] send 10% (v1: 90%, v2: 10%)");
  }

  @Test
  void aSubsetTheRouteDoesNotNameFails() {
    assertThatThrownBy(() -> assertThat(Mesh.route()).routes("reviews", "v3"))
        .hasMessage(
            "expected VirtualService bookinfo/reviews to route reviews to subset v3, but the"
                + " routes of spec.http[1] send it v1: 90%, v2: 10%");
  }

  @Test
  void aSingleDestinationWithoutAWeightTakesEverything() {
    VirtualService all =
        Manifests.parse(
            """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: ratings, namespace: bookinfo}
            spec:
              hosts: [ratings]
              http:
              - route:
                - destination: {host: ratings, subset: v1}
            """,
            VirtualService.class);
    assertThat(all).routes("ratings", "v1").withWeight(100);
    assertThatThrownBy(() -> assertThat(all).routes("ratings", "v2").withWeight(10))
        .hasMessage(
            "expected VirtualService bookinfo/ratings to route ratings to subset v2, but the"
                + " routes of spec.http[0] send it v1: 100%");
  }

  @Test
  void anotherHostGetsNothing() {
    assertThatThrownBy(() -> assertThat(Mesh.route()).routes("ratings", "v1"))
        .hasMessage(
            "expected VirtualService bookinfo/reviews to route ratings to subset v1, but the"
                + " routes of spec.http[1] send it nothing");
  }

  @Test
  void onlyMatchedRoutesHaveNoDefault() {
    VirtualService matched =
        Manifests.parse(
            Mesh.ROUTE.substring(0, Mesh.ROUTE.indexOf("  - route:")), VirtualService.class);
    assertThatThrownBy(() -> assertThat(matched).routes("reviews", "v2"))
        .hasMessage(
            "expected VirtualService bookinfo/reviews to route reviews, but it has no HTTP route"
                + " without a match");
  }

  @Test
  void subsetsAreCheckedInOrder() {
    assertThat(Mesh.rule()).hasSubsets("v1", "v2").hasSubset("v2");
    assertThatThrownBy(() -> assertThat(Mesh.rule()).hasSubsets("v2", "v1"))
        .hasMessage(
            "expected DestinationRule bookinfo/reviews to define subsets [v2, v1], but it defines"
                + " [v1, v2]");
    assertThatThrownBy(() -> assertThat(Mesh.rule()).hasSubset("v3"))
        .hasMessage(
            "expected DestinationRule bookinfo/reviews to define subset v3, but it defines [v1,"
                + " v2]");
  }

  @Test
  void yamlComparesAsData() {
    SailplanAssertions.assertThatYaml("a: 1\nb: [x]\n").isSemanticallyEqualTo("b: [x]\na: 1.0\n");
    assertThatThrownBy(
            () -> SailplanAssertions.assertThatYaml("a: 1\n").isSemanticallyEqualTo("a: 2\n"))
        .hasMessageContaining("a: 2 != 1");
  }
}
