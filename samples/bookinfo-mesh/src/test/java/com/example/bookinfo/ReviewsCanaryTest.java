package com.example.bookinfo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sailplan.core.Manifests;
import dev.sailplan.core.plan.Plan;
import dev.sailplan.core.plan.Stage;
import dev.sailplan.core.validation.Validation;
import dev.sailplan.istio.networking.v1.DestinationRule;
import dev.sailplan.testing.SailplanAssertions;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The canary starts from what runs and keeps what the rollout does not own. */
class ReviewsCanaryTest {
  private final Plan plan = new ReviewsCanary().plans().get(0);

  @Test
  void stepsAddTheSubsetShiftTrafficAndDropTheOldSubset() {
    assertThat(plan.name()).isEqualTo("reviews-canary");
    assertThat(plan.steps())
        .extracting(s -> s.name())
        .containsExactly(
            "add-canary-subset", "shift-10", "shift-50", "shift-100", "drop-stable-subset");
  }

  @Test
  void noStageRoutesToASubsetThatIsNotDefinedYet() {
    SailplanAssertions.assertThat(plan).isMakeBeforeBreak();
  }

  @Test
  void everyStageValidates() {
    for (Stage stage : plan.stages()) {
      assertThat(Validation.standard().validate(stage.applies()).hasErrors())
          .as(stage.toString())
          .isFalse();
    }
  }

  @Test
  void theLiveOutlierDetectionAndRetriesAreKept() {
    String desired = Manifests.toYaml(plan.desired().resources());
    assertThat(desired)
        .contains("consecutive5xxErrors: 5")
        .contains("perTryTimeout: 2s")
        .contains("timeout: 6s");
    DestinationRule dr =
        plan.desired().resources().stream()
            .filter(DestinationRule.class::isInstance)
            .map(DestinationRule.class::cast)
            .findFirst()
            .orElseThrow();
    SailplanAssertions.assertThat(dr).hasSubsets("v2");
  }

  @Test
  void itStartsFromTheLiveState() {
    assertThat(plan.current().resources())
        .extracting(r -> r.kind() + " " + r.qualifiedName())
        .containsExactlyElementsOf(
            List.of("DestinationRule bookinfo/reviews", "VirtualService bookinfo/reviews"));
  }
}
