package dev.sailplan.core.plan;

import static dev.sailplan.core.plan.Thing.thing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The ordering rules on {@link Thing}s, each case with its exact stages: a stage is written {@code
 * label: verb key, ...} and its reason beside it.
 */
class PlannerTest {
  private final Planner planner = Planner.of(List.of(new FakeModel()));

  private static final Thing RULE_V1 = thing("Rule", "a/dr").provides("subset r/v1");
  private static final Thing ROUTE_V1 = thing("Route", "a/vs").requires("subset r/v1");

  @Test
  void whatIsProvidedComesBeforeWhatRequiresIt() {
    List<Stage> stages = planner.stages(State.empty(), State.of(ROUTE_V1, RULE_V1));

    assertEquals(List.of("rules: create Rule a/dr", "routes: create Route a/vs"), lines(stages));
    assertEquals(
        List.of(
            "Rule a/dr provides subset r/v1 before Route a/vs uses it", "Route a/vs is created"),
        reasons(stages));
  }

  @Test
  void aRequirementPassedOnBindsWhatRequiresTheFactNotItsProvider() {
    // A "Svc" passes whatever requires it on to the pods behind it, as a Service does.
    DependencyModel passing =
        new DependencyModel() {
          @Override
          public java.util.Set<Fact> provides(dev.sailplan.core.meta.Resource r) {
            return java.util.Set.of();
          }

          @Override
          public java.util.Set<Fact> requires(dev.sailplan.core.meta.Resource r) {
            return java.util.Set.of();
          }

          @Override
          public java.util.Map<Fact, java.util.Set<Fact>> passesOn(
              dev.sailplan.core.meta.Resource r) {
            return r instanceof Thing t && t.kind().equals("Svc")
                ? java.util.Map.of(
                    new Fact("service", "n/api"), java.util.Set.of(new Fact("pods", "n/app=api")))
                : java.util.Map.of();
          }
        };
    Planner withPassing = Planner.of(List.of(new FakeModel(), passing));
    Thing config = thing("Config", "n/c").provides("config n/c");
    Thing svc = thing("Svc", "n/api").provides("service n/api");
    Thing pods = thing("Work", "n/api").provides("pods n/app=api").requires("config n/c");
    Thing route = thing("Route", "n/r").requires("service n/api");
    State all = State.of(config, svc, pods, route);

    assertEquals(
        List.of(
            "configs-svcs: create Config n/c, create Svc n/api",
            "routes-works: create Route n/r, create Work n/api"),
        lines(planner.stages(State.empty(), all)));
    List<Stage> stages = withPassing.stages(State.empty(), all);
    assertEquals(
        List.of(
            "configs-svcs: create Config n/c, create Svc n/api",
            "works: create Work n/api",
            "routes: create Route n/r"),
        lines(stages));
    assertEquals(
        "Work n/api provides pods n/app=api before Route n/r uses it", reasons(stages).get(1));
    assertEquals(
        List.of(
            "delete-routes: delete Route n/r",
            "delete-svcs-works: delete Svc n/api, delete Work n/api",
            "delete-configs: delete Config n/c"),
        lines(withPassing.stages(all, State.empty())));
  }

  @Test
  void whatIsProvidedOutlivesWhatRequiresIt() {
    List<Stage> stages = planner.stages(State.of(ROUTE_V1, RULE_V1), State.empty());

    assertEquals(
        List.of("delete-routes: delete Route a/vs", "delete-rules: delete Rule a/dr"),
        lines(stages));
    assertEquals(
        List.of(
            "Route a/vs stops using subset r/v1 before Rule a/dr removes it",
            "Rule a/dr is deleted"),
        reasons(stages));
  }

  @Test
  void aSwapPassesThroughTheIntermediateVersionBothSidesCanUse() {
    Thing ruleV2 = thing("Rule", "a/dr").provides("subset r/v2");
    Thing routeV2 = thing("Route", "a/vs").requires("subset r/v2");

    List<Stage> stages = planner.stages(State.of(RULE_V1, ROUTE_V1), State.of(ruleV2, routeV2));

    assertEquals(
        List.of("rules: update Rule a/dr", "routes: update Route a/vs", "rules: update Rule a/dr"),
        lines(stages));
    assertEquals(
        Optional.of(thing("Rule", "a/dr").provides("subset r/v1", "subset r/v2")),
        stages.get(0).changes().get(0).after());
    assertEquals(Optional.of(ruleV2), stages.get(2).changes().get(0).after());
    assertEquals(
        List.of(
            "Rule a/dr provides subset r/v2 before Route a/vs uses it",
            "Route a/vs stops using subset r/v1 before Rule a/dr removes it",
            "Rule a/dr drops subset r/v1 now that nothing uses it"),
        reasons(stages));
  }

  @Test
  void nothingInAStageDependsOnAnotherChangeOfTheSameStage() {
    Thing base = thing("Thing", "n/base").provides("flag x");
    Thing mid = thing("Thing", "n/mid").requires("flag x").provides("flag y");
    Thing side = thing("Thing", "n/side").requires("flag x");
    Thing top = thing("Thing", "n/top").requires("flag y");
    Thing solo = thing("Thing", "n/solo");

    List<Stage> stages = planner.stages(State.empty(), State.of(top, side, mid, base, solo));

    assertEquals(
        List.of(
            "things: create Thing n/base, create Thing n/solo",
            "things: create Thing n/mid, create Thing n/side",
            "things: create Thing n/top"),
        lines(stages));
    assertEquals(
        List.of(
            "Thing n/base provides flag x before Thing n/mid uses it; Thing n/solo is created",
            "Thing n/mid provides flag y before Thing n/top uses it; Thing n/side is created",
            "Thing n/top is created"),
        reasons(stages));
  }

