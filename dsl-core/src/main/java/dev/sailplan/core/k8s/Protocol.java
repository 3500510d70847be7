package dev.sailplan.core.k8s;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A Kubernetes IP protocol, as used by service and network-policy ports. */
public enum Protocol {
  /** {@code TCP} (the default). */
  @JsonProperty("TCP")
  TCP("TCP"),

  /** {@code UDP}. */
  @JsonProperty("UDP")
  UDP("UDP"),

  /** {@code SCTP}. */
  @JsonProperty("SCTP")
  SCTP("SCTP");

  private final String value;

  Protocol(String value) {
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
