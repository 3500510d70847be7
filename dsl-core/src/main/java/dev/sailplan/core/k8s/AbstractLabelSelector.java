package dev.sailplan.core.k8s;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/**
 * Kubernetes {@code LabelSelector}: label equalities and set-based requirements, all of which
 * must match. An empty selector matches everything.
 *
 * <pre>{@code
 * LabelSelector.all();
 * LabelSelector.matching("app", "reviews");
 * }</pre>
 *
 * <p>Build with {@code LabelSelector.builder()}.
 */
@Value.Immutable
@JsonSerialize(as = LabelSelector.class)
@JsonDeserialize(as = LabelSelector.class)
@JsonPropertyOrder({"matchLabels", "matchExpressions"})
public abstract class AbstractLabelSelector {
  /** The empty selector, which matches every object. */
  public static LabelSelector all() {
    return LabelSelector.builder().build();
  }

  /** A selector matching objects with this label. */
  public static LabelSelector matching(String key, String value) {
    return LabelSelector.builder().putMatchLabels(key, value).build();
  }

  /** A selector matching objects with all of these labels. */
  public static LabelSelector matching(Map<String, String> labels) {
    return LabelSelector.builder().putAllMatchLabels(labels).build();
  }

  /** Labels that must be present with exactly these values. */
  @JsonProperty("matchLabels")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract Map<String, String> matchLabels();

  /** Set-based requirements. */
  @JsonProperty("matchExpressions")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<LabelSelectorRequirement> matchExpressions();
}
