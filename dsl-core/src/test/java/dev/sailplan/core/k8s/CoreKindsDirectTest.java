package dev.sailplan.core.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sailplan.core.CanonicalYaml;
import dev.sailplan.core.Manifests;
import dev.sailplan.core.internal.ManifestParser;
import dev.sailplan.core.kind.KindInfo;
import dev.sailplan.core.kind.KindRegistry;
import dev.sailplan.core.meta.ObjectMeta;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.value.IntOrString;
import dev.sailplan.core.yaml.YamlWritable;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The core kinds take the same paths as the generated kinds of the other modules: a generated
 * reader registered with the kind (no tree bind), a generated writer (no tree render), and both
 * agree with the full Jackson paths.
 */
class CoreKindsDirectTest {
  private static final ManifestParser PARSER = new ManifestParser(KindRegistry.discover());

  /** Every field the model has, in canonical order, so that the text round-trips byte for byte. */
  private static final String NAMESPACE =
      """
      apiVersion: v1
      kind: Namespace
      metadata:
        name: bookinfo
        labels:
          istio-injection: enabled
      spec:
        finalizers:
        - kubernetes
      status:
        phase: Active
      """;

  private static final String SERVICE =
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: istio-ingressgateway
        namespace: istio-system
      spec:
        type: LoadBalancer
        selector:
          istio: ingressgateway
        ports:
        - name: http2
          protocol: TCP
          appProtocol: http
          port: 80
          targetPort: 8080
          nodePort: 31380
        - name: status-port
          port: 15021
          targetPort: status
        clusterIP: "10.96.0.15"
        clusterIPs:
        - "10.96.0.15"
        externalIPs:
        - "203.0.113.9"
        externalName: gateway.example.com
        externalTrafficPolicy: Local
        internalTrafficPolicy: Cluster
        trafficDistribution: PreferClose
        sessionAffinity: ClientIP
        sessionAffinityConfig:
          clientIP:
            timeoutSeconds: 600
        ipFamilies:
        - IPv4
        - IPv6
        ipFamilyPolicy: PreferDualStack
        loadBalancerIP: "203.0.113.10"
        loadBalancerSourceRanges:
        - 198.51.100.0/24
        loadBalancerClass: example.com/lb
        allocateLoadBalancerNodePorts: false
        healthCheckNodePort: 32000
        publishNotReadyAddresses: true
      status:
        loadBalancer:
          ingress:
          - ip: "203.0.113.10"
      """;

  private static final String SERVICE_ACCOUNT =
      """
      apiVersion: v1
      kind: ServiceAccount
      metadata:
        name: bookinfo-reviews
        namespace: bookinfo
      automountServiceAccountToken: false
      secrets:
      - apiVersion: v1
        kind: Secret
        namespace: bookinfo
        name: reviews-token
        uid: 5f1e6c0a-0000-4000-8000-000000000001
        resourceVersion: "42"
        fieldPath: data
      imagePullSecrets:
      - name: registry-credentials
      """;

  private static final String NETWORK_POLICY =
      """
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: reviews
        namespace: bookinfo
      spec:
        podSelector:
          matchLabels:
            app: reviews
          matchExpressions:
          - key: version
            operator: In
            values:
            - v1
            - v2
          - key: canary
            operator: DoesNotExist
        policyTypes:
        - Ingress
        - Egress
        ingress:
        - from:
          - podSelector:
              matchLabels:
                app: productpage
            namespaceSelector:
              matchLabels:
                kubernetes.io/metadata.name: bookinfo
          ports:
          - protocol: TCP
            port: 9080
          - protocol: TCP
            port: 32000
            endPort: 32768
        egress:
        - to:
          - ipBlock:
              cidr: 10.0.0.0/8
              except:
              - 10.1.0.0/16
          ports:
          - protocol: UDP
            port: dns
      """;

  /** A ClusterRole with every field, as the aggregated {@code view} role of a cluster. */
  private static final String CLUSTER_ROLE =
      """
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata:
        name: sailplan:mesh-view
        labels:
          rbac.authorization.k8s.io/aggregate-to-view: "true"
      aggregationRule:
        clusterRoleSelectors:
        - matchLabels:
            sailplan.dev/aggregate-to-mesh-view: "true"
      rules:
      - apiGroups:
        - networking.istio.io
        resources:
        - virtualservices
        resourceNames:
        - bookinfo
        verbs:
        - get
      - nonResourceURLs:
        - /healthz
        verbs:
        - get
      """;

  private static final String ROLE =
      """
      apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata:
        name: config-reader
        namespace: bookinfo
      rules:
      - apiGroups:
        - ""
        resources:
        - configmaps
        verbs:
        - get
        - list
      """;

  private static final String ROLE_BINDING =
      """
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata:
        name: sailplan:service-owner
        namespace: bookinfo
      subjects:
      - kind: Group
        name: bookinfo-team
        apiGroup: rbac.authorization.k8s.io
      - kind: ServiceAccount
        name: deployer
        namespace: ci
      roleRef:
        kind: ClusterRole
        name: sailplan:service-owner
        apiGroup: rbac.authorization.k8s.io
      """;

  private static final String CLUSTER_ROLE_BINDING =
      """
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata:
        name: mesh-view
      subjects:
      - kind: User
        name: jane@example.com
        apiGroup: rbac.authorization.k8s.io
      roleRef:
        kind: ClusterRole
        name: sailplan:mesh-view
        apiGroup: rbac.authorization.k8s.io
      """;

  @Test
  void everyCoreKindIsRegisteredWithAReader() {
    List<KindInfo> kinds = new CoreKinds().kinds();
    assertEquals(
        List.of(
            "Namespace",
            "Service",
            "ServiceAccount",
            "NetworkPolicy",
            "Role",
            "RoleBinding",
            "ClusterRole",
            "ClusterRoleBinding"),
        kinds.stream().map(KindInfo::kind).toList());
    for (KindInfo info : kinds) {
      assertTrue(info.reader().isPresent(), info.kind() + " has no direct reader");
      // Manifests.parse resolves through the discovered registry: its entry must carry the reader.
      KindInfo found =
          KindRegistry.discover().find(info.preferredApiVersion(), info.kind()).orElseThrow();
      assertTrue(found.reader().isPresent(), info.kind());
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Namespace",
        "Service",
        "ServiceAccount",
        "NetworkPolicy",
        "Role",
        "RoleBinding",
        "ClusterRole",
        "ClusterRoleBinding"
      })
  void everyFieldTakesTheDirectPathAgreesWithTheFullPathAndRoundTrips(String kind) {
    String yaml =
        switch (kind) {
          case "Namespace" -> NAMESPACE;
          case "Service" -> SERVICE;
          case "ServiceAccount" -> SERVICE_ACCOUNT;
          case "Role" -> ROLE;
          case "RoleBinding" -> ROLE_BINDING;
          case "ClusterRole" -> CLUSTER_ROLE;
          case "ClusterRoleBinding" -> CLUSTER_ROLE_BINDING;
          default -> NETWORK_POLICY;
        };
    Resource r = directOne(yaml);
    assertEquals(kind, r.kind());
    assertInstanceOf(YamlWritable.class, r, "rendered without a tree");
    assertEquals(yaml, Manifests.toYaml(r));
    // The direct writer and the Jackson tree give the same bytes.
    assertEquals(CanonicalYaml.toYaml(Manifests.toTree(r)), Manifests.toYaml(r));
  }

  @Test
  void theDirectReaderBuildsTheTypedValues() {
    Service svc = (Service) directOne(SERVICE);
    ServiceSpec spec = svc.spec().orElseThrow();
    assertEquals(Optional.of(ServiceType.LOAD_BALANCER), spec.type());
    assertEquals(
        ServicePort.builder()
            .name("http2")
            .protocol(Protocol.TCP)
            .appProtocol("http")
            .port(80)
            .targetPort(IntOrString.of(8080))
            .nodePort(31380)
            .build(),
        spec.ports().get(0));
    assertEquals(IntOrString.of("status"), spec.ports().get(1).targetPort().orElseThrow());
    assertEquals(32000, spec.healthCheckNodePort().getAsInt());
    assertEquals(
        600,
        spec.sessionAffinityConfig().orElseThrow().path("clientIP").path("timeoutSeconds").asInt());

    NetworkPolicy np = (NetworkPolicy) directOne(NETWORK_POLICY);
    NetworkPolicySpec nps = np.spec().orElseThrow();
    assertEquals(
        List.of(
            LabelSelectorRequirement.in("version", "v1", "v2"),
            LabelSelectorRequirement.doesNotExist("canary")),
        nps.podSelector().matchExpressions());
    assertEquals(
        NetworkPolicyPeer.builder().ipBlock(IPBlock.of("10.0.0.0/8", "10.1.0.0/16")).build(),
        nps.egress().get(0).to().get(0));
    assertEquals(
        NetworkPolicyPort.builder().protocol(Protocol.UDP).port(IntOrString.of("dns")).build(),
        nps.egress().get(0).ports().get(0));

    ServiceAccount sa = (ServiceAccount) directOne(SERVICE_ACCOUNT);
    assertEquals(
        List.of(LocalObjectReference.named("registry-credentials")), sa.imagePullSecrets());
    assertEquals(Optional.of("42"), sa.secrets().get(0).resourceVersion());
  }

  @Test
  void theFactoriesBuildWhatTheDirectPathReads() {
    assertEquals(
        Namespace.named("shop"),
        directOne("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n"));
    assertEquals(
        ServiceAccount.ref("shop/web"),
        directOne(
            "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: web\n  namespace: shop\n"));
    Service web =
        Service.builder()
            .metadata(ObjectMeta.ref("shop/web"))
            .spec(
                ServiceSpec.builder()
                    .putSelector("app", "web")
                    .addPorts(ServicePort.of("http", 80, 8080))
                    .build())
            .build();
    assertEquals(web, directOne(Manifests.toYaml(web)));
  }

  @Test
  void aMixedStreamIsReadDirectlyInOnePass() {
    List<Resource> all =
        direct(
            NAMESPACE + "---\n" + SERVICE + "---\n" + SERVICE_ACCOUNT + "---\n" + NETWORK_POLICY);
    assertEquals(
        List.of("Namespace", "Service", "ServiceAccount", "NetworkPolicy"),
        all.stream().map(Resource::kind).toList());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "apiVersion: v1\nkind: Service\nmetadata:\n  name: a\nspec:\n  type: Headless\n", // not a
        // type
        "apiVersion: v1\nkind: Service\nmetadata:\n  name: a\nspec:\n  ports:\n  - name: http\n", // no port
        "apiVersion: v1\nkind: Service\nmetadata:\n  name: a\nspec:\n  selectr: {}\n", // a typo
        "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: a\nspec: {}\n", // no podSelector
        """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: a
        spec:
          podSelector: {}
          ingress:
          - from:
            - {}
        """
      }) // an empty peer
  void whatTheFullPathRejectsTheDirectPathLeavesToIt(String yaml) {
    assertEquals(Optional.empty(), PARSER.parseDirect(yaml));
  }

  private static List<Resource> direct(String yaml) {
    Optional<List<Resource>> direct = PARSER.parseDirect(yaml);
    assertTrue(direct.isPresent(), () -> "the direct path fell back on:\n" + yaml);
    assertEquals(
        PARSER.parseFull(yaml, "in.yaml"), direct.get(), () -> "the paths disagree on:\n" + yaml);
    return direct.get();
  }

  private static Resource directOne(String yaml) {
    List<Resource> all = direct(yaml);
    assertEquals(1, all.size());
    return all.get(0);
  }
}
