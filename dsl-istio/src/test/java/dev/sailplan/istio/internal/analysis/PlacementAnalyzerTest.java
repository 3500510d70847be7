package dev.sailplan.istio.internal.analysis;

import static dev.sailplan.istio.internal.analysis.SecurityPolicyAnalyzerTest.found;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sailplan.core.meta.ObjectMeta;
import dev.sailplan.core.validation.Finding;
import dev.sailplan.core.validation.Validation;
import dev.sailplan.istio.Selectors;
import dev.sailplan.istio.networking.v1.Gateway;
import dev.sailplan.istio.networking.v1.GatewaySpec;
import dev.sailplan.istio.networking.v1.Port;
import dev.sailplan.istio.networking.v1.Server;
import dev.sailplan.istio.security.v1.AuthorizationPolicy;
import dev.sailplan.istio.security.v1.AuthorizationPolicySpec;
import dev.sailplan.istio.security.v1.Rule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Gateway, EnvoyFilter, apiVersion and Telemetry rules. */
class PlacementAnalyzerTest {
  private static final String GATEWAY =
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
          tls:
            mode: SIMPLE
            credentialName: public-cert
          hosts:
          - "api.example.com"
      ---
      """;

  @Test
  void tlsFromFilesInsteadOfACredential() {
    String yaml =
        GATEWAY.replace(
            "credentialName: public-cert",
            "serverCertificate: /etc/certs/tls.crt\n      privateKey: /etc/certs/tls.key");
    assertEquals(
        List.of(
            "Warning [SP2010] (Gateway istio-ingress/public mesh.yaml:16)"
                + " spec.servers[0].tls.serverCertificate: TLS from files (serverCertificate"
                + " /etc/certs/tls.crt) must be mounted into the gateway pods and is not reloaded"
                + " when renewed; use credentialName with a Secret in the gateway's namespace"),
        found(yaml, "SP2010"));
    assertEquals(List.of(), found(GATEWAY, "SP2010"));
  }

  @Test
  void gatewayInAnAppNamespace() {
    assertEquals(
        List.of(
            "Warning [SP3002] (Gateway bookinfo/public mesh.yaml:5) metadata.namespace: Gateway in"
                + " the app namespace bookinfo: put Gateways in a gateway namespace (istio-ingress,"
                + " istio-egress, istio-eastwest, istio-gateways) with their certificates, away"
                + " from app teams"),
        found(GATEWAY.replace("istio-ingress", "bookinfo"), "SP3002"));
    String ownGatewayPods =
        GATEWAY.replace("istio-ingress", "edge")
            + """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: edge-gateway
              namespace: edge
            spec:
              selector:
                matchLabels: {istio: ingressgateway}
              template:
                metadata:
                  labels: {istio: ingressgateway}
                spec:
                  containers:
                  - name: istio-proxy
                    image: auto
                    ports:
                    - containerPort: 8443
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: edge-gateway
              namespace: edge
            spec:
              selector: {istio: ingressgateway}
              ports:
              - name: https
                port: 443
                targetPort: 8443
            """;
    assertEquals(List.of(), found(GATEWAY, "SP3002"));
    assertEquals(List.of(), found(ownGatewayPods, "SP3002", "SP3009", "SP3010"));
  }

  @Test
  void wildcardHost() {
    assertEquals(
        List.of(
            "Warning [SP3004] (Gateway istio-ingress/public mesh.yaml:18) spec.servers[0].hosts[0]:"
                + " host * on port 443 accepts every Host header and exposes every VirtualService"
                + " bound to this Gateway; name the hosts it serves"),
        found(GATEWAY.replace("\"api.example.com\"", "\"*\""), "SP3004"));
    assertEquals(
        List.of(), found(GATEWAY.replace("\"api.example.com\"", "\"*.example.com\""), "SP3004"));
  }

  @Test
  void conflictingGateways() {
    String other =
        GATEWAY
            .replace("name: public", "name: partners")
            .replace("\"api.example.com\"", "\"*.example.com\"");
    assertEquals(
        List.of(
            "Error [SP3005] (Gateway istio-ingress/public mesh.yaml:10) spec.servers[0]: conflicts"
                + " with Gateway istio-ingress/partners (selector istio=ingressgateway, port 443,"
                + " hosts api.example.com): only one of them serves the host; merge them or give"
                + " each its own hosts {IST0145}",
            "Error [SP3005] (Gateway istio-ingress/partners mesh.yaml:29) spec.servers[0]:"
                + " conflicts with Gateway istio-ingress/public (selector istio=ingressgateway,"
                + " port 443, hosts *.example.com): only one of them serves the host; merge them or"
                + " give each its own hosts {IST0145}"),
        found(GATEWAY + other, "SP3005"));
    String elsewhere = other.replace("\"*.example.com\"", "\"*.example.org\"");
    assertEquals(List.of(), found(GATEWAY + elsewhere, "SP3005"));
  }

  @Test
  void gatewaySelectorAndPortsAgainstTheWorkloads() {
    String pods =
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
        spec:
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
              - name: web
                image: shop/web:1.0
        """;
    // Istio's default ingress gateway is assumed (pods labelled istio: ingressgateway), so only
    // another selector matches nothing.
    assertEquals(
        List.of(
            "Error [SP3009] (Gateway istio-ingress/public mesh.yaml:7) spec.selector: selector"
                + " istio=partner-gateway matches no gateway pod in the input: no proxy serves this"
                + " Gateway {IST0101}"),
        found(GATEWAY.replace("istio: ingressgateway", "istio: partner-gateway") + pods, "SP3009"));
    String port8443 = GATEWAY.replace("number: 443", "number: 8443");
    assertEquals(
        List.of(
            "Warning [SP3010] (Gateway istio-ingress/public mesh.yaml:11)"
                + " spec.servers[0].port.number: port 8443 is not a port of any Service of the"
                + " gateway pods (istio=ingressgateway): clients cannot reach it through the"
                + " gateway's Service {IST0162}"),
        found(port8443 + pods, "SP3009", "SP3010"));
    // Without workloads in the input nothing says which pods exist.
    assertEquals(List.of(), found(port8443, "SP3009", "SP3010"));
  }

  @Test
  void envoyFilterPlacement() {
    String yaml =
        """
        apiVersion: networking.istio.io/v1alpha3
        kind: EnvoyFilter
        metadata:
          name: lua
          namespace: shop
        spec:
          configPatches:
          - applyTo: HTTP_FILTER
            match:
              context: SIDECAR_INBOUND
            patch:
              operation: INSERT_FIRST
              value:
                name: envoy.filters.http.lua
        ---
        apiVersion: networking.istio.io/v1alpha3
        kind: EnvoyFilter
        metadata:
          name: mesh-lua
          namespace: istio-system
        spec:
          configPatches:
          - applyTo: HTTP_FILTER
            patch:
              operation: INSERT_FIRST
              value:
                name: envoy.filters.http.lua
        ---
        apiVersion: networking.istio.io/v1alpha3
        kind: EnvoyFilter
        metadata:
          name: ext-authz
          namespace: istio-system
        spec:
          workloadSelector:
            labels:
              external-auth: enabled
          configPatches:
          - applyTo: HTTP_FILTER
            patch:
              operation: INSERT_FIRST
              value:
                name: envoy.filters.http.ext_authz
        """;
    assertEquals(
        List.of(
            "Warning [SP3001] (EnvoyFilter shop/lua mesh.yaml:5) metadata.namespace: EnvoyFilter in"
                + " shop, outside the root namespace istio-system, without a workloadSelector: keep"
                + " EnvoyFilters in the root namespace, each with a workloadSelector that workloads"
                + " opt in to by label",
            "Warning [SP3001] (EnvoyFilter istio-system/mesh-lua mesh.yaml:21) spec: EnvoyFilter in"
                + " the root namespace istio-system without a workloadSelector patches every proxy"
                + " of the mesh; select the workloads that opt in by label"),
        found(yaml, "SP3001"));
  }

  private static final String FILTER =
      """
      apiVersion: networking.istio.io/v1alpha3
      kind: EnvoyFilter
      metadata:
        name: headers
        namespace: istio-system
      spec:
        workloadSelector:
          labels:
            app: web
        configPatches:
        - applyTo: HTTP_FILTER
          match:
            context: SIDECAR_INBOUND
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
      """;

  @Test
  void relativePatchWithoutPriority() {
    assertEquals(
        List.of(
            "Warning [SP3007] (EnvoyFilter istio-system/headers mesh.yaml:21)"
                + " spec.configPatches[0].patch.operation: INSERT_BEFORE is relative to other"
                + " patches, and without spec.priority the order of EnvoyFilters is undefined, so"
                + " the filter it is relative to may not be there; set priority, or use"
                + " INSERT_FIRST or ADD {IST0151}"),
        found(FILTER, "SP3007"));
    assertEquals(
        List.of(),
        found(
            FILTER.replace("  workloadSelector:", "  priority: 10\n  workloadSelector:"),
            "SP3007"));
  }

  @Test
  void operationIgnoredForItsApplyTo() {
    // A route configuration patch matches a route configuration (istiod's webhook refuses a
    // listener match there, SP0437), so only the operation is what Istio ignores.
    String yaml =
        FILTER
            .replace("applyTo: HTTP_FILTER", "applyTo: ROUTE_CONFIGURATION")
            .replace(
                """
                      listener:
                        filterChain:
                          filter:
                            name: envoy.filters.network.http_connection_manager
                            subFilter:
                              name: envoy.filters.http.router
                """,
                """
                      routeConfiguration:
                        vhost:
                          name: "web.default.svc.cluster.local:80"
                """)
            .replace("operation: INSERT_BEFORE", "operation: ADD");
    assertEquals(
        List.of(
            "Error [SP3008] (EnvoyFilter istio-system/headers mesh.yaml:18)"
                + " spec.configPatches[0].patch.operation: Istio ignores ADD with applyTo"
                + " ROUTE_CONFIGURATION: a route configuration or route cannot be added by a patch;"
                + " use MERGE {IST0153}"),
        found(yaml, "SP3008", "SP3007"));
    assertEquals(
        List.of(),
        found(
            FILTER
                .replace("operation: INSERT_BEFORE", "operation: REPLACE")
                .replace("  workloadSelector:", "  priority: 10\n  workloadSelector:"),
            "SP3008",
            "SP3007"));
  }

  @Test
  void deprecatedApiVersion() {
    String yaml =
        """
        apiVersion: security.istio.io/v1beta1
        kind: PeerAuthentication
        metadata:
          name: default
          namespace: istio-system
        spec:
          mtls:
            mode: STRICT
        ---
        apiVersion: networking.istio.io/v1alpha3
        kind: EnvoyFilter
        metadata:
          name: ext-authz
          namespace: istio-system
        spec:
          workloadSelector:
            labels:
              external-auth: enabled
        """;
    assertEquals(
        List.of(
            "Warning [SP3003] (PeerAuthentication istio-system/default mesh.yaml:1) apiVersion:"
                + " security.istio.io/v1beta1 is deprecated for PeerAuthentication: write"
                + " security.istio.io/v1, the same schema"),
        found(yaml, "SP3003"));
    assertEquals(List.of(), found(yaml.replace("v1beta1", "v1"), "SP3003"));
  }

  @Test
  void telemetriesWithoutSelector() {
    String yaml =
        """
        apiVersion: telemetry.istio.io/v1
        kind: Telemetry
        metadata:
          name: mesh-default
          namespace: istio-system
        spec:
          accessLogging:
          - providers:
            - name: envoy
        ---
        apiVersion: telemetry.istio.io/v1
        kind: Telemetry
        metadata:
          name: mesh-tracing
          namespace: istio-system
        spec:
          tracing:
          - providers:
            - name: otel-tracing
            randomSamplingPercentage: 1.0
        ---
        apiVersion: telemetry.istio.io/v1
        kind: Telemetry
        metadata:
          name: web
          namespace: istio-system
        spec:
          selector:
            matchLabels:
              app: web
          tracing:
          - providers:
            - name: otel-tracing
        """;
    assertEquals(
        List.of(
            "Error [SP3006] (Telemetry istio-system/mesh-default mesh.yaml:6) spec: the Telemetries"
                + " mesh-default, mesh-tracing in namespace istio-system have no selector and Istio"
                + " applies only one of them, which one is undefined; merge them into one"
                + " {IST0160}",
            "Error [SP3006] (Telemetry istio-system/mesh-tracing mesh.yaml:16) spec: the"
                + " Telemetries mesh-default, mesh-tracing in namespace istio-system have no"
                + " selector and Istio applies only one of them, which one is undefined; merge them"
                + " into one {IST0160}"),
        found(yaml, "SP3006"));
    int second = yaml.indexOf("---", yaml.indexOf("mesh-tracing"));
    assertEquals(
        List.of(),
        found(yaml.substring(0, yaml.indexOf("---")) + yaml.substring(second), "SP3006"));
  }

  @Test
  void accessLoggingWithoutProviderIsIgnoredByIstio() {
    String yaml =
        """
        apiVersion: telemetry.istio.io/v1
        kind: Telemetry
        metadata:
          name: payments-logs
          namespace: payments
        spec:
          accessLogging:
          - providers:
            - name: envoy
          - filter:
              expression: response.code >= 500
        ---
        apiVersion: telemetry.istio.io/v1
        kind: Telemetry
        metadata:
          name: quiet
          namespace: batch
        spec:
          accessLogging:
          - disabled: true
        """;
    assertEquals(
        List.of(
            "Warning [SP3019] (Telemetry payments/payments-logs mesh.yaml:10) spec.accessLogging[1]:"
                + " access-logging entry 1 names no provider, so it uses MeshConfig's"
                + " defaultProviders.accessLogging, and Istio ignores it when the mesh defines"
                + " none (the default); name a provider (e.g. envoy) or set disabled {IST0157}"),
        found(yaml, "SP3019"));
  }

  @Test
  void builtResourcesAreAnalysedToo() {
    AuthorizationPolicy allowAll =
        AuthorizationPolicy.builder()
            .metadata(ObjectMeta.ref("shop/allow-all"))
            .spec(AuthorizationPolicySpec.builder().addRules(Rule.builder().build()).build())
            .build();
    Gateway open =
        Gateway.builder()
            .metadata(ObjectMeta.ref("istio-ingress/open"))
            .spec(
                GatewaySpec.builder()
                    .putSelector("istio", "ingressgateway")
                    .addServers(
                        Server.builder()
                            .port(Port.builder().number(80).name("http").protocol("HTTP").build())
                            .addHosts("*")
                            .build())
                    .build())
            .build();
    assertEquals(
        List.of(
            "Error [SP2001] (AuthorizationPolicy shop/allow-all) spec.rules[0]: rule 0 is empty and"
                + " matches every request, so this ALLOW policy allows all traffic to the workloads"
                + " it selects; a deny-all is spec: {} without rules",
            "Warning [SP3004] (Gateway istio-ingress/open) spec.servers[0].hosts[0]: host * on port"
                + " 80 accepts every Host header and exposes every VirtualService bound to this"
                + " Gateway; name the hosts it serves"),
        Validation.standard().validate(List.of(allowAll, open)).all().stream()
            .filter(f -> f.code().startsWith("SP2") || f.code().startsWith("SP3"))
            .map(Finding::toString)
            .toList());
    assertEquals(
        "app", Selectors.workloadSelector("app", "web").matchLabels().keySet().iterator().next());
  }
}
