package dev.sailplan.core.internal;

import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.problem.Problem;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finds objects a stream defines more than once: the same group, kind, namespace and name (the
 * version does not count, as in a cluster). {@code kubectl apply} would apply both and keep the
 * last, so a repeat is almost always a copy-and-paste slip. Keeps one small entry per object seen,
 * not the objects.
 */
final class Duplicates {
  /** An object's identity in a cluster. */
  private record Key(String group, String kind, String namespace, String name) {
    @Override
    public String toString() {
      return kind + " " + (namespace.isEmpty() ? name : namespace + "/" + name);
    }
  }

  /** Where an object was first defined. */
  private record First(int document, int line) {}

  private final String source;
  private final Map<Key, First> first = new HashMap<>();

  Duplicates(String source) {
    this.source = source;
  }

  /**
   * A problem when {@code r} is an object seen before, at the repeat's document and line and naming
   * where the object was first defined.
   */
  Optional<Problem> check(ManifestParser.Located r) {
    Key key = key(r.resource());
    if (key == null) {
      return Optional.empty();
    }
    First seen = first.putIfAbsent(key, new First(r.document(), r.line()));
    if (seen == null) {
      return Optional.empty();
    }
    return Optional.of(
        new Problem(
            source,
            r.document(),
            r.line(),
            "",
            key + " is already defined in document " + seen.document() + ", line " + seen.line()));
  }

  /** The key, or null for an object without a name (generateName), which cannot repeat. */
  private static Key key(Resource r) {
    return r.metadata()
        .name()
        .map(name -> new Key(r.group(), r.kind(), r.metadata().namespace().orElse(""), name))
        .orElse(null);
  }
}
