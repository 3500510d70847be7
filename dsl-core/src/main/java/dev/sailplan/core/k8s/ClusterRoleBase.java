package dev.sailplan.core.k8s;

import dev.sailplan.core.meta.ObjectMeta;

/**
 * Factories of {@link ClusterRole}, called on the kind (the generated {@code AbstractClusterRole}
 * extends this class).
 *
 * <pre>{@code
 * ClusterRole owner =
 *     ClusterRole.of("sailplan:service-owner",
 *         PolicyRule.of("networking.istio.io", List.of("virtualservices"), PolicyRule.EDIT));
 * }</pre>
 */
public abstract class ClusterRoleBase {
  ClusterRoleBase() {}

  /** A cluster role with a name and its rules. */
  public static ClusterRole of(String name, PolicyRule... rules) {
    return ClusterRole.builder().metadata(ObjectMeta.named(name)).addRules(rules).build();
  }
}
