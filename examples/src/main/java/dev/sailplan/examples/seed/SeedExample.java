package dev.sailplan.examples.seed;

import dev.sailplan.core.meta.Resource;
import java.util.List;
import java.util.Objects;

/**
 * One seed manifest file reproduced through the DSL.
 *
 * @param name the seed file's name without {@code .yaml}, e.g. {@code
 *     002-01-reviews-header-routing}
 * @param resources the resources, in the file's document order
 */
public record SeedExample(String name, List<Resource> resources) {
  /** Checks the parts and copies the list. */
  public SeedExample {
    Objects.requireNonNull(name, "name");
    resources = List.copyOf(resources);
    if (resources.isEmpty()) {
      throw new IllegalArgumentException(name + " has no resources");
    }
  }

  /** An example of one or more resources. */
  public static SeedExample of(String name, Resource... resources) {
    return new SeedExample(name, List.of(resources));
  }
}
