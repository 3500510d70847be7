package dev.sailplan.bench.fabric8;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.sailplan.core.diff.SemanticDiff;
import dev.sailplan.core.fixture.SharedInputs;
import dev.sailplan.examples.SeedExamples;
import dev.sailplan.examples.seed.SeedExample;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.Yaml;

/**
 * The fabric8 versions of the seed examples: each serializes (with fabric8's own {@link
 * Serialization#asYaml}) to manifests semantically equal to its seed file, and there is one for
 * every example the DSL has.
 */
class Fabric8SeedsTest {

  static Optional<Path> seedDir() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.isRegularFile(p.resolve("mvnw"))) {
      p = p.getParent();
    }
    if (p == null || p.getParent() == null) {
      return Optional.empty();
    }
    Path seeds = p.getParent().resolve("shared").resolve("seed-examples");
    return Files.isDirectory(seeds) ? Optional.of(seeds) : Optional.empty();
  }

  @TestFactory
  Stream<DynamicTest> fabric8YamlEqualsTheSeedFile() {
    SharedInputs.assumePresent(seedDir(), "../shared/seed-examples");
    return Fabric8Seeds.all().entrySet().stream()
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.getKey(),
                    () -> {
                      Path seed = seedDir().get().resolve(e.getKey() + ".yaml");
                      List<Object> expected =
                          loadAll(Files.readString(seed, StandardCharsets.UTF_8));
                      assertFalse(expected.isEmpty(), seed + " has no documents");
                      List<Object> actual = new ArrayList<>();
                      for (HasMetadata object : e.getValue()) {
                        actual.addAll(loadAll(Serialization.asYaml(object)));
                      }
                      assertEquals(
                          List.of(),
                          SemanticDiff.diff(expected, actual),
                          "fabric8 output differs from " + seed.getFileName());
                    }));
  }

  @Test
  void everyDslExampleHasAFabric8Version() {
    TreeSet<String> dsl = new TreeSet<>();
    SeedExamples.all().forEach(e -> dsl.add(e.name()));
    assertEquals(dsl, new TreeSet<>(Fabric8Seeds.all().keySet()));
  }

  @Test
  void eachFabric8VersionHasAsManyObjectsAsTheDslExample() {
    Map<String, List<HasMetadata>> fabric8 = Fabric8Seeds.all();
    for (SeedExample e : SeedExamples.all()) {
      assertEquals(e.resources().size(), fabric8.get(e.name()).size(), e.name());
    }
  }

  @Test
  void everyTopLevelSeedFileHasAFabric8Version() throws IOException {
    SharedInputs.assumePresent(seedDir(), "../shared/seed-examples");
    TreeSet<String> seeds = new TreeSet<>();
    try (Stream<Path> files = Files.list(seedDir().get())) {
      files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".yaml"))
          .forEach(n -> seeds.add(n.substring(0, n.length() - ".yaml".length())));
    }
    assertEquals(seeds, new TreeSet<>(Fabric8Seeds.all().keySet()));
  }

  @Test
  void theMergedMapIsInSeedFileOrder() {
    List<String> names = new ArrayList<>(Fabric8Seeds.all().keySet());
    assertEquals(SeedExamples.all().stream().map(SeedExample::name).toList(), names);
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
