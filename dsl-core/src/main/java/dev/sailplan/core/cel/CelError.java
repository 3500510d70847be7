package dev.sailplan.core.cel;

/**
 * A CEL evaluation error (e.g. {@code no such key: port}, {@code integer overflow}): the rule could
 * not be evaluated. {@code &&}, {@code ||} and the {@code all} and {@code exists} macros absorb it
 * when the other side decides the result, as CEL does.
 */
public final class CelError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An error with CEL's message. */
  public CelError(String message) {
    super(message, null, false, false);
  }
}
