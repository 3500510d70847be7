package dev.sailplan.gatewayapi.plan;

import static dev.sailplan.gatewayapi.GatewayApi.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sailplan.core.k8s.Service;
import dev.sailplan.core.k8s.ServicePort;
import dev.sailplan.core.k8s.ServiceSpec;
import dev.sailplan.core.meta.ObjectMeta;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.plan.Planner;
import dev.sailplan.core.plan.Stage;
import dev.sailplan.core.plan.State;
import dev.sailplan.gatewayapi.v1.GatewaySpec;
import dev.sailplan.gatewayapi.v1.HTTPRouteRule;
import dev.sailplan.gatewayapi.v1.HTTPRouteSpec;
import dev.sailplan.gatewayapi.v1.Listener;
import java.util.List;
import org.junit.jupiter.api.Test;

class GatewayApiPlanningTest {
  private final Planner planner = Planner.discover();

  private static final Resource GATEWAY =
      gateway(
          "infra/public",
          GatewaySpec.builder()
              .gatewayClassName("istio")
              .addListeners(Listener.builder().name("http").port(80).protocol("HTTP").build())
              .build());
  private static final Resource SERVICE =
      Service.builder()
          .metadata(ObjectMeta.ref("backends/api"))
          .spec(ServiceSpec.builder().addPorts(ServicePort.of("http", 8080)).build())
          .build();
  private static final Resource GRANT =
      referenceGrant("backends/allow-web", allowRoutesFrom("web"));
  private static final Resource ROUTE =
      httpRoute(
          "web/api",
          HTTPRouteSpec.builder()
              .addParentRefs(parent("infra/public"))
              .addRules(
                  HTTPRouteRule.builder()
                      .addBackendRefs(backend("api", 8080).withNamespace("backends"))
                      .build())
              .build());

  private static List<String> outline(List<Stage> stages) {
    return stages.stream()
        .map(
            s ->
                String.join(
                    ", ",
                    s.changes().stream().map(c -> (c.isDelete() ? "-" : "+") + c.key()).toList()))
        .toList();
  }

  @Test
  void aCrossNamespaceRouteComesAfterItsGatewayServiceAndGrant() {
    List<Stage> stages = planner.stages(State.empty(), State.of(ROUTE, GRANT, SERVICE, GATEWAY));
    assertEquals(
        List.of(
            "+Service backends/api, +ReferenceGrant backends/allow-web, +Gateway infra/public",
            "+HTTPRoute web/api"),
        outline(stages));
    assertEquals(
        "Service backends/api provides service backends/api before HTTPRoute web/api uses it;"
            + " ReferenceGrant backends/allow-web provides grant web/HTTPRoute backends/Service/* before HTTPRoute"
            + " web/api uses it; Gateway infra/public provides gateway infra/public before HTTPRoute web/api uses it",
        stages.get(0).reason());
  }

  @Test
  void theRouteGoesBeforeWhatItReliesOn() {
    assertEquals(
        List.of(
            "-HTTPRoute web/api",
            // Deletions run in the reverse of the kind order: mesh configuration before Services.
            "-ReferenceGrant backends/allow-web, -Gateway infra/public, -Service backends/api"),
        outline(planner.stages(State.of(ROUTE, GRANT, SERVICE, GATEWAY), State.empty())));
  }

  @Test
  void aGrantForAnotherNameDoesNotCountAndAWildcardGrantDoes() {
    Resource narrow =
        referenceGrant(
            "backends/allow-web",
            dev.sailplan.gatewayapi.v1.ReferenceGrantSpec.builder()
                .addFrom(
                    dev.sailplan.gatewayapi.v1.ReferenceGrantFrom.builder()
                        .group("gateway.networking.k8s.io")
                        .kind("HTTPRoute")
                        .namespace("web")
                        .build())
                .addTo(
                    dev.sailplan.gatewayapi.v1.ReferenceGrantTo.builder()
                        .group("")
                        .kind("Service")
                        .name("other")
                        .build())
                .build());
    // The narrow grant does not serve the route, so swapping it for the wildcard one must add the
    // wildcard grant before the route is created; the narrow one's removal is independent.
    List<Stage> stages =
        planner.stages(
            State.of(narrow, SERVICE, GATEWAY), State.of(GRANT, SERVICE, GATEWAY, ROUTE));
    assertEquals(
        List.of("+ReferenceGrant backends/allow-web", "+HTTPRoute web/api"), outline(stages));
  }
}
