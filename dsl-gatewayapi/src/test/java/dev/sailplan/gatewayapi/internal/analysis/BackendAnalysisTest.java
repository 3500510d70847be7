package dev.sailplan.gatewayapi.internal.analysis;

import static dev.sailplan.gatewayapi.GatewayApi.allowRoutesFrom;
import static dev.sailplan.gatewayapi.GatewayApi.backend;
import static dev.sailplan.gatewayapi.GatewayApi.gateway;
import static dev.sailplan.gatewayapi.GatewayApi.httpRoute;
import static dev.sailplan.gatewayapi.GatewayApi.parent;
import static dev.sailplan.gatewayapi.GatewayApi.referenceGrant;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sailplan.core.k8s.Service;
import dev.sailplan.core.k8s.ServicePort;
import dev.sailplan.core.k8s.ServiceSpec;
import dev.sailplan.core.meta.ObjectMeta;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.validation.Finding;
import dev.sailplan.core.validation.Validation;
import dev.sailplan.gatewayapi.v1.AllowedRoutes;
import dev.sailplan.gatewayapi.v1.FromNamespaces;
import dev.sailplan.gatewayapi.v1.GatewaySpec;
import dev.sailplan.gatewayapi.v1.HTTPRouteRule;
import dev.sailplan.gatewayapi.v1.HTTPRouteSpec;
import dev.sailplan.gatewayapi.v1.Listener;
import dev.sailplan.gatewayapi.v1.RouteNamespaces;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Backends, ReferenceGrants, BackendTLSPolicies, listener conflicts and GatewayClasses. */
class BackendAnalysisTest {
  /** A Gateway admitting routes from all namespaces, shop's route to a Service in payments. */
  static final String MESH =
      """
      apiVersion: gateway.networking.k8s.io/v1
      kind: Gateway
      metadata: {name: public, namespace: infra}
      spec:
        gatewayClassName: istio
        listeners:
        - name: http
          port: 80
          protocol: HTTP
          allowedRoutes:
            namespaces: {from: All}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: store, namespace: shop}
      spec:
        ports:
        - {name: http, port: 8080}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: api, namespace: payments}
      spec:
        ports:
        - {name: https, port: 8443}
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata: {name: store, namespace: shop}
      spec:
        parentRefs: [{name: public, namespace: infra}]
        rules:
        - matches: [{path: {type: PathPrefix, value: /pay}}]
          backendRefs: [{name: api, namespace: payments, port: 8443}]
        - backendRefs: [{name: store, port: 8080}]
      """;

  static final String GRANT =
      """
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: ReferenceGrant
      metadata: {name: shop-routes, namespace: payments}
      spec:
        from:
        - {group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: shop}
        to:
        - {group: "", kind: Service}
      """;

  static List<String> found(String yaml, String code) {
    return AttachmentAnalysisTest.found(yaml, code);
  }

  @Test
  void aBackendServiceThatIsNotDefinedIsAnError() {
    String yaml = MESH.replace("name: store, port: 8080", "name: stock, port: 8080");
    assertEquals(
        List.of(
            "Error [SP5006] (HTTPRoute shop/store mesh.yaml:35) spec.rules[1].backendRefs[0].name:"
                + " backendRef names Service shop/stock, which the input does not define;"
                + " requests for this backend fail"),
        found(yaml, "SP5006"));
    assertEquals(List.of(), found(MESH, "SP5006"));
  }

  @Test
  void aBackendPortTheServiceDoesNotHaveIsAnError() {
    String yaml = MESH.replace("name: store, port: 8080", "name: store, port: 80");
    assertEquals(
        List.of(
            "Error [SP5006] (HTTPRoute shop/store mesh.yaml:35) spec.rules[1].backendRefs[0].port:"
                + " Service shop/store has no port 80 (ports: 8080); requests for this backend"
                + " fail"),
        found(yaml, "SP5006"));
  }

  @Test
  void routesAloneSayNothingAboutTheClustersServicesAndGateways() {
    String routes =
        """
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: store, namespace: shop}
        spec:
          parentRefs: [{name: public, namespace: infra}]
          rules:
          - backendRefs: [{name: store, port: 8080}]
        """;
    assertEquals(List.of(), found(routes, "SP5001"));
    assertEquals(List.of(), found(routes, "SP5006"));
  }

  @Test
  void aServiceAssumedExternalIsNotReported() {
    String yaml = MESH.replace("name: store, port: 8080", "name: stock, port: 8080");
    Validation external =
        Validation.builder().discover().assumeExternal(List.of("*.svc.cluster.local")).build();
    assertEquals(
        List.of(),
        external.validate(yaml, "mesh.yaml").all().stream()
            .filter(f -> f.code().equals("SP5006"))
            .toList());
  }

