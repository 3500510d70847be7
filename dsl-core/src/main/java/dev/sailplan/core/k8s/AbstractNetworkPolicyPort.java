package dev.sailplan.core.k8s;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.sailplan.core.schema.Range;
import dev.sailplan.core.value.IntOrString;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * Kubernetes {@code NetworkPolicyPort}: a protocol and a port, a named port, or a port range.
 *
 * <pre>{@code
 * NetworkPolicyPort.tcp(9080);
 * NetworkPolicyPort.builder().protocol(Protocol.TCP).port(IntOrString.of(32000)).endPort(32768).build();
 * }</pre>
 *
 * <p>Build with {@code NetworkPolicyPort.builder()}.
 */
@Value.Immutable
@JsonSerialize(as = NetworkPolicyPort.class)
@JsonDeserialize(as = NetworkPolicyPort.class)
@JsonPropertyOrder({"protocol", "port", "endPort"})
public abstract class AbstractNetworkPolicyPort {
  /** A TCP port by number. */
  public static NetworkPolicyPort tcp(int port) {
    return NetworkPolicyPort.builder().protocol(Protocol.TCP).port(IntOrString.of(port)).build();
  }

  /** A UDP port by number. */
  public static NetworkPolicyPort udp(int port) {
    return NetworkPolicyPort.builder().protocol(Protocol.UDP).port(IntOrString.of(port)).build();
  }

  /** The protocol; Kubernetes defaults to TCP. */
  @JsonProperty("protocol")
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  public abstract Optional<Protocol> protocol();

  /** The port, by number or by container-port name; absent matches every port. */
  @JsonProperty("port")
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  public abstract Optional<IntOrString> port();

  /** With a numeric {@link #port()}, the last port of the range (inclusive). */
  @JsonProperty("endPort")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Range(min = 1, max = 65535)
  public abstract OptionalInt endPort();
}
