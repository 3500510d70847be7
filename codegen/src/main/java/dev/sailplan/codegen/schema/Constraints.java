package dev.sailplan.codegen.schema;

import java.util.List;

/**
 * The constraints of a schema node that codegen records rather than turns into Java types.
 *
 * @param pattern {@code pattern}, or null
 * @param minLength {@code minLength}, or null
 * @param maxLength {@code maxLength}, or null
 * @param minimum {@code minimum}, or null
 * @param maximum {@code maximum}, or null
 * @param minItems {@code minItems} or {@code minProperties}, or null
 * @param maxItems {@code maxItems} or {@code maxProperties}, or null
 * @param format {@code format} of a string, or null
 * @param listType {@code x-kubernetes-list-type}, or null
 * @param listMapKeys {@code x-kubernetes-list-map-keys}
 * @param rules {@code x-kubernetes-validations}
 * @param defaultValue {@code default} as JSON text, or null
 */
public record Constraints(
    String pattern,
    Long minLength,
    Long maxLength,
    Double minimum,
    Double maximum,
    Long minItems,
    Long maxItems,
    String format,
    String listType,
    List<String> listMapKeys,
    List<CelRule> rules,
    String defaultValue) {

  /** No constraints. */
  public static final Constraints NONE =
      new Constraints(
          null, null, null, null, null, null, null, null, null, List.of(), List.of(), null);

  /** Copies the lists. */
  public Constraints {
    listMapKeys = List.copyOf(listMapKeys);
    rules = List.copyOf(rules);
  }

  /**
   * One {@code x-kubernetes-validations} entry.
   *
   * @param rule the CEL expression
   * @param message its message, or empty
   * @param messageExpression a CEL expression that computes the message, or empty
   * @param reason the API server's reason when it fails ({@code FieldValueInvalid} when empty)
   * @param fieldPath where the failure is reported, relative to the node ({@code .a.b}), or empty
   * @param optionalOldSelf whether the rule also runs on create, with {@code oldSelf} unset
   */
  public record CelRule(
      String rule,
      String message,
      String messageExpression,
      String reason,
      String fieldPath,
      boolean optionalOldSelf) {
    /** A rule with a message only. */
    public CelRule(String rule, String message) {
      this(rule, message, "", "", "", false);
    }
  }
}
