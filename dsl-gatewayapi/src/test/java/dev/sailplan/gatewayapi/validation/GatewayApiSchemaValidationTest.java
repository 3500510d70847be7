package dev.sailplan.gatewayapi.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sailplan.core.validation.Finding;
import dev.sailplan.core.validation.Validation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Gateway API's CRD schemas, checked through {@code Validation} as the API server checks them. */
class GatewayApiSchemaValidationTest {

  /** The schema's findings (a CEL rule may see the same mistake: SP03xx, its tests' business). */
  static List<String> findings(String yaml) {
    return Validation.standard().validate(yaml, "mesh.yaml").all().stream()
        .filter(f -> f.code().startsWith("SP0") && !f.code().startsWith("SP03"))
        .map(Finding::toString)
        .toList();
  }

  @Test
  void hostnamesAndWeights() {
    String yaml =
        """
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata:
          name: api
          namespace: default
        spec:
          parentRefs:
          - name: gateway
          hostnames:
          - api.example.com
          - "*.*.example.com"
          rules:
          - backendRefs:
            - name: api-v1
              port: 8080
              weight: 1000001
            - name: api-v2
              port: 8080
              weight: -5
        """;
    assertEquals(
        List.of(
            "Error [SP0107] (HTTPRoute default/api mesh.yaml:11) spec.hostnames[1]: must be a"
                + " valid hostname",
            "Error [SP0103] (HTTPRoute default/api mesh.yaml:16)"
                + " spec.rules[0].backendRefs[0].weight: Invalid value: 1000001: should be less"
                + " than or equal to 1000000",
            "Error [SP0103] (HTTPRoute default/api mesh.yaml:19)"
                + " spec.rules[0].backendRefs[1].weight: Invalid value: -5: should be greater than"
                + " or equal to 0"),
        findings(yaml));
  }

  @Test
  void alternativesSeeTheDefaults() {
    // An address without a type is an IPAddress (the default), so exactly one alternative holds.
    String yaml =
        """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: edge, namespace: default}
        spec:
          gatewayClassName: istio
          addresses:
          - value: "1.2.3.4"
          - value: "2001:db8::1"
          - {type: Hostname, value: example.com}
          listeners:
          - {name: http, port: 80, protocol: HTTP}
        """;
    assertEquals(List.of(), findings(yaml));
    assertEquals(
        List.of(
            "Error [SP0112] (Gateway default/edge mesh.yaml:7) spec.addresses[0]: must validate"
                + " one and only one schema (oneOf)"),
        findings(yaml.replace("\"1.2.3.4\"", "not-an-ip")).stream()
            .filter(f -> f.contains("SP01"))
            .toList());
  }

  @Test
  void listenersAreAMapKeyedByName() {
    String yaml =
        """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata:
          name: gateway
          namespace: default
        spec:
          gatewayClassName: istio
          listeners:
          - {name: http, port: 80, protocol: HTTP}
          - {name: http, port: 8080, protocol: HTTP}
          - {name: https, port: 70000, protocol: HTTPS}
        """;
    assertEquals(
        List.of(
            "Error [SP0109] (Gateway default/gateway mesh.yaml:10) spec.listeners[1]: Duplicate"
                + " value: {\"name\":\"http\"}",
            "Error [SP0103] (Gateway default/gateway mesh.yaml:11) spec.listeners[2].port:"
                + " Invalid value: 70000: should be less than or equal to 65535"),
        findings(yaml));
  }

  @Test
  void enumsOfStringsAndIntegers() {
    String yaml =
        """
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata:
          name: api
          namespace: default
        spec:
          rules:
          - matches:
            - path: {type: Glob, value: /api}
            filters:
            - type: RequestRedirect
              requestRedirect: {statusCode: 304}
        """;
    assertEquals(
        List.of(
            "Error [SP0102] (HTTPRoute default/api mesh.yaml:9) spec.rules[0].matches[0].path.type:"
                + " Unsupported value: \"Glob\": supported values: \"Exact\", \"PathPrefix\","
                + " \"RegularExpression\"",
            "Error [SP0102] (HTTPRoute default/api mesh.yaml:12)"
                + " spec.rules[0].filters[0].requestRedirect.statusCode: Unsupported value: 304:"
                + " supported values: 301, 302, 303, 307, 308"),
        findings(yaml));
  }
}
