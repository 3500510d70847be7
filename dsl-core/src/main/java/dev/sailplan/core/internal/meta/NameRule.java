package dev.sailplan.core.internal.meta;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How the API server validates the name of one kind: most kinds, and every custom resource, take a
 * DNS-1123 subdomain; a few core kinds are stricter or looser.
 */
public enum NameRule {
  /** {@code NameIsDNSSubdomain}: most kinds and every custom resource. */
  DNS1123_SUBDOMAIN,
  /** {@code NameIsDNSLabel}: Namespace. */
  DNS1123_LABEL,
  /** {@code NameIsDNS1035Label}: Service. */
  DNS1035_LABEL,
  /** {@code ValidatePathSegmentName}: the RBAC kinds. */
  PATH_SEGMENT;

  private static final Set<String> RBAC =
      Set.of("Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding");

  /** The rule of a kind; {@code group} is empty for the core group. */
  public static NameRule of(String group, String kind) {
    if (group.isEmpty() && kind.equals("Namespace")) {
      return DNS1123_LABEL;
    }
    if (group.isEmpty() && kind.equals("Service")) {
      return DNS1035_LABEL;
    }
    if (group.equals("rbac.authorization.k8s.io") && RBAC.contains(kind)) {
      return PATH_SEGMENT;
    }
    return DNS1123_SUBDOMAIN;
  }

  /**
   * The API server's messages for {@code name}, empty when it is valid.
   *
   * @param prefix whether it is a {@code generateName}, to which the server appends a suffix (a
   *     trailing dash is then allowed)
   */
  public List<String> check(String name, boolean prefix) {
    List<String> out = new ArrayList<>(1);
    if (this == PATH_SEGMENT) {
      // RBAC names go into URL paths: only what would break a path segment is refused.
      if (!prefix && (name.equals(".") || name.equals(".."))) {
        out.add("may not be '" + name + "'");
      }
      for (String bad : new String[] {"/", "%"}) {
        if (name.contains(bad)) {
          out.add("may not contain '" + bad + "'");
        }
      }
      return out;
    }
    String value =
        prefix && name.length() > 1 && name.endsWith("-")
            ? name.substring(0, name.length() - 1)
            : name;
    switch (this) {
      case DNS1123_SUBDOMAIN -> Dns.subdomain(value, out);
      case DNS1123_LABEL -> Dns.label(value, out);
      default -> Dns.label1035(value, out);
    }
    return out;
  }
}
