package dev.sailplan.istio.validation;

import static dev.sailplan.istio.validation.WebhookTesting.accepted;

import org.junit.jupiter.api.Test;

/** Configuration istiod accepts, close to each rule's edge, has no webhook finding. */
class AcceptedByTheWebhookTest {
  @Test
  void sidecarWithPortsAndOneCatchAllListenerLast() {
    accepted(
        """
        apiVersion: networking.istio.io/v1
        kind: Sidecar
        metadata:
          name: default
          namespace: shop
        spec:
          ingress:
          - port:
              number: 9080
              protocol: HTTP
              name: http
            defaultEndpoint: 127.0.0.1:8080
          egress:
          - port:
              number: 0
              protocol: HTTP
              name: uds
            bind: unix:///var/run/app.sock
            hosts:
            - "~/*"
          - port:
              number: 9080
              protocol: HTTP
              name: http
            hosts:
            - "*/*.example.com"
          - hosts:
            - "./*"
            - "istio-system/*"
        """);
  }

  @Test
  void destinationRuleWithFailoverSubsetsAndCredentialTls() {
    accepted(
        """
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: reviews
          namespace: default
        spec:
          host: "*.reviews.svc.cluster.local"
          trafficPolicy:
            loadBalancer:
              localityLbSetting:
                failover:
                - from: us-west
                  to: us-east
            outlierDetection:
              consecutive5xxErrors: 5
              interval: 10s
            tls:
              mode: MUTUAL
              credentialName: reviews-client
          subsets:
          - name: v1
            labels:
              version: v1
          - name: V2
            labels:
              version: v2
            trafficPolicy:
              loadBalancer:
                localityLbSetting:
                  distribute:
                  - from: us-west/*
                    to:
                      "us-west/*": 70
                      "us-east/*": 30
        """);
  }

  @Test
  void gatewayWithCredentialsAndAnHttpsRedirect() {
    accepted(
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
            - "shop.example.com"
            tls:
              httpsRedirect: true
          - port:
              number: 443
              name: https
              protocol: HTTPS
            hosts:
            - "shop/shop.example.com"
            - "*/*.example.com"
            tls:
              mode: SIMPLE
              credentialName: shop-cert
          - port:
              number: 8443
              name: https-files
              protocol: HTTPS
            hosts:
            - "./partners.example.com"
            tls:
              mode: MUTUAL
              serverCertificate: /etc/certs/server.pem
              privateKey: /etc/certs/key.pem
              caCertificates: /etc/certs/ca.pem
          - port:
              number: 15443
              name: tls-passthrough
              protocol: TLS
            hosts:
            - "*.local"
            tls:
              mode: AUTO_PASSTHROUGH
        """);
  }

  @Test
  void virtualServicesWithADelegateAndRe2Regexes() {
    accepted(
        """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: root
          namespace: default
        spec:
          hosts:
          - shop.example.com
          gateways:
          - istio-ingress/public
          http:
          - match:
            - uri:
                regex: "^/api/(?P<version>v1|v2)/.*$"
              headers:
                "@request.auth.claims.group":
                  exact: admin
            delegate:
              name: api-routes
          - redirect:
              uri: /home
          - directResponse:
              status: 404
        ---
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: api-routes
          namespace: default
        spec:
          http:
          - match:
            - withoutHeaders:
                x-debug:
                  regex: "*"
            headers:
              request:
                set:
                  host: api.internal
            route:
            - destination:
                host: api
                subset: v1
                port:
                  number: 8080
              weight: 90
            - destination:
                host: api.default.svc.cluster.local
              weight: 10
            retries:
              attempts: 3
              retryOn: 5xx,reset,503,unavailable
              perTryTimeout: 2s
            timeout: 10s
            mirror:
              host: api-shadow
            mirrorPercentage:
              value: 100
        """);
  }

  @Test
  void serviceEntriesOfEachResolution() {
    accepted(
        """
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata:
          name: wildcard
          namespace: default
        spec:
          hosts:
          - "*.example.com"
          - "*.example.org"
          ports:
          - number: 443
            name: https
            protocol: HTTPS
          resolution: NONE
        ---
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata:
          name: vms
          namespace: default
        spec:
          hosts:
          - legacy.internal
          addresses:
          - 10.1.0.0/16
          - 2001:db8::1
          ports:
          - number: 8080
            name: http
            protocol: HTTP
          resolution: STATIC
          endpoints:
          - address: 10.1.0.7
            ports:
              http: 18080
        ---
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
            protocol: TLS
          resolution: DNS
          endpoints:
          - address: api-eu.example.com
        """);
  }

  @Test
  void securityPoliciesAtTheEdge() {
    accepted(
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
          - to:
            - operation:
                paths: ["/admin/*"]
        ---
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata:
          name: allow
          namespace: default
        spec:
          rules:
          - from:
            - source:
                principals: ["cluster.local/ns/default/sa/frontend"]
                ipBlocks: ["10.0.0.0/8", "192.168.1.1"]
            to:
            - operation:
                ports: ["8080"]
            when:
            - key: request.auth.claims[iss]
              values: ["https://issuer.example.com"]
            - key: source.ip
              notValues: ["10.0.0.1"]
        ---
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata:
          name: deny-all
          namespace: default
        spec:
          action: DENY
          rules:
          - {}
        ---
        apiVersion: security.istio.io/v1
        kind: RequestAuthentication
        metadata:
          name: jwt
          namespace: default
        spec:
          jwtRules:
          - issuer: https://issuer.example.com
            jwks: '{"keys": [{"kty": "RSA", "n": "x", "e": "AQAB"}]}'
          - jwksUri: https://issuer.example.com/jwks.json
        """);
  }

  @Test
  void envoyFiltersAndWorkloadEntries() {
    accepted(
        """
        apiVersion: networking.istio.io/v1alpha3
        kind: EnvoyFilter
        metadata:
          name: tune
          namespace: istio-config
        spec:
          configPatches:
          - applyTo: HTTP_FILTER
            match:
              proxy:
                proxyVersion: '^1\\.30.*'
              listener:
                filterChain:
                  filter:
                    name: envoy.filters.network.http_connection_manager
                    subFilter:
                      name: envoy.filters.http.router
            patch:
              operation: INSERT_BEFORE
              value:
                name: envoy.filters.http.lua
          - applyTo: CLUSTER
            match:
              cluster:
                service: reviews.default.svc.cluster.local
            patch:
              operation: REMOVE
        ---
        apiVersion: networking.istio.io/v1
        kind: WorkloadEntry
        metadata:
          name: vm
          namespace: default
        spec:
          address: vm-1.example.com
        ---
        apiVersion: networking.istio.io/v1
        kind: WorkloadEntry
        metadata:
          name: vm-ip
          namespace: default
        spec:
          address: 2001:db8::7
        """);
  }
}
