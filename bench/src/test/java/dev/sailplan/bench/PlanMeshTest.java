package dev.sailplan.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sailplan.core.plan.Planner;
import dev.sailplan.core.plan.Stage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The change {@link PlanBenchmark} plans is the one its Javadoc describes, on a small mesh. */
class PlanMeshTest {
  private static final int RESOURCES = 100;

  @Test
  void aCanaryStepOnEveryTenthServiceIsRulesThenRoutes() {
    List<Stage> stages =
        Planner.discover().stages(PlanMesh.current(RESOURCES), PlanMesh.canaryStep(RESOURCES));

    assertEquals(
        List.of(
            "destinationrules: DestinationRule team-0/svc-0, DestinationRule team-0/svc-10",
            "virtualservices: VirtualService team-0/svc-0, VirtualService team-0/svc-0-edge,"
                + " VirtualService team-0/svc-10, VirtualService team-0/svc-10-edge"),
        stages.stream()
            .map(
                s ->
                    s.label()
                        + ": "
                        + String.join(
                            ", ", s.changes().stream().map(c -> c.key().toString()).toList()))
            .toList());
    assertEquals(
        "DestinationRule team-0/svc-0 provides subset"
            + " svc-0.team-0.svc.cluster.local/v2 before VirtualService team-0/svc-0 uses it;"
            + " DestinationRule team-0/svc-10 provides subset svc-10.team-0.svc.cluster.local/v2"
            + " before VirtualService team-0/svc-10 uses it",
        stages.get(0).reason());
    assertEquals(RESOURCES, PlanMesh.current(RESOURCES).size());
    assertEquals(2, PlanMesh.canaried(RESOURCES));
  }
}
