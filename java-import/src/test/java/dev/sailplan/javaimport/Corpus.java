package dev.sailplan.javaimport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The YAML the round trip reads: the real manifests of {@code src/test/resources/corpus} (Istio
 * samples, Gateway API examples; origin at the top of each), the examples' approved manifests and
 * plan folders, and the seed examples when {@code ../shared} is beside the repository.
 */
final class Corpus {
  private Corpus() {}

  /** One input file and a name for it. */
  record Input(String name, Path file) {}

  static List<Input> all() {
    List<Input> out = new ArrayList<>();
    add(out, "corpus", Path.of("src/test/resources/corpus"), false);
    add(out, "approved", Path.of("../examples/src/test/resources/approved"), false);
    add(out, "plans", Path.of("../examples/src/test/resources/approved-plans"), true);
    Path root = Path.of("").toAbsolutePath().getParent();
    if (root != null && root.getParent() != null) {
      Path seeds = root.getParent().resolve("shared").resolve("seed-examples");
      add(out, "seeds", seeds, false);
      add(out, "seeds", seeds.resolve("workload"), false);
    }
    return out;
  }

  private static void add(List<Input> out, String prefix, Path dir, boolean deep) {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> files = deep ? Files.walk(dir) : Files.list(dir)) {
      files
          .filter(p -> p.getFileName().toString().endsWith(".yaml"))
          // A plan folder's index is not a manifest.
          .filter(p -> !p.getFileName().toString().equals("plan.yaml"))
          .sorted()
          .forEach(p -> out.add(new Input(prefix + "/" + dir.relativize(p), p)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
