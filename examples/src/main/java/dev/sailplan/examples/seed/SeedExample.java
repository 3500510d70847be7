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
 * @param rejectedWith for a seed that the API server or istiod rejects as written, kept to show
 *     that validation catches it: the codes of its Error findings, sorted; empty for a seed that is
 *     valid
 */
public record SeedExample(String name, List<Resource> resources, List<String> rejectedWith) {
  /** Checks the parts and copies the lists. */
  public SeedExample {
    Objects.requireNonNull(name, "name");
    resources = List.copyOf(resources);
    rejectedWith = rejectedWith.stream().sorted().distinct().toList();
    if (resources.isEmpty()) {
      throw new IllegalArgumentException(name + " has no resources");
    }
  }

  /** An example of one or more resources. */
  public static SeedExample of(String name, Resource... resources) {
    return new SeedExample(name, List.of(resources), List.of());
  }

  /**
   * A seed that is rejected as written, with the codes of its Error findings; it is rendered
   * nowhere (rendering fails closed) but its resources reproduce the seed.
   */
  public static SeedExample rejected(String name, List<String> codes, Resource... resources) {
    if (codes.isEmpty()) {
      throw new IllegalArgumentException(name + ": a rejected seed names its findings' codes");
    }
    return new SeedExample(name, List.of(resources), codes);
  }

  /** Whether the seed is kept as a validation case, rejected as written. */
  public boolean isValidationCase() {
    return !rejectedWith.isEmpty();
  }
}
