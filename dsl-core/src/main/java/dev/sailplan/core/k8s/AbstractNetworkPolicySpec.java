package dev.sailplan.core.k8s;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import org.immutables.value.Value;

/**
 * Kubernetes {@code NetworkPolicySpec}.
 *
 * <p>Build with {@code NetworkPolicySpec.builder()}.
 */
@Value.Immutable
@JsonSerialize(as = NetworkPolicySpec.class)
@JsonDeserialize(as = NetworkPolicySpec.class)
@JsonPropertyOrder({"podSelector", "policyTypes", "ingress", "egress"})
public abstract class AbstractNetworkPolicySpec {
  /** The pods in the policy's namespace it applies to; an empty selector selects them all. */
  @JsonProperty("podSelector")
  public abstract LabelSelector podSelector();

  /** {@code Ingress} and/or {@code Egress}: which directions the policy restricts. */
  @JsonProperty("policyTypes")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<String> policyTypes();

  /** Incoming traffic allowed to the selected pods. */
  @JsonProperty("ingress")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<NetworkPolicyIngressRule> ingress();

  /** Outgoing traffic allowed from the selected pods. */
  @JsonProperty("egress")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<NetworkPolicyEgressRule> egress();
}