  @Test
  void aCycleNamesEveryBlockedChange() {
    Thing a = thing("Thing", "n/a").requires("flag x").provides("flag y");
    Thing b = thing("Thing", "n/b").requires("flag y").provides("flag x");
    Thing c = thing("Thing", "n/c").requires("flag x");
    Thing solo = thing("Thing", "n/solo");

    PlanningException e =
        assertThrows(
            PlanningException.class, () -> planner.stages(State.empty(), State.of(a, b, c, solo)));

    assertEquals(
        List.of(
            "create Thing n/a: needs flag x",
            "create Thing n/b: needs flag y",
            "create Thing n/c: needs flag x"),
        e.blocked());
    assertEquals(
        "no safe order exists for 3 changes (a dependency cycle, or something nothing"
            + " provides):\n  create Thing n/a: needs flag x\n  create Thing n/b: needs flag y\n"
            + "  create Thing n/c: needs flag x",
        e.getMessage());
  }

  @Test
  void excludedFactsNeverMeetEvenWhenBothAreDesired() {
    Thing strict = thing("Policy", "n/strict").excludes("plaintext-to n");
    Thing plain = thing("Rule", "n/plain").provides("plaintext-to n");

    PlanningException e =
        assertThrows(
            PlanningException.class, () -> planner.stages(State.empty(), State.of(strict, plain)));

    // The first of the two to be safe alone is created; the other then meets it.
    assertEquals(
        List.of("create Policy n/strict: cannot coexist with Rule n/plain" + " (plaintext-to n)"),
        e.blocked());
  }

  @Test
  void aWildcardExclusionWaitsForEveryFactItCovers() {
    Thing plain = thing("Rule", "shop/dr").provides("plaintext-to shop");
    Thing tls = thing("Rule", "shop/dr");
    Thing meshWideStrict = thing("Policy", "root/strict").excludes("plaintext-to *");

    List<Stage> stages = planner.stages(State.of(plain), State.of(tls, meshWideStrict));

    assertEquals(
        List.of("rules: update Rule shop/dr", "policies: create Policy root/strict"),
        lines(stages));
    assertEquals(
        List.of(
            "Rule shop/dr drops plaintext-to shop before Policy root/strict forbids plaintext-to shop",
            "Policy root/strict is created"),
        reasons(stages));
  }

  @Test
  void aWildcardGrantComesBeforeTheRouteItCovers() {
    Thing grant = thing("Grant", "backends/all").provides("grant backends/*");
    Thing route = thing("Route", "web/api").requires("grant backends/api");

    List<Stage> stages = planner.stages(State.empty(), State.of(route, grant));

    assertEquals(
        List.of("grants: create Grant backends/all", "routes: create Route web/api"),
        lines(stages));
    assertEquals(
        "Grant backends/all provides grant backends/* before Route web/api uses it",
        stages.get(0).reason());
  }

  @Test
  void referencesToWhatNoStateDefinesDoNotBindOrder() {
    Thing dangling = thing("Route", "a/ghost").requires("subset nowhere/v9");

    List<Stage> stages = planner.stages(State.empty(), State.of(RULE_V1, ROUTE_V1, dangling));

    assertEquals(
        List.of(
            "routes-rules: create Route a/ghost, create Rule a/dr", "routes: create Route a/vs"),
        lines(stages));
  }

  @Test
  void aPlanGivesEachStepItsBarrierAndDescribesStagesThatSayNothingSpecific() {
    State one = State.of(RULE_V1);
    State two = State.of(RULE_V1, ROUTE_V1);

    Plan plan =
        planner.plan(
            "demo",
            State.empty(),
            List.of(
                new Planner.Target("rule", one, Barrier.GATE, "add the rule"),
                new Planner.Target("route", two, Barrier.GATE, "route to v1")));

    assertEquals(List.of("rule", "route"), plan.steps().stream().map(Step::name).toList());
    assertEquals(
        List.of(Barrier.GATE, Barrier.NONE), plan.stages().stream().map(Stage::then).toList());
    assertEquals(
        List.of("add the rule (Rule a/dr is created)", "route to v1 (Route a/vs is created)"),
        reasons(plan.stages()));
    assertEquals(two, plan.desired());
  }

  @Test
  void noChangeNoStages() {
    assertEquals(List.of(), planner.stages(State.of(RULE_V1), State.of(RULE_V1)));
  }

  static List<String> lines(List<Stage> stages) {
    return stages.stream().map(PlannerTest::line).toList();
  }

  static String line(Stage s) {
    return s.label()
        + ": "
        + String.join(
            ", ",
            s.changes().stream()
                .map(
                    c ->
                        (c.isCreate() ? "create " : c.isDelete() ? "delete " : "update ") + c.key())
                .toList());
  }

  static List<String> reasons(List<Stage> stages) {
    return stages.stream().map(Stage::reason).toList();
  }
}
