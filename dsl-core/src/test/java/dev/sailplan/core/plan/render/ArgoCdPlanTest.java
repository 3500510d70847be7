package dev.sailplan.core.plan.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sailplan.core.Manifests;
import dev.sailplan.core.k8s.Namespace;
import dev.sailplan.core.k8s.Service;
import dev.sailplan.core.meta.ObjectMeta;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.plan.Barrier;
import dev.sailplan.core.plan.Plan;
import dev.sailplan.core.plan.Stage;
import dev.sailplan.core.plan.State;
import dev.sailplan.core.plan.Step;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArgoCdPlanTest {
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
  void anObjectChangingInTwoWavesCannotBeRendered() {
    Step step =
        new Step(
            "swap",
            State.of(Fixtures.WEB_V1),
            List.of(
                new Stage(
                    "services",
                    List.of(Fixtures.update(Fixtures.WEB_V1, Fixtures.WEB_V2)),
                    Barrier.PROPAGATION,
                    "a"),
                new Stage(
                    "services",
                    List.of(Fixtures.update(Fixtures.WEB_V2, Fixtures.WEB_V1)),
                    Barrier.NONE,
                    "b")));
    Plan plan = new Plan("p", State.of(Fixtures.WEB_V1), List.of(step));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ArgoCdPlan.render(plan, 0));
    assertEquals(
        "step swap changes Service shop/web in waves 0 and 1: Argo CD syncs one version of an object"
            + " at a time; split the step or use apply.sh",
        e.getMessage());
  }

  @Test
  void aStepOutOfRangeIsAnError() {
    assertThrows(IndexOutOfBoundsException.class, () -> ArgoCdPlan.render(Fixtures.demo(), 3));
    assertThrows(IndexOutOfBoundsException.class, () -> ArgoCdPlan.render(Fixtures.demo(), -1));
  }
}
