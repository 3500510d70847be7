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
 * Kubernetes {@code Namespace} ({@code v1}), a cluster-scoped kind.
 *
 * <pre>{@code
 * Namespace ns = Namespace.named("bookinfo");
 * }</pre>
 *
 * <p>Build with {@code Namespace.builder()}.
 */
@Value.Immutable
@JsonSerialize(as = Namespace.class)
@JsonDeserialize(as = Namespace.class)
@JsonPropertyOrder({"apiVersion", "kind", "metadata", "spec", "status"})
public abstract class AbstractNamespace implements Resource {
  /** The API group: the core group, empty. */
  public static final String GROUP = "";

  /** The kind. */
  public static final String KIND = "Namespace";

  /** The apiVersions this kind parses from; the first is rendered by default. */
  public static final List<String> API_VERSIONS = List.of("v1");

  /** Whether objects of this kind live in a namespace. */
  public static final boolean NAMESPACED = false;

  /** A namespace with just a name. */
  public static Namespace named(String name) {
    return Namespace.builder().metadata(ObjectMeta.named(name)).build();
  }

  /** The namespace's spec: its finalizers. */
  @JsonProperty("spec")
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  public abstract Optional<NamespaceSpec> spec();

  /** Status set by the cluster ({@code phase}, {@code conditions}), kept as a JSON tree. */
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

  /** Always {@code Namespace}. */
  @Override
  @JsonProperty("kind")
  @Value.Default
  public String kind() {
    return KIND;
  }

  /** Name, labels, annotations and the rest of the object's metadata. */
  @Override
  @JsonProperty("metadata")
  public abstract ObjectMeta metadata();

  /** Rejects a kind or apiVersion that is not this type's. */
  @Value.Check
  protected void checkIdentity() {
    Identity.check(KIND, API_VERSIONS, kind(), apiVersion());
  }
}
