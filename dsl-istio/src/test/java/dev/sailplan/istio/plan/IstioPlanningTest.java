package dev.sailplan.istio.plan;

import static dev.sailplan.istio.Security.mtls;
import static dev.sailplan.istio.Security.peerAuthentication;
import static dev.sailplan.istio.Traffic.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sailplan.core.k8s.LabelSelector;
import dev.sailplan.core.k8s.NetworkPolicy;
import dev.sailplan.core.k8s.NetworkPolicySpec;
import dev.sailplan.core.meta.ObjectMeta;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.plan.Change;
import dev.sailplan.core.plan.Planner;
import dev.sailplan.core.plan.PlanningException;
import dev.sailplan.core.plan.Stage;
import dev.sailplan.core.plan.State;
import dev.sailplan.istio.networking.v1.ClientTLSMode;
import dev.sailplan.istio.networking.v1.ClientTLSSettings;
import dev.sailplan.istio.networking.v1.DestinationRule;
import dev.sailplan.istio.networking.v1.DestinationRuleSpec;
import dev.sailplan.istio.networking.v1.GatewaySpec;
import dev.sailplan.istio.networking.v1.HTTPRoute;
import dev.sailplan.istio.networking.v1.Location;
import dev.sailplan.istio.networking.v1.OutboundTrafficPolicy;
import dev.sailplan.istio.networking.v1.OutboundTrafficPolicyMode;
import dev.sailplan.istio.networking.v1.Resolution;
import dev.sailplan.istio.networking.v1.Server;
import dev.sailplan.istio.networking.v1.ServiceEntrySpec;
import dev.sailplan.istio.networking.v1.SidecarSpec;
import dev.sailplan.istio.networking.v1.TrafficPolicy;
import dev.sailplan.istio.networking.v1.VirtualService;
import dev.sailplan.istio.networking.v1.VirtualServiceSpec;
import dev.sailplan.istio.security.v1.MutualTLSMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The planner with Istio's dependency model, on the transitions the rules are about. */
class IstioPlanningTest {
  private final Planner planner = Planner.discover();

  private static DestinationRule reviewsRule(String... subsets) {
    DestinationRuleSpec.Builder spec = DestinationRuleSpec.builder().host("reviews");
    for (String s : subsets) {
      spec.addSubsets(versionSubset(s));
    }
    return destinationRule("bookinfo/reviews", spec.build());
  }

  private static VirtualService reviewsRoutes(String subset1, int w1, String subset2, int w2) {
    HTTPRoute.Builder route =
        HTTPRoute.builder().addRoute(routeTo("reviews", subset1).withWeight(w1));
    if (subset2 != null) {
      route.addRoute(routeTo("reviews", subset2).withWeight(w2));
    }
    return virtualService(
        "bookinfo/reviews",
        VirtualServiceSpec.builder().addHosts("reviews").addHttp(route.build()).build());
  }

  /** Each stage as "label: key, key" with deletions marked. */
  private static List<String> outline(List<Stage> stages) {
    return stages.stream()
        .map(
            s ->
                s.label()
                    + ": "
                    + String.join(
                        ", ",
                        s.changes().stream()
                            .map(c -> (c.isDelete() ? "-" : c.isCreate() ? "+" : "~") + c.key())
                            .toList()))
        .toList();
  }

  @Test
  void aNewSubsetReachesTheMeshBeforeARouteUsesIt() {
    List<Stage> stages =
        planner.stages(
            State.of(reviewsRule("v1"), reviewsRoutes("v1", 100, null, 0)),
            State.of(reviewsRule("v1", "v2"), reviewsRoutes("v1", 90, "v2", 10)));
    assertEquals(
        List.of(
            "destinationrules: ~DestinationRule bookinfo/reviews",
            "virtualservices: ~VirtualService bookinfo/reviews"),
        outline(stages));
    assertEquals(
        "DestinationRule bookinfo/reviews provides subset reviews.bookinfo.svc.cluster.local/v2 before"
            + " VirtualService bookinfo/reviews uses it",
        stages.get(0).reason());
  }

  @Test
  void routesStopUsingASubsetBeforeItIsRemoved() {
    List<Stage> stages =
        planner.stages(
            State.of(reviewsRule("v1", "v2"), reviewsRoutes("v1", 10, "v2", 90)),
            State.of(reviewsRule("v2"), reviewsRoutes("v2", 100, null, 0)));
    assertEquals(
        List.of(
            "virtualservices: ~VirtualService bookinfo/reviews",
            "destinationrules: ~DestinationRule bookinfo/reviews"),
        outline(stages));
    assertEquals(
        "VirtualService bookinfo/reviews stops using subset reviews.bookinfo.svc.cluster.local/v1 before"
            + " DestinationRule bookinfo/reviews removes it",
        stages.get(0).reason());
  }

