package dev.sailplan.testing;

import static dev.sailplan.testing.SailplanAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.plan.Barrier;
import dev.sailplan.core.plan.Change;
import dev.sailplan.core.plan.Plan;
import dev.sailplan.core.plan.ResourceKey;
import dev.sailplan.core.plan.State;
import dev.sailplan.core.plan.Step;
import dev.sailplan.istio.rollout.CanaryRollout;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlanAssertTest {
  static final String CURRENT =
      Mesh.RULE.replace("  - name: v2\n    labels: {version: v2}\n", "")
          + "---\n"
          + """
          apiVersion: networking.istio.io/v1
          kind: VirtualService
          metadata:
            name: reviews
            namespace: bookinfo
          spec:
            hosts: [reviews]
            http:
            - route:
              - destination: {host: reviews, subset: v1}
          """;

  private static Plan canary() {
    return CanaryRollout.of("bookinfo/reviews")
        .stable("v1")
        .canary("v2")
        .from(Mesh.parse(CURRENT))
        .steps(10, 100)
        .build()
        .plan();
  }

  @Test
  void aCanaryIsMakeBeforeBreakWithItsStagesInOrder() {
    assertThat(canary())
        .isMakeBeforeBreak()
        // Define v2, shift 10% then 100% to it, then drop v1 from the rule.
        .hasStages("destinationrules", "virtualservices", "virtualservices", "destinationrules")
        .stage(1)
        .applies("DestinationRule bookinfo/reviews")
        .deletes()
        .and()
        .stage(2)
        .applies("VirtualService bookinfo/reviews");
  }

  @Test
  void aStageThatRoutesBeforeTheSubsetExistsIsNotMakeBeforeBreak() {
    List<Resource> current = Mesh.parse(CURRENT);
    Resource route = Mesh.route();
    // One stage both defines v2 and routes to it: applied route-first, v2 is missing.
    Plan unsafe =
        new Plan(
            "unsafe",
            State.of(current),
            List.of(
                new Step(
                    "at once",
                    State.of(List.of(Mesh.rule(), route)),
                    List.of(
                        new dev.sailplan.core.plan.Stage(
                            "all",
                            List.of(
                                new Change(
                                    ResourceKey.of(Mesh.rule()),
                                    Optional.of(current.get(0)),
                                    Optional.of(Mesh.rule())),
                                new Change(
                                    ResourceKey.of(route),
                                    Optional.of(current.get(1)),
                                    Optional.of(route))),
                            Barrier.NONE,
                            "")))));
    // Both routes to v2 (the header route and the weighted one) are named.
    String violation =
        "  stage 1 (all), with 1 of 2 changes applied: VirtualService bookinfo/reviews routes to"
            + " subset reviews.bookinfo.svc.cluster.local/v2 that no DestinationRule defines (rule"
            + " 1)";
    assertThatThrownBy(() -> assertThat(unsafe).isMakeBeforeBreak())
        .hasMessage(
            "expected plan unsafe to be make-before-break, but:%n%s%n%s", violation, violation);
  }

  @Test
  void stagesAndTheirObjectsAreCompared() {
    assertThatThrownBy(() -> assertThat(canary()).hasStages("virtualservices"))
        .hasMessage(
            "expected plan reviews-canary to have the stages [virtualservices], but it has"
                + " [destinationrules, virtualservices, virtualservices, destinationrules]");
    assertThatThrownBy(() -> assertThat(canary()).stage(9))
        .hasMessage("expected plan reviews-canary to have a stage 9, but it has 4 stages");
    assertThatThrownBy(() -> assertThat(canary()).stage(1).applies("Gateway bookinfo/public"))
        .hasMessage(
            "expected stage 1 (destinationrules) to apply [Gateway bookinfo/public], but it"
                + " applies [DestinationRule bookinfo/reviews]");
    assertThatThrownBy(() -> assertThat(canary()).stage(4).deletes("DestinationRule bookinfo/x"))
        .hasMessage(
            "expected stage 4 (destinationrules) to delete [DestinationRule bookinfo/x], but it"
                + " deletes []");
  }
}
