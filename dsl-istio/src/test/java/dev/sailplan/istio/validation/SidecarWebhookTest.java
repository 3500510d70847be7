package dev.sailplan.istio.validation;

import static dev.sailplan.istio.validation.WebhookTesting.expect;

import org.junit.jupiter.api.Test;

/** What istiod's webhook rejects in a Sidecar. */
class SidecarWebhookTest {
  /** SP0401: Several listeners without a port: only the last may have none (seed 003-14). */
  @Test
  void aPortlessEgressListenerThatIsNotLastIsRejected() {
    expect(
        """
        apiVersion: networking.istio.io/v1
        kind: Sidecar
        metadata:
          name: default
          namespace: production
        spec:
          egress:
          - hosts:
            - "./*"
          - hosts:
            - "istio-system/*"
          - hosts:
            - "*/external-api.external.svc.cluster.local"
        """,
        "Error [SP0401] (Sidecar production/default mesh.yaml:8) spec.egress[0]: sidecar: the egress listener with empty port should be the last listener in the list",
        "Error [SP0401] (Sidecar production/default mesh.yaml:10) spec.egress[1]: sidecar: the egress listener with empty port should be the last listener in the list");
  }

  /** SP0402 */
  @Test
  void listenerPortsMustBeUniqueAndZeroOnlyForUnixSockets() {
    expect(
        """
        apiVersion: networking.istio.io/v1
        kind: Sidecar
        metadata:
          name: default
          namespace: shop
        spec:
          egress:
          - port:
              number: 8080
              protocol: HTTP
              name: http
            hosts:
            - "./*"
          - port:
              number: 8080
              protocol: HTTP
              name: http-again
            hosts:
            - "istio-system/*"
          - port:
              number: 0
              protocol: HTTP
              name: uds
            hosts:
            - "./*"
        """,
        "Error [SP0402] (Sidecar shop/default mesh.yaml:15) spec.egress[1].port.number: sidecar: ports on IP bound listeners must be unique",
        "Error [SP0402] (Sidecar shop/default mesh.yaml:21) spec.egress[2].port.number: sidecar: ports with 0 value must have a unix domain socket bind address");
  }

  /** SP0403 */
  @Test
  void egressHostsAreNamespaceSlashDnsName() {
    expect(
        """
        apiVersion: networking.istio.io/v1
        kind: Sidecar
        metadata:
          name: default
          namespace: shop
        spec:
          egress:
          - hosts:
            - "reviews.shop.svc.cluster.local"
            - "./reviews"
            - "Bad_NS/*.example.com"
        """,
        "Error [SP0403] (Sidecar shop/default mesh.yaml:9) spec.egress[0].hosts[0]: host must be of form namespace/dnsName",
        "Error [SP0403] (Sidecar shop/default mesh.yaml:10) spec.egress[0].hosts[1]: short names (non FQDN) are not allowed",
        "Error [SP0403] (Sidecar shop/default mesh.yaml:11) spec.egress[0].hosts[2]: invalid namespace value \"Bad_NS\" in sidecar");
  }

  /** SP0404 */
  @Test
  void aSidecarThatConfiguresNothingIsRejected() {
    expect(
        """
        apiVersion: networking.istio.io/v1
        kind: Sidecar
        metadata:
          name: default
          namespace: shop
        spec:
          workloadSelector:
            labels:
              app: reviews
        """,
        "Error [SP0404] (Sidecar shop/default mesh.yaml:6) spec: sidecar: empty configuration provided");
  }

  /** SP0453 */
  @Test
  void ingressListenersForwardLocallyWithoutGatewayTls() {
    expect(
        """
        apiVersion: networking.istio.io/v1
        kind: Sidecar
        metadata:
          name: reviews
          namespace: shop
        spec:
          workloadSelector:
            labels:
              app: reviews
          ingress:
          - port:
              number: 9080
              protocol: HTTP
              name: http
            defaultEndpoint: 10.0.0.1:8080
          - port:
              number: 9443
              protocol: HTTPS
              name: https
            defaultEndpoint: 127.0.0.1:8443
            tls:
              mode: ISTIO_MUTUAL
        """,
        "Error [SP0453] (Sidecar shop/reviews mesh.yaml:15) spec.ingress[0].defaultEndpoint: sidecar: defaultEndpoint must be of form 127.0.0.1:<port>,0.0.0.0:<port>,[::1]:port,[::]:port,unix://filepath or unset",
        "Error [SP0453] (Sidecar shop/reviews mesh.yaml:22) spec.ingress[1].tls.mode: configuration is invalid: cannot set mode to ISTIO_MUTUAL in sidecar ingress tls");
  }

  /** SP0454 */
  @Test
  void anEgressProxyGoesWithAllowAny() {
    expect(
        """
        apiVersion: networking.istio.io/v1
        kind: Sidecar
        metadata:
          name: default
          namespace: shop
        spec:
          outboundTrafficPolicy:
            mode: REGISTRY_ONLY
            egressProxy:
              host: egress.istio-egress.svc.cluster.local
              port:
                number: 443
        """,
        "Error [SP0454] (Sidecar shop/default mesh.yaml:9) spec.outboundTrafficPolicy.egressProxy: sidecar: egress_proxy must be set only with ALLOW_ANY outbound_traffic_policy mode");
  }
}
