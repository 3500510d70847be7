package dev.sailplan.gatewayapi.internal.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sailplan.core.validation.Finding;
import dev.sailplan.core.validation.Validation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Routes attach to Gateways by the Gateway API's rules: parents, listeners, allowedRoutes,
 * hostnames, kinds, and which of two routes with one match wins.
 */
class AttachmentAnalysisTest {
  /** A shared Gateway in infra, two app namespaces, a Service per app. */
  static final String MESH =
      """
      apiVersion: v1
      kind: Namespace
      metadata:
        name: shop
        labels: {gateway-access: "true"}
      ---
      apiVersion: v1
      kind: Namespace
      metadata:
        name: blog
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: Gateway
      metadata: {name: public, namespace: infra}
      spec:
        gatewayClassName: istio
        listeners:
        - name: http
          port: 80
          protocol: HTTP
          hostname: "*.example.com"
          allowedRoutes:
            namespaces:
              from: Selector
              selector:
                matchLabels: {gateway-access: "true"}
        - name: https
          port: 443
          protocol: HTTPS
          hostname: shop.example.com
          tls:
            mode: Terminate
            certificateRefs: [{name: shop-cert}]
          allowedRoutes:
            namespaces: {from: All}
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: Gateway
      metadata: {name: internal, namespace: infra}
      spec:
        gatewayClassName: istio
        listeners:
        - name: http
          port: 80
          protocol: HTTP
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
      metadata: {name: posts, namespace: blog}
      spec:
        ports:
        - {name: http, port: 8080}
      """;

  static List<String> found(String yaml, String code) {
    return Validation.standard().validate(yaml, "mesh.yaml").all().stream()
        .filter(f -> f.code().equals(code))
        .map(Finding::toString)
        .toList();
  }

  /** An HTTPRoute document in {@code namespace} with these parentRefs and hostnames. */
  static String route(String ref, String parents, String hostnames) {
    String[] nsName = {ref.substring(0, ref.indexOf('/')), ref.substring(ref.indexOf('/') + 1)};
    return "---\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: "
        + nsName[1]
        + ", namespace: "
        + nsName[0]
        + "}\nspec:\n  parentRefs: "
        + parents
        + "\n  hostnames: "
        + hostnames
        + "\n  rules:\n  - backendRefs: [{name: "
        + (nsName[0].equals("blog") ? "posts" : "store")
        + ", port: 8080}]\n";
  }

  /** MESH has 68 lines; an appended route's parentRefs are on its 6th line. */
  static final int NEXT = (int) MESH.lines().count() + 1;

  @Test
  void aParentGatewayThatIsNotDefinedIsAnError() {
    String yaml = MESH + route("shop/store", "[{name: private, namespace: infra}]", "[]");
    assertEquals(
        List.of(
            "Error [SP5001] (HTTPRoute shop/store mesh.yaml:"
                + (NEXT + 5)
                + ") spec.parentRefs[0]: parentRef names Gateway infra/private, which the input"
                + " does not define; HTTPRoute shop/store is not attached to it"),
        found(yaml, "SP5001"));
    assertEquals(
        List.of(),
        found(MESH + route("shop/store", "[{name: public, namespace: infra}]", "[]"), "SP5001"));
  }

  @Test
  void anIstioGatewayOfThatNameIsNamedInTheMessage() {
    String yaml =
        MESH
            + """
            ---
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata: {name: edge, namespace: infra}
            spec:
              selector: {istio: ingressgateway}
              servers:
              - port: {number: 80, name: http, protocol: HTTP}
                hosts: ["*"]
            """
            + route("shop/store", "[{name: edge, namespace: infra}]", "[]");
    assertEquals(
        List.of(
            "Error [SP5001] (HTTPRoute shop/store mesh.yaml:"
                + (NEXT + 14)
                + ") spec.parentRefs[0]: parentRef names Gateway infra/edge, which the input does"
                + " not define; HTTPRoute shop/store is not attached to it (an Istio"
                + " networking.istio.io Gateway has that name; routes attach only to"
                + " gateway.networking.k8s.io Gateways)"),
        found(yaml, "SP5001"));
  }

