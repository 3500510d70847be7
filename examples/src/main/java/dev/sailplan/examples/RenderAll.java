package dev.sailplan.examples;

import dev.sailplan.core.Manifests;
import dev.sailplan.core.plan.Plan;
import dev.sailplan.core.plan.render.PlanWriter;
import dev.sailplan.examples.seed.SeedExample;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Renders every example into a folder: {@code OUT/examples/<name>.yaml} for the seed manifests and
 * {@code OUT/plans/<plan-name>/} for the example rollouts.
 *
 * <p>The folder is written whole or not at all: everything goes to a temporary sibling first, which
 * then replaces {@code OUT}.
 */
public final class RenderAll {
  private RenderAll() {}

  /** {@code RenderAll OUT}: renders into OUT and prints a summary. */
  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: RenderAll OUT");
      System.exit(2);
    }
    Path out = Path.of(args[0]).toAbsolutePath().normalize();
    try {
      Summary s = render(out);
      System.out.printf(
          Locale.ROOT,
          "Rendered %d seed examples (%d resources) and %d plans (%d stages) into %s%n",
          s.examples(),
          s.resources(),
          s.plans(),
          s.stages(),
          out);
    } catch (IOException | UncheckedIOException e) {
      System.err.println("RenderAll: cannot write " + out + ": " + e.getMessage());
      System.exit(1);
    }
  }

  /**
   * What a render wrote.
   *
   * @param examples example files
   * @param resources resources in them
   * @param plans plan folders
   * @param stages stages in them
   */
  public record Summary(int examples, int resources, int plans, int stages) {}

  /** Renders every example into {@code out}, replacing it atomically. */
  public static Summary render(Path out) throws IOException {
    Map<String, String> files = new LinkedHashMap<>();
    int resources = 0;
    for (SeedExample e : SeedExamples.all()) {
      files.put("examples/" + e.name() + ".yaml", Manifests.toYaml(e.resources()));
      resources += e.resources().size();
    }
    List<Plan> plans = ExamplePlans.all().stream().map(r -> r.plan()).toList();
    writeAtomically(out, files, plans);
    int stages = plans.stream().mapToInt(p -> p.stages().size()).sum();
    return new Summary(files.size(), resources, plans.size(), stages);
  }

  private static void writeAtomically(Path out, Map<String, String> files, List<Plan> plans)
      throws IOException {
    Path parent = out.getParent();
    Files.createDirectories(parent);
    Path staging = Files.createTempDirectory(parent, "." + out.getFileName() + ".staging-");
    try {
      for (Map.Entry<String, String> f : files.entrySet()) {
        Path target = staging.resolve(f.getKey());
        Files.createDirectories(target.getParent());
        Files.write(target, f.getValue().getBytes(StandardCharsets.UTF_8));
      }
      for (Plan plan : plans) {
        PlanWriter.write(plan, staging.resolve("plans"));
      }
      Path old = null;
      if (Files.exists(out)) {
        old = Files.createTempDirectory(parent, "." + out.getFileName() + ".old-");
        Files.delete(old);
        Files.move(out, old, StandardCopyOption.ATOMIC_MOVE);
      }
      Files.move(staging, out, StandardCopyOption.ATOMIC_MOVE);
      if (old != null) {
        deleteTree(old);
      }
    } catch (IOException | RuntimeException e) {
      deleteTree(staging);
      throw e;
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
