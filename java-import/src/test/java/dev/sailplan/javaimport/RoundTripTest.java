package dev.sailplan.javaimport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sailplan.core.ManifestSource;
import dev.sailplan.core.Manifests;
import dev.sailplan.core.diff.SemanticDiff;
import dev.sailplan.core.meta.Resource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Every document of the corpus goes through {@code JavaImport}: one class per document, compiled
 * with javac against the test class path (no error, no lint warning), loaded, and its manifest
 * rendered must be semantically equal to the document as read.
 */
class RoundTripTest {
  @TempDir Path temp;

  /** One document of the corpus and the class generated for it. */
  private record Case(String origin, Object expected, String className, String source) {}

  @Test
  void everyDocumentRoundTrips() throws Exception {
    List<Case> cases = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    int index = 0;
    for (Corpus.Input input : Corpus.all()) {
      String yaml = Files.readString(input.file());
      List<Resource> resources = Manifests.parseMixedUnique(yaml, input.name());
      List<Object> trees = documents(yaml);
      assertEquals(trees.size(), resources.size(), input.name() + ": documents and resources");
      for (int i = 0; i < resources.size(); i++) {
        String className = "Doc" + index++;
        String origin = input.name() + " document " + (i + 1) + " " + resources.get(i);
        try {
          String source =
              JavaImport.of(List.of(resources.get(i)))
                  .packageName("corpus")
                  .className(className)
                  .toSource();
          cases.add(new Case(origin, trees.get(i), "corpus." + className, source));
        } catch (RuntimeException e) {
          failures.add(origin + ": not written: " + e.getMessage());
        }
      }
    }
    Map<String, String> sources = new LinkedHashMap<>();
    cases.forEach(c -> sources.put(c.className(), c.source()));
    InMemoryJavac.Result all = InMemoryJavac.compile(sources, temp.resolve("all"));
    int passed = 0;
    for (Case c : cases) {
      ClassLoader loader = all.loader();
      if (!all.ok()) {
        // Find which: each class on its own.
        InMemoryJavac.Result one =
            InMemoryJavac.compile(Map.of(c.className(), c.source()), temp.resolve(c.className()));
        if (!one.ok()) {
          failures.add(c.origin() + ": does not compile: " + one.errors());
          continue;
        }
        loader = one.loader();
      }
      ManifestSource source =
          (ManifestSource) loader.loadClass(c.className()).getConstructor().newInstance();
      List<Object> rendered = new ArrayList<>();
      for (Resource r : source.manifests()) {
        rendered.add(documents(Manifests.toYaml(r)).get(0));
      }
      List<String> diff =
          SemanticDiff.diff(c.expected(), rendered.size() == 1 ? rendered.get(0) : rendered);
      if (diff.isEmpty()) {
        passed++;
      } else {
        failures.add(c.origin() + ": renders differently: " + diff);
      }
    }
    int total = passed + failures.size();
    double share = 100.0 * passed / total;
    String figure =
        String.format(Locale.ROOT, "%d of %d documents round-trip (%.1f%%)", passed, total, share);
    System.out.println("JavaImport round trip: " + figure);
    failures.forEach(f -> System.out.println("  " + f));
    assertTrue(total >= 200, "the corpus has " + total + " documents");
    assertTrue(share >= 98.0, figure + ":\n" + String.join("\n", failures));
  }

  /** The documents of a YAML stream as data trees, the items of a List expanded. */
  static List<Object> documents(String yaml) {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(Integer.MAX_VALUE);
    List<Object> out = new ArrayList<>();
    for (Object d : new Yaml(options).loadAll(yaml)) {
      if (d instanceof Map<?, ?> m
          && "List".equals(m.get("kind"))
          && m.get("items") instanceof List<?> items) {
        out.addAll(items);
      } else if (d != null) {
        out.add(d);
      }
    }
    return out;
  }
}
