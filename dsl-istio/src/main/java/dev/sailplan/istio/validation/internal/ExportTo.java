package dev.sailplan.istio.validation.internal;

import dev.sailplan.core.validation.FieldPath;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The {@code exportTo} list of a VirtualService, DestinationRule or ServiceEntry (SP0445). */
final class ExportTo {
  private ExportTo() {}

  static void check(
      List<String> exportTo,
      String namespace,
      boolean serviceEntry,
      boolean workloadSelector,
      FieldPath path,
      Rejections out) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < exportTo.size(); i++) {
      String entry = exportTo.get(i);
      // "." is the object's own namespace, so ". and shop" in namespace shop is a duplicate.
      String key = entry.equals(".") ? namespace : entry;
      if (seen.contains(key)) {
        out.add(
            "SP0445",
            path.index(i),
            key.equals(entry)
                ? "duplicate entries in exportTo for entry " + entry
                : "duplicate entries in exportTo: . and current namespace " + namespace);
      } else if (serviceEntry || !entry.equals("~")) {
        seen.add(key);
      }
    }
    if (workloadSelector && !seen.isEmpty()) {
      if (!seen.contains(namespace)) {
        out.add(
            "SP0445",
            path,
            "destination rule with workload selector cannot have exportTo beyond current"
                + " namespace");
      } else if (seen.size() > 1) {
        out.add(
            "SP0445",
            path,
            "destination rule with workload selector cannot have multiple entries in exportTo");
      }
    }
    if (seen.contains("*") && exportTo.size() > 1) {
      out.add(
          "SP0445",
          path,
          "cannot have both public (*) and non-public exportTo values for a resource");
    }
    if (seen.contains("~") && exportTo.size() > 1) {
      out.add("SP0445", path, "cannot export service entry to no one (~) and someone");
    }
  }
}
