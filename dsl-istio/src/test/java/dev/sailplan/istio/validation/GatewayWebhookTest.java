package dev.sailplan.istio.validation;

import static dev.sailplan.istio.validation.WebhookTesting.expect;

import org.junit.jupiter.api.Test;

/** What istiod's webhook rejects in a Gateway's servers. */
class GatewayWebhookTest {
  /** SP0410 */
  @Test
  void serverPortNamesAreUnique() {
    expect(
        """
        apiVersion: networking.istio.io/v1
        kind: Gateway
        metadata:
          name: public
          namespace: istio-ingress
        spec:
          selector:
            istio: ingressgateway
          servers:
          - port:
              number: 80
              name: http
              protocol: HTTP
            hosts:
            - "*/shop.example.com"
          - port:
              number: 8080
              name: http
              protocol: HTTP
            hosts:
            - "*/api.example.com"
        """,
        "Error [SP0410] (Gateway istio-ingress/public mesh.yaml:18) spec.servers[1].port.name: port names in servers must be unique: duplicate name http");
  }

  /** SP0411 */
  @Test
  void simpleAndMutualTlsNeedCredentials() {
    expect(
        """
        apiVersion: networking.istio.io/v1
        kind: Gateway
        metadata:
          name: public
          namespace: istio-ingress
        spec:
          selector:
            istio: ingressgateway
          servers:
          - port:
              number: 443
              name: https
              protocol: HTTPS
            hosts:
            - "*/shop.example.com"
            tls:
              mode: SIMPLE
          - port:
              number: 8443
              name: https-mtls
              protocol: HTTPS
            hosts:
            - "*/partners.example.com"
            tls:
              mode: MUTUAL
              serverCertificate: /etc/certs/server.pem
              privateKey: /etc/certs/key.pem
        """,
        "Error [SP0411] (Gateway istio-ingress/public mesh.yaml:16) spec.servers[0].tls: SIMPLE TLS requires a private key",
        "Error [SP0411] (Gateway istio-ingress/public mesh.yaml:16) spec.servers[0].tls: SIMPLE TLS requires a server certificate",
        "Error [SP0411] (Gateway istio-ingress/public mesh.yaml:24) spec.servers[1].tls: MUTUAL TLS requires a client CA bundle");
  }

  /** SP0412 */
  @Test
  void tlsSettingsMustFitTheModeAndProtocol() {
    expect(
        """
        apiVersion: networking.istio.io/v1
        kind: Gateway
        metadata:
          name: public
          namespace: istio-ingress
        spec:
          selector:
            istio: ingressgateway
          servers:
          - port:
              number: 443
              name: https
              protocol: HTTPS
            hosts:
            - "*/shop.example.com"
          - port:
              number: 15443
              name: tls-mesh
              protocol: TLS
            hosts:
            - "*/mesh.example.com"
            tls:
              mode: ISTIO_MUTUAL
              credentialName: mesh-cert
          - port:
              number: 80
              name: http
              protocol: HTTP
            hosts:
            - "*/shop.example.com"
            tls:
              mode: SIMPLE
              credentialName: shop-cert
        """,
        "Error [SP0412] (Gateway istio-ingress/public mesh.yaml:10) spec.servers[0]: server must have TLS settings for HTTPS/TLS protocols",
        "Error [SP0412] (Gateway istio-ingress/public mesh.yaml:22) spec.servers[1].tls: ISTIO_MUTUAL TLS cannot have associated credentialName",
        "Error [SP0412] (Gateway istio-ingress/public mesh.yaml:31) spec.servers[2].tls: server cannot have TLS settings for plain text HTTP ports");
  }

  /** SP0413 */
  @Test
  void serverHostsAreDnsNamesWithAnOptionalNamespace() {
    expect(
        """
        apiVersion: networking.istio.io/v1
        kind: Gateway
        metadata:
          name: public
          namespace: istio-ingress
        spec:
          selector:
            istio: ingressgateway
          servers:
          - port:
              number: 80
              name: http
              protocol: HTTP
            hosts:
            - "bookinfo"
            - "shop/api.*.example.com"
        """,
        "Error [SP0413] (Gateway istio-ingress/public mesh.yaml:15) spec.servers[0].hosts[0]: short names (non FQDN) are not allowed",
        "Error [SP0413] (Gateway istio-ingress/public mesh.yaml:16) spec.servers[0].hosts[1]: domain name \"*.example.com\" invalid (label \"*\" invalid)",
        "Error [SP0413] (Gateway istio-ingress/public mesh.yaml:16) spec.servers[0].hosts[1]: partial wildcard \"api.*.example.com\" not allowed");
  }

