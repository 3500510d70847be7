package dev.sailplan.istio.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sailplan.core.Manifests;
import dev.sailplan.core.fixture.Javac;
import dev.sailplan.core.plan.Plan;
import dev.sailplan.core.plan.Stage;
import dev.sailplan.core.plan.Step;
import java.util.List;
import org.junit.jupiter.api.Test;

class CanaryRolloutTest {
  private static final CanaryRollout CANARY =
      CanaryRollout.of("bookinfo/reviews")
          .stable("v1")
          .canary("v2")
          .steps(10, 50, 100)
          .headerOverride("x-canary", "true")
          .build();

  /** "step: label/barrier, label/barrier" per step. */
  private static List<String> outline(Plan plan) {
    return plan.steps().stream()
        .map(
            (Step s) ->
                s.name()
                    + ": "
                    + String.join(
                        ", ",
                        s.stages().stream()
                            .map((Stage st) -> st.label() + "/" + st.then().value())
                            .toList()))
        .toList();
  }

  @Test
  void stepsAddTheSubsetShiftWeightWithGatesThenDropTheStableSubset() {
    Plan plan = CANARY.plan();
    assertEquals("reviews-canary", plan.name());
    assertEquals(
        List.of(
            "add-canary-subset: destinationrules/propagation, virtualservices/gate",
            "shift-10: virtualservices/gate",
            "shift-50: virtualservices/gate",
            "shift-100: virtualservices/gate",
            "drop-stable-subset: destinationrules/none"),
        outline(plan));
  }

  @Test
  void theOverrideRouteSendsTestersToTheCanaryUntilItTakesEverything() {
    assertEquals(
        """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: reviews
          namespace: bookinfo
        spec:
          hosts:
          - reviews
          http:
          - match:
            - headers:
                x-canary:
                  exact: "true"
            name: canary-override
            route:
            - destination:
                host: reviews
                subset: v2
          - name: primary
            route:
            - destination:
                host: reviews
                subset: v1
              weight: 90
            - destination:
                host: reviews
                subset: v2
              weight: 10
        """,
        Manifests.toYaml(CANARY.targets().get(1).desired().resources().get(1)));
  }

  @Test
  void rollbackFromAnyStepReturnsToTheStableSubsetAlone() {
    assertEquals(
        List.of("add-canary-subset", "shift-10", "shift-50", "shift-100", "drop-stable-subset"),
        CANARY.stepNames());
    for (int step = 0; step < CANARY.stepNames().size(); step++) {
      String name = CANARY.stepNames().get(step);
      Plan back = CANARY.rollbackFrom(name).plan();
      assertEquals(CANARY.targets().get(step).desired(), back.current(), name);
      assertEquals(CANARY.current(), back.desired(), name);
    }
    assertEquals(
        List.of(
            "return-to-v1: destinationrules/propagation, virtualservices/gate",
            "drop-canary-subset: destinationrules/none"),
        outline(CANARY.rollbackFrom("drop-stable-subset").plan()));
    assertEquals("reviews-canary-rollback-from-shift-50", CANARY.rollbackFrom("shift-50").name());
  }

  @Test
  void rollbackFromAnUnknownStepNamesTheStepsThereAre() {
    assertEquals(
        "reviews-canary has no step 'shift-25'; its steps are add-canary-subset, shift-10, shift-50,"
            + " shift-100, drop-stable-subset",
        assertThrows(IllegalArgumentException.class, () -> CANARY.rollbackFrom("shift-25"))
            .getMessage());
  }

  @Test
  void theVersionLabelIsALabelKey() {
    assertEquals(
        "version label 'my label' is not a valid label key",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    CanaryRollout.of("a/b")
                        .stable("v1")
                        .canary("v2")
                        .versionLabel("my label")
                        .build())
            .getMessage());
    assertEquals(
        "version label 'null' is not a valid label key",
        assertThrows(
                IllegalArgumentException.class,
                () -> CanaryRollout.of("a/b").stable("v1").canary("v2").versionLabel(null).build())
            .getMessage());
    CanaryRollout prefixed =
        CanaryRollout.of("a/b")
            .stable("v1")
            .canary("v2")
            .versionLabel("app.kubernetes.io/version")
            .build();
    assertEquals(
        """
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: b
          namespace: a
        spec:
          host: b
          subsets:
          - labels:
              app.kubernetes.io/version: v1
            name: v1
        """,
        Manifests.toYaml(prefixed.current().resources().get(0)));
  }

  @Test
  void badWeightsSubsetsAndNamesAreRejectedWithTheReason() {
    assertEquals(
        "step weights must increase: 25 follows 50",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    CanaryRollout.of("a/b")
                        .stable("v1")
                        .canary("v2")
                        .steps(10, 50, 25, 100)
                        .build())
            .getMessage());
    assertEquals(
        "the last step must send 100% to the new version, not 50%",
        assertThrows(
                IllegalArgumentException.class,
                () -> CanaryRollout.of("a/b").stable("v1").canary("v2").steps(10, 50).build())
            .getMessage());
    assertEquals(
        "step weight 0 is outside 1..100",
        assertThrows(
                IllegalArgumentException.class,
                () -> CanaryRollout.of("a/b").stable("v1").canary("v2").steps(0, 100).build())
            .getMessage());
    assertEquals(
        "stable and canary are the same subset 'v1'",
        assertThrows(
                IllegalArgumentException.class,
                () -> CanaryRollout.of("a/b").stable("v1").canary("v1").build())
            .getMessage());
    assertEquals(
        "canary subset 'V2' is not a valid name (lower-case letters, digits and '-', at most 63,"
            + " starting and ending alphanumeric)",
        assertThrows(
                IllegalArgumentException.class,
                () -> CanaryRollout.of("a/b").stable("v1").canary("V2").build())
            .getMessage());
    assertEquals(
        "service 'reviews' must be namespace/name",
        assertThrows(IllegalArgumentException.class, () -> CanaryRollout.of("reviews"))
            .getMessage());
  }

  @Test
  void aCanaryWithoutStableOrCanaryDoesNotCompile() {
    assertEquals(
        List.of(Javac.noSuchMethod("build()", CanaryRollout.StableStep.class)),
        Javac.errors("CanaryRollout.of(\"a/b\").build()", CanaryRollout.class));
    assertEquals(
        List.of(Javac.noSuchMethod("build()", CanaryRollout.CanaryStep.class)),
        Javac.errors("CanaryRollout.of(\"a/b\").stable(\"v1\").build()", CanaryRollout.class));
    assertEquals(
        List.of(Javac.noSuchMethod("canary(java.lang.String)", CanaryRollout.StableStep.class)),
        Javac.errors("CanaryRollout.of(\"a/b\").canary(\"v2\")", CanaryRollout.class));
    assertEquals(
        List.of(Javac.noSuchMethod("steps(int)", CanaryRollout.StableStep.class)),
        Javac.errors("CanaryRollout.of(\"a/b\").steps(100)", CanaryRollout.class));
    assertEquals(
        List.of(),
        Javac.errors(
            "CanaryRollout.of(\"a/b\").stable(\"v1\").canary(\"v2\").build()",
            CanaryRollout.class));
    assertEquals(
        List.of(),
        Javac.errors(
            "CanaryRollout.of(\"a/b\").stable(\"v1\").canary(\"v2\").steps(50, 100)"
                + ".headerOverride(\"x-canary\", \"true\").versionLabel(\"app\").name(\"r\").build()",
            CanaryRollout.class));
  }
}
