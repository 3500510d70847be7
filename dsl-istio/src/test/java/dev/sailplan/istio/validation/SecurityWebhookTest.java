package dev.sailplan.istio.validation;

import static dev.sailplan.istio.validation.WebhookTesting.expect;

import org.junit.jupiter.api.Test;

/** What istiod's webhook rejects in AuthorizationPolicies and RequestAuthentications. */
class SecurityWebhookTest {
  /** SP0429 */
  @Test
  void aProviderGoesWithTheCustomActionOnly() {
    expect(
        """
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata:
          name: ext-authz
          namespace: default
        spec:
          action: CUSTOM
          rules:
          - to:
            - operation:
                paths: ["/admin/*"]
        ---
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata:
          name: allow-with-provider
          namespace: default
        spec:
          action: ALLOW
          provider:
            name: oauth2-proxy
          rules:
          - {}
        """,
        "Error [SP0429] (AuthorizationPolicy default/ext-authz mesh.yaml:6) spec.provider: `provider.name` must not be empty",
        "Error [SP0429] (AuthorizationPolicy default/allow-with-provider mesh.yaml:20) spec.provider: `provider` must not be with non CUSTOM action, found ALLOW");
  }

  /** SP0430 */
  @Test
  void denyWithoutRulesIsRejected() {
    expect(
        """
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata:
          name: deny-nothing
          namespace: default
        spec:
          action: DENY
        """,
        "Error [SP0430] (AuthorizationPolicy default/deny-nothing mesh.yaml:6) spec: DENY action without `rules` is meaningless as it will never be triggered, add an empty rule `{}` if you want it be triggered for every request");
  }

  /** SP0431 */
  @Test
  void customActionCannotTestIdentitiesOrClaims() {
    expect(
        """
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata:
          name: ext-authz
          namespace: default
        spec:
          action: CUSTOM
          provider:
            name: oauth2-proxy
          rules:
          - from:
            - source:
                principals: ["cluster.local/ns/default/sa/frontend"]
            when:
            - key: request.auth.claims[groups]
              values: ["admins"]
        """,
        "Error [SP0431] (AuthorizationPolicy default/ext-authz mesh.yaml:13) spec.rules[0].from[0].source.principals: From.Principals is currently not supported with CUSTOM action",
        "Error [SP0431] (AuthorizationPolicy default/ext-authz mesh.yaml:15) spec.rules[0].when[0].key: request.auth.claims[groups] is currently not supported with CUSTOM action");
  }

  /** SP0432 */
  @Test
  void emptySourcesOperationsValuesAndConditionsAreRejected() {
    expect(
        """
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata:
          name: allow
          namespace: default
        spec:
          rules:
          - from:
            - source: {}
            to:
            - operation:
                methods: ["GET", ""]
            when:
            - key: request.headers[x-tenant]
        """,
        "Error [SP0432] (AuthorizationPolicy default/allow mesh.yaml:9) spec.rules[0].from[0].source: `from.source` must not be empty, found at rule 0",
        "Error [SP0432] (AuthorizationPolicy default/allow mesh.yaml:12) spec.rules[0].to[0].operation.methods[1]: empty value not allowed, found in Methods",
        "Error [SP0432] (AuthorizationPolicy default/allow mesh.yaml:14) spec.rules[0].when[0]: at least one of `values` or `notValues` must be set for key request.headers[x-tenant]");
  }

  /** SP0433 */
  @Test
  void conditionKeysAreKnownAndValuesFitThem() {
    expect(
        """
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata:
          name: allow
          namespace: default
        spec:
          rules:
          - when:
            - key: source.ipp
              values: ["10.0.0.1"]
            - key: destination.port
              values: ["http"]
        """,
        "Error [SP0433] (AuthorizationPolicy default/allow mesh.yaml:9) spec.rules[0].when[0].notValues: invalid `notValue` for `key` source.ipp: unknown attribute: source.ipp",
        "Error [SP0433] (AuthorizationPolicy default/allow mesh.yaml:10) spec.rules[0].when[0].values: invalid `value` for `key` source.ipp: unknown attribute: source.ipp",
        "Error [SP0433] (AuthorizationPolicy default/allow mesh.yaml:12) spec.rules[0].when[1].values: invalid `value` for `key` destination.port: bad port (http)");
  }

  /** SP0434 */
  @Test
  void aJwtRuleNamesAnIssuerOrJwksUri() {
    expect(
        """
        apiVersion: security.istio.io/v1
        kind: RequestAuthentication
        metadata:
          name: jwt
          namespace: default
        spec:
          jwtRules:
          - fromHeaders:
            - name: Authorization
              prefix: "Bearer "
        """,
        "Error [SP0434] (RequestAuthentication default/jwt mesh.yaml:8) spec.jwtRules[0]: issuer or jwksUri must be non-empty string");
  }

  /** SP0435 */
  @Test
  void inlineJwksIsAKeySet() {
    expect(
        """
        apiVersion: security.istio.io/v1
        kind: RequestAuthentication
        metadata:
          name: jwt
          namespace: default
        spec:
          jwtRules:
          - issuer: https://issuer.example.com
            jwks: '{"keys": [{"use": "sig"}]}'
        """,
        "Error [SP0435] (RequestAuthentication default/jwt mesh.yaml:9) spec.jwtRules[0].jwks: jwks parse error: a key without \"kty\"");
  }
}
