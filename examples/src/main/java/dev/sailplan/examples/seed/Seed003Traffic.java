package dev.sailplan.examples.seed;

import dev.sailplan.examples.SeedExample;
import java.util.List;

/** Seed examples (filled in by the examples work). */
public final class Seed003Traffic {
  private Seed003Traffic() {}

  /** The examples of this group, in file order. */
  public static List<SeedExample> all() {
    return List.of();
  }
}