  /** SP0439 */
  @Test
  void protocolsAreOnesIstioKnows() {
    expect(
        """
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata:
          name: api
          namespace: default
        spec:
          hosts:
          - api.example.com
          ports:
          - number: 443
            name: https
            protocol: HTTPX
          resolution: DNS
        ---
        apiVersion: networking.istio.io/v1
        kind: Gateway
        metadata:
          name: quic
          namespace: istio-ingress
        spec:
          servers:
          - port:
              number: 443
              name: quic
              protocol: QUIC
            hosts:
            - "*/api.example.com"
        """,
        "Error [SP0439] (ServiceEntry default/api mesh.yaml:12) spec.ports[0].protocol: unsupported protocol: HTTPX",
        "Error [SP0439] (Gateway istio-ingress/quic mesh.yaml:25) spec.servers[0].port.protocol: invalid protocol \"QUIC\", supported protocols are HTTP, HTTP2, GRPC, GRPC-WEB, MONGO, REDIS, MYSQL, TCP");
  }

  /** SP0440 */
  @Test
  void portNamesAreDnsLabelsAndGatewayPortsAreNamed() {
    expect(
        """
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata:
          name: api
          namespace: default
        spec:
          hosts:
          - api.example.com
          ports:
          - number: 8080
            name: HTTP_8080
            protocol: HTTP
          resolution: DNS
        ---
        apiVersion: networking.istio.io/v1
        kind: Gateway
        metadata:
          name: public
          namespace: istio-ingress
        spec:
          servers:
          - port:
              number: 80
              name: ""
              protocol: HTTP
            hosts:
            - "*/shop.example.com"
        """,
        "Error [SP0440] (ServiceEntry default/api mesh.yaml:11) spec.ports[0].name: invalid port name: HTTP_8080",
        "Error [SP0440] (Gateway istio-ingress/public mesh.yaml:24) spec.servers[0].port.name: port name must be set");
  }

  /** SP0443 */
  @Test
  void aGatewayHasServersAndEachServerHosts() {
    expect(
        """
        apiVersion: networking.istio.io/v1
        kind: Gateway
        metadata:
          name: empty
          namespace: istio-ingress
        spec:
          selector:
            istio: ingressgateway
        ---
        apiVersion: networking.istio.io/v1
        kind: Gateway
        metadata:
          name: hostless
          namespace: istio-ingress
        spec:
          servers:
          - port:
              number: 80
              name: http
              protocol: HTTP
            hosts: []
        """,
        "Error [SP0443] (Gateway istio-ingress/empty mesh.yaml:6) spec.servers: gateway must have at least one server",
        "Error [SP0443] (Gateway istio-ingress/hostless mesh.yaml:21) spec.servers[0].hosts: server config must contain at least one host");
  }

  /** SP0444 */
  @Test
  void targetPortHasNoPlaceOnAGatewayPort() {
    expect(
        """
        apiVersion: networking.istio.io/v1
        kind: Gateway
        metadata:
          name: public
          namespace: istio-ingress
        spec:
          servers:
          - port:
              number: 80
              name: http
              protocol: HTTP
              targetPort: 8080
            hosts:
            - "*/shop.example.com"
        """,
        "Error [SP0444] (Gateway istio-ingress/public mesh.yaml:12) spec.servers[0].port.targetPort: targetPort has no impact on Gateways");
  }

  /** SP0428 and SP0423 for binds: an IP address, or a unix socket with port number 0. */
  @Test
  void bindsAreIpAddressesOrUnixSocketsOnPortZero() {
    expect(
        """
        apiVersion: networking.istio.io/v1
        kind: Gateway
        metadata:
          name: internal
          namespace: istio-ingress
        spec:
          servers:
          - port:
              number: 8080
              name: http
              protocol: HTTP
            bind: localhost
            hosts:
            - "*/internal.example.com"
          - port:
              number: 8081
              name: http-uds
              protocol: HTTP
            bind: unix:///var/run/gateway.sock
            hosts:
            - "*/uds.example.com"
        """,
        "Error [SP0428] (Gateway istio-ingress/internal mesh.yaml:12) spec.servers[0].bind:"
            + " localhost is not a valid IP",
        "Error [SP0423] (Gateway istio-ingress/internal mesh.yaml:16) spec.servers[1].port.number:"
            + " port number must be 0 for unix domain socket");
  }
}
