package dev.sailplan.core.plan;

import dev.sailplan.core.meta.Resource;
import java.util.Objects;

/**
 * The identity of an object in a cluster: group, kind, namespace and name. The version is not part
 * of it: {@code networking.istio.io/v1alpha3} and {@code v1} VirtualServices of one name are the
 * same object.
 *
 * @param group API group, empty for the core group
 * @param kind the kind
 * @param namespace the namespace, empty for cluster-scoped objects or when none was given
 * @param name the name
 */
public record ResourceKey(String group, String kind, String namespace, String name)
    implements Comparable<ResourceKey> {
  /** Checks the parts. */
  public ResourceKey {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
  }

  /**
   * The key of a resource.
   *
   * @throws IllegalArgumentException when the resource has no name
   */
  public static ResourceKey of(Resource r) {
    String name =
        r.metadata()
            .name()
            .orElseThrow(
                () -> new IllegalArgumentException(r.kind() + " without a name cannot be planned"));
    return new ResourceKey(r.group(), r.kind(), r.metadata().namespace().orElse(""), name);
  }

  /** {@code Kind namespace/name}, as people write it. */
  @Override
  public String toString() {
    return kind + " " + (namespace.isEmpty() ? name : namespace + "/" + name);
  }

  /** Orders by namespace, group, kind, name: the order files list objects in. */
  @Override
  public int compareTo(ResourceKey o) {
    // Spelled out rather than a Comparator chain: the planner's indexes compare keys millions of
    // times on a large mesh.
    int c = namespace.compareTo(o.namespace);
    if (c == 0) {
      c = group.compareTo(o.group);
    }
    if (c == 0) {
      c = kind.compareTo(o.kind);
    }
    return c != 0 ? c : name.compareTo(o.name);
  }
}
