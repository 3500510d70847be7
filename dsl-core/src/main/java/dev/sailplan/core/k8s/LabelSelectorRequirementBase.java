package dev.sailplan.core.k8s;

/**
 * Factories of {@link LabelSelectorRequirement}, one per operator, called on the type (the
 * generated {@code AbstractLabelSelectorRequirement} extends this class).
 *
 * <pre>{@code
 * LabelSelectorRequirement.in("version", "v1", "v2");
 * LabelSelectorRequirement.exists("app");
 * }</pre>
 */
public abstract class LabelSelectorRequirementBase {
  LabelSelectorRequirementBase() {}

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

  private static LabelSelectorRequirement of(
      String key, LabelSelectorOperator operator, String... values) {
    return LabelSelectorRequirement.builder().key(key).operator(operator).addValues(values).build();
  }
}
