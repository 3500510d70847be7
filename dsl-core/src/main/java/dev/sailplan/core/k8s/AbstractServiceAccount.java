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
 * Kubernetes {@code ServiceAccount} ({@code v1}): the identity a workload runs as, and so its
 * mesh (SPIFFE) identity.
 *
 * <pre>{@code
 * ServiceAccount sa = ServiceAccount.ref("bookinfo/bookinfo-reviews");
 * }</pre>
 *
 * <p>Build with {@code ServiceAccount.builder()}.
 */
@Value.Immutable
@JsonSerialize(as = ServiceAccount.class)
@JsonDeserialize(as = ServiceAccount.class)
@JsonPropertyOrder({
  "apiVersion", "kind", "metadata", "automountServiceAccountToken", "secrets", "imagePullSecrets"
})
public abstract class AbstractServiceAccount implements Resource {
  /** The API group: the core group, empty. */
  public static final String GROUP = "";

  /** The kind. */
  public static final String KIND = "ServiceAccount";

  /** The apiVersions this kind parses from; the first is rendered by default. */
  public static final List<String> API_VERSIONS = List.of("v1");

  /** Whether objects of this kind live in a namespace. */
  public static final boolean NAMESPACED = true;

  /**
   * A service account from a {@code namespace/name} reference, or a bare {@code name}.
   *
   * @throws IllegalArgumentException when the reference is malformed
   */
  public static ServiceAccount ref(String namespaceSlashName) {
    return ServiceAccount.builder().metadata(ObjectMeta.ref(namespaceSlashName)).build();
  }

  /** Whether pods running as this account get an API token mounted automatically. */
  @JsonProperty("automountServiceAccountToken")
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  public abstract Optional<Boolean> automountServiceAccountToken();

  /** Secrets that pods running as this account may use. */
  @JsonProperty("secrets")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<ObjectReference> secrets();

  /** Secrets used to pull images for pods running as this account. */
  @JsonProperty("imagePullSecrets")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<LocalObjectReference> imagePullSecrets();

  /** The apiVersion, always {@code v1}. */
  @Override
  @JsonProperty("apiVersion")
  @Value.Default
  public String apiVersion() {
    return API_VERSIONS.get(0);
  }

  /** Always {@code ServiceAccount}. */
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
