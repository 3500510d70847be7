package dev.sailplan.core.k8s;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Kubernetes {@code ObjectReference}: a reference to another object, every part optional.
 *
 * <p>Build with {@code ObjectReference.builder()}.
 */
@Value.Immutable
@JsonSerialize(as = ObjectReference.class)
@JsonDeserialize(as = ObjectReference.class)
@JsonPropertyOrder({"apiVersion", "kind", "namespace", "name", "uid", "resourceVersion", "fieldPath"})
public abstract class AbstractObjectReference {
  /** A reference to an object by name alone. */
  public static ObjectReference named(String name) {
    return ObjectReference.builder().name(name).build();
  }

  /** The referent's apiVersion. */
  @JsonProperty("apiVersion")
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  public abstract Optional<String> apiVersion();

  /** The referent's kind. */
  @JsonProperty("kind")
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  public abstract Optional<String> kind();

  /** The referent's namespace. */
  @JsonProperty("namespace")
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  public abstract Optional<String> namespace();

  /** The referent's name. */
  @JsonProperty("name")
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  public abstract Optional<String> name();

  /** The referent's UID. */
  @JsonProperty("uid")
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  public abstract Optional<String> uid();

  /** The referent's resourceVersion. */
  @JsonProperty("resourceVersion")
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  public abstract Optional<String> resourceVersion();

  /** A field inside the referent, e.g. {@code spec.containers{name}}. */
  @JsonProperty("fieldPath")
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  public abstract Optional<String> fieldPath();
}
