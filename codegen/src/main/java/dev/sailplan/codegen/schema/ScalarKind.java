package dev.sailplan.codegen.schema;

/** The scalar types a schema leaf can have. */
public enum ScalarKind {
  /** A string. */
  STRING,
  /**
   * A Go duration string, recognised by its CEL {@code duration(self)} rule or duration pattern.
   */
  DURATION,
  /** A 32-bit integer ({@code format: int32} within int range). */
  INT32,
  /** Any other integer (int64, uint32, unformatted). */
  INT64,
  /** A floating-point number. */
  NUMBER,
  /** A boolean. */
  BOOLEAN,
  /** {@code x-kubernetes-int-or-string}. */
  INT_OR_STRING
}
