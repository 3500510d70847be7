package dev.sailplan.testing;

import static dev.sailplan.testing.SailplanAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.validation.Level;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourcesAssertTest {
  private static final List<Resource> SAFE = List.of(Mesh.rule(), Mesh.route());
  // The route names subset v2, which the rule no longer defines.
  private static final List<Resource> MISSING_SUBSET =
      List.of(
          Mesh.parse(Mesh.RULE.replace("  - name: v2\n    labels: {version: v2}\n", "")).get(0),
          Mesh.route());

  private static final String FINDING_0 =
      "  Error [SP1001] (VirtualService bookinfo/reviews) spec.http[0].route[0].destination.subset:"
          + " subset v2 of reviews.bookinfo.svc.cluster.local is not defined: DestinationRule"
          + " bookinfo/reviews, which applies to clients in bookinfo, does not define it;"
          + " requests to it fail with 503 (no route)";
  private static final String FINDING_1 = FINDING_0.replace("http[0].route[0]", "http[1].route[1]");

  @Test
  void aConsistentMeshHasNoFindings() {
    assertThat(SAFE).hasNoFindings();
  }

  @Test
  void hasNoFindingsListsWhatItFound() {
    assertThatThrownBy(() -> assertThat(MISSING_SUBSET).hasNoFindings())
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "expected no findings in 2 resources, but found 2:%n%s%n%s", FINDING_0, FINDING_1);
  }

  @Test
  void hasFindingNarrowsByObjectAndPath() {
    assertThat(MISSING_SUBSET)
        .hasFinding("SP1001")
        .on("VirtualService bookinfo/reviews")
        .at("spec.http[0].route[0].destination.subset")
        .withLevel(Level.ERROR)
        .withMessageContaining("v2");
  }

  @Test
  void hasFindingFailsNamingWhatWasFound() {
    assertThatThrownBy(() -> assertThat(SAFE).hasFinding("SP1001"))
        .hasMessage("expected a finding SP1001, but found none");
    assertThatThrownBy(
            () ->
                assertThat(MISSING_SUBSET)
                    .hasFinding("SP1001")
                    .on("VirtualService bookinfo/reviews")
                    .at("spec.http[5]"))
        .hasMessage(
            "expected a finding SP1001 at spec.http[5], but the SP1001 findings are:%n%s%n%s",
            FINDING_0, FINDING_1);
    assertThatThrownBy(
            () -> assertThat(MISSING_SUBSET).hasFinding("SP1001").on("VirtualService other/x"))
        .hasMessageStartingWith(
            "expected a finding SP1001 on VirtualService other/x, but the SP1001 findings are:");
  }

  @Test
  void containsFindsAnObjectByKindAndReference() {
    assertThat(SAFE).contains("DestinationRule", "bookinfo/reviews");
    assertThatThrownBy(() -> assertThat(SAFE).contains("Gateway", "bookinfo/public"))
        .hasMessage(
            "expected the resources to contain Gateway bookinfo/public, but they are"
                + " [DestinationRule bookinfo/reviews, VirtualService bookinfo/reviews]");
  }
}