  @Test
  void aGatewayAssumedExternalIsNotReported() {
    String yaml = MESH + route("shop/store", "[{name: private, namespace: infra}]", "[]");
    Validation external =
        Validation.builder().discover().assumeExternal(List.of("Gateway infra/*")).build();
    assertEquals(
        List.of(),
        external.validate(yaml, "mesh.yaml").all().stream()
            .filter(f -> f.code().startsWith("SP5"))
            .toList());
  }

  @Test
  void aSectionNameThatNamesNoListenerIsAnError() {
    String yaml =
        MESH + route("shop/store", "[{name: public, namespace: infra, sectionName: htps}]", "[]");
    assertEquals(
        List.of(
            "Error [SP5002] (HTTPRoute shop/store mesh.yaml:"
                + (NEXT + 5)
                + ") spec.parentRefs[0].sectionName: sectionName htps selects no listener of"
                + " Gateway infra/public (listeners: http (port 80), https (port 443));"
                + " HTTPRoute shop/store is not attached to it"),
        found(yaml, "SP5002"));
    assertEquals(
        List.of(),
        found(
            MESH
                + route(
                    "shop/store", "[{name: public, namespace: infra, sectionName: https}]", "[]"),
            "SP5002"));
  }

  @Test
  void aPortThatNoListenerHasIsAnError() {
    String yaml =
        MESH + route("shop/store", "[{name: public, namespace: infra, port: 8443}]", "[]");
    assertEquals(
        List.of(
            "Error [SP5002] (HTTPRoute shop/store mesh.yaml:"
                + (NEXT + 5)
                + ") spec.parentRefs[0].port: port 8443 selects no listener of Gateway"
                + " infra/public (listeners: http (port 80), https (port 443)); HTTPRoute"
                + " shop/store is not attached to it"),
        found(yaml, "SP5002"));
  }

  @Test
  void aRouteOutsideTheGatewaysNamespaceIsNotAdmittedBySame() {
    String yaml = MESH + route("shop/store", "[{name: internal, namespace: infra}]", "[]");
    assertEquals(
        List.of(
            "Error [SP5003] (HTTPRoute shop/store mesh.yaml:"
                + (NEXT + 5)
                + ") spec.parentRefs[0]: Gateway infra/internal does not admit routes from"
                + " namespace shop: listener http allowedRoutes.namespaces.from is Same (the"
                + " default), only infra; the route is not attached"),
        found(yaml, "SP5003"));
    String inInfra =
        MESH.replace("name: store, namespace: shop", "name: store, namespace: infra")
            + route("infra/store", "[{name: internal}]", "[]");
    assertEquals(List.of(), found(inInfra, "SP5003"));
  }

  @Test
  void aSelectorThatDoesNotMatchTheRoutesNamespaceIsAnError() {
    String yaml =
        MESH
            + route(
                "blog/posts",
                "[{name: public, namespace: infra, sectionName: http}]",
                "[blog.example.com]");
    assertEquals(
        List.of(
            "Error [SP5003] (HTTPRoute blog/posts mesh.yaml:"
                + (NEXT + 5)
                + ") spec.parentRefs[0]: Gateway infra/public does not admit routes from"
                + " namespace blog: listener http allowedRoutes.namespaces.selector does not"
                + " match Namespace blog; the route is not attached"),
        found(yaml, "SP5003"));
    // The shop Namespace has the label the selector asks for.
    assertEquals(
        List.of(),
        found(
            MESH
                + route(
                    "shop/store",
                    "[{name: public, namespace: infra, sectionName: http}]",
                    "[shop.example.com]"),
            "SP5003"));
  }

