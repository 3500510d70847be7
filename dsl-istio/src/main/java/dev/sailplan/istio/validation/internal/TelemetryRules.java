package dev.sailplan.istio.validation.internal;

import dev.sailplan.core.validation.FieldPath;
import dev.sailplan.istio.telemetry.v1.Telemetry;

/** What istiod's {@code ValidateTelemetry} rejects beyond the CRD's rules. */
public final class TelemetryRules {
  private TelemetryRules() {}

  /** Checks {@code telemetry}. */
  public static void check(Telemetry telemetry, Rejections out) {
    if (telemetry.spec().isEmpty()) {
      return;
    }
    FieldPath path = FieldPath.root().field("spec").field("tracing");
    for (int i = 0; i < telemetry.spec().get().tracing().size(); i++) {
      if (telemetry.spec().get().tracing().get(i).customTags().containsKey("")) {
        out.add("SP0446", path.index(i).field("customTags").key(""), "tag name may not be empty");
      }
    }
  }
}
