package dev.sailplan.bench;

import static dev.sailplan.istio.Traffic.destinationRule;
import static dev.sailplan.istio.Traffic.gateway;
import static dev.sailplan.istio.Traffic.routeTo;
import static dev.sailplan.istio.Traffic.serverPort;
import static dev.sailplan.istio.Traffic.versionSubset;
import static dev.sailplan.istio.Traffic.virtualService;

import dev.sailplan.core.k8s.Service;
import dev.sailplan.core.k8s.ServicePort;
import dev.sailplan.core.k8s.ServiceSpec;
import dev.sailplan.core.meta.ObjectMeta;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.plan.State;
import dev.sailplan.istio.networking.v1.DestinationRuleSpec;
import dev.sailplan.istio.networking.v1.GatewaySpec;
import dev.sailplan.istio.networking.v1.HTTPRoute;
import dev.sailplan.istio.networking.v1.Server;
import dev.sailplan.istio.networking.v1.Subset;
import dev.sailplan.istio.networking.v1.VirtualServiceSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The mesh {@link PlanBenchmark} plans changes to: one service per five resources, in namespaces
 * {@code team-0}, {@code team-1}, … of 50 services each, service {@code i} being {@code svc-i} with
 * five resources:
 *
 * <ul>
 *   <li>a Service;
 *   <li>a DestinationRule with subset {@code v1} (and, once canaried, {@code v2});
 *   <li>an ingress Gateway of its own ({@code svc-i.example.com}, port 80);
 *   <li>an edge VirtualService bound to that Gateway and a mesh VirtualService, both routing to
 *       {@code v1} (once canaried: 90% to {@code v1}, 10% to {@code v2}).
 * </ul>
 *
 * <p>The change planned is a canary step on every tenth service: its DestinationRule gains subset
 * {@code v2} and both its VirtualServices send 10% there, so each DestinationRule must reach the
 * mesh before the routes that use its new subset (BRIEF rule 1): two stages.
 */
public final class PlanMesh {
  /** Resources per service: Service, DestinationRule, Gateway and two VirtualServices. */
  public static final int RESOURCES_PER_SERVICE = 5;

  private static final int SERVICES_PER_NAMESPACE = 50;

  private PlanMesh() {}

  /** The mesh of {@code resources / 5} services, none canaried. */
  public static State current(int resources) {
    return state(resources, false);
  }

  /** The same mesh with every tenth service at its first canary step. */
  public static State canaryStep(int resources) {
    return state(resources, true);
  }

  /** Services that {@link #canaryStep} changes, three resources each. */
  public static int canaried(int resources) {
    return (resources / RESOURCES_PER_SERVICE + 9) / 10;
  }

  private static State state(int resources, boolean canary) {
    int services = resources / RESOURCES_PER_SERVICE;
    List<Resource> out = new ArrayList<>(services * RESOURCES_PER_SERVICE);
    for (int i = 0; i < services; i++) {
      boolean step = canary && i % 10 == 0;
      String ns = "team-" + i / SERVICES_PER_NAMESPACE;
      String name = "svc-" + i;
      out.add(
          Service.builder()
              .metadata(ObjectMeta.ref(ns + "/" + name))
              .spec(ServiceSpec.builder().addPorts(ServicePort.of("http", 8080)).build())
              .build());
      List<Subset> subsets =
          step ? List.of(versionSubset("v1"), versionSubset("v2")) : List.of(versionSubset("v1"));
      out.add(
          destinationRule(
              ns + "/" + name,
              DestinationRuleSpec.builder().host(name).addAllSubsets(subsets).build()));
      out.add(
          gateway(
              ns + "/" + name,
              GatewaySpec.builder()
                  .putSelector("istio", "ingressgateway")
                  .addServers(
                      Server.builder()
                          .port(serverPort(80, "http", "HTTP"))
                          .addHosts(name + ".example.com")
                          .build())
                  .build()));
      out.add(
          virtualService(
              ns + "/" + name + "-edge",
              VirtualServiceSpec.builder()
                  .addHosts(name + ".example.com")
                  .addGateways(name)
                  .addHttp(route(name, step))
                  .build()));
      out.add(
          virtualService(
              ns + "/" + name,
              VirtualServiceSpec.builder().addHosts(name).addHttp(route(name, step)).build()));
    }
    return State.of(out);
  }

  private static HTTPRoute route(String host, boolean canary) {
    return canary
        ? HTTPRoute.builder()
            .addRoute(routeTo(host, "v1").withWeight(90))
            .addRoute(routeTo(host, "v2").withWeight(10))
            .build()
        : HTTPRoute.builder().addRoute(routeTo(host, "v1")).build();
  }
}
