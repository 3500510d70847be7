package dev.sailplan.core.internal;

import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.problem.ManifestException;
import dev.sailplan.core.problem.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds objects a stream defines more than once: the same group, kind, namespace and name (the
 * version does not count, as in a cluster). {@code kubectl apply} would apply both and keep the
 * last, so a repeat is almost always a copy-and-paste slip.
 */
final class Duplicates {
  private Duplicates() {}

  /** An object's identity in a cluster. */
  private record Key(String group, String kind, String namespace, String name) {
    @Override
    public String toString() {
      return kind + " " + (namespace.isEmpty() ? name : namespace + "/" + name);
    }
  }

  /**
   * Checks that no two of {@code resources} (parsed from {@code text}) are the same object.
   *
   * @throws ManifestException with one problem per repeat, at the repeat's document and line and
   *     naming where the object was first defined
   */
  static void check(String text, String source, List<Resource> resources, ManifestParser parser) {
    Map<Key, Integer> first = new HashMap<>();
    List<int[]> repeats = new ArrayList<>(); // {index of the repeat, index of the first}
    for (int i = 0; i < resources.size(); i++) {
      Key key = key(resources.get(i));
      if (key != null) {
        Integer seen = first.putIfAbsent(key, i);
        if (seen != null) {
          repeats.add(new int[] {i, seen});
        }
      }
    }
    if (repeats.isEmpty()) {
      return;
    }
    // Lines are not kept while parsing: only a stream with a repeat pays for finding them.
    List<ManifestParser.Location> at = parser.locate(text, source);
    List<Problem> problems = new ArrayList<>();
    for (int[] r : repeats) {
      ManifestParser.Location repeat = at.get(r[0]);
      ManifestParser.Location original = at.get(r[1]);
      problems.add(
          new Problem(
              source,
              repeat.document(),
              repeat.line(),
              "",
              key(resources.get(r[0]))
                  + " is already defined in document "
                  + original.document()
                  + ", line "
                  + original.line()));
    }
    throw new ManifestException(problems);
  }

  /** The key, or null for an object without a name (generateName), which cannot repeat. */
  private static Key key(Resource r) {
    return r.metadata()
        .name()
        .map(name -> new Key(r.group(), r.kind(), r.metadata().namespace().orElse(""), name))
        .orElse(null);
  }
}
