package dev.sailplan.istio.internal.analysis;

import static dev.sailplan.istio.internal.analysis.SecurityPolicyAnalyzerTest.found;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sailplan.core.validation.Finding;
import dev.sailplan.core.validation.Validation;
import dev.sailplan.istio.Security;
import dev.sailplan.istio.Traffic;
import dev.sailplan.istio.networking.v1.ClientTLSMode;
import dev.sailplan.istio.networking.v1.ClientTLSSettings;
import dev.sailplan.istio.networking.v1.DestinationRule;
import dev.sailplan.istio.networking.v1.DestinationRuleSpec;
import dev.sailplan.istio.networking.v1.TrafficPolicy;
import dev.sailplan.istio.security.v1.MutualTLSMode;
import dev.sailplan.istio.security.v1.PeerAuthentication;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The DestinationRule TLS rules and the egress and workload rules. */
class SecurityTlsAnalyzerTest {
  @Test
  void originationWithoutVerification() {
    String yaml =
        """
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: external-api
          namespace: default
        spec:
          host: api.example.com
          trafficPolicy:
            tls:
              mode: SIMPLE
            portLevelSettings:
            - port:
                number: 8443
              tls:
                mode: SIMPLE
                caCertificates: /etc/ssl/certs/ca-certificates.crt
                sni: api.example.com
        """;
    assertEquals(
        List.of(
            "Warning [SP2006] (DestinationRule default/external-api mesh.yaml:10)"
                + " spec.trafficPolicy.tls.mode: TLS origination (SIMPLE) to api.example.com"
                + " without caCertificates (or credentialName), subjectAltNames, sni: the server's"
                + " certificate is not verified against a CA of yours; set caCertificates,"
                + " subjectAltNames and sni {IST0128}",
            "Warning [SP2006] (DestinationRule default/external-api mesh.yaml:14)"
                + " spec.trafficPolicy.portLevelSettings[0].tls: TLS origination (SIMPLE) to"
                + " api.example.com port 8443 without subjectAltNames: a certificate any server got"
                + " from the same CA is accepted; set caCertificates, subjectAltNames and sni"),
        found(yaml, "SP2006"));
  }

  @Test
  void originationThatVerifiesTheServer() {
    String yaml =
        """
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: external-api-tls-origination
          namespace: default
        spec:
          host: external-api.example.com
          trafficPolicy:
            tls:
              mode: SIMPLE
              caCertificates: /etc/ssl/certs/ca-certificates.crt
              subjectAltNames: ["external-api.example.com"]
              sni: external-api.example.com
        """;
    assertEquals(List.of(), found(yaml, "SP2006"));
  }

  @Test
  void istioMutualInsideTheMeshIsRedundant() {
    String yaml =
        """
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: reviews
          namespace: bookinfo
        spec:
          host: reviews
          trafficPolicy:
            tls:
              mode: ISTIO_MUTUAL
        ---
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: egress
          namespace: istio-egress
        spec:
          host: egress.example.com
          trafficPolicy:
            tls:
              mode: ISTIO_MUTUAL
        """;
    assertEquals(
        List.of(
            "Info [SP2007] (DestinationRule bookinfo/reviews mesh.yaml:10)"
                + " spec.trafficPolicy.tls.mode: ISTIO_MUTUAL toward the in-mesh host reviews is"
                + " what auto-mTLS already does; leave tls out for traffic inside the mesh"),
        found(yaml, "SP2007"));
  }

  private static final String STRICT_PAYMENTS =
      """
      apiVersion: security.istio.io/v1
      kind: PeerAuthentication
      metadata:
        name: default
        namespace: payments
      spec:
        mtls:
          mode: STRICT
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: db
        namespace: payments
      spec:
        selector:
          app: db
        ports:
        - name: tcp-mysql
          port: 3306
      ---
      apiVersion: security.istio.io/v1
      kind: PeerAuthentication
      metadata:
        name: db
        namespace: payments
      spec:
        selector:
          matchLabels:
            app: db
        mtls:
          mode: STRICT
        portLevelMtls:
          "3306":
            mode: DISABLE
      ---
      """;

  @Test
  void plaintextTowardAStrictNamespace() {
    String yaml =
        STRICT_PAYMENTS
            + """
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata:
              name: ledger
              namespace: shop
            spec:
              host: ledger.payments.svc.cluster.local
              trafficPolicy:
                tls:
                  mode: DISABLE
            """;
    assertEquals(
        List.of(
            "Error [SP2008] (DestinationRule shop/ledger mesh.yaml:46) spec.trafficPolicy.tls.mode:"
                + " DISABLE toward ledger.payments.svc.cluster.local, whose namespace payments is"
                + " STRICT (PeerAuthentication payments/default): the server accepts only Istio"
                + " mTLS and every request fails with 503; remove tls to use auto-mTLS"),
        found(yaml, "SP2008"));
  }

