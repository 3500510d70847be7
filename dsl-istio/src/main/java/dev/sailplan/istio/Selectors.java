package dev.sailplan.istio;

import dev.sailplan.istio.networking.common.WorkloadLabels;
import dev.sailplan.istio.type.v1beta1.PolicyTargetReference;
import dev.sailplan.istio.type.v1beta1.WorkloadSelector;

/**
 * What an Istio resource applies to: the workloads it selects, or the resource it targets. Istio
 * defines each of these once and every kind shares it, so one value fits every kind that takes one.
 *
 * <pre>{@code
 * import static dev.sailplan.istio.Selectors.*;
 *
 * WorkloadSelector reviews = workloadSelector("app", "reviews");
 * AuthorizationPolicySpec.builder().selector(reviews)...
 * TelemetrySpec.builder().selector(reviews)...
 * RequestAuthenticationSpec.builder().addTargetRefs(gatewayTarget("ingress"))...
 * SidecarSpec.builder().workloadSelector(workloadLabels("app", "batch"))...
 * }</pre>
 */
public final class Selectors {
  private Selectors() {}

  /**
   * Selects workloads by label pairs ({@code matchLabels}), for the kinds that take a {@code
   * selector} or a DestinationRule's {@code workloadSelector}: AuthorizationPolicy,
   * PeerAuthentication, RequestAuthentication, Telemetry, WasmPlugin, TrafficExtension,
   * DestinationRule, ProxyConfig.
   */
  public static WorkloadSelector workloadSelector(String... labelPairs) {
    return WorkloadSelector.builder().putAllMatchLabels(Labels.of(labelPairs)).build();
  }

  /**
   * Selects workloads by label pairs ({@code labels}), for the networking kinds whose {@code
   * workloadSelector} predates {@code matchLabels}: Sidecar, ServiceEntry, EnvoyFilter.
   */
  public static WorkloadLabels workloadLabels(String... labelPairs) {
    return WorkloadLabels.builder().putAllLabels(Labels.of(labelPairs)).build();
  }

  /**
   * Targets a resource by group, kind and name in the policy's namespace, for the kinds that take a
   * {@code targetRef} or {@code targetRefs}: {@code policyTarget("", "Service", "reviews")}.
   */
  public static PolicyTargetReference policyTarget(String group, String kind, String name) {
    return PolicyTargetReference.builder().group(group).kind(kind).name(name).build();
  }

  /** Targets a Gateway API {@code Gateway} (or waypoint) of the policy's namespace. */
  public static PolicyTargetReference gatewayTarget(String name) {
    return policyTarget("gateway.networking.k8s.io", "Gateway", name);
  }

  /** Targets a Kubernetes {@code Service} of the policy's namespace. */
  public static PolicyTargetReference serviceTarget(String name) {
    return policyTarget("", "Service", name);
  }
}
