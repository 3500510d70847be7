package dev.sailplan.testing;

import static dev.sailplan.testing.SailplanAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sailplan.core.meta.Resource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestAssertTest {
  private static final Map<String, String> RATINGS = Map.of("app", "ratings");
  private static final String REVIEWS_SA = "cluster.local/ns/bookinfo/sa/reviews";

  // Seed example 002-07: only reviews may GET /ratings/* on ratings.
  static final String RATINGS_POLICY =
      """
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: ratings-policy, namespace: bookinfo}
      spec:
        selector:
          matchLabels: {app: ratings}
        action: ALLOW
        rules:
        - from:
          - source:
              principals: ["cluster.local/ns/bookinfo/sa/reviews"]
          to:
          - operation:
              methods: ["GET"]
              paths: ["/ratings/*"]
      """;

  // Seed example 003-10: deny-all for production, then frontend may call backend's API.
  static final String DENY_ALL_ALLOW_FRONTEND =
      """
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: deny-all, namespace: production}
      spec: {}
      ---
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: allow-frontend-to-backend, namespace: production}
      spec:
        selector:
          matchLabels: {app: backend}
        action: ALLOW
        rules:
        - from:
          - source:
              principals: ["cluster.local/ns/production/sa/frontend"]
          to:
          - operation:
              methods: ["GET", "POST"]
              paths: ["/api/*"]
      """;

  // Seed example 003-13: GET and HEAD allowed, DELETE denied.
  static final String READ_ONLY =
      """
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: read-only-access, namespace: default}
      spec:
        selector:
          matchLabels: {app: database-api}
        action: ALLOW
        rules:
        - to:
          - operation:
              methods: ["GET", "HEAD"]
      ---
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: deny-delete, namespace: default}
      spec:
        selector:
          matchLabels: {app: database-api}
        action: DENY
        rules:
        - to:
          - operation:
              methods: ["DELETE"]
      """;

  private static List<Resource> mesh(String... yaml) {
    return Mesh.parse(String.join("---\n", yaml));
  }

  @Test
  void anAllowRuleLetsItsPrincipalThroughAndNoOneElse() {
    List<Resource> policies = mesh(MtlsAssertTest.MESH_STRICT, RATINGS_POLICY);
    assertThat(policies)
        .request()
        .from(REVIEWS_SA)
        .to("bookinfo", RATINGS)
        .get("/ratings/0")
        .isAllowed();
    assertThat(policies)
        .request()
        .from(REVIEWS_SA)
        .to("bookinfo", RATINGS)
        .post("/ratings/0")
        .isDenied();
    assertThatThrownBy(
            () ->
                assertThat(policies)
                    .request()
                    .from("cluster.local/ns/bookinfo/sa/productpage")
                    .to("bookinfo", RATINGS)
                    .get("/ratings/0")
                    .isAllowed())
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "expected GET /ratings/0 from cluster.local/ns/bookinfo/sa/productpage to workload"
                + " bookinfo {app=ratings} to be allowed, but it is denied: ALLOW policies apply"
                + " to the workload and none of their rules matches (AuthorizationPolicy"
                + " bookinfo/ratings-policy (ALLOW) spec.rules[0]: principal"
                + " cluster.local/ns/bookinfo/sa/productpage is not in principals"
                + " [\"cluster.local/ns/bookinfo/sa/reviews\"])");
    // Other workloads have no ALLOW policy.
    assertThat(policies).request().to("bookinfo", Map.of("app", "details")).get("/").isAllowed();
  }

  @Test
  void denyAllWithAnAllowOpensOnlyThatPath() {
    List<Resource> policies = mesh(DENY_ALL_ALLOW_FRONTEND);
    String frontend = "cluster.local/ns/production/sa/frontend";
    Map<String, String> backend = Map.of("app", "backend");
    assertThat(policies)
        .request()
        .from(frontend)
        .to("production", backend)
        .post("/api/orders")
        .isAllowed();
    assertThat(policies)
        .request()
        .from(frontend)
        .to("production", backend)
        .get("/admin")
        .isDenied();
    assertThatThrownBy(
            () ->
                assertThat(policies)
                    .request()
                    .from(frontend)
                    .to("production", Map.of("app", "db"))
                    .get("/api/orders")
                    .isAllowed())
        .hasMessage(
            "expected GET /api/orders from cluster.local/ns/production/sa/frontend to workload"
                + " production {app=db} to be allowed, but it is denied: ALLOW policies apply to"
                + " the workload and none of their rules matches (AuthorizationPolicy"
                + " production/deny-all (ALLOW) has no rules, so it allows nothing) (the"
                + " workload's mTLS is PERMISSIVE (no PeerAuthentication sets a mode: Istio's"
                + " default is PERMISSIVE), so a plaintext peer would carry no principal:"
                + " identities are reliable only under STRICT)");
    // Another namespace is not concerned.
    assertThat(policies).request().to("staging", backend).get("/anything").isAllowed();
  }

  @Test
  void denyComesBeforeAllow() {
    List<Resource> policies = mesh(READ_ONLY);
    Map<String, String> db = Map.of("app", "database-api");
    assertThat(policies).request().to("default", db).get("/rows").isAllowed();
    assertThat(policies).request().to("default", db).method("HEAD", "/rows").isAllowed();
    assertThat(policies).request().to("default", db).post("/rows").isDenied();
    assertThatThrownBy(
            () ->
                assertThat(policies)
                    .request()
                    .to("default", db)
                    .method("DELETE", "/rows")
                    .isAllowed())
        .hasMessage(
            "expected DELETE /rows from a peer without an mTLS identity to workload default"
                + " {app=database-api} to be allowed, but it is denied by AuthorizationPolicy"
                + " default/deny-delete (DENY) spec.rules[0]");
  }

  @Test
  void anEmptyRuleAllowsEverythingAndADenyWithoutRulesDeniesNothing() {
    List<Resource> policies =
        mesh(
            DENY_ALL_ALLOW_FRONTEND,
            """
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata: {name: allow-all, namespace: production}
            spec:
              rules: [{}]
            ---
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata: {name: deny-nothing, namespace: production}
            spec:
              action: DENY
            """);
    assertThat(policies)
        .request()
        .to("production", Map.of("app", "db"))
        .method("PUT", "/x")
        .isAllowed();
  }

  @Test
  void rootNamespacePoliciesApplyToEveryWorkload() {
    List<Resource> policies =
        mesh(
            """
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata: {name: no-debug, namespace: istio-system}
            spec:
              action: DENY
              rules:
              - to:
                - operation: {paths: ["/debug*"], notMethods: ["OPTIONS"]}
            """);
    assertThat(policies).request().to("bookinfo", RATINGS).get("/debug/pprof").isDenied();
    assertThat(policies).request().to("bookinfo", RATINGS).method("OPTIONS", "/debug").isAllowed();
    assertThat(policies).request().to("bookinfo", RATINGS).get("/ratings/debug").isAllowed();
    assertThat(policies)
        .request()
        .withRootNamespace("istio-config")
        .to("bookinfo", RATINGS)
        .get("/debug")
        .isAllowed();
  }

  @Test
  void customPoliciesThatMatchCannotBeDecided() {
    List<Resource> policies =
        mesh(
            """
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata: {name: ext-authz, namespace: bookinfo}
            spec:
              selector:
                matchLabels: {app: productpage}
              action: CUSTOM
              provider: {name: my-ext-authz}
              rules:
              - to:
                - operation: {paths: ["/admin/*"]}
            """);
    Map<String, String> productpage = Map.of("app", "productpage");
    assertThat(policies).request().to("bookinfo", productpage).get("/productpage").isAllowed();
    assertThatThrownBy(
            () ->
                assertThat(policies)
                    .request()
                    .to("bookinfo", productpage)
                    .get("/admin/users")
                    .isDenied())
        .hasMessage(
            "cannot tell whether GET /admin/users from a peer without an mTLS identity to"
                + " workload bookinfo {app=productpage} is denied: rule 0 of AuthorizationPolicy"
                + " bookinfo/ext-authz (CUSTOM) hands the request to the external provider"
                + " my-ext-authz, whose answer cannot be known offline");
  }

  @Test
  void jwtClaimsAreConditionsOfTheRequest() {
    // Seed example 003-11: a valid JWT with role admin or user.
    List<Resource> policies =
        mesh(
            """
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata: {name: require-jwt, namespace: default}
            spec:
              selector:
                matchLabels: {app: api}
              action: ALLOW
              rules:
              - from:
                - source:
                    requestPrincipals: ["*"]
                when:
                - key: request.auth.claims[role]
                  values: ["admin", "user"]
            """);
    Map<String, String> api = Map.of("app", "api");
    String issuer = "https://issuer.example.com/alice";
    assertThat(policies)
        .request()
        .withJwt(issuer)
        .withClaim("role", "user")
        .to("default", api)
        .get("/")
        .isAllowed();
    assertThat(policies)
        .request()
        .withJwt(issuer)
        .withClaim("role", "guest", "admin")
        .to("default", api)
        .get("/")
        .isAllowed();
    assertThat(policies)
        .request()
        .withClaim("role", "admin")
        .to("default", api)
        .get("/")
        .isDenied();
    assertThatThrownBy(
            () ->
                assertThat(policies)
                    .request()
                    .withJwt(issuer)
                    .withClaim("role", "guest")
                    .to("default", api)
                    .get("/")
                    .isAllowed())
        .hasMessageEndingWith(
            "spec.rules[0]: condition request.auth.claims[role] guest is not in"
                + " [\"admin\",\"user\"])");
  }

  @Test
  void ipBlocksNeedTheSourceAddress() {
    // Seed example 003-12.
    List<Resource> policies =
        mesh(
            """
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata: {name: allow-internal-ips, namespace: default}
            spec:
              selector:
                matchLabels: {app: admin-panel}
              action: ALLOW
              rules:
              - from:
                - source:
                    ipBlocks: ["10.0.0.0/8", "172.16.0.0/12"]
            """);
    Map<String, String> panel = Map.of("app", "admin-panel");
    assertThat(policies).request().fromIp("10.20.30.40").to("default", panel).get("/").isAllowed();
    assertThat(policies).request().fromIp("172.31.255.1").to("default", panel).get("/").isAllowed();
    assertThat(policies).request().fromIp("172.32.0.1").to("default", panel).get("/").isDenied();
    assertThat(policies).request().fromIp("2001:db8::1").to("default", panel).get("/").isDenied();
    assertThatThrownBy(
            () -> assertThat(policies).request().to("default", panel).get("/").isDenied())
        .hasMessageEndingWith(
            "is denied: a rule matches on ipBlocks, and the request names no source IP");
  }

  @Test
  void conditionsOnHeadersAndNamespacesAreEvaluatedAndOthersAreNot() {
    List<Resource> policies =
        mesh(
            """
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata: {name: canary-testers, namespace: bookinfo}
            spec:
              selector:
                matchLabels: {app: ratings}
              rules:
              - from:
                - source: {notNamespaces: ["legacy"]}
                to:
                - operation: {hosts: ["ratings.*"], ports: ["9080"]}
                when:
                - key: request.headers[x-tester]
                  values: ["*"]
                - key: source.namespace
                  notValues: ["sandbox*"]
            """);
    assertThat(policies)
        .request()
        .from(REVIEWS_SA)
        .withHeader("X-Tester", "alice")
        .withHost("Ratings.bookinfo.svc.cluster.local")
        .to("bookinfo", RATINGS)
        .onPort(9080)
        .get("/ratings/0")
        .isAllowed();
    assertThat(policies)
        .request()
        .from(REVIEWS_SA)
        .withHost("ratings.bookinfo")
        .to("bookinfo", RATINGS)
        .onPort(9080)
        .get("/ratings/0")
        .isDenied();
    assertThat(policies)
        .request()
        .from("cluster.local/ns/legacy/sa/app")
        .withHeader("x-tester", "bob")
        .withHost("ratings.bookinfo")
        .to("bookinfo", RATINGS)
        .onPort(9080)
        .get("/")
        .isDenied();
    assertThatThrownBy(
            () ->
                assertThat(policies)
                    .request()
                    .from(REVIEWS_SA)
                    .withHeader("x-tester", "a")
                    .to("bookinfo", RATINGS)
                    .get("/")
                    .isAllowed())
        .hasMessageContaining(
            "is allowed: a rule matches on hosts, and the request names no host (give one)");
    List<Resource> sni =
        mesh(
            RATINGS_POLICY.replace(
                "    to:\n",
                "    when:\n    - key: connection.sni\n      values: [\"*\"]\n    to:\n"));
    assertThatThrownBy(
            () ->
                assertThat(sni)
                    .request()
                    .from(REVIEWS_SA)
                    .to("bookinfo", RATINGS)
                    .get("/ratings/0")
                    .isAllowed())
        .hasMessageContaining(
            ": condition key connection.sni cannot be evaluated from the request");
  }

  @Test
  void targetRefsPoliciesBindToGatewaysNotPodLabels() {
    List<Resource> policies =
        mesh(
            """
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata: {name: gateway-deny, namespace: bookinfo}
            spec:
              targetRefs:
              - {group: gateway.networking.k8s.io, kind: Gateway, name: public}
              action: DENY
              rules: [{}]
            """);
    assertThat(policies)
        .request()
        .to("bookinfo", Map.of("gateway.networking.k8s.io/gateway-name", "public"))
        .get("/")
        .isDenied();
    assertThatThrownBy(
            () -> assertThat(policies).request().to("bookinfo", RATINGS).get("/").isDenied())
        .hasMessage(
            "expected GET / from a peer without an mTLS identity to workload bookinfo"
                + " {app=ratings} to be denied, but it is allowed: no DENY rule matches and no"
                + " ALLOW policy applies to the workload (AuthorizationPolicy bookinfo/gateway-deny"
                + " binds to targetRefs, not to this workload's pod labels, and is not"
                + " evaluated)");
  }

  @Test
  void dryRunPoliciesAreNotEnforcedAndIpConditionsAreAddressBlocks() {
    List<Resource> policies =
        mesh(
            """
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata:
              name: deny-office
              namespace: bookinfo
            spec:
              action: DENY
              rules:
              - when:
                - key: source.ip
                  values: ["192.168.0.0/16"]
                  notValues: ["192.168.7.7"]
            ---
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata:
              name: deny-everything
              namespace: bookinfo
              annotations: {istio.io/dry-run: "true"}
            spec:
              action: DENY
              rules: [{}]
            """);
    assertThat(policies)
        .request()
        .fromIp("192.168.1.2")
        .to("bookinfo", RATINGS)
        .get("/")
        .isDenied();
    assertThat(policies)
        .request()
        .fromIp("192.168.7.7")
        .to("bookinfo", RATINGS)
        .get("/")
        .isAllowed();
    assertThatThrownBy(
            () ->
                assertThat(policies)
                    .request()
                    .fromIp("10.0.0.1")
                    .to("bookinfo", RATINGS)
                    .get("/")
                    .isDenied())
        .hasMessageEndingWith(
            "is allowed: no DENY rule matches and no ALLOW policy applies to the workload"
                + " (AuthorizationPolicy bookinfo/deny-everything is a dry run (istio.io/dry-run))");
    assertThatThrownBy(
            () -> assertThat(policies).request().to("bookinfo", RATINGS).get("/").isAllowed())
        .hasMessageContaining(
            "is allowed: AuthorizationPolicy bookinfo/deny-office (DENY) spec.rules[0]: a rule"
                + " matches on source.ip, and the request names no source IP (");
  }

  @Test
  void aFieldTheRequestLeavesOpenMattersOnlyWhenTheRestOfTheRuleMatches() {
    List<Resource> policies =
        mesh(
            RATINGS_POLICY.replace(
                "principals: [\"cluster.local/ns/bookinfo/sa/reviews\"]",
                "principals: [\"cluster.local/ns/bookinfo/sa/reviews\"]\n        ipBlocks: [\"10.0.0.0/8\"]"),
            """
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata: {name: ext-authz, namespace: bookinfo}
            spec:
              selector:
                matchLabels: {app: ratings}
              action: CUSTOM
              provider: {name: my-ext-authz}
              rules: [{}]
            """);
    // Another principal is denied whatever its address and whatever the provider says.
    assertThat(policies)
        .request()
        .from("cluster.local/ns/bookinfo/sa/productpage")
        .to("bookinfo", RATINGS)
        .get("/ratings/0")
        .isDenied();
    assertThatThrownBy(
            () ->
                assertThat(policies)
                    .request()
                    .from(REVIEWS_SA)
                    .to("bookinfo", RATINGS)
                    .get("/ratings/0")
                    .isDenied())
        .hasMessageContaining(
            "is denied: a rule matches on ipBlocks, and the request names no source IP");
    assertThatThrownBy(
            () ->
                assertThat(policies)
                    .request()
                    .from(REVIEWS_SA)
                    .fromIp("10.1.1.1")
                    .to("bookinfo", RATINGS)
                    .get("/ratings/0")
                    .isAllowed())
        .hasMessageContaining(
            "is allowed: rule 0 of AuthorizationPolicy bookinfo/ext-authz (CUSTOM) hands the"
                + " request to the external provider my-ext-authz, whose answer cannot be known"
                + " offline");
  }
}
