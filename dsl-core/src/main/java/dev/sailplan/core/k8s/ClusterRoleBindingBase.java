package dev.sailplan.core.k8s;

import dev.sailplan.core.meta.ObjectMeta;
import org.immutables.value.Value;

/**
 * Factories of {@link ClusterRoleBinding}, called on the kind (the generated {@code
 * AbstractClusterRoleBinding} extends this class), and the API server's check that it binds a
 * ClusterRole.
 *
 * <pre>{@code
 * ClusterRoleBinding b =
 *     ClusterRoleBinding.of("mesh-readers", "view", Subject.group("sre"));
 * }</pre>
 */
public abstract class ClusterRoleBindingBase {
  ClusterRoleBindingBase() {}

  /** A binding of a ClusterRole, in every namespace, to subjects. */
  public static ClusterRoleBinding of(String name, String clusterRole, Subject... subjects) {
    return ClusterRoleBinding.builder()
        .metadata(ObjectMeta.named(name))
        .addSubjects(subjects)
        .roleRef(
            ClusterRoleBindingRoleRef.builder()
                .kind(RoleRefKind.CLUSTER_ROLE)
                .name(clusterRole)
                .apiGroup(SubjectBase.RBAC_GROUP)
                .build())
        .build();
  }

  /** The role bound (declared by the generated type). */
  public abstract ClusterRoleBindingRoleRef roleRef();

  /**
   * Rejects what the API server rejects: a binding of a Role (a ClusterRoleBinding binds a
   * ClusterRole), and a group other than {@code rbac.authorization.k8s.io}.
   */
  @Value.Check
  protected void checkRoleRef() {
    if (roleRef().kind() != RoleRefKind.CLUSTER_ROLE) {
      throw new IllegalStateException(
          "a ClusterRoleBinding can only bind a ClusterRole, not a " + roleRef().kind().value());
    }
    if (!SubjectBase.RBAC_GROUP.equals(roleRef().apiGroup())) {
      throw new IllegalStateException(
          "roleRef.apiGroup must be " + SubjectBase.RBAC_GROUP + ", not " + roleRef().apiGroup());
    }
  }
}
