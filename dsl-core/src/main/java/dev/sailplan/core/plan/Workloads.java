package dev.sailplan.core.plan;

import dev.sailplan.core.generic.GenericObject;
import java.util.List;

/** The workloads a stage rolls out. */
public final class Workloads {
  private Workloads() {}

  /**
   * The Deployments, StatefulSets and DaemonSets that {@code changes} create or update, in order:
   * what a {@link Barrier#ROLLOUT} waits for.
   */
  public static List<GenericObject> rolledOut(List<Change> changes) {
    return changes.stream()
        .filter(c -> !c.isDelete())
        .map(c -> c.after().orElseThrow())
        .filter(GenericObject.class::isInstance)
        .map(GenericObject.class::cast)
        .filter(GenericObject::isRolledOut)
        .toList();
  }
}