  @Test
  void aCrossNamespaceBackendWithoutAReferenceGrantIsAnError() {
    assertEquals(
        List.of(
            "Error [SP5007] (HTTPRoute shop/store mesh.yaml:34)"
                + " spec.rules[0].backendRefs[0].namespace: backendRef to Service payments/api in"
                + " another namespace, and no ReferenceGrant in payments allows HTTPRoute from shop"
                + " to refer to it; requests for this backend fail"),
        found(MESH, "SP5007"));
    assertEquals(List.of(), found(MESH + GRANT, "SP5007"));
  }

  @Test
  void aGrantForAnotherKindOrOneNamedServiceDoesNotAllowIt() {
    String grpcOnly = GRANT.replace("kind: HTTPRoute", "kind: GRPCRoute");
    assertEquals(1, found(MESH + grpcOnly, "SP5007").size());
    String otherName =
        GRANT.replace("{group: \"\", kind: Service}", "{group: \"\", kind: Service, name: ledger}");
    assertEquals(1, found(MESH + otherName, "SP5007").size());
    String thisName =
        GRANT.replace("{group: \"\", kind: Service}", "{group: \"\", kind: Service, name: api}");
    assertEquals(List.of(), found(MESH + thisName, "SP5007"));
  }

  @Test
  void aCrossNamespaceCertificateWithoutAReferenceGrantIsAnError() {
    String yaml =
        listeners(
            """
            - name: https
              port: 443
              protocol: HTTPS
              tls:
                certificateRefs: [{name: wildcard, namespace: certs}]
            """);
    assertEquals(
        List.of(
            "Error [SP5007] (Gateway infra/public mesh.yaml:16)"
                + " spec.listeners[1].tls.certificateRefs[0].namespace: certificateRef to Secret"
                + " certs/wildcard in another namespace, and no ReferenceGrant in certs allows"
                + " Gateway from infra to refer to it; listener https is not programmed"),
        found(yaml + GRANT, "SP5007"));
    String grant =
        """
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: ReferenceGrant
        metadata: {name: infra-gateways, namespace: certs}
        spec:
          from:
          - {group: gateway.networking.k8s.io, kind: Gateway, namespace: infra}
          to:
          - {group: "", kind: Secret, name: wildcard}
        """;
    assertEquals(List.of(), found(yaml + GRANT + grant, "SP5007"));
  }

  static final String POLICY =
      """
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: BackendTLSPolicy
      metadata: {name: api-tls, namespace: payments}
      spec:
        targetRefs:
        - {group: "", kind: Service, name: api, sectionName: https}
        validation:
          hostname: api.payments.svc.cluster.local
          wellKnownCACertificates: System
      """;

  @Test
  void aBackendTlsPolicyWhoseTargetIsMissingIsAWarning() {
    int at = (int) MESH.lines().count() + 7;
    assertEquals(
        List.of(
            "Warning [SP5010] (BackendTLSPolicy payments/api-tls mesh.yaml:"
                + at
                + ") spec.targetRefs[0].name: targetRef names Service payments/ledger, which the"
                + " input does not define; the policy applies to nothing"),
        found(MESH + POLICY.replace("name: api,", "name: ledger,"), "SP5010"));
    assertEquals(
        List.of(
            "Warning [SP5010] (BackendTLSPolicy payments/api-tls mesh.yaml:"
                + at
                + ") spec.targetRefs[0].sectionName: sectionName grpc names no port of Service"
                + " payments/api (ports: https); the policy applies to nothing"),
        found(MESH + POLICY.replace("sectionName: https", "sectionName: grpc"), "SP5010"));
    assertEquals(List.of(), found(MESH + POLICY, "SP5010"));
  }

  /** MESH with more listeners after its first. */
  private static String listeners(String more) {
    return MESH.replace(
        "    allowedRoutes:\n      namespaces: {from: All}\n",
        "    allowedRoutes:\n      namespaces: {from: All}\n" + more.indent(2));
  }

