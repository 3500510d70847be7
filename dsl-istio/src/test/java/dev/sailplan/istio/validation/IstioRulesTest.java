package dev.sailplan.istio.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sailplan.core.validation.Finding;
import dev.sailplan.core.validation.Validation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Istio's CEL rules, as the API server evaluates them, with their exact findings. */
class IstioRulesTest {
  private static final Validation VALIDATION =
      Validation.builder().provider(new IstioValidation()).build();

  private static List<String> findings(String yaml) {
    return VALIDATION.validate(yaml, "mesh.yaml").stream().map(Finding::toString).toList();
  }

  @Test
  void aWorkloadEntryNeedsAnAddressOrNetwork() {
    assertEquals(
        List.of("Error [SP0301] (WorkloadEntry shop/vm mesh.yaml:6) spec: Address is required"),
        findings(
            """
            apiVersion: networking.istio.io/v1
            kind: WorkloadEntry
            metadata:
              name: vm
              namespace: shop
            spec:
              labels:
                app: vm
            """));
  }

  @Test
  void aUnixSocketAddressMustBeAbsoluteAndHaveNoPorts() {
    assertEquals(
        List.of(
            "Error [SP0301] (WorkloadEntry shop/vm mesh.yaml:6) spec: UDS may not include ports",
            "Error [SP0301] (WorkloadEntry shop/vm mesh.yaml:7) spec.address: UDS must be an"
                + " absolute path or abstract socket"),
        findings(
            """
            apiVersion: networking.istio.io/v1
            kind: WorkloadEntry
            metadata:
              name: vm
              namespace: shop
            spec:
              address: unix://var/run/app.sock
              ports:
                http: 8080
            """));
  }

  private static String jwks(String uri) {
    return """
        apiVersion: security.istio.io/v1
        kind: RequestAuthentication
        metadata:
          name: jwt
          namespace: shop
        spec:
          jwtRules:
          - issuer: https://issuer.example.com
            jwksUri: %s
        """
        .formatted(uri);
  }

  @Test
  void aRelativeJwksUriHasNoHttpScheme() {
    assertEquals(
        List.of(
            "Error [SP0301] (RequestAuthentication shop/jwt mesh.yaml:9) spec.jwtRules[0].jwksUri:"
                + " url must have scheme http:// or https://"),
        findings(jwks("/keys.json")));
    assertEquals(List.of(), findings(jwks("https://issuer.example.com/keys.json")));
  }

  @Test
  void aJwksUriThatIsNoUrlCannotBeEvaluated() {
    assertEquals(
        List.of(
            "Error [SP0303] (RequestAuthentication shop/jwt mesh.yaml:9) spec.jwtRules[0].jwksUri:"
                + " URL parse error during conversion from string: invalid URI for request"
                + " evaluating rule: url must have scheme http:// or https://"),
        findings(jwks("issuer.example.com/keys.json")));
  }

  private static String outlier(String baseEjectionTime) {
    return """
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: api
          namespace: shop
        spec:
          host: api.shop.svc.cluster.local
          trafficPolicy:
            outlierDetection:
              consecutive5xxErrors: 5
              baseEjectionTime: %s
        """
        .formatted(baseEjectionTime);
  }

  @Test
  void aZeroBaseEjectionTimeIsBelowTheMinimum() {
    assertEquals(
        List.of(
            "Error [SP0301] (DestinationRule shop/api mesh.yaml:11)"
                + " spec.trafficPolicy.outlierDetection.baseEjectionTime: must be a valid duration"
                + " greater than 1ms"),
        findings(outlier("0ms")));
    assertEquals(List.of(), findings(outlier("30s")));
    assertEquals(List.of(), findings(outlier("1ms")));
  }

  @Test
  void aServiceEntryWithDuplicatePortsAndEndpointsWithoutResolution() {
    assertEquals(
        List.of(
            "Error [SP0301] (ServiceEntry shop/ext mesh.yaml:6) spec: NONE mode cannot set"
                + " endpoints",
            "Error [SP0301] (ServiceEntry shop/ext mesh.yaml:9) spec.ports: port number cannot be"
                + " duplicated"),
        findings(
            """
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata:
              name: ext
              namespace: shop
            spec:
              hosts:
              - api.example.com
              ports:
              - number: 443
                name: https
                protocol: TLS
              - number: 443
                name: tls
                protocol: TLS
              endpoints:
              - address: 10.0.0.1
            """));
  }

  @Test
  void aPortLevelMtlsKeyThatIsNoNumberCannotBeEvaluated() {
    assertEquals(
        List.of(
            "Error [SP0303] (PeerAuthentication shop/mtls mesh.yaml:10) spec.portLevelMtls: cannot"
                + " convert string to int: http evaluating rule: port must be between 1-65535"),
        findings(
            """
            apiVersion: security.istio.io/v1
            kind: PeerAuthentication
            metadata:
              name: mtls
              namespace: shop
            spec:
              selector:
                matchLabels:
                  app: api
              portLevelMtls:
                http:
                  mode: DISABLE
            """));
  }
}
