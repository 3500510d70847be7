package dev.sailplan.istio.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sailplan.core.Manifests;
import dev.sailplan.core.fixture.Javac;
import dev.sailplan.core.plan.Plan;
import dev.sailplan.core.plan.Planner;
import dev.sailplan.core.plan.Rollout;
import dev.sailplan.core.plan.Stage;
import dev.sailplan.core.plan.Step;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class BlueGreenTest {
  private static final String CURRENT =
      """
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata:
        name: reviews
        namespace: bookinfo
      spec:
        host: reviews
        subsets:
        - labels:
            version: v1
          name: v1
      ---
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata:
        name: reviews
        namespace: bookinfo
      spec:
        hosts:
        - reviews
        http:
        - name: primary
          route:
          - destination:
              host: reviews
              subset: v1
      """;

  private static final String BOTH_SUBSETS =
      """
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata:
        name: reviews
        namespace: bookinfo
      spec:
        host: reviews
        subsets:
        - labels:
            version: v1
          name: v1
        - labels:
            version: v2
          name: v2
      """;

  private static final String ROUTES_TO_V1 =
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
        - name: primary
          route:
          - destination:
              host: reviews
              subset: v1
      """;

  private static final String ROUTES_TO_V2 =
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
        - name: primary
          route:
          - destination:
              host: reviews
              subset: v2
      """;

  private static final String ONLY_V2 =
      """
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata:
        name: reviews
        namespace: bookinfo
      spec:
        host: reviews
        subsets:
        - labels:
            version: v2
          name: v2
      """;

  private final BlueGreen reviews = BlueGreen.of("bookinfo/reviews").live("v1").next("v2").build();

  /** Each stage of a step as "label: ~Key, … then barrier", deletions and creations marked. */
  private static List<String> outline(Step step) {
    return step.stages().stream().map(BlueGreenTest::outline).toList();
  }

  private static String outline(Stage s) {
    return s.label()
        + ": "
        + String.join(
            ", ",
            s.changes().stream()
                .map(c -> (c.isDelete() ? "-" : c.isCreate() ? "+" : "~") + c.key())
                .toList())
        + " then "
        + s.then().value();
  }

  private static String yaml(Step step) {
    return Manifests.toYaml(step.desired().resources());
  }

  @Test
  void switchAddsTheNextSubsetThenMovesAllTrafficAtOnce() {
    Plan plan = reviews.plan();
    assertEquals("reviews-blue-green", plan.name());
    assertEquals(
        List.of("add-v2-subset", "switch-to-v2"), plan.steps().stream().map(Step::name).toList());
    assertEquals(List.of("add-v2-subset", "switch-to-v2"), reviews.stepNames());
    assertEquals(
        List.of("destinationrules: ~DestinationRule bookinfo/reviews then gate"),
        outline(plan.steps().get(0)));
    assertEquals(
        List.of("virtualservices: ~VirtualService bookinfo/reviews then none"),
        outline(plan.steps().get(1)));
    assertEquals(CURRENT, Manifests.toYaml(plan.current().resources()));
    assertEquals(BOTH_SUBSETS + "---\n" + ROUTES_TO_V1, yaml(plan.steps().get(0)));
    assertEquals(BOTH_SUBSETS + "---\n" + ROUTES_TO_V2, yaml(plan.steps().get(1)));
    assertEquals(reviews.switched(), plan.desired());
  }

  @Test
  void theNextSubsetIsDefinedBeforeAnyVirtualServiceChange() {
    List<Stage> stages = reviews.plan().stages();
    int firstRule = -1;
    int firstRoute = -1;
    for (int i = stages.size() - 1; i >= 0; i--) {
      for (var c : stages.get(i).changes()) {
        if (c.key().kind().equals("DestinationRule")) {
          firstRule = i;
        } else if (c.key().kind().equals("VirtualService")) {
          firstRoute = i;
        }
      }
    }
    assertEquals(0, firstRule);
    assertEquals(1, firstRoute);
    Step add = reviews.plan().steps().get(0);
    assertTrue(
        add.stages().stream()
            .flatMap(s -> s.changes().stream())
            .noneMatch(c -> c.key().kind().equals("VirtualService")),
        "the add step leaves the VirtualService alone");

    // Planned in one go, the planner itself still defines the subset first.
    List<Stage> direct = Planner.discover().stages(reviews.current(), reviews.switched());
    assertEquals(
        List.of(
            "destinationrules: ~DestinationRule bookinfo/reviews then propagation",
            "virtualservices: ~VirtualService bookinfo/reviews then propagation"),
        direct.stream().map(BlueGreenTest::outline).toList());
    assertEquals(
        "DestinationRule bookinfo/reviews provides subset reviews.bookinfo.svc.cluster.local/v2 before"
            + " VirtualService bookinfo/reviews uses it",
        direct.get(0).reason());
  }

  @Test
  void rollbackSwitchesTrafficBackAndKeepsBothSubsets() {
    Rollout rollback = reviews.rollback();
    Plan plan = rollback.plan();
    assertEquals("reviews-blue-green-rollback", plan.name());
    assertEquals(reviews.switched(), plan.current());
    assertEquals(List.of("switch-back-to-v1"), plan.steps().stream().map(Step::name).toList());
    assertEquals(
        List.of("virtualservices: ~VirtualService bookinfo/reviews then none"),
        outline(plan.steps().get(0)));
    assertEquals(
        BOTH_SUBSETS + "---\n" + ROUTES_TO_V2, Manifests.toYaml(plan.current().resources()));
    assertEquals(BOTH_SUBSETS + "---\n" + ROUTES_TO_V1, yaml(plan.steps().get(0)));
    assertEquals(reviews.targets().get(0).desired(), plan.desired());
  }

  @Test
  void finishDropsTheOldLiveSubsetAfterTheSwitch() {
    Plan plan = reviews.finish().plan();
    assertEquals("reviews-blue-green-finish", plan.name());
    assertEquals(reviews.switched(), plan.current());
    assertEquals(List.of("drop-v1-subset"), plan.steps().stream().map(Step::name).toList());
    assertEquals(
        List.of("destinationrules: ~DestinationRule bookinfo/reviews then none"),
        outline(plan.steps().get(0)));
    assertEquals(ONLY_V2 + "---\n" + ROUTES_TO_V2, yaml(plan.steps().get(0)));
  }

  @Test
  void everyStepEndsInItsTargetAndEachPlanInItsLastTarget() {
    for (Rollout r : List.of(reviews, reviews.rollback(), reviews.finish())) {
      Plan plan = r.plan();
      assertEquals(r.targets().size(), plan.steps().size(), r.name());
      for (int i = 0; i < plan.steps().size(); i++) {
        assertEquals(r.targets().get(i).name(), plan.steps().get(i).name(), r.name());
        assertEquals(r.targets().get(i).desired(), plan.steps().get(i).desired(), r.name());
      }
      assertEquals(r.targets().get(r.targets().size() - 1).desired(), plan.desired(), r.name());
      assertEquals(r.current(), plan.current(), r.name());
    }
  }

  @Test
  void optionsNameThePlanAndTheLabelSubsetsSelect() {
    BlueGreen bg =
        BlueGreen.of("shop/cart.shop.svc.cluster.local")
            .live("blue")
            .next("green")
            .versionLabel("app.kubernetes.io/version")
            .name("cart-switch")
            .build();
    assertEquals("cart-switch", bg.plan().name());
    assertEquals("cart-switch-rollback", bg.rollback().name());
    assertEquals("cart-switch-finish", bg.finish().name());
    assertEquals(List.of("add-green-subset", "switch-to-green"), bg.stepNames());
    assertEquals(
        List.of("switch-back-to-blue"),
        bg.rollback().plan().steps().stream().map(Step::name).toList());
    assertEquals(
        List.of("drop-blue-subset"), bg.finish().plan().steps().stream().map(Step::name).toList());
    assertEquals(
        """
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: cart.shop.svc.cluster.local
          namespace: shop
        spec:
          host: cart.shop.svc.cluster.local
          subsets:
          - labels:
              app.kubernetes.io/version: blue
            name: blue
          - labels:
              app.kubernetes.io/version: green
            name: green
        ---
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: cart.shop.svc.cluster.local
          namespace: shop
        spec:
          hosts:
          - cart.shop.svc.cluster.local
          http:
          - name: primary
            route:
            - destination:
                host: cart.shop.svc.cluster.local
                subset: green
        """,
        Manifests.toYaml(bg.switched().resources()));
  }

  private static void assertRejected(String message, Supplier<BlueGreen> build) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build::get);
    assertEquals(message, e.getMessage());
  }

  @Test
  void rejectsBadServiceReferences() {
    assertRejected(
        "service 'reviews' must be namespace/name",
        () -> BlueGreen.of("reviews").live("v1").next("v2").build());
    assertRejected(
        "service 'a/b/c' must be namespace/name",
        () -> BlueGreen.of("a/b/c").live("v1").next("v2").build());
    assertRejected(
        "service 'null' must be namespace/name",
        () -> BlueGreen.of(null).live("v1").next("v2").build());
    assertRejected(
        "service namespace 'Bookinfo' is not a valid name (lower-case letters, digits and '-', at most 63,"
            + " starting and ending alphanumeric)",
        () -> BlueGreen.of("Bookinfo/reviews").live("v1").next("v2").build());
    assertRejected(
        "service name 'reviews_svc' is not a valid host name",
        () -> BlueGreen.of("bookinfo/reviews_svc").live("v1").next("v2").build());
  }

  @Test
  void rejectsBadOrEqualSubsets() {
    String rule =
        " is not a valid name (lower-case letters, digits and '-', at most 63, starting and ending alphanumeric)";
    assertRejected(
        "live subset 'V1'" + rule,
        () -> BlueGreen.of("bookinfo/reviews").live("V1").next("v2").build());
    assertRejected(
        "live subset 'null'" + rule,
        () -> BlueGreen.of("bookinfo/reviews").live(null).next("v2").build());
    assertRejected(
        "next subset 'v2-'" + rule,
        () -> BlueGreen.of("bookinfo/reviews").live("v1").next("v2-").build());
    assertRejected(
        "next subset ''" + rule,
        () -> BlueGreen.of("bookinfo/reviews").live("v1").next("").build());
    assertRejected(
        "live and next are the same subset 'v1'",
        () -> BlueGreen.of("bookinfo/reviews").live("v1").next("v1").build());
  }

  @Test
  void rejectsBadOptions() {
    assertRejected(
        "version label 'my label' is not a valid label key",
        () ->
            BlueGreen.of("bookinfo/reviews")
                .live("v1")
                .next("v2")
                .versionLabel("my label")
                .build());
    assertRejected(
        "version label 'Example.com/version' is not a valid label key",
        () ->
            BlueGreen.of("bookinfo/reviews")
                .live("v1")
                .next("v2")
                .versionLabel("Example.com/version")
                .build());
    assertRejected(
        "version label 'null' is not a valid label key",
        () -> BlueGreen.of("bookinfo/reviews").live("v1").next("v2").versionLabel(null).build());
    assertRejected(
        "plan name 'Reviews_Switch' is not a valid name (lower-case letters, digits and '-', at most 63,"
            + " starting and ending alphanumeric)",
        () ->
            BlueGreen.of("bookinfo/reviews").live("v1").next("v2").name("Reviews_Switch").build());
  }

  @Test
  void aSwitchWithoutLiveOrNextDoesNotCompile() {
    assertEquals(
        List.of(Javac.noSuchMethod("build()", BlueGreen.LiveStep.class)),
        Javac.errors("BlueGreen.of(\"a/b\").build()", BlueGreen.class));
    assertEquals(
        List.of(Javac.noSuchMethod("build()", BlueGreen.NextStep.class)),
        Javac.errors("BlueGreen.of(\"a/b\").live(\"v1\").build()", BlueGreen.class));
    assertEquals(
        List.of(Javac.noSuchMethod("next(java.lang.String)", BlueGreen.LiveStep.class)),
        Javac.errors("BlueGreen.of(\"a/b\").next(\"v2\")", BlueGreen.class));
    assertEquals(
        List.of(Javac.noSuchMethod("versionLabel(java.lang.String)", BlueGreen.NextStep.class)),
        Javac.errors("BlueGreen.of(\"a/b\").live(\"v1\").versionLabel(\"app\")", BlueGreen.class));
    assertEquals(
        List.of(),
        Javac.errors("BlueGreen.of(\"a/b\").live(\"v1\").next(\"v2\").build()", BlueGreen.class));
    assertEquals(
        List.of(),
        Javac.errors(
            "BlueGreen.of(\"a/b\").live(\"v1\").next(\"v2\").versionLabel(\"app\")"
                + ".name(\"b\").build()",
            BlueGreen.class));
  }
}
