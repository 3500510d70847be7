package dev.sailplan.istio.rollout;

import static dev.sailplan.istio.Selectors.workloadLabels;
import static dev.sailplan.istio.Traffic.egressHosts;
import static dev.sailplan.istio.Traffic.sidecar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sailplan.core.Manifests;
import dev.sailplan.core.fixture.Javac;
import dev.sailplan.core.k8s.Service;
import dev.sailplan.core.meta.ObjectMeta;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.plan.Plan;
import dev.sailplan.core.plan.ResourceKey;
import dev.sailplan.core.plan.Stage;
import dev.sailplan.core.plan.State;
import dev.sailplan.core.plan.Step;
import dev.sailplan.istio.networking.v1.SidecarSpec;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class EgressLockdownTest {
  private static final ExternalHost STRIPE = ExternalHost.https("api.stripe.com");
  private static final ExternalHost LEGACY =
      ExternalHost.http("legacy.example.com")
          .originateTls("/etc/ssl/certs/ca-certificates.crt", "legacy.example.com");
  private static final ExternalHost DB = ExternalHost.tcp("db.example.com", 5432);

  private static EgressLockdown direct() {
    return EgressLockdown.forNamespace("payments").allow(STRIPE, LEGACY).allow(DB).build();
  }

  private static EgressLockdown viaGateway() {
    return EgressLockdown.forNamespace("payments")
        .allow(STRIPE)
        .viaEgressGateway("istio-egress")
        .build();
  }

  /** Each stage as "label: +key, -key, ~key -> barrier". */
  private static List<String> outline(Plan plan) {
    return plan.stages().stream()
        .map(
            s ->
                s.label()
                    + ": "
                    + String.join(
                        ", ",
                        s.changes().stream()
                            .map(c -> (c.isDelete() ? "-" : c.isCreate() ? "+" : "~") + c.key())
                            .toList())
                    + " -> "
                    + s.then().value())
        .toList();
  }

  private static String yaml(EgressLockdown lockdown, String kind, String ref) {
    return Manifests.toYaml(
        lockdown.resources().stream()
            .filter(
                r ->
                    r.kind().equals(kind)
                        && (r.metadata().namespace().orElseThrow()
                                + "/"
                                + r.metadata().name().orElseThrow())
                            .equals(ref))
            .findFirst()
            .orElseThrow());
  }

  private static String message(Supplier<?> build) {
    return assertThrows(IllegalArgumentException.class, build::get).getMessage();
  }

  /** The index of the stage that changes the object, or -1. */
  private static int stageOf(Plan plan, String key) {
    List<Stage> stages = plan.stages();
    for (int i = 0; i < stages.size(); i++) {
      if (stages.get(i).changes().stream().anyMatch(c -> c.key().toString().equals(key))) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void entriesThenTheRegistryOnlySidecarThenTheNetworkPolicy() {
    EgressLockdown lockdown = direct();
    assertEquals("payments-egress-lockdown", lockdown.name());
    Plan plan = lockdown.plan();
    assertEquals(List.of("lockdown"), plan.steps().stream().map(Step::name).toList());
    assertEquals(
        List.of(
            // The TLS-origination rule reaches the mesh before its entry: plain HTTP never hits
            // port 443.
            "destinationrules-serviceentries: +DestinationRule payments/legacy-example-com,"
                + " +ServiceEntry payments/api-stripe-com, +ServiceEntry payments/db-example-com -> propagation",
            "serviceentries: +ServiceEntry payments/legacy-example-com -> propagation",
            "sidecars: +Sidecar payments/default -> propagation",
            "networkpolicies: +NetworkPolicy payments/egress-lockdown -> none"),
        outline(plan));
    assertEquals(
        "Sidecar payments/default provides registry-only payments before NetworkPolicy"
            + " payments/egress-lockdown uses it",
        plan.stages().get(2).reason());
    assertTrue(plan.current().isEmpty());
  }

  @Test
  void serviceEntries() {
    EgressLockdown lockdown = direct();
    assertEquals(
        """
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata:
          name: api-stripe-com
          namespace: payments
        spec:
          hosts:
          - api.stripe.com
          location: MESH_EXTERNAL
          ports:
          - name: https
            number: 443
            protocol: TLS
          resolution: DNS
        """,
        yaml(lockdown, "ServiceEntry", "payments/api-stripe-com"));
    assertEquals(
        """
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata:
          name: legacy-example-com
          namespace: payments
        spec:
          hosts:
          - legacy.example.com
          location: MESH_EXTERNAL
          ports:
          - name: http
            number: 80
            protocol: HTTP
            targetPort: 443
          resolution: DNS
        """,
        yaml(lockdown, "ServiceEntry", "payments/legacy-example-com"));
    assertEquals(
        """
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata:
          name: db-example-com
          namespace: payments
        spec:
          hosts:
          - db.example.com
          location: MESH_EXTERNAL
          ports:
          - name: tcp-5432
            number: 5432
            protocol: TCP
          resolution: DNS
        """,
        yaml(lockdown, "ServiceEntry", "payments/db-example-com"));
  }

  @Test
  void tlsOriginationVerifiesTheCaAndTheNameWithSni() {
    assertEquals(
        """
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: legacy-example-com
          namespace: payments
        spec:
          host: legacy.example.com
          trafficPolicy:
            tls:
              caCertificates: /etc/ssl/certs/ca-certificates.crt
              mode: SIMPLE
              sni: legacy.example.com
              subjectAltNames:
              - legacy.example.com
        """,
        yaml(direct(), "DestinationRule", "payments/legacy-example-com"));
  }

  @Test
  void theSidecarIsRegistryOnlyAndScoped() {
    assertEquals(
        """
        apiVersion: networking.istio.io/v1
        kind: Sidecar
        metadata:
          name: default
          namespace: payments
        spec:
          egress:
          - hosts:
            - ./*
            - istio-system/*
            - "*/api.stripe.com"
            - "*/legacy.example.com"
            - "*/db.example.com"
          outboundTrafficPolicy:
            mode: REGISTRY_ONLY
        """,
        yaml(direct(), "Sidecar", "payments/default"));
  }

  @Test
  void theNetworkPolicyAllowsDnsTheNamespaceIstiodAndTheAllowedPorts() {
    assertEquals(
        """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: egress-lockdown
          namespace: payments
        spec:
          podSelector: {}
          policyTypes:
          - Egress
          egress:
          - to:
            - namespaceSelector:
                matchLabels:
                  kubernetes.io/metadata.name: kube-system
            ports:
            - protocol: UDP
              port: 53
            - protocol: TCP
              port: 53
          - to:
            - podSelector: {}
          - to:
            - namespaceSelector:
                matchLabels:
                  kubernetes.io/metadata.name: istio-system
          - to:
            - ipBlock:
                cidr: 0.0.0.0/0
            ports:
            - protocol: TCP
              port: 443
            - protocol: TCP
              port: 5432
        """,
        yaml(direct(), "NetworkPolicy", "payments/egress-lockdown"));
  }

  @Test
  void viaAnEgressGatewayTheGatewayComesFirstAndOnlyItsNamespaceIsReachable() {
    EgressLockdown lockdown = viaGateway();
    Plan plan = lockdown.plan();
    // The VirtualService binds the Gateway, so it waits for it; the REGISTRY_ONLY Sidecar waits for
    // the mesh route that sends the host through the gateway (rule 3).
    assertEquals(
        List.of(
            "gateways-serviceentries: +Gateway istio-egress/egress-api-stripe-com, +ServiceEntry payments/api-stripe-com"
                + " -> propagation",
            "virtualservices: +VirtualService payments/egress-api-stripe-com -> propagation",
            "sidecars: +Sidecar payments/default" + " -> propagation",
            "networkpolicies: +NetworkPolicy payments/egress-lockdown -> none"),
        outline(plan));
    assertEquals(
        """
        apiVersion: networking.istio.io/v1
        kind: Gateway
        metadata:
          name: egress-api-stripe-com
          namespace: istio-egress
        spec:
          selector:
            istio: egressgateway
          servers:
          - hosts:
            - api.stripe.com
            port:
              name: tls
              number: 443
              protocol: TLS
            tls:
              mode: PASSTHROUGH
        """,
        yaml(lockdown, "Gateway", "istio-egress/egress-api-stripe-com"));
    assertEquals(
        """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: egress-api-stripe-com
          namespace: payments
        spec:
          exportTo:
          - "."
          - istio-egress
          gateways:
          - mesh
          - istio-egress/egress-api-stripe-com
          hosts:
          - api.stripe.com
          tls:
          - match:
            - gateways:
              - mesh
              port: 443
              sniHosts:
              - api.stripe.com
            route:
            - destination:
                host: istio-egressgateway.istio-egress.svc.cluster.local
                port:
                  number: 443
          - match:
            - gateways:
              - istio-egress/egress-api-stripe-com
              port: 443
              sniHosts:
              - api.stripe.com
            route:
            - destination:
                host: api.stripe.com
                port:
                  number: 443
        """,
        yaml(lockdown, "VirtualService", "payments/egress-api-stripe-com"));
    assertEquals(
        """
        apiVersion: networking.istio.io/v1
        kind: Sidecar
        metadata:
          name: default
          namespace: payments
        spec:
          egress:
          - hosts:
            - ./*
            - istio-system/*
            - istio-egress/*
            - "*/api.stripe.com"
          outboundTrafficPolicy:
            mode: REGISTRY_ONLY
        """,
        yaml(lockdown, "Sidecar", "payments/default"));
    String policy = yaml(lockdown, "NetworkPolicy", "payments/egress-lockdown");
    assertTrue(
        policy.endsWith(
            """
          - to:
            - namespaceSelector:
                matchLabels:
                  kubernetes.io/metadata.name: istio-system
          - to:
            - namespaceSelector:
                matchLabels:
                  kubernetes.io/metadata.name: istio-egress
        """),
        policy);
    assertTrue(!policy.contains("0.0.0.0/0"), policy);
  }

  @Test
  void everyOrderOfRuleThreeHolds() {
    for (EgressLockdown lockdown : List.of(direct(), viaGateway())) {
      Plan plan = lockdown.plan();
      int sidecar = stageOf(plan, "Sidecar payments/default");
      int policy = stageOf(plan, "NetworkPolicy payments/egress-lockdown");
      for (Resource r : lockdown.resources()) {
        if (r.kind().equals("ServiceEntry") || r.kind().equals("Gateway")) {
          assertTrue(stageOf(plan, ResourceKey.of(r).toString()) < sidecar, r.kind());
        }
        if (!r.kind().equals("NetworkPolicy")) {
          assertTrue(
              stageOf(plan, ResourceKey.of(r).toString()) < policy, ResourceKey.of(r).toString());
        }
      }
      assertEquals(plan.stages().size() - 1, policy);
    }
  }

  @Test
  void theCurrentStateIsKeptAndItsNamespaceSidecarReused() {
    Resource scoped =
        sidecar("payments/scoped", SidecarSpec.builder().addEgress(egressHosts("./*")).build());
    Resource workloadOnly =
        sidecar(
            "payments/batch",
            SidecarSpec.builder()
                .workloadSelector(workloadLabels("app", "batch"))
                .addEgress(egressHosts("./*"))
                .build());
    Resource service = Service.builder().metadata(ObjectMeta.ref("payments/api")).build();
    EgressLockdown lockdown =
        EgressLockdown.forNamespace("payments")
            .allow(STRIPE)
            .from(State.of(scoped, workloadOnly, service))
            .name("lock-payments")
            .build();
    Plan plan = lockdown.plan();
    assertEquals("lock-payments", plan.name());
    assertEquals(
        List.of(
            "serviceentries: +ServiceEntry payments/api-stripe-com -> propagation",
            "sidecars: ~Sidecar payments/scoped -> propagation",
            "networkpolicies: +NetworkPolicy payments/egress-lockdown -> none"),
        outline(plan));
    assertTrue(plan.desired().get(ResourceKey.of(workloadOnly)).isPresent());
    assertTrue(plan.desired().get(ResourceKey.of(service)).isPresent());
    assertTrue(
        plan.desired().keys().stream()
            .noneMatch(k -> k.toString().equals("Sidecar payments/default")));
  }

  @Test
  void externalHostsAreCheckedWhenMade() {
    assertEquals(
        "external host '*.stripe.com' is a wildcard; DNS resolution and a Sidecar allow-list need concrete"
            + " names",
        message(() -> ExternalHost.https("*.stripe.com")));
    assertEquals(
        "external host 'stripe' must be a fully qualified name outside the cluster, e.g. api.example.com",
        message(() -> ExternalHost.http("stripe")));
    assertEquals(
        "external host 'api.payments.svc.cluster.local' must be a fully qualified name outside the cluster,"
            + " e.g. api.example.com",
        message(() -> ExternalHost.https("api.payments.svc.cluster.local")));
    assertEquals(
        "external host 'API.stripe.com' is not a valid host name",
        message(() -> ExternalHost.https("API.stripe.com")));
    assertEquals(
        "port 0 of external host db.example.com is not within 1..65535",
        message(() -> ExternalHost.tcp("db.example.com", 0)));
    assertEquals(
        "port 70000 of external host db.example.com is not within 1..65535",
        message(() -> ExternalHost.tcp("db.example.com", 70000)));
    assertEquals(
        "TLS origination is for http hosts; api.stripe.com is https (the app's own bytes pass through)",
        message(() -> STRIPE.originateTls("/etc/ssl/certs/ca-certificates.crt", "api.stripe.com")));
    assertEquals(
        "TLS origination to legacy.example.com needs caCertificates",
        message(
            () -> ExternalHost.http("legacy.example.com").originateTls(" ", "legacy.example.com")));
    assertEquals(
        "TLS origination to legacy.example.com needs non-blank subjectAltNames",
        message(() -> ExternalHost.http("legacy.example.com").originateTls("/ca.crt", "")));
    assertEquals(443, LEGACY.wirePort());
    assertEquals(80, LEGACY.port());
    assertEquals("http://legacy.example.com:80 (TLS origination)", LEGACY.toString());
    assertEquals(ExternalHost.https("api.stripe.com"), STRIPE);
  }

  @Test
  void badLockdownsAreRejectedWithClearMessages() {
    assertEquals(
        "namespace 'Payments' is not a valid name (lower-case letters, digits and '-', at most 63, starting"
            + " and ending alphanumeric)",
        message(() -> EgressLockdown.forNamespace("Payments").allow(STRIPE).build()));
    assertEquals(
        "namespace 'istio-system' is the control plane's; lock down app namespaces",
        message(() -> EgressLockdown.forNamespace("istio-system").allow(STRIPE).build()));
    assertEquals(
        "external host api.stripe.com is allowed twice",
        message(
            () ->
                EgressLockdown.forNamespace("payments")
                    .allow(STRIPE, ExternalHost.tcp("api.stripe.com", 8443))
                    .build()));
    assertEquals(
        "external hosts a-b.example.com and a.b-example.com would both be named a-b-example-com",
        message(
            () ->
                EgressLockdown.forNamespace("payments")
                    .allow(
                        ExternalHost.https("a-b.example.com"),
                        ExternalHost.https("a.b-example.com"))
                    .build()));
    assertEquals(
        "the egress gateway runs in its own namespace, not in payments",
        message(
            () ->
                EgressLockdown.forNamespace("payments")
                    .allow(STRIPE)
                    .viaEgressGateway("payments")
                    .build()));
    assertEquals(
        "egress gateway namespace 'Egress' is not a valid name (lower-case letters, digits and '-', at most"
            + " 63, starting and ending alphanumeric)",
        message(
            () ->
                EgressLockdown.forNamespace("payments")
                    .allow(STRIPE)
                    .viaEgressGateway("Egress")
                    .build()));
    assertEquals(
        "via an egress gateway only https hosts can go (TLS passthrough on 443); db.example.com is tcp",
        message(
            () ->
                EgressLockdown.forNamespace("payments")
                    .allow(STRIPE, DB)
                    .viaEgressGateway("istio-egress")
                    .build()));
    assertEquals(
        "plan name 'lock_down' is not a valid name (lower-case letters, digits and '-', at most 63, starting"
            + " and ending alphanumeric)",
        message(
            () -> EgressLockdown.forNamespace("payments").allow(STRIPE).name("lock_down").build()));
  }

  @Test
  void hostsAreRequiredBeforeBuild() {
    assertEquals(
        List.of(Javac.noSuchMethod("build()", EgressLockdown.AllowStep.class)),
        Javac.errors("EgressLockdown.forNamespace(\"payments\").build()", EgressLockdown.class));
    assertEquals(
        List.of(
            Javac.noSuchMethod(
                "viaEgressGateway(java.lang.String)", EgressLockdown.AllowStep.class)),
        Javac.errors(
            "EgressLockdown.forNamespace(\"payments\").viaEgressGateway(\"istio-egress\")",
            EgressLockdown.class));
    assertEquals(
        List.of(),
        Javac.errors(
            "EgressLockdown.forNamespace(\"payments\")"
                + ".allow(ExternalHost.https(\"api.stripe.com\")).build()",
            EgressLockdown.class,
            ExternalHost.class));
    assertEquals(
        List.of(),
        Javac.errors(
            "EgressLockdown.forNamespace(\"payments\")"
                + ".allow(ExternalHost.https(\"api.stripe.com\")).allow(ExternalHost.tcp(\"db.example.com\", 5432))"
                + ".viaEgressGateway(\"istio-egress\").from(State.empty()).name(\"lockdown\").build()",
            EgressLockdown.class,
            ExternalHost.class,
            State.class));
  }
}
