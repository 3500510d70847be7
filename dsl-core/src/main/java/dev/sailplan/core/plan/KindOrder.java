package dev.sailplan.core.plan;

import dev.sailplan.core.generic.GenericObject;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The order of a stage's changes: what it applies first, Namespaces, then the configuration
 * workloads read (ServiceAccounts, ConfigMaps, Secrets, RBAC, volume claims), Services, workloads,
 * other Kubernetes kinds, then mesh configuration (Istio, Gateway API and any other group); what it
 * deletes in the reverse order. {@code kubectl apply -f} applies a file's objects in order.
 */
final class KindOrder {
  private static final Set<String> CONFIGURATION =
      Set.of(
          "ServiceAccount",
          "ConfigMap",
          "Secret",
          "Role",
          "ClusterRole",
          "RoleBinding",
          "ClusterRoleBinding",
          "PersistentVolumeClaim",
          "PersistentVolume",
          "StorageClass",
          "PriorityClass",
          "LimitRange",
          "ResourceQuota");

  private static final Set<String> KUBERNETES_GROUPS =
      Set.of(
          "",
          "apps",
          "batch",
          "autoscaling",
          "policy",
          "networking.k8s.io",
          "rbac.authorization.k8s.io",
          "storage.k8s.io",
          "scheduling.k8s.io",
          "discovery.k8s.io",
          "coordination.k8s.io",
          "node.k8s.io",
          "apiextensions.k8s.io",
          "admissionregistration.k8s.io");

  /** The rank of mesh configuration, the last to apply and the first to delete. */
  private static final int MESH = 6;

  /**
   * Applies in rank order, deletes in reverse rank order (a delete of rank r sorts as 2 * MESH - r,
   * so mesh configuration's changes meet in the middle, in key order as they always were, and
   * Namespaces are deleted last), then key order. A stage's changes are safe in any order; this is
   * the order its file and {@code apply.sh} list them in.
   */
  static final Comparator<Change> CHANGES =
      Comparator.comparingInt((Change c) -> c.isDelete() ? 2 * MESH - rank(c) : rank(c))
          .thenComparing(Change::key);

  private KindOrder() {}

  /** The changes in stage order. */
  static List<Change> sorted(List<Change> changes) {
    return changes.stream().sorted(CHANGES).toList();
  }

  private static int rank(Change c) {
    ResourceKey k = c.key();
    boolean workload =
        c.after()
            .or(c::before)
            .filter(GenericObject.class::isInstance)
            .map(GenericObject.class::cast)
            .filter(GenericObject::isWorkload)
            .isPresent();
    if (k.group().isEmpty() && k.kind().equals("Namespace")) {
      return 0;
    }
    if (k.kind().equals("CustomResourceDefinition")) {
      return 1;
    }
    if (KUBERNETES_GROUPS.contains(k.group()) && CONFIGURATION.contains(k.kind())) {
      return 2;
    }
    if (k.group().isEmpty() && k.kind().equals("Service")) {
      return 3;
    }
    if (workload) {
      return 4;
    }
    return KUBERNETES_GROUPS.contains(k.group()) ? 5 : MESH;
  }
}
