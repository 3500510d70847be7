package dev.sailplan.core.meta;

/**
 * A Kubernetes object that Sailplan can render and parse: its identity is {@link #apiVersion()},
 * {@link #kind()} and {@link #metadata()}.
 *
 * <p>Every generated kind implements it: for example {@code VirtualService}, {@code HTTPRoute}, and
 * the Kubernetes core kinds ({@code Service}, {@code Namespace}, …).
 */
public interface Resource {
  /** The {@code apiVersion} the object is written with, e.g. {@code networking.istio.io/v1}. */
  String apiVersion();

  /** The {@code kind}, e.g. {@code VirtualService}. */
  String kind();

  /** The object's metadata: name, namespace, labels, annotations and the rest. */
  ObjectMeta metadata();

  /** The API group, taken from {@link #apiVersion()}; empty for the core group. */
  default String group() {
    String v = apiVersion();
    int slash = v.indexOf('/');
    return slash < 0 ? "" : v.substring(0, slash);
  }

  /** {@code namespace/name}, or just {@code name} for a resource without a namespace. */
  default String qualifiedName() {
    String ns = metadata().namespace().orElse("");
    String name = metadata().name().orElse(metadata().generateName().orElse(""));
    return ns.isEmpty() ? name : ns + "/" + name;
  }
}
