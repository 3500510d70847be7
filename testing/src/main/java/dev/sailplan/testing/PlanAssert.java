package dev.sailplan.testing;

import dev.sailplan.core.plan.Barrier;
import dev.sailplan.core.plan.Plan;
import dev.sailplan.core.plan.ResourceKey;
import dev.sailplan.core.plan.Revisions;
import dev.sailplan.core.plan.Stage;
import dev.sailplan.testing.plan.MakeBeforeBreakChecker;
import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a plan: its stages in order, what each applies and deletes, and that it is
 * make-before-break by the independent {@link MakeBeforeBreakChecker}.
 *
 * <pre>{@code
 * assertThat(plan)
 *     .isMakeBeforeBreak()
 *     .hasStages("destinationrules", "virtualservices", "virtualservices", "destinationrules")
 *     .stage(1)
 *     .applies("DestinationRule bookinfo/reviews");
 * }</pre>
 */
public final class PlanAssert extends AbstractAssert<PlanAssert, Plan> {

  PlanAssert(Plan actual) {
    super(actual, PlanAssert.class);
  }

  /**
   * Verifies that no stage, applied in any order, breaks traffic, and that the plan ends in its
   * desired state.
   *
   * @return this assertion
   */
  public PlanAssert isMakeBeforeBreak() {
    isNotNull();
    List<String> violations = MakeBeforeBreakChecker.check(actual);
    if (!violations.isEmpty()) {
      failWithMessage(
          "expected plan %s to be make-before-break, but:%n%s",
          actual.name(),
          violations.stream()
              .map(v -> "  " + v)
              .collect(Collectors.joining(System.lineSeparator())));
    }
    return this;
  }

  /**
   * Verifies the stages' labels, all of them, in order.
   *
   * @param labels the expected labels
   * @return this assertion
   */
  public PlanAssert hasStages(String... labels) {
    isNotNull();
    List<String> found = actual.stages().stream().map(Stage::label).toList();
    if (!found.equals(List.of(labels))) {
      failWithMessage(
          "expected plan %s to have the stages %s, but it has %s",
          actual.name(), List.of(labels), found);
    }
    return this;
  }

  /**
   * Narrows to one stage.
   *
   * @param number the stage's 1-based number, as in the plan folder's file names
   * @return the assertion on that stage
   */
  public StageAssert stage(int number) {
    isNotNull();
    List<Stage> stages = actual.stages();
    if (number < 1 || number > stages.size()) {
      failWithMessage(
          "expected plan %s to have a stage %d, but it has %d stages",
          actual.name(), number, stages.size());
    }
    return new StageAssert(this, number, stages.get(number - 1));
  }

  /** Assertions on one stage of a plan. */
  public static final class StageAssert extends AbstractAssert<StageAssert, Stage> {
    private final PlanAssert plan;
    private final int number;

    StageAssert(PlanAssert plan, int number, Stage stage) {
      super(stage, StageAssert.class);
      this.plan = plan;
      this.number = number;
    }

    /**
     * Verifies exactly which objects the stage applies (creates or changes), in any order.
     *
     * @param objects each as {@code Kind namespace/name}, e.g. {@code DestinationRule
     *     bookinfo/reviews}
     * @return this assertion
     */
    public StageAssert applies(String... objects) {
      List<String> found =
          actual.applies().stream().map(r -> ResourceKey.of(r).toString()).sorted().toList();
      List<String> want = List.of(objects).stream().sorted().toList();
      if (!found.equals(want)) {
        failWithMessage(
            "expected stage %d (%s) to apply %s, but it applies %s",
            number, actual.label(), want, found);
      }
      return this;
    }

    /**
     * Verifies exactly which objects the stage deletes, in any order.
     *
     * @param objects each as {@code Kind namespace/name}
     * @return this assertion
     */
    public StageAssert deletes(String... objects) {
      List<String> found = actual.deletes().stream().map(ResourceKey::toString).sorted().toList();
      List<String> want = List.of(objects).stream().sorted().toList();
      if (!found.equals(want)) {
        failWithMessage(
            "expected stage %d (%s) to delete %s, but it deletes %s",
            number, actual.label(), want, found);
      }
      return this;
    }

    /**
     * Verifies that the stage ends with {@code then: restart} and restarts exactly the workloads of
     * these namespaces, in any order (the namespaces it moves to another revision).
     *
     * <pre>{@code
     * assertThat(plan).stage(1).restarts("bookinfo");
     * }</pre>
     *
     * @param namespaces the namespaces whose workloads restart
     * @return this assertion
     */
    public StageAssert restarts(String... namespaces) {
      List<String> found = Revisions.restarted(actual.changes()).stream().sorted().toList();
      List<String> want = List.of(namespaces).stream().sorted().toList();
      if (actual.then() != Barrier.RESTART || !found.equals(want)) {
        failWithMessage(
            "expected stage %d (%s) to restart the workloads of %s, but it is followed by %s"
                + " and moves %s",
            number, actual.label(), want, actual.then().value(), found);
      }
      return this;
    }

    /**
     * Verifies the barrier after the stage.
     *
     * @param barrier the expected barrier
     * @return this assertion
     */
    public StageAssert isFollowedBy(Barrier barrier) {
      if (actual.then() != barrier) {
        failWithMessage(
            "expected stage %d (%s) to be followed by %s, but it is followed by %s",
            number, actual.label(), barrier.value(), actual.then().value());
      }
      return this;
    }

    /**
     * Back to the plan, to check another stage.
     *
     * @return the plan's assertion
     */
    public PlanAssert and() {
      return plan;
    }
  }
}
