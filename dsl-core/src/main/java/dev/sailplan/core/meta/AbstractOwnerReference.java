package dev.sailplan.core.meta;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** Kubernetes {@code OwnerReference}: the object that owns this one. */
@Value.Immutable
@JsonSerialize(as = OwnerReference.class)
@JsonDeserialize(as = OwnerReference.class)
@JsonPropertyOrder({"apiVersion", "kind", "name", "uid", "controller", "blockOwnerDeletion"})
public abstract class AbstractOwnerReference {
  @JsonProperty("apiVersion")
  public abstract String apiVersion();

  @JsonProperty("kind")
  public abstract String kind();

  @JsonProperty("name")
  public abstract String name();

  @JsonProperty("uid")
  public abstract String uid();

  @JsonProperty("controller")
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  public abstract Optional<Boolean> controller();

  @JsonProperty("blockOwnerDeletion")
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  public abstract Optional<Boolean> blockOwnerDeletion();
}
