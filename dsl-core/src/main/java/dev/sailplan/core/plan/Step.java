package dev.sailplan.core.plan;

import java.util.List;

/**
 * One step of a plan: the stages that take the mesh to one desired state, e.g. "shift 25% to the
 * canary".
 *
 * @param name the step's name, used in file names ({@code add-canary-subset})
 * @param desired the state the step ends in
 * @param stages its stages, in order
 */
public record Step(String name, State desired, List<Stage> stages) {
  /** Copies the list. */
  public Step {
    stages = List.copyOf(stages);
  }
}
