package dev.sailplan.examples.plan;

import static dev.sailplan.testing.SailplanAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sailplan.core.plan.Barrier;
import dev.sailplan.core.plan.Plan;
import dev.sailplan.core.plan.Planner;
import dev.sailplan.core.plan.State;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Between any two valid states the planner finds a plan the independent checker accepts. */
class PlannerPropertiesTest {
  private final Planner planner = Planner.discover();

  @Property(tries = 400)
  void everyPlanIsSafeAndEndsInTheDesiredState(@ForAll long from, @ForAll long to) {
    State current = RandomStates.state(from);
    State desired = RandomStates.state(to);
    Plan plan =
        planner.plan("random", current, List.of(new Planner.Target("step", desired, Barrier.NONE)));
    assertThat(plan).as("from %s to %s", current, desired).isMakeBeforeBreak();
    assertEquals(desired, plan.desired());
  }

  @Property(tries = 100)
  void multiStepPlansAreSafeToo(@ForAll long a, @ForAll long b, @ForAll long c) {
    Plan plan =
        planner.plan(
            "random",
            RandomStates.state(a),
            List.of(
                new Planner.Target("one", RandomStates.state(b), Barrier.GATE),
                new Planner.Target("two", RandomStates.state(c), Barrier.NONE)));
    assertThat(plan).isMakeBeforeBreak();
  }
}
