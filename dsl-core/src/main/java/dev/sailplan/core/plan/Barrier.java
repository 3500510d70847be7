package dev.sailplan.core.plan;

/** What happens after a stage is applied, before the next one starts. */
public enum Barrier {
  /** Wait until every proxy has the new configuration (no xDS type STALE), then a settle delay. */
  PROPAGATION("propagation"),
  /**
   * Wait until every workload the stage applies has rolled out ({@code kubectl rollout status} for
   * each Deployment, StatefulSet and DaemonSet), then as for {@link #PROPAGATION}: what comes next
   * routes traffic to their pods.
   */
  ROLLOUT("rollout"),
  /**
   * Restart the workloads whose pods the stage moves to another control plane revision, then stop
   * as for {@link #GATE}: {@code kubectl rollout restart} and {@code kubectl rollout status} for
   * every Deployment, StatefulSet and DaemonSet of each namespace whose revision label changes
   * ({@link Revisions#restarted}) and of each namespace labelled with a revision tag the stage
   * moves ({@link Revisions#movedTags}), then as for {@link #ROLLOUT}, then the confirmation (none
   * after a plan's last stage). Pods are injected when they are created, so relabelling a namespace
   * changes nothing until they restart; and new proxies are the moment to check before the next
   * namespace moves, so a restart always ends at a gate.
   */
  RESTART("restart"),
  /** Stop for a person or a metric check to confirm before going on (rollout steps). */
  GATE("gate"),
  /** Go straight on (the last stage of a plan). */
  NONE("none");

  private final String value;

  Barrier(String value) {
    this.value = value;
  }

  /** The name used in {@code plan.yaml}. */
  public String value() {
    return value;
  }
}
