package dev.sailplan.core.k8s;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import org.immutables.value.Value;

/**
 * Kubernetes {@code LabelSelectorRequirement}: a label key, an operator and values.
 *
 * <pre>{@code
 * LabelSelectorRequirement.in("version", "v1", "v2");
 * LabelSelectorRequirement.exists("app");
 * }</pre>
 *
 * <p>Build with {@code LabelSelectorRequirement.builder()}.
 */
@Value.Immutable
@JsonSerialize(as = LabelSelectorRequirement.class)
@JsonDeserialize(as = LabelSelectorRequirement.class)
@JsonPropertyOrder({"key", "operator", "values"})
public abstract class AbstractLabelSelectorRequirement {
  /** The label's value is one of {@code values}. */
  public static LabelSelectorRequirement in(String key, String... values) {
    return of(key, LabelSelectorOperator.IN, values);
  }

  /** The label is absent or its value is none of {@code values}. */
  public static LabelSelectorRequirement notIn(String key, String... values) {
    return of(key, LabelSelectorOperator.NOT_IN, values);
  }

  /** The label is present. */
  public static LabelSelectorRequirement exists(String key) {
    return of(key, LabelSelectorOperator.EXISTS);
  }

  /** The label is absent. */
  public static LabelSelectorRequirement doesNotExist(String key) {
    return of(key, LabelSelectorOperator.DOES_NOT_EXIST);
  }

  private static LabelSelectorRequirement of(String key, LabelSelectorOperator operator, String... values) {
    return LabelSelectorRequirement.builder().key(key).operator(operator).addValues(values).build();
  }

  /** The label key. */
  @JsonProperty("key")
  public abstract String key();

  /** How the label relates to {@link #values()}. */
  @JsonProperty("operator")
  public abstract LabelSelectorOperator operator();

  /** The values; non-empty for {@code In} and {@code NotIn}, empty otherwise. */
  @JsonProperty("values")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<String> values();
}
