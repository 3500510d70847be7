package dev.sailplan.istio.validation;

import static dev.sailplan.istio.validation.WebhookTesting.expect;
import static dev.sailplan.istio.validation.WebhookTesting.expectAll;

import org.junit.jupiter.api.Test;

/** What istiod's webhook rejects in a ServiceEntry. */
class ServiceEntryWebhookTest {
  /**
   * SP0424 is istiod's rule, but the CRD's ports are a list keyed by name: the schema's SP0109
   * comes first, and the webhook never sees the object (as on the API server).
   */
  @Test
  void portNamesAreUnique() {
    expectAll(
        """
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata:
          name: external-api
          namespace: default
        spec:
          hosts:
          - api.example.com
          ports:
          - number: 443
            name: https
            protocol: HTTPS
          - number: 8443
            name: https
            protocol: HTTPS
          resolution: DNS
        """,
        "Error [SP0109] (ServiceEntry default/external-api mesh.yaml:13) spec.ports[1]: Duplicate value: {\"name\":\"https\"}");
  }

  /** SP0425 */
  @Test
  void dnsResolutionOfAWildcardHostNeedsEndpoints() {
    expect(
        """
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata:
          name: wildcard
          namespace: default
        spec:
          hosts:
          - "*.example.com"
          ports:
          - number: 443
            name: https
            protocol: HTTPS
          resolution: DNS
        """,
        "Error [SP0425] (ServiceEntry default/wildcard mesh.yaml:8) spec.hosts[0]: hosts must be FQDN if no endpoints are provided for resolution mode DNS");
  }

  /** SP0426 */
  @Test
  void endpointsFitTheResolutionAndThePorts() {
    expect(
        """
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata:
          name: legacy
          namespace: default
        spec:
          hosts:
          - legacy.internal
          ports:
          - number: 8080
            name: http
            protocol: HTTP
          resolution: STATIC
          endpoints:
          - address: legacy-vm.internal
          - address: 10.0.0.7
            ports:
              grpc: 9090
        """,
        "Error [SP0426] (ServiceEntry default/legacy mesh.yaml:15) spec.endpoints[0].address: endpoint address \"legacy-vm.internal\" is not a valid IP address",
        "Error [SP0426] (ServiceEntry default/legacy mesh.yaml:18) spec.endpoints[1].ports[grpc]: endpoint port 9090 is not defined by the service entry");
  }

  /** SP0427 */
  @Test
  void severalHostsNeedHttpOrTlsPorts() {
    expect(
        """
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata:
          name: databases
          namespace: default
        spec:
          hosts:
          - db1.example.com
          - db2.example.com
          ports:
          - number: 5432
            name: tcp-postgres
            protocol: TCP
          resolution: DNS
        """,
        "Error [SP0427] (ServiceEntry default/databases mesh.yaml:11) spec.ports[0]: multiple hosts provided with non-HTTP, non-TLS ports");
  }

  /** SP0428 */
  @Test
  void addressesAreIpsOrCidrBlocks() {
    expect(
        """
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata:
          name: partner
          namespace: default
        spec:
          hosts:
          - partner.example.com
          addresses:
          - 10.0.0.300
          ports:
          - number: 443
            name: https
            protocol: HTTPS
          resolution: DNS
        """,
        "Error [SP0428] (ServiceEntry default/partner mesh.yaml:10) spec.addresses[0]: 10.0.0.300 is not a valid IP");
  }
}
