package dev.sailplan.istio.validation.internal;

import dev.sailplan.core.validation.FieldPath;
import dev.sailplan.core.validation.Level;
import dev.sailplan.core.validation.Report;

/**
 * Reports what the webhook would refuse: Errors with {@code IST0106}, the code {@code istioctl
 * analyze} gives every webhook rejection (it runs the same validation as a schema check).
 */
public final class Rejections {
  private static final String ISTIO_CODE = "IST0106";

  private final Report report;

  /** Reports into {@code report}. */
  public Rejections(Report report) {
    this.report = report;
  }

  void add(String code, FieldPath path, String message) {
    report.add(code, ISTIO_CODE, Level.ERROR, path, "", message);
  }

  /** Adds {@code message} unless it is null, so a rule can return "no problem" as null. */
  void addIfAny(String code, FieldPath path, String message) {
    if (message != null) {
      add(code, path, message);
    }
  }
}
