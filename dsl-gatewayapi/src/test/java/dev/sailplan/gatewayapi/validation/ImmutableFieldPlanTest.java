package dev.sailplan.gatewayapi.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sailplan.core.Manifests;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.plan.Barrier;
import dev.sailplan.core.plan.Plan;
import dev.sailplan.core.plan.Planner;
import dev.sailplan.core.plan.State;
import dev.sailplan.core.plan.render.PlanWriter;
import dev.sailplan.core.validation.Finding;
import dev.sailplan.core.validation.Validation;
import dev.sailplan.core.validation.ValidationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plan that changes a field the schema makes immutable is refused, naming the field. */
class ImmutableFieldPlanTest {
  @TempDir Path dir;

  private static Resource gatewayClass(String controller) {
    return Manifests.parse(
            """
            apiVersion: gateway.networking.k8s.io/v1
            kind: GatewayClass
            metadata:
              name: public
            spec:
              controllerName: %s
            """
                .formatted(controller),
            "class.yaml")
        .get(0);
  }

  private static Plan change(Resource from, Resource to) {
    return Planner.discover()
        .plan(
            "switch-controller",
            State.of(from),
            List.of(new Planner.Target("switch", State.of(to), Barrier.NONE)));
  }

  @Test
  void changingAnImmutableFieldIsRefusedAndNothingIsWritten() {
    Plan plan =
        change(
            gatewayClass("example.com/gateway-controller"),
            gatewayClass("example.com/other-controller"));
    ValidationException e =
        assertThrows(ValidationException.class, () -> PlanWriter.write(plan, dir));
    assertEquals(
        List.of("Error [SP0302] (GatewayClass public) spec.controllerName: Value is immutable"),
        e.findings().all().stream().map(Finding::toString).toList());
    assertFalse(Files.exists(dir.resolve("switch-controller")));
  }

  @Test
  void theSameObjectAloneIsValid() {
    Resource after = gatewayClass("example.com/other-controller");
    assertEquals(List.of(), Validation.standard().validate(List.of(after)).all());
    assertTrue(
        Validation.standard()
            .validateChange(gatewayClass("example.com/other-controller"), after)
            .isEmpty());
  }
}
