package dev.sailplan.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sailplan.core.Manifests;
import dev.sailplan.examples.seed.SeedExample;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
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
    List<SeedExample> all = SeedExamples.all().stream().filter(e -> !e.isValidationCase()).toList();
    assertEquals(all.size(), s.examples());
    assertEquals(all.stream().mapToInt(e -> e.resources().size()).sum(), s.resources());
    assertEquals(
        all.stream().map(e -> "examples/" + e.name() + ".yaml").sorted().toList(),
        listing(out).stream().filter(f -> f.startsWith("examples/")).toList());
    assertEquals(
        dev.sailplan.examples.mesh.ExampleMesh.files().keySet().stream()
            .map(f -> "mesh/" + f)
            .toList(),
        listing(out).stream().filter(f -> f.startsWith("mesh/")).toList());
    assertEquals(dev.sailplan.examples.mesh.ExampleMesh.files().size(), s.meshFiles());
    assertEquals(dev.sailplan.examples.mesh.ExampleMesh.resources().size(), s.meshResources());
    assertEquals(
        Manifests.toYaml(dev.sailplan.examples.mesh.ExampleMesh.files().get("00-namespaces.yaml")),
        Files.readString(out.resolve("mesh/00-namespaces.yaml")));
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

  @Test
  void refusesAFolderItDidNotWriteAndLeavesItAsItIs() throws IOException {
    Path home = Files.createDirectories(dir.resolve("home"));
    Files.writeString(home.resolve("notes.txt"), "mine");
    Files.createDirectories(home.resolve("plans"));
    FileAlreadyExistsException e =
        assertThrows(FileAlreadyExistsException.class, () -> RenderAll.render(home));
    assertEquals(
        "is a folder RenderAll did not write (it holds notes.txt); nothing was written: remove it"
            + " or render elsewhere",
        e.getReason());
    assertEquals(List.of("notes.txt"), listing(home));
    try (Stream<Path> siblings = Files.list(dir)) {
      assertEquals(List.of("home"), siblings.map(p -> p.getFileName().toString()).toList());
    }
  }

  @Test
  void refusesAFileAndReplacesItsOwnOutputWithAnyContent() throws IOException {
    Path file = Files.writeString(dir.resolve("out.txt"), "x");
    assertThrows(FileAlreadyExistsException.class, () -> RenderAll.render(file));
    assertEquals("x", Files.readString(file));

    Path out = dir.resolve("out");
    RenderAll.render(out);
    assertTrue(Files.isRegularFile(out.resolve(RenderAll.MARKER)));
    Files.writeString(out.resolve("added-by-hand.txt"), "y");
    RenderAll.render(out);
    assertFalse(Files.exists(out.resolve("added-by-hand.txt")));
  }

  @Test
  void theOutputFolderHasTheUsualPermissions() throws IOException {
    Path out = dir.resolve("out");
    RenderAll.render(out);
    Path sibling = Files.createDirectory(dir.resolve("sibling"));
    assertEquals(Files.getPosixFilePermissions(sibling), Files.getPosixFilePermissions(out));
  }

  @Test
  void everyBundledExampleAndPlanHasNoErrorFinding() {
    for (SeedExample e : SeedExamples.all()) {
      if (e.isValidationCase()) {
        continue; // RenderAll checks that it has exactly the Errors it is kept for
      }
      assertEquals(
          List.of(),
          dev.sailplan.core.validation.Validation.standard()
              .validate(e.resources())
              .atLeast(dev.sailplan.core.validation.Level.ERROR)
              .all(),
          e.name());
    }
    for (var rollout : ExamplePlans.all()) {
      assertEquals(
          List.of(),
          dev.sailplan.core.validation.Validation.standard()
              .validate(rollout.plan().desired().resources())
              .atLeast(dev.sailplan.core.validation.Level.ERROR)
              .all(),
          rollout.name());
    }
  }

  @Test
  void anExampleOrPlanWithAnErrorFindingWritesNothing() throws IOException {
    dev.sailplan.core.k8s.Namespace marked =
        dev.sailplan.core.k8s.Namespace.builder()
            .metadata(
                dev.sailplan.core.meta.ObjectMeta.ref("shop")
                    .withLabels(
                        java.util.Map.of(dev.sailplan.core.fixture.MarkedInvalid.LABEL, "yes")))
            .build();
    Path out = dir.resolve("out");
    dev.sailplan.core.validation.ValidationException e =
        assertThrows(
            dev.sailplan.core.validation.ValidationException.class,
            () -> RenderAll.render(out, List.of(SeedExample.of("bad", marked)), List.of()));
    assertEquals(
        "Error [SP0205] (Namespace shop) metadata.labels[sailplan.dev/test-invalid]: marked invalid"
            + " by the test",
        e.getMessage());
    assertFalse(Files.exists(out));
    RenderAll.render(out);
    List<String> before = listing(out);
    dev.sailplan.core.plan.Plan plan =
        new dev.sailplan.core.plan.Plan(
            "bad",
            dev.sailplan.core.plan.State.empty(),
            List.of(
                new dev.sailplan.core.plan.Step(
                    "apply", dev.sailplan.core.plan.State.of(marked), List.of())));
    assertThrows(
        dev.sailplan.core.validation.ValidationException.class,
        () -> RenderAll.render(out, SeedExamples.all(), List.of(plan)));
    assertEquals(before, listing(out));
    try (Stream<Path> siblings = Files.list(dir)) {
      assertEquals(List.of("out"), siblings.map(p -> p.getFileName().toString()).toList());
    }
  }

  private static dev.sailplan.core.k8s.Namespace markedInvalid(String name) {
    return dev.sailplan.core.k8s.Namespace.builder()
        .metadata(
            dev.sailplan.core.meta.ObjectMeta.ref(name)
                .withLabels(java.util.Map.of(dev.sailplan.core.fixture.MarkedInvalid.LABEL, "yes")))
        .build();
  }

  @Test
  void theSeedsWithAnErrorAreListedNotWritten() throws IOException {
    RenderAll.Summary s = RenderAll.render(dir.resolve("out"));
    // Rejected by istiod as written (SP04xx), or the Error-level mistakes their README documents.
    assertEquals(
        List.of(
            "003-11-require-jwt: SP2009",
            "003-13-database-api-read-only: SP2002",
            "003-14-namespace-egress-sidecar: SP0401",
            "003-15-frontend-sidecar: SP0401",
            "003-19-locality-failover: SP0405",
            "003-27-expert-and-rule: SP2009",
            "003-29-payments-scoped-sidecar: SP0403",
            "003-32-gateway-api-public-gateway: SP5003"),
        s.validationCases());
  }

  @Test
  void aValidationCaseIsNotWrittenAndIsListed() throws IOException {
    Path out = dir.resolve("out");
    SeedExample valid = SeedExamples.all().get(0);
    RenderAll.Summary s =
        RenderAll.render(
            out,
            List.of(valid, SeedExample.rejected("kept", List.of("SP0205"), markedInvalid("shop"))),
            List.of());
    assertEquals(1, s.examples());
    assertEquals(List.of("kept: SP0205"), s.validationCases());
    assertEquals(List.of(".sailplan-render", "examples/" + valid.name() + ".yaml"), listing(out));
  }

  @Test
  void aValidationCaseThatValidationNoLongerRejectsIsAMistake() {
    Path out = dir.resolve("out");
    SeedExample notRejected =
        SeedExample.rejected(
            "kept", List.of("SP0401"), SeedExamples.all().get(0).resources().get(0));
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> RenderAll.render(out, List.of(notRejected), List.of()));
    assertEquals("kept is kept as rejected with [SP0401] but validation finds []", e.getMessage());
    assertFalse(Files.exists(out));
  }
}
