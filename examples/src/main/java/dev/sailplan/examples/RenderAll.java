package dev.sailplan.examples;

import dev.sailplan.core.Manifests;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.plan.Plan;
import dev.sailplan.core.plan.render.PlanWriter;
import dev.sailplan.core.validation.Finding;
import dev.sailplan.core.validation.Findings;
import dev.sailplan.core.validation.Level;
import dev.sailplan.core.validation.Validation;
import dev.sailplan.core.validation.ValidationException;
import dev.sailplan.examples.mesh.ExampleMesh;
import dev.sailplan.examples.seed.SeedExample;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Renders every example into a folder: {@code OUT/examples/<name>.yaml} for the seed manifests,
 * {@code OUT/mesh/<file>.yaml} for the example mesh laid out by persona ({@link ExampleMesh}) and
 * {@code OUT/plans/<plan-name>/} for the example rollouts.
 *
 * <p>The folder is written whole or not at all: everything goes to a hidden sibling first, which
 * then replaces {@code OUT}. Only an {@code OUT} that RenderAll wrote (it holds {@value #MARKER}),
 * an empty folder, or one holding nothing but {@code examples/}, {@code mesh/} and {@code plans/}
 * is ever replaced; anything else is refused, so a mistyped {@code -Dsailplan.out} cannot delete a
 * folder of the user's.
 */
public final class RenderAll {
  /** The file that marks a folder RenderAll wrote, and may therefore replace. */
  public static final String MARKER = ".sailplan-render";

  private static final Set<String> OWN_ENTRIES = Set.of(MARKER, "examples", "mesh", "plans");
  private static final SecureRandom RANDOM = new SecureRandom();

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
          "Rendered %d seed examples (%d resources), the example mesh (%d files, %d resources) and"
              + " %d plans (%d stages) into %s%n",
          s.examples(),
          s.resources(),
          s.meshFiles(),
          s.meshResources(),
          s.plans(),
          s.stages(),
          out);
      if (!s.validationCases().isEmpty()) {
        System.out.printf(
            Locale.ROOT,
            "Not rendered: %d seed examples kept as validation cases (an Error as written): %s%n",
            s.validationCases().size(),
            String.join("; ", s.validationCases()));
      }
    } catch (FileAlreadyExistsException e) {
      System.err.println("RenderAll: " + out + " " + e.getReason());
      System.exit(1);
    } catch (ValidationException e) {
      e.findings().forEach(f -> System.err.println("RenderAll: " + f));
      System.exit(1);
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
   * @param meshFiles files of the example mesh
   * @param meshResources resources in them
   * @param plans plan folders
   * @param stages stages in them
   * @param validationCases the seed examples not written because they are rejected as written, each
   *     as {@code name: codes}
   */
  public record Summary(
      int examples,
      int resources,
      int meshFiles,
      int meshResources,
      int plans,
      int stages,
      List<String> validationCases) {
    /** Copies the list. */
    public Summary {
      validationCases = List.copyOf(validationCases);
    }
  }

  /**
   * Renders every example into {@code out}, replacing it atomically.
   *
   * @throws FileAlreadyExistsException when {@code out} exists and is not a folder RenderAll wrote
   *     (nothing is written then)
   * @throws ValidationException when an example or a plan has an Error finding, or the example mesh
   *     any finding (nothing is written then)
   */
  public static Summary render(Path out) throws IOException {
    return render(
        out,
        SeedExamples.all(),
        ExampleMesh.files(),
        ExamplePlans.all().stream().map(r -> r.plan()).toList());
  }

  /**
   * Renders these examples and plans into {@code out}, without the mesh; see {@link #render(Path)}.
   */
  static Summary render(Path out, List<SeedExample> examples, List<Plan> plans) throws IOException {
    return render(out, examples, Map.of(), plans);
  }

  /** Renders these examples, mesh files and plans into {@code out}; see {@link #render(Path)}. */
  static Summary render(
      Path out, List<SeedExample> examples, Map<String, List<Resource>> mesh, List<Plan> plans)
      throws IOException {
    // Fails closed: every example is validated before anything is written (PlanWriter validates
    // each plan).
    List<Finding> found = new ArrayList<>();
    List<SeedExample> valid = new ArrayList<>();
    List<String> cases = new ArrayList<>();
    for (SeedExample e : examples) {
      Findings f = Validation.standard().validate(e.resources());
      if (e.isValidationCase()) {
        cases.add(e.name() + ": " + String.join(", ", checkRejected(e, f)));
      } else {
        found.addAll(f.all());
        valid.add(e);
      }
    }
    Findings findings = Findings.of(found);
    if (findings.hasErrors()) {
      throw new ValidationException(findings);
    }
    // The example mesh is the layout's showcase: it is written only without any finding.
    List<Resource> meshResources = new ArrayList<>();
    mesh.values().forEach(meshResources::addAll);
    Findings meshFindings = ExampleMesh.LAYOUT.validator().validate(meshResources);
    if (!meshFindings.all().isEmpty()) {
      throw new ValidationException(meshFindings);
    }
    Map<String, String> files = new LinkedHashMap<>();
    int resources = 0;
    for (SeedExample e : valid) {
      files.put("examples/" + e.name() + ".yaml", Manifests.toYaml(e.resources()));
      resources += e.resources().size();
    }
    int examplesWritten = files.size();
    for (Map.Entry<String, List<Resource>> f : mesh.entrySet()) {
      files.put("mesh/" + f.getKey(), Manifests.toYaml(f.getValue()));
    }
    writeAtomically(out, files, plans);
    int stages = plans.stream().mapToInt(p -> p.stages().size()).sum();
    return new Summary(
        examplesWritten, resources, mesh.size(), meshResources.size(), plans.size(), stages, cases);
  }

  /**
   * The codes a validation case is rejected with, which must be those it says: a case that
   * validation stops rejecting, or rejects for another reason, is a mistake in the examples.
   */
  private static List<String> checkRejected(SeedExample e, Findings findings) {
    List<String> codes =
        findings.all().stream()
            .filter(f -> f.level() == Level.ERROR)
            .map(Finding::code)
            .sorted()
            .distinct()
            .toList();
    if (!codes.equals(e.rejectedWith())) {
      throw new IllegalStateException(
          e.name()
              + " is kept as rejected with "
              + e.rejectedWith()
              + " but validation finds "
              + findings.all());
    }
    return codes;
  }

  private static void writeAtomically(Path out, Map<String, String> files, List<Plan> plans)
      throws IOException {
    checkReplaceable(out);
    Path parent = out.getParent();
    Files.createDirectories(parent);
    // Not createTempDirectory: its owner-only permissions would become those of OUT.
    Path staging = createSibling(parent, "." + out.getFileName() + ".staging-");
    try {
      Files.writeString(staging.resolve(MARKER), "# Written by Sailplan's RenderAll.\n");
      for (Map.Entry<String, String> f : files.entrySet()) {
        Path target = staging.resolve(f.getKey());
        Files.createDirectories(target.getParent());
        Files.write(target, f.getValue().getBytes(StandardCharsets.UTF_8));
      }
      for (Plan plan : plans) {
        PlanWriter.write(plan, staging.resolve("plans"));
      }
      Path old = null;
      if (Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
        old = createSibling(parent, "." + out.getFileName() + ".old-");
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

  private static void checkReplaceable(Path out) throws IOException {
    if (!Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    if (!Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS)) {
      throw new FileAlreadyExistsException(
          out.toString(), null, "exists and is not a folder; nothing was written");
    }
    if (Files.isRegularFile(out.resolve(MARKER), LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> entries = Files.list(out)) {
      List<String> foreign =
          entries
              .map(p -> p.getFileName().toString())
              .filter(n -> !OWN_ENTRIES.contains(n))
              .sorted()
              .toList();
      if (!foreign.isEmpty()) {
        throw new FileAlreadyExistsException(
            out.toString(),
            null,
            "is a folder RenderAll did not write (it holds "
                + String.join(", ", foreign)
                + "); nothing was written: remove it or render elsewhere");
      }
    }
  }

  private static Path createSibling(Path dir, String prefix) throws IOException {
    for (int attempt = 0; ; attempt++) {
      try {
        return Files.createDirectory(
            dir.resolve(prefix + Long.toUnsignedString(RANDOM.nextLong(), 36)));
      } catch (FileAlreadyExistsException e) {
        if (attempt >= 100) {
          throw e;
        }
      }
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
