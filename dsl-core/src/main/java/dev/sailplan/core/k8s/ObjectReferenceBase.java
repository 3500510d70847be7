package dev.sailplan.core.k8s;

/**
 * Factories of {@link ObjectReference}, called on the type (the generated {@code
 * AbstractObjectReference} extends this class).
 */
public abstract class ObjectReferenceBase {
  ObjectReferenceBase() {}

  /** A reference to an object by name alone. */
  public static ObjectReference named(String name) {
    return ObjectReference.builder().name(name).build();
  }
}
