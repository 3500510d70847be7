package dev.sailplan.core.validation;

import java.util.Objects;

/**
 * Thrown by rendering that fails closed: the resources have at least one Error finding, and nothing
 * was written. The message is every finding, one per line.
 */
public final class ValidationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Findings findings;

  /** An exception carrying {@code findings}. */
  public ValidationException(Findings findings) {
    super(Objects.requireNonNull(findings, "findings").toString().stripTrailing());
    this.findings = findings;
  }

  /** Every finding, the Errors and the rest. */
  public Findings findings() {
    return findings;
  }
}
