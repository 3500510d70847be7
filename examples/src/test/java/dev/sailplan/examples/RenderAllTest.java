package dev.sailplan.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sailplan.core.Manifests;
import dev.sailplan.examples.seed.SeedExample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderAllTest {
  @TempDir Path dir;

  private List<String> listing(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .toList();
    }
  }

  @Test
  void writesEveryExampleAndReportsWhatItWrote() throws IOException {
    Path out = dir.resolve("out");
    RenderAll.Summary s = RenderAll.render(out);
    List<SeedExample> all = SeedExamples.all();
    assertEquals(all.size(), s.examples());
    assertEquals(all.stream().mapToInt(e -> e.resources().size()).sum(), s.resources());
    assertEquals(
        all.stream().map(e -> "examples/" + e.name() + ".yaml").sorted().toList(),
        listing(out).stream().filter(f -> f.startsWith("examples/")).toList());
    assertEquals(ExamplePlans.all().size(), s.plans());
    for (var rollout : ExamplePlans.all()) {
      assertTrue(
          Files.isRegularFile(out.resolve("plans/" + rollout.name() + "/plan.yaml")),
          rollout.name());
      assertTrue(
          Files.isExecutable(out.resolve("plans/" + rollout.name() + "/apply.sh")), rollout.name());
    }
    SeedExample first = all.get(0);
    assertEquals(
        Manifests.toYaml(first.resources()),
        Files.readString(out.resolve("examples/" + first.name() + ".yaml")));
  }

  @Test
  void replacesAnEarlierOutputWholeAndLeavesNoStagingBehind() throws IOException {
    Path out = dir.resolve("out");
    Files.createDirectories(out.resolve("examples"));
    Files.writeString(out.resolve("examples/stale.yaml"), "old");
    RenderAll.render(out);
    assertFalse(listing(out).contains("examples/stale.yaml"));
    try (Stream<Path> siblings = Files.list(dir)) {
      assertEquals(List.of("out"), siblings.map(p -> p.getFileName().toString()).toList());
    }
  }

  @Test
  void aFailedRenderLeavesTheEarlierOutputUntouched() throws IOException {
    Path blocker = Files.writeString(dir.resolve("not-a-folder"), "x");
    assertThrows(IOException.class, () -> RenderAll.render(blocker.resolve("out")));
    assertEquals("x", Files.readString(blocker));
    try (Stream<Path> siblings = Files.list(dir)) {
      assertEquals(List.of("not-a-folder"), siblings.map(p -> p.getFileName().toString()).toList());
    }
  }
}
