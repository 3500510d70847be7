package dev.sailplan.istio.layout;

import dev.sailplan.core.k8s.ClusterRole;
import dev.sailplan.core.k8s.PolicyRule;
import java.util.List;
import java.util.Locale;

/**
 * The three personas of the persona layout and what each may edit, written once as the rules of its
 * ClusterRole ({@code sailplan:<persona>}); {@link MeshLayout#rbac()} grants them in the persona's
 * namespaces, and the layout's validation reports resources that a namespace's persona may not
 * edit.
 */
public enum Persona {
  /**
   * Cluster admins: every Istio kind in the root namespace, where mesh-wide defaults and the only
   * EnvoyFilters live.
   */
  CLUSTER_ADMIN(
      "cluster-admin",
      List.of(
          PolicyRule.builder()
              .addApiGroups(
                  "networking.istio.io",
                  "security.istio.io",
                  "telemetry.istio.io",
                  "extensions.istio.io")
              .addResources("*")
              .addAllVerbs(PolicyRule.EDIT)
              .build())),
  /**
   * Network owners: the gateways, what they route (VirtualServices bound to them, and the
   * DestinationRules and ServiceEntries of egress), who may come in (AuthorizationPolicies,
   * RequestAuthentications) and the gateways' certificates (Secrets), in the gateway namespaces.
   */
  NETWORK_OWNER(
      "network-owner",
      List.of(
          PolicyRule.of(
              "networking.istio.io",
              List.of("gateways", "virtualservices", "destinationrules", "serviceentries"),
              PolicyRule.EDIT),
          PolicyRule.of(
              "security.istio.io",
              List.of("authorizationpolicies", "requestauthentications"),
              PolicyRule.EDIT),
          PolicyRule.of("", List.of("secrets"), PolicyRule.EDIT))),
  /**
   * Service owners: the configuration of their own workloads, in their app namespaces; no
   * EnvoyFilter and no Gateway anywhere.
   */
  SERVICE_OWNER(
      "service-owner",
      List.of(
          PolicyRule.of(
              "networking.istio.io",
              List.of("virtualservices", "destinationrules", "sidecars", "serviceentries"),
              PolicyRule.EDIT),
          PolicyRule.of(
              "security.istio.io",
              List.of("authorizationpolicies", "requestauthentications"),
              PolicyRule.EDIT),
          PolicyRule.of("telemetry.istio.io", List.of("telemetries"), PolicyRule.EDIT)));

  private final String id;

  @SuppressWarnings("ImmutableEnumChecker") // List.of: unmodifiable, of immutable values
  private final List<PolicyRule> rules;

  Persona(String id, List<PolicyRule> rules) {
    this.id = id;
    this.rules = rules;
  }

  /** The persona's name in resource names, e.g. {@code service-owner}. */
  public String id() {
    return id;
  }

  /** The name of its ClusterRole and of the RoleBindings granting it: {@code sailplan:<id>}. */
  public String roleName() {
    return "sailplan:" + id;
  }

  /** What it may edit. */
  public List<PolicyRule> rules() {
    return rules;
  }

  /** Its ClusterRole, labelled with the persona. */
  public ClusterRole clusterRole() {
    return ClusterRole.builder()
        .metadata(MeshLayout.meta(roleName(), "", this))
        .addAllRules(rules)
        .build();
  }

  /** Whether its rules let it edit objects of this kind (an API group, {@code ""} for core). */
  public boolean mayEdit(String group, String kind) {
    String plural = plural(kind);
    for (PolicyRule r : rules) {
      boolean inGroup = r.apiGroups().contains(group) || r.apiGroups().contains("*");
      if (inGroup && (r.resources().contains(plural) || r.resources().contains("*"))) {
        return true;
      }
    }
    return false;
  }

  /** Kubernetes' resource name of a kind: lower case, plural (policy → policies). */
  static String plural(String kind) {
    String lower = kind.toLowerCase(Locale.ROOT);
    if (lower.endsWith("y")
        && lower.length() > 1
        && "aeiou".indexOf(lower.charAt(lower.length() - 2)) < 0) {
      return lower.substring(0, lower.length() - 1) + "ies";
    }
    return lower + "s";
  }
}
