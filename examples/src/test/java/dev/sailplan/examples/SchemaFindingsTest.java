package dev.sailplan.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sailplan.core.Manifests;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.plan.Plan;
import dev.sailplan.core.plan.Rollout;
import dev.sailplan.core.plan.Stage;
import dev.sailplan.core.validation.Finding;
import dev.sailplan.core.validation.Validation;
import dev.sailplan.examples.seed.SeedExample;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * What the examples render passes the API server's schema and metadata checks: no SP01xx or SP02xx
 * finding, neither for the built resources nor for their YAML read back as text.
 */
class SchemaFindingsTest {

  @TestFactory
  Stream<DynamicTest> seedExamples() {
    return SeedExamples.all().stream()
        .map(e -> DynamicTest.dynamicTest(e.name(), () -> assertClean(e.name(), e.resources())));
  }

  @TestFactory
  Stream<DynamicTest> plans() {
    return ExamplePlans.all().stream()
        .map(r -> DynamicTest.dynamicTest(r.name(), () -> assertClean(r.name(), applied(r))));
  }

  @Test
  void everyKindOfTheExamplesIsChecked() {
    // Not vacuous: the examples hold kinds of all three model modules, and a broken copy of one
    // of them is reported.
    Set<String> kinds = new java.util.TreeSet<>();
    for (SeedExample e : SeedExamples.all()) {
      e.resources().forEach(r -> kinds.add(r.group() + "/" + r.kind()));
    }
    assertTrue(kinds.contains("networking.istio.io/VirtualService"), kinds::toString);
    assertTrue(kinds.contains("security.istio.io/AuthorizationPolicy"), kinds::toString);
    String broken =
        Manifests.toYaml(SeedExamples.all().get(0).resources().get(0))
            .replaceFirst("name: ([a-z-]+)", "name: \"$1\\\\u200b\"");
    List<String> codes =
        Validation.standard().validate(broken, "broken.yaml").all().stream()
            .map(Finding::code)
            .toList();
    assertEquals(List.of("SP0201"), codes);
  }

  private static List<Resource> applied(Rollout rollout) {
    Plan plan = rollout.plan();
    Set<Resource> applied = new LinkedHashSet<>(plan.desired().resources());
    for (Stage s : plan.stages()) {
      applied.addAll(s.applies());
    }
    return new ArrayList<>(applied);
  }

  private static void assertClean(String name, List<Resource> resources) {
    List<String> found = new ArrayList<>();
    for (Finding f : Validation.standard().validate(resources)) {
      found.add(f.toString());
    }
    for (Finding f : Validation.standard().validate(Manifests.toYaml(resources), name + ".yaml")) {
      found.add(f.toString());
    }
    assertEquals(
        List.of(),
        found.stream().filter(f -> f.contains("[SP01") || f.contains("[SP02")).toList(),
        name);
  }
}
