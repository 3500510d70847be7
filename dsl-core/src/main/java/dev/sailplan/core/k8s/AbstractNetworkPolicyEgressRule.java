package dev.sailplan.core.k8s;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import org.immutables.value.Value;

/**
 * Kubernetes {@code NetworkPolicyEgressRule}: traffic to any of {@code to} on any of
 * {@code ports}; an empty list matches everything.
 *
 * <p>Build with {@code NetworkPolicyEgressRule.builder()}.
 */
@Value.Immutable
@JsonSerialize(as = NetworkPolicyEgressRule.class)
@JsonDeserialize(as = NetworkPolicyEgressRule.class)
@JsonPropertyOrder({"to", "ports"})
public abstract class AbstractNetworkPolicyEgressRule {
  /** The destinations allowed; empty allows every destination. */
  @JsonProperty("to")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<NetworkPolicyPeer> to();

  /** The destination ports allowed; empty allows every port. */
  @JsonProperty("ports")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<NetworkPolicyPort> ports();
}
