package dev.sailplan.core.k8s;

import dev.sailplan.core.meta.ObjectMeta;

/**
 * Factories of {@link ServiceAccount}, called on the kind (the generated {@code
 * AbstractServiceAccount} extends this class).
 */
public abstract class ServiceAccountBase {
  ServiceAccountBase() {}

  /**
   * A service account from a {@code namespace/name} reference, or a bare {@code name}.
   *
   * <pre>{@code
   * ServiceAccount sa = ServiceAccount.ref("bookinfo/bookinfo-reviews");
   * }</pre>
   *
   * @throws IllegalArgumentException when the reference is malformed
   */
  public static ServiceAccount ref(String namespaceSlashName) {
    return ServiceAccount.builder().metadata(ObjectMeta.ref(namespaceSlashName)).build();
  }
}
