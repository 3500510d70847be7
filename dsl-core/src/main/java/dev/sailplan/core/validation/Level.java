package dev.sailplan.core.validation;

/** How serious a {@link Finding} is; the order is from most to least serious. */
public enum Level {
  /** The API server rejects it, traffic breaks, or security is weaker than it reads. */
  ERROR("Error", 3),
  /** Likely wrong. */
  WARNING("Warning", 2),
  /** Advice. */
  INFO("Info", 1);

  private final String label;
  private final int severity;

  Level(String label, int severity) {
    this.label = label;
    this.severity = severity;
  }

  /** The word reports print: {@code Error}, {@code Warning} or {@code Info}. */
  public String label() {
    return label;
  }

  /** Whether this level is at least as serious as {@code other}. */
  public boolean isAtLeast(Level other) {
    return severity >= other.severity;
  }
}