  @Test
  void listenersOnOnePortWithIncompatibleProtocolsConflict() {
    String yaml =
        listeners(
            """
            - name: raw
              port: 80
              protocol: TCP
            """);
    assertEquals(
        List.of(
            "Error [SP5008] (Gateway infra/public mesh.yaml:12) spec.listeners[1]: listener raw"
                + " (TCP 80) conflicts with listener http (HTTP 80): listeners that share a port"
                + " with a TCP listener are not distinct; conflicting listeners are not accepted"),
        found(yaml, "SP5008"));
    String httpsOn80 =
        listeners(
            """
            - name: https
              port: 80
              protocol: HTTPS
              tls:
                certificateRefs: [{name: cert}]
            """);
    assertEquals(
        List.of(
            "Error [SP5008] (Gateway infra/public mesh.yaml:12) spec.listeners[1]: listener https"
                + " (HTTPS 80) conflicts with listener http (HTTP 80): plain HTTP and TLS (HTTPS,"
                + " TLS) cannot share a port; conflicting listeners are not accepted"),
        found(httpsOn80, "SP5008"));
    // HTTPS and TLS share a port by SNI; TCP and UDP are different transports.
    String compatible =
        listeners(
            """
            - name: https
              port: 443
              protocol: HTTPS
              hostname: shop.example.com
              tls:
                certificateRefs: [{name: cert}]
            - name: passthrough
              port: 443
              protocol: TLS
              hostname: db.example.com
              tls: {mode: Passthrough}
            - name: dns-tcp
              port: 53
              protocol: TCP
            - name: dns-udp
              port: 53
              protocol: UDP
            """);
    assertEquals(List.of(), found(compatible, "SP5008"));
  }

  @Test
  void aGatewayClassTheInputDoesNotDefineIsInfo() {
    String yaml = MESH.replace("gatewayClassName: istio", "gatewayClassName: envoy");
    assertEquals(
        List.of(
            "Info [SP5011] (Gateway infra/public mesh.yaml:5) spec.gatewayClassName: GatewayClass"
                + " envoy is not defined in the input; the Gateway is programmed only if the"
                + " cluster has it and its controller runs"),
        found(yaml, "SP5011"));
    String defined =
        yaml
            + """
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: GatewayClass
            metadata: {name: envoy}
            spec:
              controllerName: gateway.envoyproxy.io/gatewayclass-controller
            """;
    assertEquals(List.of(), found(defined, "SP5011"));
    assertEquals(List.of(), found(MESH, "SP5011"));
  }

  /** The same mesh built with the DSL: findings without file or line. */
  @Test
  void builtResourcesAreAnalysed() {
    Service api =
        Service.builder()
            .metadata(ObjectMeta.ref("payments/api"))
            .spec(ServiceSpec.builder().addPorts(ServicePort.of("https", 8443)).build())
            .build();
    List<Resource> mesh = new ArrayList<>();
    mesh.add(
        gateway(
            "infra/public",
            GatewaySpec.builder()
                .gatewayClassName("istio")
                .addListeners(
                    Listener.builder()
                        .name("http")
                        .port(80)
                        .protocol("HTTP")
                        .allowedRoutes(
                            AllowedRoutes.builder()
                                .namespaces(
                                    RouteNamespaces.builder().from(FromNamespaces.ALL).build())
                                .build())
                        .build())
                .build()));
    mesh.add(api);
    mesh.add(
        httpRoute(
            "shop/pay",
            HTTPRouteSpec.builder()
                .addParentRefs(parent("infra/public"))
                .addRules(
                    HTTPRouteRule.builder()
                        .addBackendRefs(backend("api", 8443).withNamespace("payments"))
                        .build())
                .build()));
    assertEquals(
        List.of(
            "Error [SP5007] (HTTPRoute shop/pay) spec.rules[0].backendRefs[0].namespace:"
                + " backendRef to Service payments/api in another namespace, and no"
                + " ReferenceGrant in payments allows HTTPRoute from shop to refer to it; requests"
                + " for this backend fail"),
        codes(Validation.standard().validate(mesh).all()));
    mesh.add(referenceGrant("payments/shop-routes", allowRoutesFrom("shop")));
    assertEquals(List.of(), codes(Validation.standard().validate(mesh).all()));
    mesh.add(
        httpRoute(
            "shop/lost", HTTPRouteSpec.builder().addParentRefs(parent("infra/private")).build()));
    assertEquals(
        List.of(
            "Error [SP5001] (HTTPRoute shop/lost) spec.parentRefs[0]: parentRef names Gateway"
                + " infra/private, which the input does not define; HTTPRoute shop/lost is not"
                + " attached to it"),
        codes(Validation.standard().validate(mesh).all()));
  }

  private static List<String> codes(List<Finding> findings) {
    return findings.stream()
        .filter(f -> f.code().startsWith("SP5") || f.code().equals("SP4001"))
        .map(Finding::toString)
        .toList();
  }
}
