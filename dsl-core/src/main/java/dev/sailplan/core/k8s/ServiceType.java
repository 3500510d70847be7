package dev.sailplan.core.k8s;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a {@link Service} is exposed: Kubernetes {@code ServiceSpec.type}. */
public enum ServiceType {
  /** {@code ClusterIP}: a virtual IP reachable inside the cluster (the default). */
  @JsonProperty("ClusterIP")
  CLUSTER_IP("ClusterIP"),

  /** {@code NodePort}: a cluster IP plus a port on every node. */
  @JsonProperty("NodePort")
  NODE_PORT("NodePort"),

  /** {@code LoadBalancer}: a node port plus an external load balancer. */
  @JsonProperty("LoadBalancer")
  LOAD_BALANCER("LoadBalancer"),

  /** {@code ExternalName}: a DNS CNAME to {@code externalName}. */
  @JsonProperty("ExternalName")
  EXTERNAL_NAME("ExternalName");

  private final String value;

  ServiceType(String value) {
    this.value = value;
  }

  /** The value as written in YAML. */
  public String value() {
    return value;
  }

  /** The value as written in YAML. */
  @Override
  public String toString() {
    return value;
  }
}
