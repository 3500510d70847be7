package dev.sailplan.core.k8s;

import dev.sailplan.core.kind.KindInfo;
import dev.sailplan.core.kind.KindProvider;
import java.util.List;

/**
 * Contributes the hand-written Kubernetes kinds to the {@link dev.sailplan.core.kind.KindRegistry}:
 * {@link Namespace}, {@link ServiceAccount}, {@link Service} and {@link NetworkPolicy}.
 */
public final class CoreKinds implements KindProvider {
  private static final List<KindInfo> KINDS = List.of(
      new KindInfo(AbstractNamespace.GROUP, AbstractNamespace.KIND, List.of("v1"),
          AbstractNamespace.NAMESPACED, Namespace.class),
      new KindInfo(AbstractServiceAccount.GROUP, AbstractServiceAccount.KIND, List.of("v1"),
          AbstractServiceAccount.NAMESPACED, ServiceAccount.class),
      new KindInfo(AbstractService.GROUP, AbstractService.KIND, List.of("v1"),
          AbstractService.NAMESPACED, Service.class),
      new KindInfo(AbstractNetworkPolicy.GROUP, AbstractNetworkPolicy.KIND, List.of("v1"),
          AbstractNetworkPolicy.NAMESPACED, NetworkPolicy.class));

  /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
  public CoreKinds() {}

  /** Namespace, ServiceAccount, Service and NetworkPolicy. */
  @Override
  public List<KindInfo> kinds() {
    return KINDS;
  }
}
