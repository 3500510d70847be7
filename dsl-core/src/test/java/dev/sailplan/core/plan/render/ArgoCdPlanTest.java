package dev.sailplan.core.plan.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sailplan.core.Manifests;
import dev.sailplan.core.k8s.Namespace;
import dev.sailplan.core.k8s.Service;
import dev.sailplan.core.meta.ObjectMeta;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.plan.Barrier;
import dev.sailplan.core.plan.Change;
import dev.sailplan.core.plan.Plan;
import dev.sailplan.core.plan.Stage;
import dev.sailplan.core.plan.State;
import dev.sailplan.core.plan.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArgoCdPlanTest {
  @TempDir Path tmp;

  @Test
  void eachStageIsAWaveAnnotatedWithItsIndexAsAString() {
    assertEquals(
        """
        # Plan demo, step 1 of 3: prepare (Argo CD sync waves)
        # Argo CD waits for health between waves, not for the configuration to reach the proxies; deletions
        # are listed as comments and left to pruning.
        # Wave 0: Namespace shop is created — then propagation
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop
          annotations:
            argocd.argoproj.io/sync-wave: "0"
        ---
        # Wave 1: Service shop/web is updated — then gate
        apiVersion: v1
        kind: Service
        metadata:
          name: web
          namespace: shop
          annotations:
            argocd.argoproj.io/sync-wave: "1"
        spec:
          selector:
            app: web
          ports:
          - name: http
            port: 8080
        """,
        ArgoCdPlan.render(Fixtures.demo(), 0));
  }

  @Test
  void deletionsAreCommentsBeforeTheirWave() {
    assertEquals(
        """
        # Plan demo, step 2 of 3: lockdown (Argo CD sync waves)
        # Argo CD waits for health between waves, not for the configuration to reach the proxies; deletions
        # are listed as comments and left to pruning.
        # Wave 0: NetworkPolicy shop/deny-all is created; NetworkPolicy shop/old-deny is deleted because the
        # new default-deny policy replaces it entirely — then propagation
        # delete before wave 0: NetworkPolicy shop/old-deny
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: deny-all
          namespace: shop
          annotations:
            argocd.argoproj.io/sync-wave: "0"
        spec:
          podSelector: {}
          policyTypes:
          - Ingress
        # Wave 1: Service shop/legacy is deleted — then none
        # delete before wave 1: Service shop/legacy
        """,
        ArgoCdPlan.render(Fixtures.demo(), 1));
  }

  @Test
  void aStepWithoutStagesIsJustTheHeader() {
    assertEquals(
        """
        # Plan demo, step 3 of 3: finish (Argo CD sync waves)
        # Argo CD waits for health between waves, not for the configuration to reach the proxies; deletions
        # are listed as comments and left to pruning.
        """,
        ArgoCdPlan.render(Fixtures.demo(), 2));
  }

  @Test
  void theAnnotationJoinsExistingOnesSortedAndInCanonicalPlace() {
    Service annotated =
        Fixtures.WEB_V2.withMetadata(
            ObjectMeta.builder()
                .name("web")
                .namespace("shop")
                .putLabels("app", "web")
                .putAnnotations("zeta", "z")
                .putAnnotations("alpha", "a")
                .putAnnotations(ArgoCdPlan.SYNC_WAVE, "7")
                .uid("0123")
                .build());
    Namespace labelled =
        Namespace.builder().metadata(ObjectMeta.builder().name("mesh").uid("42").build()).build();
    Step step =
        new Step(
            "one",
            State.of(annotated, labelled),
            List.of(
                new Stage(
                    "resources",
                    List.of(Fixtures.create(labelled), Fixtures.create(annotated)),
                    Barrier.NONE,
                    "created")));
    String text = ArgoCdPlan.render(new Plan("p", State.empty(), List.of(step)), 0);
    assertEquals(
        """
        # Plan p, step 1 of 1: one (Argo CD sync waves)
        # Argo CD waits for health between waves, not for the configuration to reach the proxies; deletions
        # are listed as comments and left to pruning.
        # Wave 0: created — then none
        apiVersion: v1
        kind: Namespace
        metadata:
          name: mesh
          annotations:
            argocd.argoproj.io/sync-wave: "0"
          uid: "42"
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: web
          namespace: shop
          labels:
            app: web
          annotations:
            alpha: a
            argocd.argoproj.io/sync-wave: "0"
            zeta: z
          uid: "0123"
        spec:
          selector:
            app: web
          ports:
          - name: http
            port: 8080
        """,
        text);
    List<Resource> parsed = Manifests.parse(text, "argo.yaml");
    assertEquals("0", parsed.get(1).metadata().annotations().get(ArgoCdPlan.SYNC_WAVE));
    assertEquals(
        List.of("alpha", ArgoCdPlan.SYNC_WAVE, "zeta"),
        List.copyOf(parsed.get(1).metadata().annotations().keySet()));
  }

  @Test
  void aStepThatFitsInOneSyncIsOneSyncWithTheTextOfRender() {
    Plan demo = Fixtures.demo();
    for (int step = 0; step < demo.steps().size(); step++) {
      assertEquals(List.of(ArgoCdPlan.render(demo, step)), ArgoCdPlan.syncs(demo, step));
    }
  }

  @Test
  void anExpandedThenContractedRuleStartsASecondSyncAtTheContraction() {
    assertEquals(
        List.of(
            """
            # Plan reviews-swap, step 1 of 1: apply (Argo CD sync waves)
            # Sync 1 of 2: commit this first; each next sync is a separate commit, made once the one before is
            # synced (Argo CD applies one version of an object per sync).
            # Argo CD waits for health between waves, not for the configuration to reach the proxies; deletions
            # are listed as comments and left to pruning.
            # Wave 0: DestinationRule bookinfo/reviews provides subset v2 before VirtualService bookinfo/reviews
            # uses it — then propagation
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata:
              name: reviews
              namespace: bookinfo
              annotations:
                argocd.argoproj.io/sync-wave: "0"
            spec:
              host: reviews
              subsets:
              - name: v1
                labels:
                  version: v1
              - name: v2
                labels:
                  version: v2
            ---
            # Wave 1: VirtualService bookinfo/reviews stops using subset v1 — then propagation
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: reviews
              namespace: bookinfo
              annotations:
                argocd.argoproj.io/sync-wave: "1"
            spec:
              hosts:
              - reviews
              http:
              - route:
                - destination:
                    host: reviews
                    subset: v2
            """,
            """
            # Plan reviews-swap, step 1 of 1: apply (Argo CD sync waves)
            # Sync 2 of 2: a separate commit, after sync 1 is synced and propagated; DestinationRule
            # bookinfo/reviews changes again, and Argo CD applies one version of an object per sync.
            # Argo CD waits for health between waves, not for the configuration to reach the proxies; deletions
            # are listed as comments and left to pruning.
            # Wave 0: DestinationRule bookinfo/reviews drops subset v1 now that nothing uses it — then none
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata:
              name: reviews
              namespace: bookinfo
              annotations:
                argocd.argoproj.io/sync-wave: "0"
            spec:
              host: reviews
              subsets:
              - name: v2
                labels:
                  version: v2
            """),
        ArgoCdPlan.syncs(Fixtures.expandContract(), 0));
  }

  @Test
  void aDeleteAndARecreateAreTwoSyncsAndTheSecondWaitsForTheGate() {
    assertEquals(
        List.of(
            """
            # Plan recreate, step 1 of 1: recreate (Argo CD sync waves)
            # Sync 1 of 2: commit this first; each next sync is a separate commit, made once the one before is
            # synced (Argo CD applies one version of an object per sync).
            # Argo CD waits for health between waves, not for the configuration to reach the proxies; deletions
            # are listed as comments and left to pruning.
            # Wave 0: Service shop/legacy is deleted — then propagation
            # delete before wave 0: Service shop/legacy
            # Wave 1: Namespace shop is created — then gate
            apiVersion: v1
            kind: Namespace
            metadata:
              name: shop
              annotations:
                argocd.argoproj.io/sync-wave: "1"
            """,
            """
            # Plan recreate, step 1 of 1: recreate (Argo CD sync waves)
            # Sync 2 of 2: a separate commit, after sync 1 is synced and its gate is passed; Service shop/legacy
            # changes again, and Argo CD applies one version of an object per sync.
            # Argo CD waits for health between waves, not for the configuration to reach the proxies; deletions
            # are listed as comments and left to pruning.
            # Wave 0: Service shop/legacy is created again — then none
            apiVersion: v1
            kind: Service
            metadata:
              name: legacy
              namespace: shop
              annotations:
                argocd.argoproj.io/sync-wave: "0"
            spec:
              ports:
              - name: http
                port: 80
            """),
        ArgoCdPlan.syncs(Fixtures.deleteAndRecreate(), 0));
  }

  @Test
  void aSyncEndsOnlyWhereAnObjectComesAgainAndSeveralAreNamed() {
    Step step =
        new Step(
            "churn",
            State.of(Fixtures.WEB_V1, Fixtures.SHOP),
            List.of(
                stage(Barrier.PROPAGATION, Fixtures.update(Fixtures.WEB_V1, Fixtures.WEB_V2)),
                stage(Barrier.PROPAGATION, Fixtures.create(Fixtures.SHOP)),
                stage(
                    Barrier.NONE,
                    Fixtures.update(Fixtures.WEB_V2, Fixtures.WEB_V1),
                    Fixtures.delete(Fixtures.SHOP)),
                stage(Barrier.NONE, Fixtures.create(Fixtures.LEGACY)),
                stage(Barrier.NONE, Fixtures.update(Fixtures.WEB_V1, Fixtures.WEB_V2))));
    List<String> syncs =
        ArgoCdPlan.syncs(new Plan("p", State.of(Fixtures.WEB_V1), List.of(step)), 0);
    assertEquals(
        List.of(
            "Sync 1 of 3: commit this first; each next sync is a separate commit, made once the one"
                + " before is synced (Argo CD applies one version of an object per sync).",
            "Sync 2 of 3: a separate commit, after sync 1 is synced and propagated; Service shop/web,"
                + " Namespace shop change again, and Argo CD applies one version of an object per"
                + " sync.",
            "Sync 3 of 3: a separate commit, after sync 2 is synced; Service shop/web changes again,"
                + " and Argo CD applies one version of an object per sync."),
        syncs.stream().map(ArgoCdPlanTest::syncHeader).toList());
    assertEquals(
        List.of(
            List.of("# Wave 0: s — then propagation", "# Wave 1: s — then propagation"),
            List.of(
                "# Wave 0: s — then none",
                "# delete before wave 0: Namespace shop",
                "# Wave 1: s — then none"),
            List.of("# Wave 0: s — then none")),
        syncs.stream()
            .map(
                t ->
                    t.lines().filter(l -> l.startsWith("# Wave") || l.startsWith("# del")).toList())
            .toList());
    assertEquals(
        List.of(8080, 80, 80, 8080),
        syncs.stream()
            .flatMap(t -> Manifests.parse(t, "sync").stream())
            .filter(r -> r instanceof Service)
            .map(r -> ((Service) r).spec().orElseThrow().ports().get(0).port())
            .toList());
  }

  /** The comment between a sync's first line and the one on health, on one line. */
  private static String syncHeader(String sync) {
    List<String> lines = sync.lines().toList();
    StringBuilder header = new StringBuilder();
    for (String line : lines.subList(1, lines.size())) {
      if (line.startsWith("# Argo CD waits")) {
        break;
      }
      header.append(header.length() == 0 ? "" : " ").append(line.substring(2));
    }
    return header.toString();
  }

  private static Stage stage(Barrier then, Change... changes) {
    return new Stage("s", List.of(changes), then, "s");
  }

  @Test
  void renderRefusesAStepThatNeedsMoreThanOneSync() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> ArgoCdPlan.render(Fixtures.expandContract(), 0));
    assertEquals(
        "step apply changes DestinationRule bookinfo/reviews in waves 0 and 2: Argo CD syncs one"
            + " version of an object at a time; render the step as 2 syncs (ArgoCdPlan.syncs) or use"
            + " apply.sh",
        e.getMessage());
  }

  @Test
  void aStageThatChangesAnObjectTwiceCannotBeSynced() {
    Step step =
        new Step(
            "twice",
            State.of(Fixtures.WEB_V1),
            List.of(
                stage(Barrier.NONE, Fixtures.create(Fixtures.SHOP)),
                stage(
                    Barrier.NONE,
                    Fixtures.update(Fixtures.WEB_V1, Fixtures.WEB_V2),
                    Fixtures.update(Fixtures.WEB_V2, Fixtures.WEB_V1))));
    Plan plan = new Plan("p", State.of(Fixtures.WEB_V1), List.of(step));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ArgoCdPlan.syncs(plan, 0));
    assertEquals(
        "stage 2 of step twice changes Service shop/web twice: no Argo CD sync can hold both"
            + " versions",
        e.getMessage());
  }

  @Test
  void writeGivesEachSyncOfEachStepItsFileAndReplacesAnOlderFolder() throws IOException {
    Plan demo = Fixtures.demo();
    Plan swap = Fixtures.expandContract();
    Plan both =
        new Plan(
            "both",
            demo.current(),
            List.of(demo.steps().get(0), swap.steps().get(0), demo.steps().get(2)));
    // An earlier write of a plan of the same name, with files the new one does not have.
    ArgoCdPlan.write(new Plan("both", swap.current(), swap.steps()), tmp.resolve("out"));
    assertEquals(
        List.of(".sailplan-plan", "01-apply-sync-1.yaml", "01-apply-sync-2.yaml"),
        listing(tmp.resolve("out/both")));

    Path folder = ArgoCdPlan.write(both, tmp.resolve("out"));

    assertEquals(tmp.resolve("out/both").toAbsolutePath(), folder);
    List<String> swapSyncs = ArgoCdPlan.syncs(both, 1);
    assertEquals(
        List.of(
            ".sailplan-plan",
            "01-prepare-sync-1.yaml",
            "02-apply-sync-1.yaml",
            "02-apply-sync-2.yaml",
            "03-finish-sync-1.yaml"),
        listing(folder));
    assertEquals(
        ArgoCdPlan.render(both, 0), Files.readString(folder.resolve("01-prepare-sync-1.yaml")));
    assertEquals(swapSyncs.get(0), Files.readString(folder.resolve("02-apply-sync-1.yaml")));
    assertEquals(swapSyncs.get(1), Files.readString(folder.resolve("02-apply-sync-2.yaml")));
    assertEquals(
        ArgoCdPlan.render(both, 2), Files.readString(folder.resolve("03-finish-sync-1.yaml")));
    // The link and the folder it points at; the earlier folder is gone.
    List<String> out = listing(tmp.resolve("out"));
    assertEquals(2, out.size(), out::toString);
    assertEquals("both", out.get(1));
    assertTrue(out.get(0).startsWith(".both.plan-"), out::toString);
    assertEquals(tmp.resolve("out").resolve(out.get(0)), folder.toRealPath().toAbsolutePath());
  }

  @Test
  void writeRefusesANameThatIsNotAFolderNameAndWritesNothing() throws IOException {
    Plan bad = new Plan("../up", State.empty(), List.of());
    assertThrows(IllegalArgumentException.class, () -> ArgoCdPlan.write(bad, tmp));
    assertEquals(List.of(), listing(tmp));
  }

  @Test
  void writeOverAFileIsAnIoErrorAndLeavesTheFile() throws IOException {
    Path file = Files.writeString(tmp.resolve("out"), "keep");
    assertThrows(IOException.class, () -> ArgoCdPlan.write(Fixtures.demo(), file));
    assertEquals("keep", Files.readString(file));
    assertEquals(List.of("out"), listing(tmp));
  }

  private static List<String> listing(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aStepOutOfRangeIsAnError() {
    assertThrows(IndexOutOfBoundsException.class, () -> ArgoCdPlan.render(Fixtures.demo(), 3));
    assertThrows(IndexOutOfBoundsException.class, () -> ArgoCdPlan.render(Fixtures.demo(), -1));
  }
}