  @Test
  void plaintextToAPortExceptedFromStrict() {
    String yaml =
        STRICT_PAYMENTS
            + """
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata:
              name: db
              namespace: payments
            spec:
              host: db
              trafficPolicy:
                portLevelSettings:
                - port:
                    number: 3306
                  tls:
                    mode: DISABLE
            ---
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata:
              name: legacy
              namespace: shop
            spec:
              host: legacy.shop.svc.cluster.local
              trafficPolicy:
                tls:
                  mode: DISABLE
            """;
    assertEquals(List.of(), found(yaml, "SP2008"));
  }

  @Test
  void registryOnlyWithoutANetworkPolicy() {
    String yaml =
        """
        apiVersion: networking.istio.io/v1
        kind: Sidecar
        metadata:
          name: external-egress
          namespace: default
        spec:
          workloadSelector:
            labels:
              app: worker
          outboundTrafficPolicy:
            mode: REGISTRY_ONLY
          egress:
          - hosts:
            - "*/api.external.com"
        """;
    assertEquals(
        List.of(
            "Warning [SP2011] (Sidecar default/external-egress mesh.yaml:11)"
                + " spec.outboundTrafficPolicy.mode: REGISTRY_ONLY limits only the sidecar's routes"
                + " and no NetworkPolicy restricts egress in namespace default: a workload that"
                + " bypasses its sidecar reaches any address; add a NetworkPolicy with policyTypes"
                + " [Egress]"),
        found(yaml, "SP2011"));
  }

  @Test
  void registryOnlyWithANetworkPolicy() {
    String yaml =
        """
        apiVersion: networking.istio.io/v1
        kind: Sidecar
        metadata:
          name: external-egress
          namespace: default
        spec:
          outboundTrafficPolicy:
            mode: REGISTRY_ONLY
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: egress-lockdown
          namespace: default
        spec:
          podSelector: {}
          policyTypes: ["Egress"]
          egress:
          - to:
            - namespaceSelector:
                matchLabels:
                  kubernetes.io/metadata.name: istio-egress
        """;
    assertEquals(List.of(), found(yaml, "SP2011"));
  }

  private static final String DEPLOYMENT =
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
            securityContext: {runAsUser: 1337}
            containers:
            - name: web
              image: shop/web:1.0
            - name: istio-proxy
              image: auto
            - name: worker
              image: shop/worker:1.0
              securityContext: {runAsUser: 1000}
      """;

  @Test
  void applicationsRunningAsTheSidecarsUser() {
    assertEquals(
        List.of(
            "Error [SP2012] (Deployment shop/web mesh.yaml:15) spec.template.spec.containers[0]:"
                + " container web runs as UID 1337, reserved for the sidecar: its outbound traffic"
                + " bypasses the sidecar (no mTLS, no AuthorizationPolicy, no telemetry); run it as"
                + " another user {IST0144}"),
        found(DEPLOYMENT, "SP2012"));
    assertEquals(
        List.of(), found(DEPLOYMENT.replace("{runAsUser: 1337}", "{runAsUser: 1000}"), "SP2012"));
  }

  @Test
  void builtResourcesAreAnalysedToo() {
    PeerAuthentication strict =
        Security.peerAuthentication("payments/default", Security.mtls(MutualTLSMode.STRICT));
    DestinationRule plaintext =
        Traffic.destinationRule(
            "shop/ledger",
            DestinationRuleSpec.builder()
                .host("ledger.payments.svc.cluster.local")
                .trafficPolicy(
                    TrafficPolicy.builder()
                        .tls(ClientTLSSettings.builder().mode(ClientTLSMode.DISABLE).build())
                        .build())
                .build());
    assertEquals(
        List.of(
            "Error [SP2008] (DestinationRule shop/ledger) spec.trafficPolicy.tls.mode: DISABLE"
                + " toward ledger.payments.svc.cluster.local, whose namespace payments is STRICT"
                + " (PeerAuthentication payments/default): the server accepts only Istio mTLS and"
                + " every request fails with 503; remove tls to use auto-mTLS"),
        Validation.standard().validate(List.of(strict, plaintext)).all().stream()
            .filter(f -> f.code().startsWith("SP2"))
            .map(Finding::toString)
            .toList());
    // Removing the DestinationRule first is what a STRICT migration does: nothing to report.
    assertEquals(
        List.of(),
        Validation.standard().validate(List.of(strict)).all().stream()
            .filter(f -> f.code().startsWith("SP2"))
            .toList());
  }
}
