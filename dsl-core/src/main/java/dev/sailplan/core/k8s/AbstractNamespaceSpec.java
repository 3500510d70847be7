package dev.sailplan.core.k8s;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import org.immutables.value.Value;

/**
 * Kubernetes {@code NamespaceSpec}.
 *
 * <p>Build with {@code NamespaceSpec.builder()}.
 */
@Value.Immutable
@JsonSerialize(as = NamespaceSpec.class)
@JsonDeserialize(as = NamespaceSpec.class)
@JsonPropertyOrder({"finalizers"})
public abstract class AbstractNamespaceSpec {
  /** Finalizers that must be removed before the namespace is deleted, e.g. {@code kubernetes}. */
  @JsonProperty("finalizers")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<String> finalizers();
}
