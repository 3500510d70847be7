package dev.sailplan.examples;

import static dev.sailplan.istio.Traffic.gateway;
import static dev.sailplan.istio.Traffic.routeTo;
import static dev.sailplan.istio.Traffic.serverPort;
import static dev.sailplan.istio.Traffic.virtualService;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sailplan.core.Manifests;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.gatewayapi.GatewayApi;
import dev.sailplan.gatewayapi.v1.HTTPRouteRule;
import dev.sailplan.gatewayapi.v1.HTTPRouteSpec;
import dev.sailplan.gatewayapi.v1.Listener;
import dev.sailplan.istio.networking.v1.GatewaySpec;
import dev.sailplan.istio.networking.v1.HTTPRoute;
import dev.sailplan.istio.networking.v1.Server;
import dev.sailplan.istio.networking.v1.VirtualServiceSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The import pattern the DSL packages document for a file that uses Istio's and Gateway API's
 * {@code Gateway} and {@code HTTPRoute}: Istio's by simple name, Gateway API's in full and through
 * {@link GatewayApi}.
 */
class IstioAndGatewayApiInOneFileTest {
  @Test
  void bothGatewaysAndBothHttpRoutesInOneFile() {
    Resource istioGateway =
        gateway(
            "istio-system/ingress",
            GatewaySpec.builder()
                .putSelector("istio", "ingressgateway")
                .addServers(
                    Server.builder()
                        .port(serverPort(80, "http", "HTTP"))
                        .addHosts("shop/*")
                        .build())
                .build());
    Resource vs =
        virtualService(
            "shop/web",
            VirtualServiceSpec.builder()
                .addHosts("web")
                .addHttp(HTTPRoute.builder().addRoute(routeTo("web")).build())
                .build());
    Resource k8sGateway =
        GatewayApi.gateway(
            "istio-system/public",
            dev.sailplan.gatewayapi.v1.GatewaySpec.builder()
                .gatewayClassName("istio")
                .addListeners(Listener.builder().name("http").port(80).protocol("HTTP").build())
                .build());
    dev.sailplan.gatewayapi.v1.HTTPRoute route =
        GatewayApi.httpRoute(
            "shop/api",
            HTTPRouteSpec.builder()
                .addParentRefs(GatewayApi.parent("istio-system/public"))
                .addRules(
                    HTTPRouteRule.builder().addBackendRefs(GatewayApi.backend("api", 8080)).build())
                .build());

    assertEquals(
        """
        apiVersion: networking.istio.io/v1
        kind: Gateway
        metadata:
          name: ingress
          namespace: istio-system
        spec:
          selector:
            istio: ingressgateway
          servers:
          - hosts:
            - shop/*
            port:
              name: http
              number: 80
              protocol: HTTP
        ---
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: web
          namespace: shop
        spec:
          hosts:
          - web
          http:
          - route:
            - destination:
                host: web
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata:
          name: public
          namespace: istio-system
        spec:
          gatewayClassName: istio
          listeners:
          - name: http
            port: 80
            protocol: HTTP
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata:
          name: api
          namespace: shop
        spec:
          parentRefs:
          - name: public
            namespace: istio-system
          rules:
          - backendRefs:
            - name: api
              port: 8080
        """,
        Manifests.toYaml(List.of(istioGateway, vs, k8sGateway, route)));
  }
}
