package dev.sailplan.istio.layout;

import static dev.sailplan.istio.Traffic.sidecar;
import static dev.sailplan.istio.Traffic.virtualService;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sailplan.core.meta.ObjectMeta;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.validation.Finding;
import dev.sailplan.istio.Traffic;
import dev.sailplan.istio.networking.v1.Gateway;
import dev.sailplan.istio.networking.v1.GatewaySpec;
import dev.sailplan.istio.networking.v1.HTTPRoute;
import dev.sailplan.istio.networking.v1.Server;
import dev.sailplan.istio.networking.v1.SidecarSpec;
import dev.sailplan.istio.networking.v1.VirtualServiceSpec;
import dev.sailplan.istio.telemetry.v1.Telemetry;
import dev.sailplan.istio.telemetry.v1.TelemetrySpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SP3022, SP3023 and SP3024: each with a resource that has it and one that has not. */
class LayoutValidationTest {
  private static final MeshLayout LAYOUT = MeshLayoutTest.LAYOUT;
  private static final SidecarSpec SCOPED =
      SidecarSpec.builder().addEgress(dev.sailplan.istio.Traffic.egressHosts("./*")).build();

  /** The findings of the layout's codes on the layout's own resources plus {@code more}. */
  private static List<String> found(Resource... more) {
    List<Resource> all = new ArrayList<>(LAYOUT.all());
    all.addAll(List.of(more));
    return LAYOUT.validator().validate(all).all().stream()
        .filter(f -> f.code().matches("SP302[234]|SP300[12]"))
        .map(Finding::toString)
        .toList();
  }

  private static Telemetry telemetry(String ref) {
    return Telemetry.builder()
        .metadata(ObjectMeta.ref(ref))
        .spec(TelemetrySpec.builder().build())
        .build();
  }

  @Test
  void theLayoutsOwnResourcesHaveNoFindingAtAll() {
    assertEquals(List.of(), LAYOUT.validator().validate(LAYOUT.all()).all());
  }

  @Test
  void sp3022IstioConfigurationInTheControlPlaneNamespace() {
    assertEquals(
        List.of(
            "Warning [SP3022] (Telemetry istio-system/mesh-default) metadata.namespace: Telemetry"
                + " in the control-plane namespace istio-system, which holds istiod alone:"
                + " mesh-wide defaults belong in the root namespace istio-config, gateways in a"
                + " gateway namespace, the rest in its app namespace"),
        found(telemetry("istio-system/mesh-default")));
    assertEquals(List.of(), found(telemetry("istio-config/mesh-default")));
  }

  @Test
  void aGatewayNamespaceOfItsOwnNameIsAGatewayNamespaceToSp3002() {
    MeshLayout edge =
        MeshLayout.builder().gateway(GatewayNamespace.of("edge", "istio", "edge")).build();
    Gateway gateway =
        Gateway.builder()
            .metadata(ObjectMeta.ref("edge/public"))
            .spec(
                GatewaySpec.builder()
                    .putSelector("istio", "edge")
                    .addServers(
                        Server.builder()
                            .port(Traffic.serverPort(80, "http", "HTTP"))
                            .addHosts("shop/shop.example.com")
                            .build())
                    .build())
            .build();
    List<Resource> all = new ArrayList<>(edge.all());
    all.add(gateway);
    // The layout's Namespace says who owns edge: no Gateway in an app namespace here.
    assertEquals(List.of(), codes(edge.validator().validate(all).all(), "SP3002"));
    // Without it, nothing in the input tells edge from an app namespace.
    assertEquals(
        List.of("SP3002"), codes(edge.validator().validate(List.of(gateway)).all(), "SP3002"));
  }

  private static List<String> codes(List<Finding> findings, String code) {
    return findings.stream().map(Finding::code).filter(code::equals).toList();
  }

  @Test
  void sp3022IsNotReportedWhenTheControlPlaneNamespaceIsTheRoot() {
    MeshLayout istioDefault = MeshLayout.builder().rootNamespace("istio-system").build();
    List<Resource> all = new ArrayList<>(istioDefault.all());
    all.add(telemetry("istio-system/mesh-default"));
    assertEquals(List.of(), istioDefault.validator().validate(all).all());
  }

  @Test
  void sp3023ConfigurationTheNamespacesPersonaMayNotEdit() {
    assertEquals(
        List.of(
            "Warning [SP3023] (Sidecar istio-ingress/default) metadata.namespace: Sidecar outside"
                + " its persona's namespaces: the network-owners of istio-ingress may not edit a"
                + " Sidecar (ClusterRole sailplan:network-owner)"),
        found(sidecar("istio-ingress/default", SCOPED)));
    assertEquals(List.of(), found(sidecar("bookinfo/default", SCOPED)));
  }

  @Test
  void sp3023AMeshVirtualServiceInAGatewayNamespaceAndANamespaceOutsideTheLayout() {
    VirtualServiceSpec mesh =
        VirtualServiceSpec.builder()
            .addHosts("reviews.bookinfo.svc.cluster.local")
            .addHttp(
                HTTPRoute.builder()
                    .addRoute(
                        dev.sailplan.istio.Traffic.routeTo("reviews.bookinfo.svc.cluster.local"))
                    .build())
            .build();
    assertEquals(
        List.of(
            "Warning [SP3023] (VirtualService istio-ingress/reviews) metadata.namespace:"
                + " VirtualService outside its persona's namespaces: a VirtualService of the mesh"
                + " (not bound to a gateway) in the gateway namespace istio-ingress routes the"
                + " sidecars' traffic: it belongs to the app namespace of its hosts",
            "Warning [SP3023] (VirtualService shop/reviews) metadata.namespace: VirtualService"
                + " outside its persona's namespaces: shop is not a namespace of the mesh layout,"
                + " so no persona owns it"),
        found(virtualService("istio-ingress/reviews", mesh), virtualService("shop/reviews", mesh)));
    assertEquals(List.of(), found(virtualService("bookinfo/reviews", mesh)));
  }

  @Test
  void sp3024AGatewayBoundVirtualServiceOutsideTheGatewayNamespace() {
    assertEquals(
        List.of(
            "Warning [SP3024] (VirtualService bookinfo/bookinfo) spec.gateways[0]: VirtualService"
                + " in bookinfo bound to gateway istio-ingress/bookinfo-gateway: the routes of a"
                + " gateway belong to its network owners, in istio-ingress, pointing at bookinfo by"
                + " fully qualified hosts (MeshLayout.place moves it)"),
        found(
            MeshLayoutTest.ingressGateway("istio-ingress"),
            MeshLayoutTest.boundToIngress("bookinfo")));
    assertEquals(
        List.of(),
        found(
            MeshLayoutTest.ingressGateway("istio-ingress"),
            LAYOUT.place(MeshLayoutTest.boundToIngress("bookinfo"))));
  }
}