  @Test
  void aSelectorOnANamespaceTheInputDoesNotDefineCannotBeChecked() {
    String yaml =
        MESH.replace("name: posts, namespace: blog", "name: posts, namespace: docs")
            + route("docs/posts", "[{name: public, namespace: infra, sectionName: http}]", "[]")
                .replace("name: store", "name: posts");
    assertEquals(
        List.of(
            "Info [SP5003] (HTTPRoute docs/posts mesh.yaml:"
                + (NEXT + 5)
                + ") spec.parentRefs[0]: Gateway infra/public listener http admits routes from"
                + " namespaces its allowedRoutes.namespaces.selector matches, and the input does"
                + " not define Namespace docs: whether HTTPRoute docs/posts attaches cannot be"
                + " checked"),
        found(yaml, "SP5003"));
  }

  @Test
  void oneAdmittingListenerOfSeveralAttachesTheRoute() {
    // blog is refused by listener http (selector) but admitted by https (All, same hostname).
    String yaml =
        MESH + route("blog/posts", "[{name: public, namespace: infra}]", "[shop.example.com]");
    assertEquals(List.of(), found(yaml, "SP5003"));
    assertEquals(List.of(), found(yaml, "SP5005"));
  }

  @Test
  void aRouteKindTheListenerDoesNotAdmitIsAnError() {
    String yaml =
        MESH
            + """
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: TCPRoute
            metadata: {name: db, namespace: shop}
            spec:
              parentRefs: [{name: public, namespace: infra, sectionName: https}]
              rules:
              - backendRefs: [{name: store, port: 8080}]
            """;
    assertEquals(
        List.of(
            "Error [SP5004] (TCPRoute shop/db mesh.yaml:"
                + (NEXT + 5)
                + ") spec.parentRefs[0]: Gateway infra/public does not admit TCPRoute: listener"
                + " https (HTTPS) admits HTTPRoute, GRPCRoute; the route is not attached"),
        found(yaml, "SP5004"));
    String grpc =
        yaml.replace("kind: TCPRoute", "kind: GRPCRoute")
            .replace(
                "  rules:\n  - backendRefs",
                "  hostnames: [shop.example.com]\n  rules:\n  - backendRefs");
    assertEquals(List.of(), found(grpc, "SP5004"));
  }

  @Test
  void allowedRoutesKindsTheProtocolCannotCarryIsAWarning() {
    String yaml =
        MESH.replace(
            "      namespaces: {from: All}",
            "      namespaces: {from: All}\n      kinds: [{kind: HTTPRoute}, {kind: TLSRoute}]");
    assertEquals(
        List.of(
            "Warning [SP5004] (Gateway infra/public mesh.yaml:36)"
                + " spec.listeners[1].allowedRoutes.kinds[1]: listener https (HTTPS) cannot carry"
                + " TLSRoute (only HTTPRoute, GRPCRoute); no such route attaches to it"),
        found(yaml, "SP5004"));
  }

  @Test
  void aListedKindTheProtocolCannotCarryAdmitsNoRoute() {
    String yaml =
        MESH.replace(
                "      namespaces: {from: All}",
                "      namespaces: {from: All}\n      kinds: [{kind: HTTPRoute}, {kind: TLSRoute}]")
            + """
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: TLSRoute
            metadata: {name: db, namespace: shop}
            spec:
              parentRefs: [{name: public, namespace: infra, sectionName: https}]
              hostnames: [shop.example.com]
              rules:
              - backendRefs: [{name: store, port: 8080}]
            """;
    List<String> found = found(yaml, "SP5004");
    assertEquals(2, found.size(), found.toString());
    assertEquals(
        "Error [SP5004] (TLSRoute shop/db mesh.yaml:"
            + (NEXT + 6)
            + ") spec.parentRefs[0]: Gateway infra/public does not admit TLSRoute: listener https"
            + " (HTTPS) admits HTTPRoute; the route is not attached",
        found.get(1));
  }

