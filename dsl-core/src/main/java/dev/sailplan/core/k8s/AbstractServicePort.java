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
 * Kubernetes {@code ServicePort}. Istio reads the protocol from {@code appProtocol} or from the
 * name's prefix ({@code http-}, {@code grpc-}, …).
 *
 * <pre>{@code
 * ServicePort.of("http", 9080);
 * ServicePort.of("http", 80, 8080);
 * }</pre>
 *
 * <p>Build with {@code ServicePort.builder()}.
 */
@Value.Immutable
@JsonSerialize(as = ServicePort.class)
@JsonDeserialize(as = ServicePort.class)
@JsonPropertyOrder({"name", "protocol", "appProtocol", "port", "targetPort", "nodePort"})
public abstract class AbstractServicePort {
  /** A named port whose target is the same port number. */
  public static ServicePort of(String name, int port) {
    return ServicePort.builder().name(name).port(port).build();
  }

  /** A named port forwarding to a different container port. */
  public static ServicePort of(String name, int port, int targetPort) {
    return ServicePort.builder().name(name).port(port).targetPort(IntOrString.of(targetPort)).build();
  }

  /** The port's name, required when the service has more than one port. */
  @JsonProperty("name")
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  public abstract Optional<String> name();

  /** The IP protocol; Kubernetes defaults to TCP. */
  @JsonProperty("protocol")
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  public abstract Optional<Protocol> protocol();

  /** The application protocol, e.g. {@code http}, {@code kubernetes.io/h2c}. */
  @JsonProperty("appProtocol")
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  public abstract Optional<String> appProtocol();

  /** The port the service exposes. */
  @JsonProperty("port")
  @Range(min = 1, max = 65535)
  public abstract int port();

  /** The pod port, by number or by container-port name; defaults to {@link #port()}. */
  @JsonProperty("targetPort")
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  public abstract Optional<IntOrString> targetPort();

  /** The port on every node, for {@code NodePort} and {@code LoadBalancer} services. */
  @JsonProperty("nodePort")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Range(min = 1, max = 65535)
  public abstract OptionalInt nodePort();
}
