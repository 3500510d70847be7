package dev.sailplan.core.k8s;

import dev.sailplan.core.meta.ObjectMeta;

/**
 * Factories of {@link Namespace}. The generated {@code AbstractNamespace} extends this class, so
 * they are called on the kind: {@code Namespace.named("bookinfo")}.
 */
public abstract class NamespaceBase {
  NamespaceBase() {}

  /**
   * A namespace with just a name.
   *
   * <pre>{@code
   * Namespace ns = Namespace.named("bookinfo");
   * }</pre>
   */
  public static Namespace named(String name) {
    return Namespace.builder().metadata(ObjectMeta.named(name)).build();
  }
}
