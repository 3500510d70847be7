package dev.sailplan.core.k8s;

import org.immutables.value.Value;

/**
 * Factories of {@link RoleRef}, called on the type (the generated {@code AbstractRoleRef} extends
 * this class), and the API server's check of its group.
 *
 * <pre>{@code
 * RoleRef ref = RoleRef.clusterRole("sailplan:service-owner");
 * }</pre>
 */
public abstract class RoleRefBase {
  RoleRefBase() {}

  /** A ClusterRole by name. */
  public static RoleRef clusterRole(String name) {
    return RoleRef.builder()
        .kind(RoleRefKind.CLUSTER_ROLE)
        .name(name)
        .apiGroup(SubjectBase.RBAC_GROUP)
        .build();
  }

  /** A Role of the binding's namespace, by name. */
  public static RoleRef role(String name) {
    return RoleRef.builder()
        .kind(RoleRefKind.ROLE)
        .name(name)
        .apiGroup(SubjectBase.RBAC_GROUP)
        .build();
  }

  /** The role's API group (declared by the generated type). */
  public abstract String apiGroup();

  /** Rejects a group other than {@code rbac.authorization.k8s.io}, as the API server does. */
  @Value.Check
  protected void checkGroup() {
    if (!SubjectBase.RBAC_GROUP.equals(apiGroup())) {
      throw new IllegalStateException(
          "roleRef.apiGroup must be " + SubjectBase.RBAC_GROUP + ", not " + apiGroup());
    }
  }
}
