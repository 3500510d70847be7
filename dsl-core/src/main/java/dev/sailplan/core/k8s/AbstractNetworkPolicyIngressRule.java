package dev.sailplan.core.k8s;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import org.immutables.value.Value;

/**
 * Kubernetes {@code NetworkPolicyIngressRule}: traffic from any of {@code from} to any of
 * {@code ports}; an empty list matches everything.
 *
 * <p>Build with {@code NetworkPolicyIngressRule.builder()}.
 */
@Value.Immutable
@JsonSerialize(as = NetworkPolicyIngressRule.class)
@JsonDeserialize(as = NetworkPolicyIngressRule.class)
@JsonPropertyOrder({"from", "ports"})
public abstract class AbstractNetworkPolicyIngressRule {
  /** The sources allowed; empty allows every source. */
  @JsonProperty("from")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<NetworkPolicyPeer> from();

  /** The destination ports allowed; empty allows every port. */
  @JsonProperty("ports")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<NetworkPolicyPort> ports();
}
