package dev.sailplan.examples;

import dev.sailplan.examples.seed.Seed000;
import dev.sailplan.examples.seed.Seed002;
import dev.sailplan.examples.seed.Seed003Policy;
import dev.sailplan.examples.seed.Seed003Traffic;
import dev.sailplan.examples.seed.SeedExample;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Every seed example, sorted by name (the seed file order). */
public final class SeedExamples {
  private SeedExamples() {}

  /** All examples. */
  public static List<SeedExample> all() {
    List<SeedExample> all = new ArrayList<>();
    all.addAll(Seed000.all());
    all.addAll(Seed002.all());
    all.addAll(Seed003Traffic.all());
    all.addAll(Seed003Policy.all());
    all.sort(Comparator.comparing(SeedExample::name));
    return List.copyOf(all);
  }
}
