package dev.sailplan.core.k8s;

import dev.sailplan.core.meta.ObjectMeta;
import java.util.List;

/**
 * Factories of {@link RoleBinding}, called on the kind (the generated {@code AbstractRoleBinding}
 * extends this class).
 *
 * <pre>{@code
 * // The rules of a ClusterRole, granted to a team in one namespace.
 * RoleBinding b =
 *     RoleBinding.of("bookinfo/service-owner",
 *         RoleRef.clusterRole("sailplan:service-owner"), Subject.group("bookinfo-team"));
 * }</pre>
 */
public abstract class RoleBindingBase {
  RoleBindingBase() {}

  /**
   * A binding from a {@code namespace/name} reference, of a role to subjects.
   *
   * @throws IllegalArgumentException when the reference is malformed
   */
  public static RoleBinding of(String namespaceSlashName, RoleRef role, Subject... subjects) {
    return of(namespaceSlashName, role, List.of(subjects));
  }

  /**
   * A binding from a {@code namespace/name} reference, of a role to subjects.
   *
   * @throws IllegalArgumentException when the reference is malformed
   */
  public static RoleBinding of(String namespaceSlashName, RoleRef role, List<Subject> subjects) {
    return RoleBinding.builder()
        .metadata(ObjectMeta.ref(namespaceSlashName))
        .addAllSubjects(subjects)
        .roleRef(role)
        .build();
  }

  /** A binding of a role to groups, in the order given. */
  public static RoleBinding forGroups(
      String namespaceSlashName, RoleRef role, List<String> groups) {
    return of(namespaceSlashName, role, groups.stream().map(Subject::group).toList());
  }
}