  @Test
  void swappingSubsetsExpandsThenContracts() {
    List<Stage> stages =
        planner.stages(
            State.of(reviewsRule("v1"), reviewsRoutes("v1", 100, null, 0)),
            State.of(reviewsRule("v2"), reviewsRoutes("v2", 100, null, 0)));
    assertEquals(
        List.of(
            "destinationrules: ~DestinationRule bookinfo/reviews",
            "virtualservices: ~VirtualService bookinfo/reviews",
            "destinationrules: ~DestinationRule bookinfo/reviews"),
        outline(stages));
    DestinationRule expanded = (DestinationRule) stages.get(0).applies().get(0);
    assertEquals(
        List.of("v2", "v1"),
        expanded.spec().orElseThrow().subsets().stream().map(s -> s.name()).toList());
  }

  @Test
  void aGatewayExistsBeforeTheVirtualServiceBoundToIt() {
    Resource gw =
        gateway(
            "istio-ingress/public",
            GatewaySpec.builder()
                .putSelector("istio", "ingressgateway")
                .addServers(
                    Server.builder()
                        .port(serverPort(80, "http", "HTTP"))
                        .addHosts("*/shop.example.com")
                        .build())
                .build());
    Resource vs =
        virtualService(
            "shop/front",
            VirtualServiceSpec.builder()
                .addHosts("shop.example.com")
                .addGateways("istio-ingress/public")
                .addHttp(HTTPRoute.builder().addRoute(routeTo("front")).build())
                .build());
    assertEquals(
        List.of(
            "gateways: +Gateway istio-ingress/public",
            "virtualservices: +VirtualService shop/front"),
        outline(planner.stages(State.empty(), State.of(gw, vs))));
    assertEquals(
        List.of(
            "delete-virtualservices: -VirtualService shop/front",
            "delete-gateways: -Gateway istio-ingress/public"),
        outline(planner.stages(State.of(gw, vs), State.empty())));
  }

  @Test
  void strictComesAfterPermissiveAndAfterPlaintextRulesAreGone() {
    Resource plaintext =
        destinationRule(
            "web/legacy-plaintext",
            DestinationRuleSpec.builder()
                .host("api.payments.svc.cluster.local")
                .trafficPolicy(
                    TrafficPolicy.builder()
                        .tls(ClientTLSSettings.builder().mode(ClientTLSMode.DISABLE).build())
                        .build())
                .build());
    List<Stage> stages =
        planner.stages(
            State.of(
                peerAuthentication("payments/default", mtls(MutualTLSMode.DISABLE)), plaintext),
            State.of(peerAuthentication("payments/default", mtls(MutualTLSMode.STRICT))));
    assertEquals(
        List.of(
            "destinationrules-peerauthentications: ~PeerAuthentication payments/default, -DestinationRule web/legacy-plaintext",
            "peerauthentications: ~PeerAuthentication payments/default"),
        outline(stages));
    Change permissive =
        stages.get(0).changes().stream()
            .filter(c -> c.key().kind().equals("PeerAuthentication"))
            .findFirst()
            .orElseThrow();
    assertEquals(
        "PERMISSIVE",
        ((dev.sailplan.istio.security.v1.PeerAuthentication) permissive.after().orElseThrow())
            .spec()
            .orElseThrow()
            .mtls()
            .orElseThrow()
            .mode()
            .orElseThrow()
            .value());
  }

  @Test
  void egressLockdownOrdersEntriesThenSidecarThenNetworkPolicy() {
    Resource entry =
        serviceEntry(
            "payments/stripe",
            ServiceEntrySpec.builder()
                .addHosts("api.stripe.com")
                .addPorts(servicePort(443, "https", "TLS"))
                .location(Location.MESH_EXTERNAL)
                .resolution(Resolution.DNS)
                .build());
    Resource sidecar =
        sidecar(
            "payments/default",
            SidecarSpec.builder()
                .outboundTrafficPolicy(
                    OutboundTrafficPolicy.builder()
                        .mode(OutboundTrafficPolicyMode.REGISTRY_ONLY)
                        .build())
                .addEgress(egressHosts("./*", "istio-system/*", "*/api.stripe.com"))
                .build());
    Resource policy =
        NetworkPolicy.builder()
            .metadata(ObjectMeta.ref("payments/egress-lockdown"))
            .spec(
                NetworkPolicySpec.builder()
                    .podSelector(LabelSelector.builder().build())
                    .addPolicyTypes("Egress")
                    .build())
            .build();
    assertEquals(
        List.of(
            "serviceentries: +ServiceEntry payments/stripe",
            "sidecars: +Sidecar payments/default",
            "networkpolicies: +NetworkPolicy payments/egress-lockdown"),
        outline(planner.stages(State.empty(), State.of(policy, sidecar, entry))));
  }

  @Test
  void aDesiredStateThatStillUsesARemovedSubsetIsAClearError() {
    PlanningException e =
        assertThrows(
            PlanningException.class,
            () ->
                planner.stages(
                    State.of(reviewsRule("v1", "v2"), reviewsRoutes("v1", 50, "v2", 50)),
                    State.of(reviewsRule("v1"), reviewsRoutes("v1", 50, "v2", 50))));
    assertEquals(
        "no safe order exists for 1 change (a dependency cycle, or something nothing provides):\n"
            + "  update DestinationRule bookinfo/reviews: would remove subset reviews.bookinfo.svc.cluster.local/v2 while"
            + " VirtualService bookinfo/reviews uses it",
        e.getMessage());
  }
}
