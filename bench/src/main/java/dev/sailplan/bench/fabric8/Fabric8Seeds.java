package dev.sailplan.bench.fabric8;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Every seed example written with fabric8's builders, merged from the four groups. */
public final class Fabric8Seeds {
  private Fabric8Seeds() {}

  /**
   * All examples by seed file name (without {@code .yaml}), sorted by name (the seed file order);
   * each value is the file's objects in document order.
   */
  public static Map<String, List<HasMetadata>> all() {
    Map<String, List<HasMetadata>> all = new TreeMap<>();
    putAll(all, Fabric8Seed000.all());
    putAll(all, Fabric8Seed002.all());
    putAll(all, Fabric8Seed003Traffic.all());
    putAll(all, Fabric8Seed003Policy.all());
    return Collections.unmodifiableMap(all);
  }

  private static void putAll(
      Map<String, List<HasMetadata>> into, Map<String, List<HasMetadata>> group) {
    group.forEach(
        (name, objects) -> {
          if (into.putIfAbsent(name, objects) != null) {
            throw new IllegalStateException("duplicate seed example " + name);
          }
        });
  }
}
