package dev.sailplan.istio.validation.internal;

import dev.sailplan.core.validation.FieldPath;
import dev.sailplan.istio.networking.v1.WorkloadEntry;
import dev.sailplan.istio.networking.v1.WorkloadEntrySpec;

/** What istiod's {@code ValidateWorkloadEntry} rejects beyond the CRD's rules. */
public final class WorkloadEntryRules {
  private WorkloadEntryRules() {}

  /** Checks {@code entry}. */
  public static void check(WorkloadEntry entry, Rejections out) {
    WorkloadEntrySpec spec = entry.spec();
    FieldPath address = FieldPath.root().field("spec").field("address");
    String a = spec.address().orElse("");
    if (a.isEmpty()) {
      // The CRD only asks that the field is there; an empty one with no network still fails.
      if (spec.network().orElse("").isEmpty()) {
        out.add("SP0438", address, "address is required");
      }
    } else if (!a.startsWith("unix://") && !Addresses.isIp(a) && Names.fqdn(a) != null) {
      out.add(
          "SP0438",
          address,
          "endpoint address " + Names.quote(a) + " is not a valid FQDN or an IP address");
    }
  }
}
