package dev.sailplan.core.k8s;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.kind.Identity;
import dev.sailplan.core.meta.ObjectMeta;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Kubernetes {@code NetworkPolicy} ({@code networking.k8s.io/v1}): L3/L4 rules that complement
 * the mesh's L7 authorization.
 *
 * <pre>{@code
 * NetworkPolicy denyAll = NetworkPolicy.builder()
 *     .metadata(ObjectMeta.ref("bookinfo/deny-all"))
 *     .spec(NetworkPolicySpec.builder()
 *         .podSelector(LabelSelector.all())
 *         .addPolicyTypes("Ingress")
 *         .build())
 *     .build();
 * }</pre>
 *
 * <p>Build with {@code NetworkPolicy.builder()}.
 */
@Value.Immutable
@JsonSerialize(as = NetworkPolicy.class)
@JsonDeserialize(as = NetworkPolicy.class)
@JsonPropertyOrder({"apiVersion", "kind", "metadata", "spec"})
public abstract class AbstractNetworkPolicy implements Resource {
  /** The API group. */
  public static final String GROUP = "networking.k8s.io";

  /** The kind. */
  public static final String KIND = "NetworkPolicy";

  /** The apiVersions this kind parses from; the first is rendered by default. */
  public static final List<String> API_VERSIONS = List.of("networking.k8s.io/v1");

  /** Whether objects of this kind live in a namespace. */
  public static final boolean NAMESPACED = true;

  /** The pods the policy selects and the traffic it allows. */
  @JsonProperty("spec")
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  public abstract Optional<NetworkPolicySpec> spec();

  /** The apiVersion, always {@code networking.k8s.io/v1}. */
  @Override
  @JsonProperty("apiVersion")
  @Value.Default
  public String apiVersion() {
    return API_VERSIONS.get(0);
  }

  /** Always {@code NetworkPolicy}. */
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
