package dev.sailplan.istio.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sailplan.core.validation.Finding;
import dev.sailplan.core.validation.Validation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Istio's CRD schemas, checked through {@code Validation} as the API server checks them. */
class IstioSchemaValidationTest {

  static List<String> findings(String yaml) {
    return Validation.standard().validate(yaml, "mesh.yaml").all().stream()
        .map(Finding::toString)
        .toList();
  }

  @Test
  void routeWeightsHaveNoSchemaBoundsButAType() {
    // Istio's schema gives weight only "type: integer, format: int32": 150 and -5 are for
    // istiod's webhook to refuse, not the API server; a string is a schema error.
    String yaml =
        """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: reviews
          namespace: default
        spec:
          hosts: [reviews]
          http:
          - route:
            - destination: {host: reviews, subset: v1}
              weight: %s
            - destination: {host: reviews, subset: v2}
              weight: -5
        """;
    assertEquals(
        List.of(),
        findings(yaml.formatted("150")).stream().filter(f -> f.contains("[SP01")).toList());
    assertEquals(
        List.of(
            "Error [SP0006] (VirtualService default/reviews mesh.yaml:11)"
                + " spec.http[0].route[0].weight: must be of type integer, not string"),
        findings(yaml.formatted("\"150\"")));
  }

  @Test
  void outlierDetectionAndLoadBalancer() {
    // maxEjectionPercent has no schema bounds either; the load balancer's enum does.
    String yaml =
        """
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: reviews
          namespace: default
        spec:
          host: reviews
          trafficPolicy:
            outlierDetection:
              maxEjectionPercent: 150
            loadBalancer:
              simple: ROUND_ROBINX
            colour: red
        """;
    assertEquals(
        List.of(
            "Error [SP0102] (DestinationRule default/reviews mesh.yaml:12)"
                + " spec.trafficPolicy.loadBalancer.simple: Unsupported value: \"ROUND_ROBINX\":"
                + " supported values: \"UNSPECIFIED\", \"LEAST_CONN\", \"RANDOM\","
                + " \"PASSTHROUGH\", \"ROUND_ROBIN\", \"LEAST_REQUEST\"",
            "Error [SP0006] (DestinationRule default/reviews mesh.yaml:13)"
                + " spec.trafficPolicy.colour: unknown field \"colour\""),
        findings(yaml));
  }

  @Test
  void atMostOneMatchKind() {
    String yaml =
        """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: reviews
          namespace: default
        spec:
          hosts: [reviews]
          http:
          - match:
            - uri: {exact: /a, prefix: /b}
            route:
            - destination: {host: reviews}
        """;
    assertEquals(
        List.of(
            "Error [SP0112] (VirtualService default/reviews mesh.yaml:10)"
                + " spec.http[0].match[0].uri: must validate one and only one schema (oneOf): at"
                + " most one of exact, prefix may be set"),
        findings(yaml));
  }

  @Test
  void aWorkloadEntryWithoutAddressIsForItsCelRule() {
    // "has(self.address) || has(self.network)" is a CEL rule, not a required field.
    assertEquals(
        List.of(),
        findings(
                """
                apiVersion: networking.istio.io/v1
                kind: WorkloadEntry
                metadata:
                  name: vm
                  namespace: default
                spec:
                  ports: {http: 8080}
                """)
            .stream()
            .filter(f -> f.contains("[SP01") || f.contains("[SP02"))
            .toList());
  }

  @Test
  void namesTheServerRefuses() {
    String yaml =
        """
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata:
          name: "%s"
          namespace: istio-system
        spec:
          mtls: {mode: STRICT}
        """;
    // In the YAML, as read, and as the finding quotes it.
    String[][] names = {
      {"d\u0435fault", "d\u0435fault", "\"d\u0435fault\""},
      {"default\\u200b", "default\u200b", "\"default\\u200b\""},
      {"default\\n", "default\n", "\"default\\n\""},
      {"$(whoami)", "$(whoami)", "\"$(whoami)\""}
    };
    for (String[] name : names) {
      assertEquals(
          List.of(
              "Error [SP0201] (PeerAuthentication istio-system/"
                  + name[1]
                  + " mesh.yaml:4) metadata.name: Invalid value: "
                  + name[2]
                  + ": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric"
                  + " characters, '-' or '.', and must start and end with an alphanumeric"
                  + " character (e.g. 'example.com', regex used for validation is"
                  + " '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"),
          findings(yaml.formatted(name[0])),
          name[1]);
    }
  }
}
