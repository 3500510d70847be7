package dev.sailplan.core.k8s;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.sailplan.core.schema.Range;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * Kubernetes {@code ServiceSpec}. String-valued policies whose set Kubernetes may grow
 * ({@code externalTrafficPolicy}, {@code ipFamilyPolicy}, …) stay strings.
 *
 * <p>Build with {@code ServiceSpec.builder()}.
 */
@Value.Immutable
@JsonSerialize(as = ServiceSpec.class)
@JsonDeserialize(as = ServiceSpec.class)
@JsonPropertyOrder({
  "type", "selector", "ports", "clusterIP", "clusterIPs", "externalIPs", "externalName",
  "externalTrafficPolicy", "internalTrafficPolicy", "trafficDistribution", "sessionAffinity",
  "sessionAffinityConfig", "ipFamilies", "ipFamilyPolicy", "loadBalancerIP",
  "loadBalancerSourceRanges", "loadBalancerClass", "allocateLoadBalancerNodePorts",
  "healthCheckNodePort", "publishNotReadyAddresses"
})
public abstract class AbstractServiceSpec {
  /** How the service is exposed; Kubernetes defaults to {@code ClusterIP}. */
  @JsonProperty("type")
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  public abstract Optional<ServiceType> type();

  /** Labels of the pods the service routes to. */
  @JsonProperty("selector")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract Map<String, String> selector();

  /** The ports the service exposes. */
  @JsonProperty("ports")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<ServicePort> ports();

  /** The cluster IP, {@code None} for a headless service; usually assigned by the cluster. */
  @JsonProperty("clusterIP")
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  public abstract Optional<String> clusterIP();

  /** The cluster IPs, one per IP family; the first equals {@code clusterIP}. */
  @JsonProperty("clusterIPs")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<String> clusterIPs();

  /** Extra IPs on which nodes accept traffic for the service. */
  @JsonProperty("externalIPs")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<String> externalIPs();

  /** The DNS name an {@code ExternalName} service aliases. */
  @JsonProperty("externalName")
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  public abstract Optional<String> externalName();

  /** {@code Cluster} or {@code Local}: how external traffic is routed to endpoints. */
  @JsonProperty("externalTrafficPolicy")
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  public abstract Optional<String> externalTrafficPolicy();

  /** {@code Cluster} or {@code Local}: how in-cluster traffic is routed to endpoints. */
  @JsonProperty("internalTrafficPolicy")
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  public abstract Optional<String> internalTrafficPolicy();

  /** A preference for how traffic is spread over endpoints, e.g. {@code PreferClose}. */
  @JsonProperty("trafficDistribution")
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  public abstract Optional<String> trafficDistribution();

  /** {@code ClientIP} or {@code None}: session stickiness. */
  @JsonProperty("sessionAffinity")
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  public abstract Optional<String> sessionAffinity();

  /** Session-affinity settings ({@code clientIP.timeoutSeconds}), kept as a JSON tree. */
  @JsonProperty("sessionAffinityConfig")
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  public abstract Optional<JsonNode> sessionAffinityConfig();

  /** {@code IPv4} and/or {@code IPv6}, in order of preference. */
  @JsonProperty("ipFamilies")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<String> ipFamilies();

  /** {@code SingleStack}, {@code PreferDualStack} or {@code RequireDualStack}. */
  @JsonProperty("ipFamilyPolicy")
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  public abstract Optional<String> ipFamilyPolicy();

  /** The load-balancer IP requested (deprecated by Kubernetes, still served). */
  @JsonProperty("loadBalancerIP")
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  public abstract Optional<String> loadBalancerIP();

  /** CIDRs allowed to reach a load balancer. */
  @JsonProperty("loadBalancerSourceRanges")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<String> loadBalancerSourceRanges();

  /** The load-balancer implementation to use. */
  @JsonProperty("loadBalancerClass")
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  public abstract Optional<String> loadBalancerClass();

  /** Whether a {@code LoadBalancer} service is given node ports. */
  @JsonProperty("allocateLoadBalancerNodePorts")
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  public abstract Optional<Boolean> allocateLoadBalancerNodePorts();

  /** The node port for load-balancer health checks with {@code externalTrafficPolicy: Local}. */
  @JsonProperty("healthCheckNodePort")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Range(min = 1, max = 65535)
  public abstract OptionalInt healthCheckNodePort();

  /** Whether endpoints include pods that are not ready. */
  @JsonProperty("publishNotReadyAddresses")
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  public abstract Optional<Boolean> publishNotReadyAddresses();
}
