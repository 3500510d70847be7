package dev.sailplan.core.k8s;

import dev.sailplan.core.value.IntOrString;

/**
 * Factories of {@link NetworkPolicyPort}, called on the type (the generated {@code
 * AbstractNetworkPolicyPort} extends this class).
 *
 * <pre>{@code
 * NetworkPolicyPort.tcp(9080);
 * NetworkPolicyPort.builder().protocol(Protocol.TCP).port(IntOrString.of(32000)).endPort(32768).build();
 * }</pre>
 */
public abstract class NetworkPolicyPortBase {
  NetworkPolicyPortBase() {}

  /** A TCP port by number. */
  public static NetworkPolicyPort tcp(int port) {
    return NetworkPolicyPort.builder().protocol(Protocol.TCP).port(IntOrString.of(port)).build();
  }

  /** A UDP port by number. */
  public static NetworkPolicyPort udp(int port) {
    return NetworkPolicyPort.builder().protocol(Protocol.UDP).port(IntOrString.of(port)).build();
  }
}
