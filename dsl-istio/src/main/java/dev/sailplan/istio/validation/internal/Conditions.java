package dev.sailplan.istio.validation.internal;

import java.util.List;
import java.util.Set;

/** The keys an AuthorizationPolicy's {@code when} may test, and what their values must be. */
final class Conditions {
  private static final Set<String> PLAIN =
      Set.of(
          "source.namespace",
          "source.principal",
          "source.serviceAccount",
          "request.auth.principal",
          "request.auth.audiences",
          "request.auth.presenter",
          "connection.sni");
  private static final Set<String> ADDRESSES = Set.of("source.ip", "remote.ip", "destination.ip");

  private Conditions() {}

  /** Null when {@code values} fit {@code key}, else istiod's reason. */
  static String problem(String key, List<String> values) {
    if (values.contains("")) {
      return "empty value not allowed, found in " + key;
    }
    if (key.startsWith("request.headers")
        || key.startsWith("request.auth.claims")
        || key.startsWith("experimental.envoy.filters.")) {
      return mapKey(key);
    }
    if (ADDRESSES.contains(key)) {
      for (String v : values) {
        String problem = Addresses.block(v);
        if (problem != null) {
          return problem;
        }
      }
      return null;
    }
    if (key.equals("destination.port")) {
      return values.stream()
          .filter(v -> !AuthorizationPolicyRules.isPort(v))
          .findFirst()
          .map(v -> "bad port (" + v + ")")
          .orElse(null);
    }
    if (PLAIN.contains(key)) {
      return null;
    }
    if (key.equals("destination.namespace")) {
      return "attribute " + key + " is replaced by the metadata.namespace";
    }
    if (key.startsWith("destination.labels")) {
      return "attribute " + key + " is replaced by the workload selector";
    }
    if (key.equals("destination.name") || key.equals("destination.user")) {
      return "deprecated attribute " + key + ": only supported in v1alpha1";
    }
    return "unknown attribute: " + key;
  }

  private static String mapKey(String key) {
    int open = key.indexOf('[');
    return key.endsWith("]") && open > 0 && open < key.length() - 2
        ? null
        : "bad key (" + key + "): should have format a[b]";
  }
}
