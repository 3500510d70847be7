package dev.sailplan.core.k8s;

import java.util.Map;

/**
 * Factories of {@link LabelSelector}, called on the type (the generated {@code
 * AbstractLabelSelector} extends this class).
 *
 * <pre>{@code
 * LabelSelector.all();
 * LabelSelector.matching("app", "reviews");
 * }</pre>
 */
public abstract class LabelSelectorBase {
  LabelSelectorBase() {}

  /** The empty selector, which matches every object. */
  public static LabelSelector all() {
    return LabelSelector.builder().build();
  }

  /**
   * A selector matching objects with this label: {@code LabelSelector.matching("app", "reviews")}.
   */
  public static LabelSelector matching(String key, String value) {
    return LabelSelector.builder().putMatchLabels(key, value).build();
  }

  /** A selector matching objects with all of these labels. */
  public static LabelSelector matching(Map<String, String> labels) {
    return LabelSelector.builder().putAllMatchLabels(labels).build();
  }
}
