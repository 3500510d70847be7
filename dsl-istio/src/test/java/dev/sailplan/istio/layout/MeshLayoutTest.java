package dev.sailplan.istio.layout;

import static dev.sailplan.istio.Traffic.destinationRule;
import static dev.sailplan.istio.Traffic.gateway;
import static dev.sailplan.istio.Traffic.routeTo;
import static dev.sailplan.istio.Traffic.serverPort;
import static dev.sailplan.istio.Traffic.sidecar;
import static dev.sailplan.istio.Traffic.virtualService;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sailplan.core.Manifests;
import dev.sailplan.core.k8s.ClusterRole;
import dev.sailplan.core.k8s.RoleBinding;
import dev.sailplan.core.meta.ObjectMeta;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.istio.networking.v1.DestinationRule;
import dev.sailplan.istio.networking.v1.DestinationRuleSpec;
import dev.sailplan.istio.networking.v1.Gateway;
import dev.sailplan.istio.networking.v1.GatewaySpec;
import dev.sailplan.istio.networking.v1.HTTPRoute;
import dev.sailplan.istio.networking.v1.Server;
import dev.sailplan.istio.networking.v1.SidecarSpec;
import dev.sailplan.istio.networking.v1.VirtualService;
import dev.sailplan.istio.networking.v1.VirtualServiceSpec;
import dev.sailplan.istio.networking.v1alpha3.EnvoyFilter;
import dev.sailplan.istio.networking.v1alpha3.EnvoyFilterSpec;
import dev.sailplan.istio.security.v1.MutualTLSMode;
import dev.sailplan.istio.security.v1.PeerAuthentication;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MeshLayoutTest {
  static final MeshLayout LAYOUT =
      MeshLayout.builder()
          .gateway(GatewayNamespace.ingress())
          .gateway(GatewayNamespace.egress())
          .app("bookinfo", "bookinfo-team", DataPlane.sidecar())
          .app("ratings", "ratings-team", DataPlane.revision("1-30"))
          .app("payments", "payments-team", DataPlane.ambient("waypoint"))
          .clusterAdmins("mesh-admins")
          .networkOwners("network-team")
          .build();

  static Gateway ingressGateway(String ns) {
    return gateway(
        ns + "/bookinfo-gateway",
        GatewaySpec.builder()
            .putSelector("istio", "ingressgateway")
            .addServers(
                Server.builder()
                    .port(serverPort(80, "http", "HTTP"))
                    .addHosts("bookinfo.example.com")
                    .build())
            .build());
  }

  static VirtualService boundToIngress(String ns) {
    return virtualService(
        ns + "/bookinfo",
        VirtualServiceSpec.builder()
            .addHosts("bookinfo.example.com")
            .addGateways("istio-ingress/bookinfo-gateway")
            .addHttp(HTTPRoute.builder().addRoute(routeTo("productpage")).build())
            .build());
  }

  @Test
  void namespacesCarryTheirPersonaAndTheLabelsOfTheirDataPlane() {
    assertEquals(
        """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: istio-system
        ---
        apiVersion: v1
        kind: Namespace
        metadata:
          name: istio-config
          labels:
            sailplan.dev/persona: cluster-admin
        ---
        apiVersion: v1
        kind: Namespace
        metadata:
          name: istio-ingress
          labels:
            sailplan.dev/persona: network-owner
        ---
        apiVersion: v1
        kind: Namespace
        metadata:
          name: istio-egress
          labels:
            sailplan.dev/persona: network-owner
        ---
        apiVersion: v1
        kind: Namespace
        metadata:
          name: bookinfo
          labels:
            istio-injection: enabled
            sailplan.dev/persona: service-owner
        ---
        apiVersion: v1
        kind: Namespace
        metadata:
          name: ratings
          labels:
            istio.io/rev: 1-30
            sailplan.dev/persona: service-owner
        ---
        apiVersion: v1
        kind: Namespace
        metadata:
          name: payments
          labels:
            istio.io/dataplane-mode: ambient
            istio.io/use-waypoint: waypoint
            sailplan.dev/persona: service-owner
        """,
        Manifests.toYaml(LAYOUT.namespaces()));
  }

  @Test
  void rootDefaultsAreTheSeedsSidecarAndPeerAuthentication() {
    assertEquals(
        """
        apiVersion: networking.istio.io/v1
        kind: Sidecar
        metadata:
          name: default
          namespace: istio-config
        spec:
          egress:
          - hosts:
            - ./*
            - istio-system/*
        ---
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata:
          name: default
          namespace: istio-config
        spec:
          mtls:
            mode: STRICT
        """,
        Manifests.toYaml(LAYOUT.defaults()));
    MeshLayout permissive =
        MeshLayout.builder().rootSidecar(false).rootMtls(MutualTLSMode.PERMISSIVE).build();
    assertEquals(1, permissive.defaults().size());
    assertEquals(
        MutualTLSMode.PERMISSIVE,
        permissive
            .rootPeerAuthentication()
            .orElseThrow()
            .spec()
            .orElseThrow()
            .mtls()
            .orElseThrow()
            .mode()
            .orElseThrow());
    assertEquals(
        List.of(), MeshLayout.builder().rootSidecar(false).noRootMtls().build().defaults());
  }

  @Test
  void rbacIsOneClusterRolePerPersonaBoundInEachOfItsNamespaces() {
    List<String> rbac =
        LAYOUT.rbac().stream().map(r -> r.kind() + " " + r.qualifiedName()).toList();
    assertEquals(
        List.of(
            "ClusterRole sailplan:cluster-admin",
            "RoleBinding istio-config/sailplan:cluster-admin",
            "ClusterRole sailplan:network-owner",
            "RoleBinding istio-ingress/sailplan:network-owner",
            "RoleBinding istio-egress/sailplan:network-owner",
            "ClusterRole sailplan:service-owner",
            "RoleBinding bookinfo/sailplan:service-owner",
            "RoleBinding ratings/sailplan:service-owner",
            "RoleBinding payments/sailplan:service-owner"),
        rbac);
    RoleBinding ratings = (RoleBinding) LAYOUT.rbac(Persona.SERVICE_OWNER).get(2);
    assertEquals("ratings-team", ratings.subjects().get(0).name());
    assertEquals("sailplan:service-owner", ratings.roleRef().name());
    assertEquals(Map.of(MeshLayout.PERSONA_LABEL, "service-owner"), ratings.metadata().labels());
  }

  @Test
  void serviceOwnersMayEditTheirConfigButNoEnvoyFilterOrGateway() {
    ClusterRole role = Persona.SERVICE_OWNER.clusterRole();
    assertEquals("sailplan:service-owner", role.metadata().name().orElseThrow());
    for (String kind : List.of("VirtualService", "DestinationRule", "Sidecar", "ServiceEntry")) {
      assertEquals(true, Persona.SERVICE_OWNER.mayEdit("networking.istio.io", kind), kind);
    }
    assertEquals(true, Persona.SERVICE_OWNER.mayEdit("security.istio.io", "AuthorizationPolicy"));
    assertEquals(true, Persona.SERVICE_OWNER.mayEdit("security.istio.io", "RequestAuthentication"));
    assertEquals(true, Persona.SERVICE_OWNER.mayEdit("telemetry.istio.io", "Telemetry"));
    assertEquals(false, Persona.SERVICE_OWNER.mayEdit("networking.istio.io", "EnvoyFilter"));
    assertEquals(false, Persona.SERVICE_OWNER.mayEdit("networking.istio.io", "Gateway"));
    assertEquals(false, Persona.SERVICE_OWNER.mayEdit("security.istio.io", "PeerAuthentication"));
    assertEquals(true, Persona.NETWORK_OWNER.mayEdit("networking.istio.io", "Gateway"));
    assertEquals(true, Persona.NETWORK_OWNER.mayEdit("", "Secret"));
    assertEquals(false, Persona.NETWORK_OWNER.mayEdit("networking.istio.io", "EnvoyFilter"));
    assertEquals(true, Persona.CLUSTER_ADMIN.mayEdit("networking.istio.io", "EnvoyFilter"));
    assertEquals(false, Persona.CLUSTER_ADMIN.mayEdit("", "Secret"));
  }

  @Test
  void aPersonaWithoutGroupsGetsNoRbac() {
    MeshLayout noAdmins = MeshLayout.builder().gateway(GatewayNamespace.shared()).build();
    assertEquals(List.of(), noAdmins.rbac());
  }

  @Test
  void envoyFiltersGoToTheRootNamespace() {
    EnvoyFilter ef =
        EnvoyFilter.builder()
            .metadata(ObjectMeta.ref("bookinfo/ext-authz"))
            .spec(EnvoyFilterSpec.builder().build())
            .build();
    assertEquals("istio-config/ext-authz", LAYOUT.place(ef).qualifiedName());
  }

  @Test
  void aGatewayGoesToTheNamespaceOfThePodsItSelects() {
    assertEquals(
        "istio-ingress/bookinfo-gateway", LAYOUT.place(ingressGateway("bookinfo")).qualifiedName());
    Gateway alreadyThere = ingressGateway("istio-egress");
    assertSame(alreadyThere, LAYOUT.place(alreadyThere));
    Gateway unknown =
        gateway("bookinfo/odd", GatewaySpec.builder().putSelector("app", "odd").build());
    PlacementException e = assertThrows(PlacementException.class, () -> LAYOUT.place(unknown));
    assertEquals(
        "Gateway bookinfo/odd: its selector {app=odd} selects the gateway pods of none of the"
            + " gateway namespaces [istio-ingress, istio-egress]; create it in the one it belongs"
            + " to",
        e.getMessage());
  }

  @Test
  void aGatewayBoundVirtualServiceMovesToTheGatewayNamespaceAndKeepsPointingAtTheApp() {
    VirtualService placed = LAYOUT.place(boundToIngress("bookinfo"));
    assertEquals(
        """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: bookinfo
          namespace: istio-ingress
        spec:
          gateways:
          - istio-ingress/bookinfo-gateway
          hosts:
          - bookinfo.example.com
          http:
          - route:
            - destination:
                host: productpage.bookinfo.svc.cluster.local
        """,
        Manifests.toYaml(placed));
    assertSame(placed, LAYOUT.place(placed));
  }

  @Test
  void aVirtualServiceOfTheMeshAndAGatewayCannotBePlaced() {
    VirtualService both =
        virtualService(
            "bookinfo/reviews",
            VirtualServiceSpec.builder()
                .addHosts("reviews")
                .addGateways("mesh", "istio-ingress/bookinfo-gateway")
                .build());
    PlacementException e = assertThrows(PlacementException.class, () -> LAYOUT.place(both));
    assertEquals(
        "VirtualService bookinfo/reviews is bound to the mesh and to gateways"
            + " [istio-ingress/bookinfo-gateway]: the network owners' gateway routes and the"
            + " service owners' mesh routes live in different namespaces; split it into two"
            + " VirtualServices",
        e.getMessage());
  }

  @Test
  void appConfigStaysInItsAppNamespaceOrGoesWhereItsHostsAre() {
    DestinationRule inPlace =
        destinationRule(
            "ratings/ratings",
            DestinationRuleSpec.builder().host("ratings.ratings.svc.cluster.local").build());
    assertSame(inPlace, LAYOUT.place(inPlace));
    DestinationRule noNamespace =
        DestinationRule.builder()
            .metadata(ObjectMeta.named("reviews"))
            .spec(DestinationRuleSpec.builder().host("reviews.bookinfo.svc.cluster.local").build())
            .build();
    assertEquals("bookinfo/reviews", LAYOUT.place(noNamespace).qualifiedName());
    DestinationRule shortHost =
        DestinationRule.builder()
            .metadata(ObjectMeta.named("reviews"))
            .spec(DestinationRuleSpec.builder().host("reviews").build())
            .build();
    PlacementException e = assertThrows(PlacementException.class, () -> LAYOUT.place(shortHost));
    assertEquals(
        "DestinationRule reviews has no namespace and names no host of an app namespace; give it"
            + " the namespace it belongs to",
        e.getMessage());
  }

  @Test
  void configThatTheNamespacesPersonaMayNotEditIsRefused() {
    Resource sidecarInGateway = sidecar("istio-ingress/default", SidecarSpec.builder().build());
    PlacementException e =
        assertThrows(PlacementException.class, () -> LAYOUT.place(sidecarInGateway));
    assertEquals(
        "Sidecar istio-ingress/default: the network-owners of istio-ingress may not edit a"
            + " Sidecar; create it in the namespace of the persona that owns it",
        e.getMessage());
    PeerAuthentication strictBookinfo =
        dev.sailplan.istio.Security.peerAuthentication(
            "bookinfo/default", dev.sailplan.istio.Security.mtls(MutualTLSMode.STRICT));
    assertEquals(
        "PeerAuthentication bookinfo/default: the service-owners of bookinfo may not edit a"
            + " PeerAuthentication; mesh-wide configuration belongs in the root namespace"
            + " istio-config; create it in the namespace of the persona that owns it",
        assertThrows(PlacementException.class, () -> LAYOUT.place(strictBookinfo)).getMessage());
  }

  @Test
  void aNamespaceHasOneRole() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                MeshLayout.builder()
                    .gateway(GatewayNamespace.ingress())
                    .app("istio-ingress", "team", DataPlane.sidecar())
                    .build());
    assertEquals(
        "app namespace istio-ingress is also the root, control-plane or a gateway namespace",
        e.getMessage());
  }
}
