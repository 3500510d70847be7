package dev.sailplan.core.plan.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sailplan.core.meta.ObjectMeta;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.plan.Barrier;
import dev.sailplan.core.plan.Change;
import dev.sailplan.core.plan.Plan;
import dev.sailplan.core.plan.ResourceKey;
import dev.sailplan.core.plan.Stage;
import dev.sailplan.core.plan.State;
import dev.sailplan.core.plan.Step;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanWriterTest {
  static final String PLAN_YAML =
      """
      plan: demo
      steps:
      - name: prepare
        stages:
        - file: 001-prepare-namespaces.yaml
          apply:
          - apiVersion: v1
            kind: Namespace
            name: shop
          delete: []
          then: propagation
          reason: Namespace shop is created
        - file: 002-prepare-services.yaml
          apply:
          - apiVersion: v1
            kind: Service
            namespace: shop
            name: web
          delete: []
          then: gate
          reason: Service shop/web is updated
      - name: lockdown
        stages:
        - file: 003-lockdown-networkpolicies.yaml
          apply:
          - apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            namespace: shop
            name: deny-all
          delete:
          - apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            namespace: shop
            name: old-deny
          then: propagation
          reason: NetworkPolicy shop/deny-all is created; NetworkPolicy shop/old-deny is deleted because the new default-deny policy replaces it entirely
        - file: 004-lockdown-delete-services.yaml
          apply: []
          delete:
          - apiVersion: v1
            kind: Service
            namespace: shop
            name: legacy
          then: none
          reason: Service shop/legacy is deleted
      - name: finish
        stages: []
      """;

  @TempDir Path tmp;

  private static String read(Path p) throws IOException {
    return Files.readString(p, StandardCharsets.UTF_8);
  }

  private static List<String> list(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void writesTheDocumentedFolder() throws IOException {
    Path out = tmp.resolve("out");
    Path dir = PlanWriter.write(Fixtures.demo(), out, PlanOptions.defaults());

    assertEquals(out.toAbsolutePath().resolve("demo"), dir);
    String content = contentOf(dir);
    assertTrue(content.matches("\\.demo\\.plan-[0-9a-z]+"), content);
    assertEquals(List.of(content, "demo"), list(out));
    assertEquals(
        List.of(
            ".sailplan-plan",
            "001-prepare-namespaces.yaml",
            "002-prepare-services.yaml",
            "003-lockdown-networkpolicies.yaml",
            "004-lockdown-delete-services.yaml",
            "apply.sh",
            "current.yaml",
            "desired.yaml",
            "plan.yaml"),
        list(dir));
    assertEquals(PLAN_YAML, read(dir.resolve("plan.yaml")));
    assertEquals(
        """
        # A plan folder written by Sailplan: the next plan of the same name replaces it.
        format: 1
        """,
        read(dir.resolve(".sailplan-plan")));
    assertEquals(PLAN_YAML, PlanWriter.index(Fixtures.demo()));
    assertEquals(
        """
        # Stage 001 of step prepare: Namespace shop is created
        # Then: propagation
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop
        """,
        read(dir.resolve("001-prepare-namespaces.yaml")));
    assertEquals(
        """
        # Stage 002 of step prepare: Service shop/web is updated
        # Then: gate
        apiVersion: v1
        kind: Service
        metadata:
          name: web
          namespace: shop
        spec:
          selector:
            app: web
          ports:
          - name: http
            port: 8080
        """,
        read(dir.resolve("002-prepare-services.yaml")));
    assertEquals(
        """
        # Stage 003 of step lockdown: NetworkPolicy shop/deny-all is created; NetworkPolicy shop/old-deny is
        # deleted because the new default-deny policy replaces it entirely
        # Then: propagation
        # (this stage also deletes: see plan.yaml)
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: deny-all
          namespace: shop
        spec:
          podSelector: {}
          policyTypes:
          - Ingress
        """,
        read(dir.resolve("003-lockdown-networkpolicies.yaml")));
    assertEquals(
        """
        # Stage 004 of step lockdown: Service shop/legacy is deleted
        # Then: none
        # (this stage only deletes: see plan.yaml)
        """,
        read(dir.resolve("004-lockdown-delete-services.yaml")));
    assertEquals(
        """
        apiVersion: v1
        kind: Service
        metadata:
          name: legacy
          namespace: shop
        spec:
          ports:
          - name: http
            port: 80
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: web
          namespace: shop
        spec:
          selector:
            app: web
          ports:
          - name: http
            port: 80
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: old-deny
          namespace: shop
        spec:
          podSelector: {}
          policyTypes:
          - Ingress
        """,
        read(dir.resolve("current.yaml")));
    assertEquals(
        """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: web
          namespace: shop
        spec:
          selector:
            app: web
          ports:
          - name: http
            port: 8080
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: deny-all
          namespace: shop
        spec:
          podSelector: {}
          policyTypes:
          - Ingress
        """,
        read(dir.resolve("desired.yaml")));
    assertEquals(
        PlanWriter.script(Fixtures.demo(), PlanOptions.defaults()), read(dir.resolve("apply.sh")));
  }

  /** The hidden content folder {@code OUT/N} links to. */
  private static String contentOf(Path planFolder) throws IOException {
    assertTrue(Files.isSymbolicLink(planFolder), planFolder + " is a link");
    return Files.readSymbolicLink(planFolder).toString();
  }

  @Test
  void theScriptIsExecutableAndTheFolderHasOrdinaryPermissions() throws IOException {
    Path dir = PlanWriter.write(Fixtures.demo(), tmp);
    if (!Files.getFileStore(dir).supportsFileAttributeView("posix")) {
      return;
    }
    assertEquals(
        "rwxr-xr-x",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("apply.sh"))));
    Path ordinary = Files.createDirectory(tmp.resolve("ordinary"));
    assertEquals(Files.getPosixFilePermissions(ordinary), Files.getPosixFilePermissions(dir));
  }

  @Test
  void theSamePlanGivesTheSameBytes() throws IOException {
    Path a = PlanWriter.write(Fixtures.demo(), tmp.resolve("a"));
    Path b = PlanWriter.write(Fixtures.demo(), tmp.resolve("b"));
    assertEquals(list(a), list(b));
    for (String name : list(a)) {
      assertArrayEquals(
          Files.readAllBytes(a.resolve(name)), Files.readAllBytes(b.resolve(name)), name);
    }
  }

  @Test
  void aPlanWithAnInvalidResourceWritesNothingAndNamesEveryFinding() throws IOException {
    dev.sailplan.core.k8s.Namespace marked =
        dev.sailplan.core.k8s.Namespace.builder()
            .metadata(
                dev.sailplan.core.meta.ObjectMeta.ref("shop")
                    .withLabels(
                        java.util.Map.of(dev.sailplan.core.fixture.MarkedInvalid.LABEL, "yes")))
            .build();
    Plan plan =
        new Plan(
            "bad",
            State.empty(),
            List.of(new dev.sailplan.core.plan.Step("apply", State.of(marked), List.of())));
    dev.sailplan.core.validation.ValidationException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            dev.sailplan.core.validation.ValidationException.class,
            () -> PlanWriter.write(plan, tmp.resolve("out")));
    assertEquals(
        "Error [SP0205] (Namespace shop) metadata.labels[sailplan.dev/test-invalid]: marked invalid"
            + " by the test",
        e.getMessage());
    assertEquals(false, Files.exists(tmp.resolve("out")));
  }

  @Test
  void aValidationThatSuppressesTheErrorWritesThePlan() throws IOException {
    dev.sailplan.core.k8s.Namespace marked =
        dev.sailplan.core.k8s.Namespace.builder()
            .metadata(
                ObjectMeta.ref("shop")
                    .withLabels(
                        java.util.Map.of(dev.sailplan.core.fixture.MarkedInvalid.LABEL, "yes")))
            .build();
    Plan plan =
        new Plan("bad", State.empty(), List.of(new Step("apply", State.of(marked), List.of())));
    dev.sailplan.core.validation.Validation suppressing =
        dev.sailplan.core.validation.Validation.builder()
            .discover()
            .suppress(
                List.of(dev.sailplan.core.validation.SuppressRule.parse("SP0205=Namespace sh*")))
            .build();

    Path dir = PlanWriter.write(plan, tmp.resolve("out"), PlanOptions.defaults(), suppressing);

    assertTrue(read(dir.resolve("desired.yaml")).contains("name: shop\n"));
  }

  @Test
  void writingTheSamePlanAgainTouchesNothing() throws IOException {
    Path dir = PlanWriter.write(Fixtures.demo(), tmp);
    String content = contentOf(dir);
    Path index = dir.resolve("plan.yaml");
    java.nio.file.attribute.FileTime old = java.nio.file.attribute.FileTime.fromMillis(1_000_000);
    Files.setLastModifiedTime(index, old);

    Path again = PlanWriter.write(Fixtures.demo(), tmp);

    assertEquals(dir, again);
    assertEquals(content, contentOf(again));
    assertEquals(old, Files.getLastModifiedTime(index));
    assertEquals(List.of(content, "demo"), list(tmp));
  }

  @Test
  void aChangedFileOrALostExecutableBitIsWrittenAgain() throws IOException {
    Path dir = PlanWriter.write(Fixtures.demo(), tmp);
    String first = contentOf(dir);
    Files.writeString(dir.resolve("desired.yaml"), "edited by hand\n");

    Path second = PlanWriter.write(Fixtures.demo(), tmp);
    assertTrue(!contentOf(second).equals(first));
    assertTrue(!read(second.resolve("desired.yaml")).equals("edited by hand\n"));

    String secondContent = contentOf(second);
    Files.setPosixFilePermissions(
        second.resolve("apply.sh"), PosixFilePermissions.fromString("rw-r--r--"));
    Path third = PlanWriter.write(Fixtures.demo(), tmp);
    assertTrue(!contentOf(third).equals(secondContent));
    assertTrue(Files.isExecutable(third.resolve("apply.sh")));

    String thirdContent = contentOf(third);
    Files.writeString(third.resolve("notes.txt"), "a file the plan does not have");
    Path fourth = PlanWriter.write(Fixtures.demo(), tmp);
    assertTrue(!contentOf(fourth).equals(thirdContent));
    assertTrue(!Files.exists(fourth.resolve("notes.txt")));
  }

  @Test
  void anEmptyPlanHasAnEmptyIndexAndEmptyStates() throws IOException {
    Path dir = PlanWriter.write(new Plan("nothing", State.empty(), List.of()), tmp);
    assertEquals(
        List.of(".sailplan-plan", "apply.sh", "current.yaml", "desired.yaml", "plan.yaml"),
        list(dir));
    assertEquals("plan: nothing\nsteps: []\n", read(dir.resolve("plan.yaml")));
    assertEquals("", read(dir.resolve("current.yaml")));
    assertEquals("", read(dir.resolve("desired.yaml")));
  }

  @Test
  void optionsAreTheScriptsDefaults() {
    String script = PlanWriter.script(Fixtures.demo(), new PlanOptions(9, 60));
    assertTrue(script.contains("\nsettle=9\ntimeout=60\n"), script);
    assertTrue(script.contains("(default 9)") && script.contains("(default 60)"), script);
    assertEquals(new PlanOptions(5, 300), PlanOptions.defaults());
    assertEquals(new PlanOptions(1, 300), PlanOptions.defaults().withSettleSeconds(1));
    assertEquals(new PlanOptions(5, 2), PlanOptions.defaults().withProxyStatusTimeoutSeconds(2));
    assertThrows(IllegalArgumentException.class, () -> new PlanOptions(-1, 300));
    assertThrows(IllegalArgumentException.class, () -> new PlanOptions(5, -1));
  }

  @Test
  void replacesAnEarlierVersionsPlanFolderWithTheCompleteNewOne() throws IOException {
    // Earlier versions wrote a real folder of plan files and no marker.
    Path old = Files.createDirectories(tmp.resolve("demo"));
    Files.writeString(old.resolve("005-gone-services.yaml"), "from an earlier plan");
    Files.writeString(old.resolve("plan.yaml"), "plan: older\n");

    Path dir = PlanWriter.write(Fixtures.demo(), tmp);

    assertEquals(List.of(contentOf(dir), "demo"), list(tmp));
    assertEquals(9, list(dir).size());
    assertTrue(!Files.exists(dir.resolve("005-gone-services.yaml")));
    assertEquals(PLAN_YAML, read(dir.resolve("plan.yaml")));
  }

  @Test
  void replacingAPlanSwapsTheLinkAndRemovesTheOldContent() throws IOException {
    Path first = PlanWriter.write(new Plan("demo", State.empty(), List.of()), tmp);
    String before = contentOf(first);

    Path dir = PlanWriter.write(Fixtures.demo(), tmp);

    String after = contentOf(dir);
    assertTrue(!after.equals(before), after);
    assertEquals(List.of(after, "demo"), list(tmp));
    assertEquals(PLAN_YAML, read(dir.resolve("plan.yaml")));
  }

  @Test
  void replacesAPlanFolderThatWasCopiedWithItsMarker() throws IOException {
    Path written = PlanWriter.write(Fixtures.demo(), tmp.resolve("elsewhere"));
    Path copy = Files.createDirectories(tmp.resolve("out/demo"));
    for (String f : list(written)) {
      Files.copy(written.resolve(f), copy.resolve(f));
    }
    Files.writeString(copy.resolve("notes.txt"), "a plan folder with notes is still a plan folder");

    Path dir = PlanWriter.write(new Plan("demo", State.empty(), List.of()), tmp.resolve("out"));

    assertEquals(List.of(contentOf(dir), "demo"), list(tmp.resolve("out")));
    assertEquals("plan: demo\nsteps: []\n", read(dir.resolve("plan.yaml")));
  }

  @Test
  void refusesAFolderThatIsNotAPlanFolderAndChangesNothing() throws IOException {
    Path src = Files.createDirectories(tmp.resolve("demo"));
    Files.writeString(src.resolve("Main.java"), "class Main {}");
    Files.writeString(src.resolve("plan.yaml"), "plan: looks like one\n");

    FileAlreadyExistsException e =
        assertThrows(
            FileAlreadyExistsException.class, () -> PlanWriter.write(Fixtures.demo(), tmp));

    assertEquals(src.toAbsolutePath().toString(), e.getFile());
    assertEquals(
        "exists and is a folder that is not a plan folder (no .sailplan-plan and files a plan"
            + " does not have); nothing was written",
        e.getReason());
    assertEquals(List.of("demo"), list(tmp));
    assertEquals(List.of("Main.java", "plan.yaml"), list(src));
    assertEquals("class Main {}", read(src.resolve("Main.java")));
  }

  @Test
  void refusesAFolderWithASubfolder() throws IOException {
    Path src = Files.createDirectories(tmp.resolve("demo/keep"));
    Files.writeString(tmp.resolve("demo/plan.yaml"), "plan: demo\n");

    assertThrows(FileAlreadyExistsException.class, () -> PlanWriter.write(Fixtures.demo(), tmp));

    assertTrue(Files.isDirectory(src));
  }

  @Test
  void refusesAPlainFileAndChangesNothing() throws IOException {
    Path file = Files.writeString(tmp.resolve("demo"), "my notes");

    FileAlreadyExistsException e =
        assertThrows(
            FileAlreadyExistsException.class, () -> PlanWriter.write(Fixtures.demo(), tmp));

    assertEquals("exists and is a file, not a plan folder; nothing was written", e.getReason());
    assertEquals(List.of("demo"), list(tmp));
    assertEquals("my notes", read(file));
  }

  @Test
  void refusesALinkToAnotherFolderAndChangesNothing() throws IOException {
    Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
    Files.writeString(elsewhere.resolve("plan.yaml"), "plan: mine\n");
    Files.createDirectories(tmp.resolve("out"));
    Path link = Files.createSymbolicLink(tmp.resolve("out/demo"), elsewhere);

    FileAlreadyExistsException e =
        assertThrows(
            FileAlreadyExistsException.class,
            () -> PlanWriter.write(Fixtures.demo(), tmp.resolve("out")));

    assertEquals(
        "exists and is a symbolic link to " + elsewhere + ", not a plan folder", e.getReason());
    assertEquals(elsewhere, Files.readSymbolicLink(link));
    assertEquals(List.of("plan.yaml"), list(elsewhere));
  }

  @Test
  void removesWhatKilledRunsLeftAndOnlyThat() throws IOException {
    PlanWriter.write(new Plan("demo", State.empty(), List.of()), tmp);
    Path killedContent = Files.createDirectories(tmp.resolve(".demo.plan-k1"));
    Files.writeString(killedContent.resolve(".sailplan-plan"), PlanFolder.MARKER_TEXT);
    Files.writeString(killedContent.resolve("001-a-b.yaml"), "half");
    Files.createDirectories(tmp.resolve(".demo.plan-k2")); // killed before its marker
    Files.createSymbolicLink(tmp.resolve(".demo.link-k3"), Path.of(".demo.plan-k1"));
    Path earlierNew = Files.createDirectories(tmp.resolve(".demo.new-k4"));
    Files.writeString(earlierNew.resolve("plan.yaml"), "plan: demo\n");
    Path earlierOld = Files.createDirectories(tmp.resolve(".demo.old-k5/previous"));
    Files.writeString(earlierOld.resolve("apply.sh"), "#!/bin/sh\n");
    // Not Sailplan's: a name that does not fit, or a folder with other files.
    Path notes = Files.writeString(tmp.resolve(".demo.notes"), "mine");
    Path lookalike = Files.createDirectories(tmp.resolve(".demo.plan-k6"));
    Files.writeString(lookalike.resolve("mine.txt"), "mine");
    Path otherPlan = Files.createDirectories(tmp.resolve(".other.plan-k7"));
    Files.writeString(otherPlan.resolve(".sailplan-plan"), PlanFolder.MARKER_TEXT);

    Path dir = PlanWriter.write(Fixtures.demo(), tmp);

    assertEquals(
        List.of(".demo.notes", contentOf(dir), ".demo.plan-k6", ".other.plan-k7", "demo").stream()
            .sorted()
            .toList(),
        list(tmp));
    assertEquals("mine", read(notes));
    assertEquals("mine", read(lookalike.resolve("mine.txt")));
  }

  @Test
  void aContentFolderAnotherRunIsWritingIsLeftAlone() throws IOException {
    PlanFolder other = new PlanFolder(tmp.toAbsolutePath(), "demo");
    try (PlanFolder.Staged writing = other.stage()) {
      Path dir = PlanWriter.write(Fixtures.demo(), tmp);

      assertTrue(Files.isRegularFile(writing.content().resolve(".sailplan-plan")));
      assertEquals(
          List.of(writing.content().getFileName().toString(), contentOf(dir), "demo").stream()
              .sorted()
              .toList(),
          list(tmp));
    }
    Path dir = PlanWriter.write(Fixtures.demo(), tmp);
    assertEquals(List.of(contentOf(dir), "demo"), list(tmp));
  }

  /** Jackson fails on it: its one bean property throws. */
  static final class Unrenderable implements Resource {
    @Override
    public String apiVersion() {
      return "v1";
    }

    @Override
    public String kind() {
      return "Service";
    }

    @Override
    public ObjectMeta metadata() {
      return ObjectMeta.ref("shop/broken");
    }

    /** Throws, as a resource that cannot be rendered. */
    @SuppressWarnings("DoNotCallSuggester") // Jackson calls it while rendering: that is the test
    public String getBoom() {
      throw new IllegalStateException("boom");
    }
  }

  /** Stage 001 renders; stage 002 fails half way through the folder. */
  private static Plan failingPlan() {
    Resource broken = new Unrenderable();
    ResourceKey key = new ResourceKey("", "Service", "shop", "broken");
    Step step =
        new Step(
            "break",
            State.of(Fixtures.SHOP),
            List.of(
                new Stage(
                    "namespaces",
                    List.of(Fixtures.create(Fixtures.SHOP)),
                    Barrier.PROPAGATION,
                    "fine"),
                new Stage(
                    "services",
                    List.of(new Change(key, Optional.empty(), Optional.of(broken))),
                    Barrier.NONE,
                    "fails")));
    return new Plan("demo", State.empty(), List.of(step));
  }

  @Test
  void aFailureLeavesAnExistingFolderAsItWasAndNothingElse() throws IOException {
    Path old = PlanWriter.write(new Plan("demo", State.empty(), List.of()), tmp);
    List<String> before = list(tmp);

    assertThrows(IllegalArgumentException.class, () -> PlanWriter.write(failingPlan(), tmp));

    assertEquals(before, list(tmp));
    assertEquals("plan: demo\nsteps: []\n", read(old.resolve("plan.yaml")));
  }

  @Test
  void aFailureWithoutAnExistingFolderLeavesNoPartialOne() throws IOException {
    assertThrows(IllegalArgumentException.class, () -> PlanWriter.write(failingPlan(), tmp));
    assertEquals(List.of(), list(tmp));
  }

  @Test
  void aBlockedOutputFolderIsAnIoErrorAndChangesNothing() throws IOException {
    Path file = Files.writeString(tmp.resolve("not-a-folder"), "keep me");

    assertThrows(IOException.class, () -> PlanWriter.write(Fixtures.demo(), file));
    assertThrows(IOException.class, () -> PlanWriter.write(Fixtures.demo(), file.resolve("below")));

    assertEquals(List.of("not-a-folder"), list(tmp));
    assertEquals("keep me", read(file));
  }

  @Test
  void planNamesThatAreNotFolderNamesAreRejectedBeforeWriting() throws IOException {
    for (String name : List.of("../escape", "a/b", "", ".hidden")) {
      Plan plan = new Plan(name, State.empty(), List.of());
      assertThrows(
          IllegalArgumentException.class, () -> PlanWriter.write(plan, tmp.resolve("out")), name);
    }
    assertEquals(List.of(), list(tmp));
  }
}
