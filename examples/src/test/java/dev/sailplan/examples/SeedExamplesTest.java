package dev.sailplan.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sailplan.core.Manifests;
import dev.sailplan.core.diff.SemanticDiff;
import dev.sailplan.core.fixture.ParsePaths;
import dev.sailplan.core.fixture.SharedInputs;
import dev.sailplan.core.fixture.Trees;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.problem.ManifestException;
import dev.sailplan.testing.Snapshots;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.Yaml;

/**
 * Every seed example: its rendered YAML is the reviewed approved file; it is semantically equal to
 * the seed file (when {@code ../shared/seed-examples} is beside the repository); and it parses back
 * into the same model.
 *
 * <p>After an intended change, regenerate the approved files with {@code -Dsailplan.approve=true}
 * and review the diff like code: it is the product's output.
 */
class SeedExamplesTest {
  private static final Path APPROVED = Path.of("src/test/resources/approved");

  static Optional<Path> seedDir() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.isRegularFile(p.resolve("mvnw"))) {
      p = p.getParent();
    }
    if (p == null) {
      return Optional.empty();
    }
    Path seeds = p.getParent().resolve("shared").resolve("seed-examples");
    return Files.isDirectory(seeds) ? Optional.of(seeds) : Optional.empty();
  }

  @TestFactory
  Stream<DynamicTest> renderedYamlIsTheApprovedFile() {
    return SeedExamples.all().stream()
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.name(),
                    () ->
                        Snapshots.verifyFile(APPROVED.resolve(e.name() + ".yaml"), e.resources())));
  }

  @TestFactory
  Stream<DynamicTest> renderedYamlEqualsTheSeedFile() {
    SharedInputs.assumePresent(seedDir(), "../shared/seed-examples");
    return SeedExamples.all().stream()
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.name(),
                    () -> {
                      Path seed = seedDir().get().resolve(e.name() + ".yaml");
                      List<Object> expected =
                          loadAll(Files.readString(seed, StandardCharsets.UTF_8));
                      List<Object> actual = loadAll(Manifests.toYaml(e.resources()));
                      assertEquals(
                          List.of(),
                          SemanticDiff.diff(expected, actual),
                          "DSL output differs from " + seed.getFileName());
                    }));
  }

  @TestFactory
  Stream<DynamicTest> renderedYamlParsesBackIntoTheSameModel() {
    return SeedExamples.all().stream()
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.name(),
                    () -> {
                      String rendered = Manifests.toYaml(e.resources());
                      List<Resource> parsed = Manifests.parse(rendered, e.name());
                      assertEquals(e.resources(), parsed);
                      assertEquals(rendered, Manifests.toYaml(parsed));
                    }));
  }

  @TestFactory
  Stream<DynamicTest> theDirectWriterAndTheTreePathGiveTheSameBytes() {
    return SeedExamples.all().stream()
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.name(),
                    () -> {
                      for (Resource r : e.resources()) {
                        assertEquals(
                            dev.sailplan.core.CanonicalYaml.toYaml(Manifests.toTree(r)),
                            Manifests.toYaml(r));
                      }
                    }));
  }

  /**
   * The tree validation checks a built resource against ({@code TreeWriter}, from the generated
   * writer's events) is Jackson's tree of it, numbers compared by value.
   */
  @TestFactory
  Stream<DynamicTest> theWrittenTreeIsJacksonsTree() {
    return SeedExamples.all().stream()
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.name(),
                    () -> {
                      for (Resource r : e.resources()) {
                        assertEquals(Trees.jackson(r), Trees.written(r), r.toString());
                      }
                    }));
  }

  /**
   * Parsing's direct path (generated readers on parser events, the core kinds' too) reads every
   * rendered example, and gives what the full Jackson path gives.
   */
  @TestFactory
  Stream<DynamicTest> theDirectParserReadsRenderedExamplesLikeTheFullPath() {
    ParsePaths parser = ParsePaths.discovered();
    return SeedExamples.all().stream()
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.name(),
                    () -> {
                      String rendered = Manifests.toYaml(e.resources());
                      Optional<List<Resource>> direct = parser.direct(rendered);
                      assertTrue(direct.isPresent(), "direct path taken");
                      assertEquals(parser.full(rendered, e.name()), direct.get());
                      assertEquals(e.resources(), direct.get());
                    }));
  }

  /**
   * The seed files as written by people (comments, key order, quoting): the direct path reads every
   * one the full path reads, into the same objects, and declines the rest.
   */
  @TestFactory
  Stream<DynamicTest> theDirectParserReadsSeedFilesLikeTheFullPath() throws IOException {
    SharedInputs.assumePresent(seedDir(), "../shared/seed-examples");
    ParsePaths parser = ParsePaths.discovered();
    List<Path> seeds;
    try (Stream<Path> files = Files.list(seedDir().get())) {
      seeds = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
    return seeds.stream()
        .map(
            seed ->
                DynamicTest.dynamicTest(
                    seed.getFileName().toString(),
                    () -> {
                      String text = Files.readString(seed, StandardCharsets.UTF_8);
                      Optional<List<Resource>> direct = parser.direct(text);
                      List<Resource> full;
                      try {
                        full = parser.full(text, seed.getFileName().toString());
                      } catch (ManifestException rejected) {
                        // Kinds Sailplan does not model (IstioOperator, Deployment, ...): the
                        // direct path declines too.
                        assertEquals(Optional.empty(), direct);
                        return;
                      }
                      assertEquals(
                          Optional.of(full),
                          direct,
                          "what the full path reads, the direct path reads the same");
                    }));
  }

  @Test
  void everyTopLevelSeedFileHasAnExample() throws IOException {
    SharedInputs.assumePresent(seedDir(), "../shared/seed-examples");
    TreeSet<String> seeds = new TreeSet<>();
    try (Stream<Path> files = Files.list(seedDir().get())) {
      files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".yaml"))
          .forEach(n -> seeds.add(n.substring(0, n.length() - ".yaml".length())));
    }
    TreeSet<String> examples = new TreeSet<>();
    SeedExamples.all().forEach(e -> examples.add(e.name()));
    assertEquals(seeds, examples);
  }

  @Test
  void everyApprovedFileBelongsToAnExample() throws IOException {
    TreeSet<String> approved = new TreeSet<>();
    try (Stream<Path> files = Files.list(APPROVED)) {
      // A failed snapshot leaves its received file (ignored by git) beside the approved one.
      files
          .map(p -> p.getFileName().toString())
          .filter(n -> !n.contains(".received."))
          .forEach(approved::add);
    }
    TreeSet<String> expected = new TreeSet<>();
    SeedExamples.all().forEach(e -> expected.add(e.name() + ".yaml"));
    assertEquals(expected, approved);
  }

  private static List<Object> loadAll(String yaml) {
    List<Object> docs = new ArrayList<>();
    for (Object d : new Yaml().loadAll(yaml)) {
      if (d != null) {
        docs.add(d);
      }
    }
    return docs;
  }
}
