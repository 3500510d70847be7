package dev.sailplan.core.validation;

/**
 * Where checks put what they find about one resource. The engine that calls a check knows the
 * resource, its file and line; a check only says what is wrong and where in the object.
 *
 * <pre>{@code
 * report.error("SP0109", path.field("weight"), "must be at most 100, not 150");
 * }</pre>
 */
public interface Report {
  /**
   * Adds a finding.
   *
   * @param code the Sailplan code, e.g. {@code SP0109}
   * @param istioCode the code {@code istioctl analyze} reports for the same problem, or empty
   * @param level how serious it is
   * @param path where in the object, {@link FieldPath#root()} for the whole object
   * @param reason the API server's reason for an admission rule (e.g. {@code FieldValueInvalid}),
   *     or empty
   * @param message one line, what is wrong
   */
  void add(
      String code, String istioCode, Level level, FieldPath path, String reason, String message);

  /** Adds an Error finding without an Istio code or reason. */
  default void error(String code, FieldPath path, String message) {
    add(code, "", Level.ERROR, path, "", message);
  }
}
