package dev.sailplan.istio.internal.analysis;

import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.validation.KubeObject;
import dev.sailplan.core.validation.Mesh;
import dev.sailplan.istio.plan.MeshNames;
import java.util.List;

/** How Istio reads host names and the visibility of configuration, as the traffic rules need it. */
final class Hosts {
  private Hosts() {}

  /** The namespace a resource is in; Kubernetes puts one without a namespace in {@code default}. */
  static String namespace(Resource r) {
    return r.metadata().namespace().filter(n -> !n.isEmpty()).orElse("default");
  }

  /**
   * Whether the input itself holds a workload. {@link Mesh#hasWorkloads()} also counts the assumed
   * ingress gateway's pods, which say nothing about the user's namespaces.
   */
  static boolean hasWorkloads(Mesh mesh) {
    for (KubeObject o : mesh.objects()) {
      if (o.isWorkload() && !mesh.isAssumed(o)) {
        return true;
      }
    }
    return false;
  }

  /** The resource's name. */
  static String name(Resource r) {
    return r.metadata().name().orElse("");
  }

  /** The host fully qualified in the namespace of the resource that writes it. */
  static String fqdn(String host, Resource writer) {
    return MeshNames.fqdn(host, namespace(writer));
  }

  /**
   * Whether the host pattern {@code pattern} (exact, {@code *.suffix} or {@code *}) covers the
   * concrete or wildcard host {@code host}.
   */
  static boolean covers(String pattern, String host) {
    if (pattern.equals("*") || pattern.equals(host)) {
      return true;
    }
    if (pattern.startsWith("*.")) {
      String suffix = pattern.substring(1);
      return host.endsWith(suffix) && host.length() > suffix.length();
    }
    return false;
  }

  /** Whether two host patterns have a host in common. */
  static boolean overlap(String a, String b) {
    return covers(a, b) || covers(b, a);
  }

  /**
   * Whether configuration in {@code owner} with {@code exportTo} is visible from namespace {@code
   * from}: everywhere when not given or {@code *}, its own namespace for {@code .}.
   */
  static boolean visible(List<String> exportTo, String owner, String from) {
    if (exportTo.isEmpty()) {
      return true;
    }
    for (String e : exportTo) {
      if (e.equals("*") || e.equals(from) || (e.equals(".") && owner.equals(from))) {
        return true;
      }
    }
    return false;
  }
}
