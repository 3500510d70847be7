package dev.sailplan.core.k8s;

/**
 * Factories of {@link LocalObjectReference}, called on the type (the generated {@code
 * AbstractLocalObjectReference} extends this class).
 */
public abstract class LocalObjectReferenceBase {
  LocalObjectReferenceBase() {}

  /** A reference to the named object. */
  public static LocalObjectReference named(String name) {
    return LocalObjectReference.builder().name(name).build();
  }
}
