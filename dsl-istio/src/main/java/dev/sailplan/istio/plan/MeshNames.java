package dev.sailplan.istio.plan;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The names Istio resolves configuration by, as the planner and the composites read them: the root
 * namespaces, whose policy is mesh-wide, and in-cluster host names.
 *
 * <pre>{@code
 * MeshNames.ROOT_NAMESPACES.contains("istio-config");           // true
 * MeshNames.fqdn("reviews", "bookinfo");          // "reviews.bookinfo.svc.cluster.local"
 * MeshNames.namespaceOf("reviews.bookinfo.svc.cluster.local");  // Optional[bookinfo]
 * }</pre>
 */
public final class MeshNames {
  /** Where the control plane runs, and Istio's default root namespace. */
  public static final String CONTROL_PLANE_NAMESPACE = "istio-system";

  /**
   * Where mesh-wide policy lives, in order: Istio's default root namespace and Sailplan's layout's
   * ({@code istio-config}).
   */
  public static final SortedSet<String> ROOT_NAMESPACES =
      Collections.unmodifiableSortedSet(
          new TreeSet<>(List.of(CONTROL_PLANE_NAMESPACE, "istio-config")));

  /** What follows {@code <service>.<namespace>} in an in-cluster host name. */
  public static final String CLUSTER_SUFFIX = ".svc.cluster.local";

  private MeshNames() {}

  /**
   * A host name made fully qualified in the namespace it is written in ({@code default} when none):
   * {@code reviews} in {@code bookinfo} is {@code reviews.bookinfo.svc.cluster.local}; a name with
   * a dot, and {@code *}, stay as they are.
   */
  public static String fqdn(String host, String namespace) {
    if (host.contains(".") || host.equals("*")) {
      return host;
    }
    return host + "." + (namespace.isEmpty() ? "default" : namespace) + CLUSTER_SUFFIX;
  }

  /**
   * The namespace of an in-cluster host ({@code name.NS.svc.cluster.local} or {@code
   * *.NS.svc.cluster.local}); empty for any other host.
   */
  public static Optional<String> namespaceOf(String fqdn) {
    if (!fqdn.endsWith(CLUSTER_SUFFIX)) {
      return Optional.empty();
    }
    // Trailing dots are ignored: "name.NS." reads as "name.NS".
    String prefix =
        fqdn.substring(0, fqdn.length() - CLUSTER_SUFFIX.length()).replaceFirst("\\.+$", "");
    String[] labels = prefix.split("\\.", -1);
    return labels.length == 2 ? Optional.of(labels[1]) : Optional.empty();
  }
}
