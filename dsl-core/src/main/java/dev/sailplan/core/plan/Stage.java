package dev.sailplan.core.plan;

import dev.sailplan.core.meta.Resource;
import java.util.List;

/**
 * Changes applied together: nothing in a stage depends on anything else in it, so any order of
 * arrival at the proxies is safe.
 *
 * @param label a short name for file names, e.g. {@code destinationrules}
 * @param changes the changes: what it applies in kind order (Namespaces, the configuration
 *     workloads read, Services, workloads, other Kubernetes kinds, mesh configuration), then what
 *     it deletes in the reverse order; by key within a kind
 * @param then what happens after the stage
 * @param reason why the stage comes where it does, for people reading the plan
 */
public record Stage(String label, List<Change> changes, Barrier then, String reason) {
  /** Copies the list. */
  public Stage {
    changes = List.copyOf(changes);
  }

  /** The versions to apply. */
  public List<Resource> applies() {
    return changes.stream().filter(c -> !c.isDelete()).map(c -> c.after().orElseThrow()).toList();
  }

  /** The objects to delete. */
  public List<ResourceKey> deletes() {
    return changes.stream().filter(Change::isDelete).map(Change::key).toList();
  }

  /** This stage with another barrier after it. */
  public Stage then(Barrier barrier) {
    return new Stage(label, changes, barrier, reason);
  }
}
