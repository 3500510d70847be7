package dev.sailplan.core.k8s;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Kubernetes {@code LocalObjectReference}: an object in the same namespace, by name.
 *
 * <p>Build with {@code LocalObjectReference.builder()} or {@code LocalObjectReference.named(...)}.
 */
@Value.Immutable
@JsonSerialize(as = LocalObjectReference.class)
@JsonDeserialize(as = LocalObjectReference.class)
@JsonPropertyOrder({"name"})
public abstract class AbstractLocalObjectReference {
  /** A reference to the named object. */
  public static LocalObjectReference named(String name) {
    return LocalObjectReference.builder().name(name).build();
  }

  /** The referent's name. */
  @JsonProperty("name")
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  public abstract Optional<String> name();
}
