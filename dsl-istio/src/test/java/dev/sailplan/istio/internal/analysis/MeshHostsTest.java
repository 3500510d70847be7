package dev.sailplan.istio.internal.analysis;

import static dev.sailplan.istio.internal.analysis.RouteRulesTest.traffic;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Hosts across resources: SP1022 to SP1024. */
class MeshHostsTest {
  private static final String ROUTE =
      """
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata:
        name: %s
        namespace: shop
      spec:
        hosts:
        - cart.shop.svc.cluster.local
        http:
        - route:
          - destination: {host: cart.shop.svc.cluster.local}
      """;

  @Test
  void twoMeshRoutesForOneHostAreReported() {
    String yaml = ROUTE.formatted("cart") + "---\n" + ROUTE.formatted("cart-canary");
    assertEquals(
        List.of(
            "Error [SP1022] (VirtualService shop/cart mesh.yaml:8) spec.hosts[0]: VirtualService"
                + " shop/cart-canary also defines host cart.shop.svc.cluster.local for the mesh:"
                + " sidecars use only one of them, which one is undefined; merge them into one"
                + " VirtualService",
            "Error [SP1022] (VirtualService shop/cart-canary mesh.yaml:20) spec.hosts[0]:"
                + " VirtualService shop/cart also defines host cart.shop.svc.cluster.local for the"
                + " mesh: sidecars use only one of them, which one is undefined; merge them into"
                + " one VirtualService"),
        traffic(yaml));
  }

  @Test
  void oneMeshRouteAndOneGatewayRouteAreFine() {
    String yaml =
        ROUTE.formatted("cart")
            + "---\n"
            + ROUTE
                .formatted("cart-edge")
                .replace("  http:", "  gateways: [istio-system/edge]\n  http:");
    assertEquals(List.of(), traffic(yaml));
  }

  private static final String ENTRY =
      """
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry
      metadata:
        name: billing-db
        namespace: shop
      spec:
        hosts: [db.billing.example.com]
        location: MESH_EXTERNAL
        resolution: DNS
        ports:
        - number: 5432
          name: tcp-postgres
          protocol: TCP
      """;

  @Test
  void tcpEntryWithoutAddressesIsReported() {
    assertEquals(
        List.of(
            "Warning [SP1023] (ServiceEntry shop/billing-db mesh.yaml:11) spec.ports[0]: port 5432"
                + " is TCP and the ServiceEntry has no addresses: a TCP listener cannot tell hosts"
                + " apart, so it takes all traffic to port 5432; set spec.addresses or a"
                + " protocol"),
        traffic(ENTRY));
  }

  @Test
  void tcpEntryWithAddressesAndHttpsEntriesAreFine() {
    assertEquals(
        List.of(), traffic(ENTRY.replace("  location:", "  addresses: [10.20.0.5]\n  location:")));
    assertEquals(
        List.of(),
        traffic(ENTRY.replace("protocol: TCP", "protocol: TLS").replace("tcp-postgres", "tls")));
  }

  private static final String CLAIMS =
      """
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata:
        name: public
        namespace: istio-system
      spec:
        selector: {istio: ingressgateway}
        servers:
        - port: {number: 80, name: http, protocol: HTTP}
          hosts: ["shop/*"]
      ---
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata:
        name: admin
        namespace: shop
      spec:
        hosts: [admin.example.com]
        gateways: [istio-system/public]
        http:
        - match:
          - headers:
              "@request.auth.claims.groups": {exact: admin}
          route:
          - destination: {host: admin.shop.svc.cluster.local}
      """;

  @Test
  void claimRoutingWithoutRequestAuthenticationIsReported() {
    assertEquals(
        List.of(
            "Error [SP1024] (VirtualService shop/admin mesh.yaml:22) spec.http[0].match[0]:"
                + " routes on JWT claims through Gateway istio-system/public, but no"
                + " RequestAuthentication applies to its pods: the claims are never set, so the"
                + " match never holds; add a RequestAuthentication for the gateway"),
        traffic(CLAIMS));
  }

  @Test
  void claimRoutingWithRequestAuthenticationOnTheGatewayIsFine() {
    String yaml =
        CLAIMS
            + """
            ---
            apiVersion: security.istio.io/v1
            kind: RequestAuthentication
            metadata:
              name: ingress-jwt
              namespace: istio-system
            spec:
              selector:
                matchLabels: {istio: ingressgateway}
              jwtRules:
              - issuer: https://auth.example.com
                jwksUri: https://auth.example.com/.well-known/jwks.json
            """;
    assertEquals(List.of(), traffic(yaml));
  }
}
