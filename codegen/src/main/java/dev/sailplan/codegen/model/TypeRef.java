package dev.sailplan.codegen.model;

import dev.sailplan.codegen.schema.ScalarKind;

/** The Java type of a field, before it is spelled in Java. */
public sealed interface TypeRef {
  /**
   * A generated object or enum type of the same package.
   *
   * @param name the simple name of the public type
   */
  record Named(String name) implements TypeRef {}

  /**
   * A scalar.
   *
   * @param kind which scalar
   */
  record Scalar(ScalarKind kind) implements TypeRef {}

  /**
   * A list.
   *
   * @param items the item type
   */
  record ListOf(TypeRef items) implements TypeRef {}

  /**
   * A map with string keys.
   *
   * @param values the value type
   */
  record MapOf(TypeRef values) implements TypeRef {}

  /** A free-form JSON tree. */
  record Json() implements TypeRef {}
}
