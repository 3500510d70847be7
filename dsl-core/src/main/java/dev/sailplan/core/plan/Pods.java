package dev.sailplan.core.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * The {@code pods} facts: a workload provides {@code pods NS/LABELS} for every non-empty subset of
 * its pod labels, and whatever routes traffic to pods selected by some labels (a DestinationRule's
 * subset) requires {@code pods NS/LABELS} of exactly those labels, so that the one fact matches
 * whichever of its labels a selector names. Labels are written {@code k=v}, sorted, joined by
 * commas.
 *
 * <p>A selector that picks pods in every namespace (an Istio Gateway's) requires {@code pods
 * *}{@code /LABELS} ({@link #requiredAnywhere}); a workload provides that for each of its single
 * pod labels and for all of them together, which is what such selectors name ({@code istio:
 * ingressgateway}).
 *
 * <pre>{@code
 * Pods.required("bookinfo", Map.of("version", "v2"))   // pods bookinfo/version=v2
 * }</pre>
 */
public final class Pods {
  /** The fact type. */
  public static final String TYPE = "pods";

  /**
   * Beyond this many pod labels a workload provides the single labels and the full set only: the
   * subsets would be too many.
   */
  private static final int MAX_SUBSETS = 10;

  /** The namespace part of a fact that pods in any namespace provide. */
  private static final String ANY_NAMESPACE = "*";

  private Pods() {}

  /** The fact a selector of {@code labels} in {@code namespace} requires. */
  public static Fact required(String namespace, Map<String, String> labels) {
    StringJoiner j = new StringJoiner(",", namespace + "/", "");
    new TreeMap<>(labels).forEach((k, v) -> j.add(k + "=" + v));
    return new Fact(TYPE, j.toString());
  }

  /** The fact a selector of {@code labels} that picks pods in any namespace requires. */
  public static Fact requiredAnywhere(Map<String, String> labels) {
    return required(ANY_NAMESPACE, labels);
  }

  /** The facts a workload of these pod labels in {@code namespace} provides. */
  public static List<Fact> provided(String namespace, SortedMap<String, String> labels) {
    List<Map.Entry<String, String>> entries = new ArrayList<>(labels.entrySet());
    List<Fact> out = new ArrayList<>();
    int n = entries.size();
    if (n == 0) {
      return out;
    }
    // Only the single labels and the full set anywhere: every subset again would double the facts
    // of every workload for the few selectors that look across namespaces.
    entries.forEach(e -> out.add(requiredAnywhere(Map.of(e.getKey(), e.getValue()))));
    if (n > 1) {
      out.add(requiredAnywhere(labels));
    }
    if (n > MAX_SUBSETS) {
      entries.forEach(e -> out.add(required(namespace, Map.of(e.getKey(), e.getValue()))));
      out.add(required(namespace, labels));
      return out;
    }
    for (int mask = 1; mask < 1 << n; mask++) {
      StringJoiner j = new StringJoiner(",", namespace + "/", "");
      for (int i = 0; i < n; i++) {
        if ((mask & 1 << i) != 0) {
          j.add(entries.get(i).getKey() + "=" + entries.get(i).getValue());
        }
      }
      out.add(new Fact(TYPE, j.toString()));
    }
    return out;
  }

  /** The labels of a {@code pods} fact, as written: {@code version=v2}. */
  static String labels(Fact f) {
    return f.subject().substring(f.subject().indexOf('/') + 1);
  }
}
