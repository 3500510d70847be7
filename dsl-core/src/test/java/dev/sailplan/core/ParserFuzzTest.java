package dev.sailplan.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.problem.ManifestException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Fuzz tests of the parser: whatever the input, parsing returns resources or throws a {@link
 * ManifestException} with at least one problem; any other exception, a crash or a hang is a bug.
 *
 * <p>In a normal build they run once per input in {@code ParserFuzzTestInputs/<method>/} (the seed
 * corpus, and every input a fuzzing run found, committed as a regression test). {@code
 * JAZZER_FUZZ=1 ./mvnw -pl dsl-core test -Dtest=ParserFuzzTest} fuzzes; see CONTRIBUTING.
 */
class ParserFuzzTest {
  @FuzzTest(maxDuration = "5m")
  void parse(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    try {
      List<Resource> resources = Manifests.parse(text, "fuzz.yaml");
      // What parses renders, and the rendering parses back to the same objects.
      assertEquals(resources, Manifests.parse(Manifests.toYaml(resources), "rendered.yaml"));
    } catch (ManifestException e) {
      assertFalse(e.problems().isEmpty());
    }
  }

  @FuzzTest(maxDuration = "5m")
  void parseUnique(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    try {
      Manifests.parseUnique(text, "fuzz.yaml");
    } catch (ManifestException e) {
      assertFalse(e.problems().isEmpty());
    }
  }
}
