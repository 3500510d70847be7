package dev.sailplan.istio.internal.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sailplan.core.validation.Finding;
import dev.sailplan.core.validation.Validation;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The AuthorizationPolicy rules, on YAML as users write it. */
class SecurityPolicyAnalyzerTest {
  /** The findings of these codes, each line followed by its IST code when it has one. */
  static List<String> found(String yaml, String... codes) {
    Set<String> wanted = Set.of(codes);
    return Validation.standard().validate(yaml, "mesh.yaml").all().stream()
        .filter(f -> wanted.contains(f.code()))
        .map(SecurityPolicyAnalyzerTest::line)
        .toList();
  }

  static String line(Finding f) {
    return f.istioCode().isEmpty() ? f.toString() : f + " {" + f.istioCode() + "}";
  }

  @Test
  void anEmptyRuleAllowsEverything() {
    String yaml =
        """
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata:
          name: allow-all
          namespace: shop
        spec:
          rules:
          - {}
        """;
    assertEquals(
        List.of(
            "Error [SP2001] (AuthorizationPolicy shop/allow-all mesh.yaml:8) spec.rules[0]: rule 0"
                + " is empty and matches every request, so this ALLOW policy allows all traffic to"
                + " the workloads it selects; a deny-all is spec: {} without rules"),
        found(yaml, "SP2001"));
  }

  @Test
  void anEmptySpecIsTheDenyAll() {
    String yaml =
        """
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata:
          name: deny-all
          namespace: shop
        spec: {}
        ---
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata:
          name: deny-everything
          namespace: shop
        spec:
          action: DENY
          rules:
          - {}
        """;
    assertEquals(List.of(), found(yaml, "SP2001"));
  }

  @Test
  void denyOnMethodsWithoutPortsDeniesAllTcp() {
    String yaml =
        """
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata:
          name: deny-delete
          namespace: default
        spec:
          selector:
            matchLabels:
              app: database-api
          action: DENY
          rules:
          - to:
            - operation:
                methods: ["DELETE"]
        ---
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata:
          name: deny-anonymous
          namespace: default
        spec:
          action: DENY
          rules:
          - from:
            - source:
                notRequestPrincipals: ["*"]
        """;
    assertEquals(
        List.of(
            "Error [SP2002] (AuthorizationPolicy default/deny-delete mesh.yaml:14)"
                + " spec.rules[0].to[0].operation.methods: DENY on methods without ports: on a port"
                + " that is not HTTP Istio cannot read methods and the rule matches, so it denies"
                + " all TCP traffic; add to.operation.ports with the HTTP port",
            "Error [SP2002] (AuthorizationPolicy default/deny-anonymous mesh.yaml:26)"
                + " spec.rules[0].from[0].source.notRequestPrincipals: DENY on notRequestPrincipals"
                + " without ports: on a port that is not HTTP Istio cannot read"
                + " notRequestPrincipals and the rule matches, so it denies all TCP traffic; add"
                + " to.operation.ports with the HTTP port"),
        found(yaml, "SP2002"));
  }

  @Test
  void denyScopedToAnHttpPortIsFine() {
    String yaml =
        """
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata:
          name: deny-delete
          namespace: default
        spec:
          selector:
            matchLabels:
              app: database-api
          action: DENY
          rules:
          - to:
            - operation:
                ports: ["8080"]
                methods: ["DELETE"]
          - from:
            - source:
                ipBlocks: ["10.0.0.0/8"]
        ---
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata:
          name: allow-get
          namespace: default
        spec:
          rules:
          - to:
            - operation:
                methods: ["GET"]
        """;
    assertEquals(List.of(), found(yaml, "SP2002"));
  }

  @Test
  void hostsOnASidecarPolicyAreBypassed() {
    String yaml =
        """
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata:
          name: by-host
          namespace: shop
        spec:
          selector:
            matchLabels:
              app: web
          rules:
          - to:
            - operation:
                hosts: ["shop.example.com"]
        """;
    assertEquals(
        List.of(
            "Error [SP2003] (AuthorizationPolicy shop/by-host mesh.yaml:13)"
                + " spec.rules[0].to[0].operation.hosts: operation.hosts on a policy for the"
                + " workloads app=web in shop is bypassed by calling a pod's IP with any Host"
                + " header; check hosts in a policy on the ingress gateway"),
        found(yaml, "SP2003"));
  }

  @Test
  void hostsOnAGatewayPolicyAreChecked() {
    String yaml =
        """
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata:
          name: by-host
          namespace: istio-ingress
        spec:
          selector:
            matchLabels:
              istio: ingressgateway
          action: DENY
          rules:
          - to:
            - operation:
                ports: ["8443"]
                hosts: ["admin.example.com"]
        ---
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata:
          name: by-host
          namespace: istio-egress
        spec:
          rules:
          - to:
            - operation:
                hosts: ["api.example.com"]
        """;
    assertEquals(List.of(), found(yaml, "SP2003"));
  }

