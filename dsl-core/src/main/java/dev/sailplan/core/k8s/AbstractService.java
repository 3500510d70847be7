package dev.sailplan.core.k8s;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.kind.Identity;
import dev.sailplan.core.meta.ObjectMeta;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Kubernetes {@code Service} ({@code v1}): the host names that mesh routing addresses.
 *
 * <pre>{@code
 * Service reviews = Service.builder()
 *     .metadata(ObjectMeta.ref("bookinfo/reviews"))
 *     .spec(ServiceSpec.builder()
 *         .putSelector("app", "reviews")
 *         .addPorts(ServicePort.of("http", 9080))
 *         .build())
 *     .build();
 * }</pre>
 *
 * <p>Build with {@code Service.builder()}.
 */
@Value.Immutable
@JsonSerialize(as = Service.class)
@JsonDeserialize(as = Service.class)
@JsonPropertyOrder({"apiVersion", "kind", "metadata", "spec", "status"})
public abstract class AbstractService implements Resource {
  /** The API group: the core group, empty. */
  public static final String GROUP = "";

  /** The kind. */
  public static final String KIND = "Service";

  /** The apiVersions this kind parses from; the first is rendered by default. */
  public static final List<String> API_VERSIONS = List.of("v1");

  /** Whether objects of this kind live in a namespace. */
  public static final boolean NAMESPACED = true;

  /** The service's type, selector, ports and addressing. */
  @JsonProperty("spec")
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  public abstract Optional<ServiceSpec> spec();

  /** Status set by the cluster (load-balancer ingress, conditions), kept as a JSON tree. */
  @JsonProperty("status")
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  public abstract Optional<JsonNode> status();

  /** The apiVersion, always {@code v1}. */
  @Override
  @JsonProperty("apiVersion")
  @Value.Default
  public String apiVersion() {
    return API_VERSIONS.get(0);
  }

  /** Always {@code Service}. */
  @Override
  @JsonProperty("kind")
  @Value.Default
  public String kind() {
    return KIND;
  }

  /** Name, namespace, labels, annotations and the rest of the object's metadata. */
  @Override
  @JsonProperty("metadata")
  public abstract ObjectMeta metadata();

  /** Rejects a kind or apiVersion that is not this type's. */
  @Value.Check
  protected void checkIdentity() {
    Identity.check(KIND, API_VERSIONS, kind(), apiVersion());
  }
}
