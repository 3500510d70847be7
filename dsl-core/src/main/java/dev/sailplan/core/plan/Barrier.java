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
