package dev.sailplan.core.plan;

import java.util.List;

/**
 * An ordered way from a current state to a desired one: steps of stages, with a barrier after each
 * stage.
 *
 * @param name the plan's name ({@code reviews-canary})
 * @param current the state it starts from
 * @param steps the steps; the last one's desired state is the plan's
 */
public record Plan(String name, State current, List<Step> steps) {
  /** Copies the list. */
  public Plan {
    steps = List.copyOf(steps);
  }

  /** The state the plan ends in. */
  public State desired() {
    return steps.isEmpty() ? current : steps.get(steps.size() - 1).desired();
  }

  /** Every stage, in order. */
  public List<Stage> stages() {
    return steps.stream().flatMap(s -> s.stages().stream()).toList();
  }
}
