package dev.sailplan.istio.internal.analysis;

import static dev.sailplan.istio.internal.analysis.RouteRulesTest.traffic;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Sidecars per namespace (SP1010), gateway bindings (SP1012) and port protocols (SP1013). */
class PlacementRulesTest {
  private static final String SIDECAR =
      """
      apiVersion: networking.istio.io/v1
      kind: Sidecar
      metadata:
        name: %s
        namespace: shop
      spec:
        egress:
        - hosts: ["./*", "istio-system/*"]
      """;

  @Test
  void twoNamespaceWideSidecarsAreReported() {
    String yaml = SIDECAR.formatted("default") + "---\n" + SIDECAR.formatted("egress");
    assertEquals(
        List.of(
            "Error [SP1010] (Sidecar shop/default mesh.yaml:6) spec: namespace shop has more"
                + " Sidecars without workloadSelector than this one (egress): which one applies"
                + " is undefined; keep one, or give the others a workloadSelector",
            "Error [SP1010] (Sidecar shop/egress mesh.yaml:15) spec: namespace shop has more"
                + " Sidecars without workloadSelector than this one (default): which one applies"
                + " is undefined; keep one, or give the others a workloadSelector"),
        traffic(yaml));
  }

  @Test
  void oneNamespaceWideSidecarAndSelectedOnesAreFine() {
    String yaml =
        SIDECAR.formatted("default")
            + "---\n"
            + SIDECAR
                .formatted("frontend")
                .replace("spec:\n", "spec:\n  workloadSelector:\n    labels: {app: frontend}\n");
    assertEquals(List.of(), traffic(yaml));
  }

  private static final String GATEWAY =
      """
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata:
        name: public
        namespace: istio-ingress
      spec:
        selector: {istio: ingressgateway}
        servers:
        - port: {number: 443, name: https, protocol: HTTPS}
          tls: {mode: SIMPLE, credentialName: public-cert}
          hosts: ["shop/*.example.com"]
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: web
        namespace: shop
      spec:
        selector: {app: web}
        ports:
        - name: http
          port: 8080
      ---
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata:
        name: web
        namespace: shop
      spec:
        hosts: ["www.example.com"]
        gateways: ["istio-ingress/public"]
        http:
        - route:
          - destination: {host: web}
      """;

  @Test
  void hostTheGatewayServesIsFine() {
    assertEquals(List.of(), traffic(GATEWAY));
  }

  @Test
  void missingGatewayIsReported() {
    String yaml = GATEWAY.replace("[\"istio-ingress/public\"]", "[\"istio-ingress/public\", edge]");
    assertEquals(
        List.of(
            "Error [SP1012] (VirtualService shop/web mesh.yaml:31) spec.gateways[1]: Gateway"
                + " shop/edge is not defined: the routes bound to it are never served there"),
        traffic(yaml));
  }

  @Test
  void gatewaysOutsideTheInputAreNotJudged() {
    // Without any Istio Gateway here, gateways are another repository's: nothing to compare.
    String routesOnly = GATEWAY.substring(GATEWAY.indexOf("apiVersion: v1"));
    assertEquals(List.of(), traffic(routesOnly.replace("istio-ingress/public", "edge")));
  }

  @Test
  void hostTheGatewayDoesNotServeIsReported() {
    String yaml = GATEWAY.replace("[\"www.example.com\"]", "[\"www.example.org\"]");
    assertEquals(
        List.of(
            "Error [SP1012] (VirtualService shop/web mesh.yaml:30) spec.hosts[0]: host"
                + " www.example.org is not served by Gateway istio-ingress/public: no server's"
                + " hosts admit it from namespace shop, so the gateway never routes it"),
        traffic(yaml));
  }

  @Test
  void portWithoutProtocolIsReported() {
    String yaml =
        """
        apiVersion: v1
        kind: Service
        metadata:
          name: db
          namespace: shop
        spec:
          selector: {app: db}
          ports:
          - name: db
            port: 5432
          - name: grpc-api
            port: 9090
          - port: 8080
            appProtocol: http
        """;
    assertEquals(
        List.of(
            "Warning [SP1013] (Service shop/db mesh.yaml:9) spec.ports[0]: port \"db\" (port: 5432,"
                + " targetPort: 5432) declares no protocol: name it <protocol>[-suffix] (e.g."
                + " http-web) or set appProtocol, or Istio may treat its traffic as plain TCP and"
                + " drop every L7 feature"),
        traffic(yaml));
  }
}
