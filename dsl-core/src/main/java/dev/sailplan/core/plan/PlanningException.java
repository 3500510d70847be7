package dev.sailplan.core.plan;

import java.util.List;

/**
 * No safe order exists: a dependency cycle, or a desired state that requires something nothing
 * provides. The message lists every blocked change with what it waits for, one per line.
 */
public final class PlanningException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<String> blocked;

  /** An exception listing the blocked changes. */
  public PlanningException(String summary, List<String> blocked) {
    super(summary + (blocked.isEmpty() ? "" : ":\n  " + String.join("\n  ", blocked)));
    this.blocked = List.copyOf(blocked);
  }

  /** One line per blocked change. */
  public List<String> blocked() {
    return blocked;
  }
}
