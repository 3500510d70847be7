package dev.sailplan.core.k8s;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * Factories of {@link NetworkPolicyPeer}, called on the type (the generated {@code
 * AbstractNetworkPolicyPeer} extends this class), and the API server's rule on peers, which the
 * schema cannot express: one of the three is set, and an ipBlock stands alone.
 *
 * <pre>{@code
 * NetworkPolicyPeer.pods(LabelSelector.matching("app", "productpage"));
 * NetworkPolicyPeer.namespaces(LabelSelector.matching("kubernetes.io/metadata.name", "istio-system"));
 * NetworkPolicyPeer.cidr("10.0.0.0/8");
 * }</pre>
 */
public abstract class NetworkPolicyPeerBase {
  NetworkPolicyPeerBase() {}

  /** Pods in the policy's namespace matching the selector. */
  public static NetworkPolicyPeer pods(LabelSelector podSelector) {
    return NetworkPolicyPeer.builder().podSelector(podSelector).build();
  }

  /** Every pod in the namespaces matching the selector. */
  public static NetworkPolicyPeer namespaces(LabelSelector namespaceSelector) {
    return NetworkPolicyPeer.builder().namespaceSelector(namespaceSelector).build();
  }

  /** Every address in a CIDR range. */
  public static NetworkPolicyPeer cidr(String cidr) {
    return NetworkPolicyPeer.builder().ipBlock(IPBlock.of(cidr)).build();
  }

  /** The pods selected (declared by the generated type). */
  public abstract Optional<LabelSelector> podSelector();

  /** The namespaces selected (declared by the generated type). */
  public abstract Optional<LabelSelector> namespaceSelector();

  /** An IP range (declared by the generated type). */
  public abstract Optional<IPBlock> ipBlock();

  /** Rejects an empty peer, and an ipBlock combined with a selector. */
  @Value.Check
  protected void checkPeer() {
    boolean selector = podSelector().isPresent() || namespaceSelector().isPresent();
    if (!selector && ipBlock().isEmpty()) {
      throw new IllegalStateException(
          "NetworkPolicyPeer needs one of podSelector, namespaceSelector or ipBlock");
    }
    if (selector && ipBlock().isPresent()) {
      throw new IllegalStateException(
          "NetworkPolicyPeer may not combine ipBlock with podSelector or namespaceSelector");
    }
  }
}
