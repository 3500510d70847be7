package dev.sailplan.core.k8s;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The operator of a {@link LabelSelectorRequirement}. */
public enum LabelSelectorOperator {
  /** {@code In}: the label's value is one of the values. */
  @JsonProperty("In")
  IN("In"),

  /** {@code NotIn}: the label is absent or its value is none of the values. */
  @JsonProperty("NotIn")
  NOT_IN("NotIn"),

  /** {@code Exists}: the label is present; values must be empty. */
  @JsonProperty("Exists")
  EXISTS("Exists"),

  /** {@code DoesNotExist}: the label is absent; values must be empty. */
  @JsonProperty("DoesNotExist")
  DOES_NOT_EXIST("DoesNotExist");

  private final String value;

  LabelSelectorOperator(String value) {
    this.value = value;
  }

  /** The value as written in YAML. */
  public String value() {
    return value;
  }

  /** The value as written in YAML. */
  @Override
  public String toString() {
    return value;
  }
}