  @Test
  void principalsWithoutStrictMtlsAreUnreliable() {
    String yaml =
        """
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata:
          name: allow-frontend
          namespace: shop
        spec:
          selector:
            matchLabels:
              app: backend
          rules:
          - from:
            - source:
                principals: ["cluster.local/ns/shop/sa/frontend"]
        ---
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata:
          name: default
          namespace: payments
        spec:
          mtls:
            mode: STRICT
        ---
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata:
          name: legacy
          namespace: payments
        spec:
          selector:
            matchLabels:
              app: ledger
          mtls:
            mode: PERMISSIVE
        ---
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata:
          name: allow-shop
          namespace: payments
        spec:
          selector:
            matchLabels:
              app: ledger
          rules:
          - from:
            - source:
                namespaces: ["shop"]
        """;
    assertEquals(
        List.of(
            "Warning [SP2004] (AuthorizationPolicy shop/allow-frontend mesh.yaml:13)"
                + " spec.rules[0].from[0].source.principals: ALLOW by source.principals while mTLS"
                + " for the workloads app=backend in shop is PERMISSIVE (no PeerAuthentication:"
                + " Istio's default): a principal is only verified under STRICT, plaintext requests"
                + " carry none; make mTLS STRICT before relying on principals",
            "Warning [SP2004] (AuthorizationPolicy payments/allow-shop mesh.yaml:48)"
                + " spec.rules[0].from[0].source.namespaces: ALLOW by source.namespaces while mTLS"
                + " for the workloads app=ledger in payments is PERMISSIVE (PeerAuthentication"
                + " payments/legacy): a principal is only verified under STRICT, plaintext"
                + " requests carry none; make mTLS STRICT before relying on principals"),
        found(yaml, "SP2004"));
  }

  @Test
  void principalsUnderStrictMtlsAreVerified() {
    String yaml =
        """
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata:
          name: default
          namespace: istio-system
        spec:
          mtls:
            mode: STRICT
        ---
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata:
          name: allow-frontend
          namespace: shop
        spec:
          selector:
            matchLabels:
              app: backend
          rules:
          - from:
            - source:
                principals: ["cluster.local/ns/shop/sa/frontend"]
        """;
    assertEquals(List.of(), found(yaml, "SP2004"));
  }

  @Test
  void notPathsInAnAllowRule() {
    String yaml =
        """
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata:
          name: all-but-admin
          namespace: shop
        spec:
          rules:
          - to:
            - operation:
                notPaths: ["/admin/*"]
        ---
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata:
          name: deny-admin
          namespace: shop
        spec:
          action: DENY
          rules:
          - to:
            - operation:
                ports: ["8080"]
                notPaths: ["/public/*"]
        """;
    assertEquals(
        List.of(
            "Warning [SP2005] (AuthorizationPolicy shop/all-but-admin mesh.yaml:10)"
                + " spec.rules[0].to[0].operation.notPaths: ALLOW with notPaths [/admin/*] allows"
                + " every other spelling of those paths (//, %2F) that the backend may normalize to"
                + " them; allow the paths that are meant with paths, or DENY these"),
        found(yaml, "SP2005"));
  }

  @Test
  void claimsWithoutARequestAuthentication() {
    String yaml =
        """
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata:
          name: require-jwt
          namespace: default
        spec:
          selector:
            matchLabels:
              app: api
          action: ALLOW
          rules:
          - from:
            - source:
                requestPrincipals: ["*"]
            when:
            - key: request.auth.claims[role]
              values: ["admin"]
        """;
    assertEquals(
        List.of(
            "Error [SP2009] (AuthorizationPolicy default/require-jwt mesh.yaml:14)"
                + " spec.rules[0].from[0].source.requestPrincipals: source.requestPrincipals needs"
                + " a RequestAuthentication that validates the JWT, and none applies to the"
                + " workloads app=api in default: without a validated token it is never set, so"
                + " the condition never matches"),
        found(yaml, "SP2009"));
  }

  @Test
  void claimsWithARequestAuthentication() {
    String yaml =
        """
        apiVersion: security.istio.io/v1
        kind: RequestAuthentication
        metadata:
          name: jwt
          namespace: default
        spec:
          selector:
            matchLabels:
              app: api
          jwtRules:
          - issuer: https://auth.example.com
            jwksUri: https://auth.example.com/.well-known/jwks.json
        ---
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata:
          name: require-jwt
          namespace: default
        spec:
          selector:
            matchLabels:
              app: api
              version: v2
          rules:
          - when:
            - key: request.auth.claims[role]
              values: ["admin"]
        """;
    assertEquals(List.of(), found(yaml, "SP2009"));
  }
}
