package dev.sailplan.gatewayapi.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.sailplan.core.validation.Finding;
import dev.sailplan.core.validation.TreeValidator;
import dev.sailplan.core.validation.Validation;
import dev.sailplan.core.validation.ValidationProvider;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Gateway API's CEL rules, as the API server evaluates them, with their exact findings. */
class GatewayApiRulesTest {
  private static final Validation VALIDATION =
      Validation.builder().provider(new GatewayApiValidation()).build();

  /** The CEL rules' findings (the schema's own, SP01xx, are its tests' business). */
  private static List<String> findings(String yaml) {
    return VALIDATION.validate(yaml, "mesh.yaml").stream()
        .filter(f -> f.code().startsWith("SP03"))
        .map(Finding::toString)
        .toList();
  }

  private static final String GATEWAY =
      """
      apiVersion: gateway.networking.k8s.io/v1
      kind: Gateway
      metadata:
        name: public
        namespace: infra
      spec:
        gatewayClassName: istio
        listeners:
      """;

  @Test
  void twoListenersOfOneNameAreRejected() {
    assertEquals(
        List.of(
            "Error [SP0301] (Gateway infra/public mesh.yaml:8) spec.listeners: Listener name must"
                + " be unique within the Gateway"),
        findings(
            GATEWAY
                + """
                  - name: http
                    port: 80
                    protocol: HTTP
                  - name: http
                    port: 8080
                    protocol: HTTP
                """));
  }

  @Test
  void distinctListenersPass() {
    assertEquals(
        List.of(),
        findings(
            GATEWAY
                + """
                  - name: http
                    port: 80
                    protocol: HTTP
                  - name: https
                    port: 443
                    protocol: HTTPS
                    hostname: shop.example.com
                    tls:
                      certificateRefs:
                      - name: shop-cert
                """));
  }

  @Test
  void tlsOnAnHttpListenerIsRejected() {
    assertEquals(
        List.of(
            "Error [SP0301] (Gateway infra/public mesh.yaml:8) spec.listeners: tls must not be"
                + " specified for protocols ['HTTP', 'TCP', 'UDP']"),
        findings(
            GATEWAY
                + """
                  - name: http
                    port: 80
                    protocol: HTTP
                    tls:
                      certificateRefs:
                      - name: cert
                """));
  }

  private static final String ROUTE =
      """
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata:
        name: api
        namespace: shop
      spec:
        parentRefs:
        - name: public
          namespace: infra
        rules:
      """;

  @Test
  void aRedirectWithBackendRefsIsRejected() {
    assertEquals(
        List.of(
            "Error [SP0301] (HTTPRoute shop/api mesh.yaml:11) spec.rules[0]: RequestRedirect filter"
                + " must not be used together with backendRefs"),
        findings(
            ROUTE
                + """
                - backendRefs:
                  - name: api
                    port: 8080
                  filters:
                  - type: RequestRedirect
                    requestRedirect:
                      scheme: https
                """
                    .indent(2)));
  }

  @Test
  void aFilterWithoutItsConfigurationAndABackendWithoutPortAreRejected() {
    assertEquals(
        List.of(
            "Error [SP0301] (HTTPRoute shop/api mesh.yaml:12) spec.rules[0].backendRefs[0]: Must"
                + " have port for Service reference",
            "Error [SP0301] (HTTPRoute shop/api mesh.yaml:14) spec.rules[0].filters[0]:"
                + " filter.requestHeaderModifier must be specified for RequestHeaderModifier"
                + " filter.type"),
        findings(
            ROUTE
                + """
                - backendRefs:
                  - name: api
                  filters:
                  - type: RequestHeaderModifier
                """
                    .indent(2)));
  }

  @Test
  void aRelativeOrDotSegmentPathIsRejected() {
    assertEquals(
        List.of(
            "Error [SP0301] (HTTPRoute shop/api mesh.yaml:12) spec.rules[0].matches[0].path: value"
                + " must be an absolute path and start with '/' when type one of ['Exact',"
                + " 'PathPrefix']",
            "Error [SP0301] (HTTPRoute shop/api mesh.yaml:15) spec.rules[0].matches[1].path: must"
                + " not contain '/./' when type one of ['Exact', 'PathPrefix']"),
        findings(
            ROUTE
                + """
                - matches:
                  - path:
                      type: PathPrefix
                      value: api
                  - path:
                      value: /a/./b
                  backendRefs:
                  - name: api
                    port: 8080
                """
                    .indent(2)));
  }

  @Test
  void defaultsApplyBeforeRules() {
    // Without the schema's default matches (a PathPrefix "/"), self[0].matches would be missing.
    assertEquals(
        List.of(),
        findings(
            ROUTE
                + """
                - backendRefs:
                  - name: api
                    port: 8080
                """
                    .indent(2)));
  }

  @Test
  void aTransitionRuleComparesWithTheOlderVersion() throws Exception {
    TreeValidator rules =
        new GatewayApiValidation()
            .rules()
            .get(ValidationProvider.key("gateway.networking.k8s.io", "GatewayClass"));
    JsonNode before = gatewayClass("example.com/gateway-controller");
    JsonNode after = gatewayClass("example.com/other-controller");
    List<String> found = new ArrayList<>();
    rules.validate(
        after,
        before,
        (code, istioCode, level, path, reason, message) ->
            found.add(code + " " + path + " " + reason + ": " + message));
    assertEquals(
        List.of("SP0302 spec.controllerName FieldValueInvalid: Value is immutable"), found);
    found.clear();
    rules.validate(after, null, (code, i, l, path, r, message) -> found.add(code));
    rules.validate(after, after, (code, i, l, path, r, message) -> found.add(code));
    assertEquals(List.of(), found);
  }

  private static JsonNode gatewayClass(String controller) throws Exception {
    return new ObjectMapper(new YAMLFactory())
        .readTree(
            """
            apiVersion: gateway.networking.k8s.io/v1
            kind: GatewayClass
            metadata:
              name: istio
            spec:
              controllerName: %s
            """
                .formatted(controller));
  }
}