  @Test
  void noIntersectingHostnameIsAnError() {
    String yaml =
        MESH
            + route(
                "shop/store",
                "[{name: public, namespace: infra, sectionName: https}]",
                "[shop.example.org, www.example.com]");
    assertEquals(
        List.of(
            "Error [SP5005] (HTTPRoute shop/store mesh.yaml:"
                + (NEXT + 6)
                + ") spec.hostnames: no hostname of HTTPRoute shop/store (shop.example.org,"
                + " www.example.com) intersects Gateway infra/public listener https hostname"
                + " shop.example.com; the route is not attached"),
        found(yaml, "SP5005"));
    // *.example.com on listener http covers a.b.example.com (a suffix of one or more labels).
    assertEquals(
        List.of(),
        found(
            MESH
                + route(
                    "shop/store",
                    "[{name: public, namespace: infra, sectionName: http}]",
                    "[a.b.example.com]"),
            "SP5005"));
  }

  @Test
  void aHostnameNoAttachedListenerServesIsIgnoredWithAWarning() {
    String yaml =
        MESH
            + route(
                "shop/store",
                "[{name: public, namespace: infra, sectionName: https}]",
                "[shop.example.com, shop.example.org]");
    assertEquals(
        List.of(
            "Warning [SP5005] (HTTPRoute shop/store mesh.yaml:"
                + (NEXT + 6)
                + ") spec.hostnames[1]: hostname shop.example.org matches no hostname of the"
                + " listeners HTTPRoute shop/store attaches to; the Gateway ignores it"),
        found(yaml, "SP5005"));
    // Without sectionName the route attaches to both listeners: http serves *.example.com.
    String both =
        MESH
            + route(
                "shop/store",
                "[{name: public, namespace: infra}]",
                "[shop.example.com, www.example.com]");
    assertEquals(List.of(), found(both, "SP5005"));
  }

  @Test
  void aMeshRouteOnAServicePortThatDoesNotExistIsAnError() {
    String yaml =
        MESH
            + """
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: {name: store-retries, namespace: shop}
            spec:
              parentRefs: [{group: "", kind: Service, name: store, sectionName: grpc}]
              rules:
              - backendRefs: [{name: store, port: 8080}]
            """;
    assertEquals(
        List.of(
            "Error [SP5002] (HTTPRoute shop/store-retries mesh.yaml:"
                + (NEXT + 5)
                + ") spec.parentRefs[0].sectionName: sectionName grpc names no port of Service"
                + " shop/store (ports: http 8080); HTTPRoute shop/store-retries is not attached to"
                + " it"),
        found(yaml, "SP5002"));
    assertEquals(
        List.of(), found(yaml.replace("sectionName: grpc", "sectionName: http"), "SP5002"));
  }

  @Test
  void twoGrpcRoutesWithTheSameMethodConflict() {
    String grpc =
        """
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: GRPCRoute
        metadata: {name: %s, namespace: shop}
        spec:
          parentRefs: [{name: public, namespace: infra, sectionName: https}]
          rules:
          - matches: [{method: {service: shop.Cart, method: %s}}]
            backendRefs: [{name: store, port: 8080}]
        """;
    String yaml = MESH + grpc.formatted("cart-b", "Add") + grpc.formatted("cart-a", "Add");
    assertEquals(
        List.of(
            "Warning [SP5009] (GRPCRoute shop/cart-b mesh.yaml:"
                + (NEXT + 7)
                + ") spec.rules[0].matches[0]: the same match as GRPCRoute shop/cart-a"
                + " spec.rules[0].matches[0] on Gateway infra/public listener https for host"
                + " shop.example.com; GRPCRoute shop/cart-a wins (first by namespace/name) and this"
                + " rule gets none of those requests"),
        found(yaml, "SP5009"));
    String distinct = MESH + grpc.formatted("cart-b", "Add") + grpc.formatted("cart-a", "Remove");
    assertEquals(List.of(), found(distinct, "SP5009"));
  }

