package dev.sailplan.core.k8s;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Kubernetes {@code NetworkPolicyPeer}: pods (by pod and/or namespace selector) or an IP block.
 * As the API server does, it rejects a peer with nothing set and an {@code ipBlock} combined with
 * a selector.
 *
 * <pre>{@code
 * NetworkPolicyPeer.pods(LabelSelector.matching("app", "productpage"));
 * NetworkPolicyPeer.namespaces(LabelSelector.matching("kubernetes.io/metadata.name", "istio-system"));
 * NetworkPolicyPeer.cidr("10.0.0.0/8");
 * }</pre>
 *
 * <p>Build with {@code NetworkPolicyPeer.builder()}.
 */
@Value.Immutable
@JsonSerialize(as = NetworkPolicyPeer.class)
@JsonDeserialize(as = NetworkPolicyPeer.class)
@JsonPropertyOrder({"podSelector", "namespaceSelector", "ipBlock"})
public abstract class AbstractNetworkPolicyPeer {
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

  /** The pods selected; with {@link #namespaceSelector()}, pods in the namespaces selected. */
  @JsonProperty("podSelector")
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  public abstract Optional<LabelSelector> podSelector();

  /** The namespaces selected. */
  @JsonProperty("namespaceSelector")
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  public abstract Optional<LabelSelector> namespaceSelector();

  /** An IP range; excludes both selectors. */
  @JsonProperty("ipBlock")
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
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
