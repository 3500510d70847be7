package dev.sailplan.core.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sailplan.core.k8s.Namespace;
import dev.sailplan.core.plan.Barrier;
import dev.sailplan.core.plan.Planner;
import dev.sailplan.core.plan.Rollout;
import dev.sailplan.core.plan.State;
import java.util.List;
import org.junit.jupiter.api.Test;

class SteppedRolloutTest {
  private static final State NONE = State.empty();
  private static final State ONE = State.of(Namespace.named("one"));
  private static final State TWO = State.of(Namespace.named("one"), Namespace.named("two"));

  /** A rollout that creates two namespaces, one step each. */
  private static final class TwoNamespaces extends SteppedRollout {
    private TwoNamespaces(Builder b) {
      super(b, "two-namespaces");
    }

    static Options builder() {
      return new Builder();
    }

    interface Options {
      Options name(String planName);

      TwoNamespaces build();
    }

    private static final class Builder extends SteppedRollout.Builder<Options> implements Options {
      Builder() {
        super(Options.class);
      }

      @Override
      public TwoNamespaces build() {
        return new TwoNamespaces(this);
      }
    }

    @Override
    public State current() {
      return NONE;
    }

    @Override
    public List<Planner.Target> targets() {
      return List.of(
          new Planner.Target("add-one", ONE, Barrier.GATE),
          new Planner.Target("add-two", TWO, Barrier.NONE));
    }

    Rollout rollbackFrom(String stepName) {
      return rollbackFromStep(
          stepName, List.of(new Planner.Target("remove-all", NONE, Barrier.NONE)));
    }

    Rollout finish() {
      return followUp("finish", TWO, List.of(new Planner.Target("remove-two", ONE, Barrier.NONE)));
    }
  }

  private final TwoNamespaces rollout = TwoNamespaces.builder().build();

  @Test
  void thePlanNameIsTheDefaultOrTheCheckedGivenOne() {
    assertEquals("two-namespaces", rollout.name());
    assertEquals("mine", TwoNamespaces.builder().name("mine").build().name());
    assertEquals(
        "plan name 'My_Plan' is not a valid name (lower-case letters, digits and '-', at most"
            + " 63, starting and ending alphanumeric)",
        assertThrows(
                IllegalArgumentException.class,
                () -> TwoNamespaces.builder().name("My_Plan").build())
            .getMessage());
  }

  @Test
  void stepNamesAreTheTargetsNames() {
    assertEquals(List.of("add-one", "add-two"), rollout.stepNames());
  }

  @Test
  void aRollbackStartsAfterTheNamedStepAndIsNamedAfterIt() {
    Rollout back = rollout.rollbackFrom("add-one");
    assertEquals("two-namespaces-rollback-from-add-one", back.name());
    assertEquals(ONE, back.current());
    assertEquals(List.of("remove-all"), back.targets().stream().map(Planner.Target::name).toList());
    assertEquals(TWO, rollout.rollbackFrom("add-two").current());
  }

  @Test
  void anUnknownStepNameIsRejectedListingTheStepsThereAre() {
    assertEquals(
        "two-namespaces has no step 'add-three'; its steps are add-one, add-two",
        assertThrows(IllegalArgumentException.class, () -> rollout.rollbackFrom("add-three"))
            .getMessage());
    assertEquals(
        "two-namespaces has no step 'null'; its steps are add-one, add-two",
        assertThrows(IllegalArgumentException.class, () -> rollout.rollbackFrom(null))
            .getMessage());
  }

  @Test
  void aFollowUpIsNamedAfterThisRollout() {
    Rollout finish = rollout.finish();
    assertEquals("two-namespaces-finish", finish.name());
    assertEquals(TWO, finish.current());
    assertEquals(ONE, finish.targets().get(0).desired());
  }

  /** Options that are their own builder. */
  private static final class FromOptions extends SteppedRollout.FromStateBuilder<FromOptions> {
    FromOptions() {
      super(FromOptions.class);
    }
  }

  @Test
  void aFromStateBuilderStartsFromNothingUnlessGivenAState() {
    FromOptions options = new FromOptions();
    assertEquals(State.empty(), options.current());
    assertSame(options, options.from(ONE).name("p"));
    assertEquals(ONE, options.current());
    assertEquals(
        "current", assertThrows(NullPointerException.class, () -> options.from(null)).getMessage());
  }
}