  @Test
  void hostnameIntersections() {
    assertEquals("a.example.com", Hostnames.intersect("*.example.com", "a.example.com"));
    assertEquals("*.a.example.com", Hostnames.intersect("*.a.example.com", "*.example.com"));
    assertEquals(null, Hostnames.intersect("*.example.com", "example.com"));
    assertEquals(null, Hostnames.intersect("a.example.com", "b.example.com"));
    assertEquals(
        List.of("shop.example.com"),
        Hostnames.served(
            List.of("*.example.com", "x.example.net"), java.util.Optional.of("shop.example.com")));
  }

  @Test
  void twoRoutesWithTheSameMatchOnOneListenerTheOlderWins() {
    String a =
        route("shop/store", "[{name: public, namespace: infra, sectionName: https}]", "[]")
            .replace(
                "namespace: shop}",
                "namespace: shop, creationTimestamp: \"2026-05-01T10:00:00Z\"}");
    String b =
        route("shop/checkout", "[{name: public, namespace: infra, sectionName: https}]", "[]")
            .replace(
                "namespace: shop}", "namespace: shop, creationTimestamp: \"2026-03-01T10:00:00Z\"}")
            .replace(
                "  - backendRefs",
                "  - matches: [{path: {type: PathPrefix, value: /}}]\n    backendRefs");
    assertEquals(
        List.of(
            "Warning [SP5009] (HTTPRoute shop/store mesh.yaml:"
                + (NEXT + 8)
                + ") spec.rules[0]: the same match as HTTPRoute shop/checkout"
                + " spec.rules[0].matches[0] on Gateway infra/public listener https for host"
                + " shop.example.com; HTTPRoute shop/checkout wins (created earlier) and this rule"
                + " gets none of those requests"),
        found(MESH + a + b, "SP5009"));
    // Without timestamps the first by namespace/name wins: shop/checkout again.
    String c = b.replace(", creationTimestamp: \"2026-03-01T10:00:00Z\"", "");
    String d = a.replace(", creationTimestamp: \"2026-05-01T10:00:00Z\"", "");
    assertEquals(1, found(MESH + d + c, "SP5009").size());
    assertEquals(
        true, found(MESH + d + c, "SP5009").get(0).contains("wins (first by namespace/name)"));
    String other = b.replace("value: /}", "value: /checkout}");
    assertEquals(List.of(), found(MESH + a + other, "SP5009"));
  }

  /**
   * A route without a namespace is applied in {@code default}: a Gateway whose listener keeps the
   * default allowedRoutes (Same) in istio-system does not admit it (the seed's Gateway API
   * example).
   */
  @Test
  void aRouteWithoutANamespaceIsInDefault() {
    String yaml =
        """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: public-gateway, namespace: istio-system}
        spec:
          gatewayClassName: istio
          listeners:
          - name: https
            port: 443
            protocol: HTTPS
            tls:
              mode: Terminate
              certificateRefs: [{name: tls-cert-secret}]
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: api-routes}
        spec:
          parentRefs: [{name: public-gateway, namespace: istio-system}]
          hostnames: ["api.example.com"]
          rules:
          - matches: [{path: {type: PathPrefix, value: /v2/}}]
            backendRefs: [{name: api-v2, port: 8080}]
        """;
    assertEquals(
        List.of(
            "Error [SP5003] (HTTPRoute api-routes mesh.yaml:18) spec.parentRefs[0]: Gateway"
                + " istio-system/public-gateway does not admit routes from namespace default:"
                + " listener https allowedRoutes.namespaces.from is Same (the default), only"
                + " istio-system; the route is not attached"),
        found(yaml, "SP5003"));
    // The file defines no Service in default: it says nothing about api-v2, which is not judged.
    assertEquals(List.of(), found(yaml, "SP5006"));
  }
}
