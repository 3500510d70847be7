package dev.sailplan.codegen.model;

import dev.sailplan.codegen.schema.ScalarKind;

/** The Java type of a field, before it is spelled in Java. */
public sealed interface TypeRef {
  /**
   * A generated object or enum type.
   *
   * @param name the simple name of the public type
   * @param javaPackage the package of a shared type, or null for a type of the same package
   */
  record Named(String name, String javaPackage) implements TypeRef {
    /** A type of the same package. */
    public Named(String name) {
      this(name, null);
    }
  }

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
