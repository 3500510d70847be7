package dev.sailplan.core.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sailplan.core.k8s.Service;
import dev.sailplan.core.k8s.ServicePort;
import dev.sailplan.core.k8s.ServiceSpec;
import dev.sailplan.core.meta.ObjectMeta;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Analyzers see every object of a run together and report on any of them, at its fields' lines. */
class AnalyzerTest {
  /**
   * Reports a Service port that no container of the namespace's workloads declares, and every
   * container that runs as UID 1337.
   */
  private static final Analyzer PORTS =
      (mesh, reports) -> {
        for (Service s : mesh.all(Service.class)) {
          String ns = s.metadata().namespace().orElse("");
          List<ServicePort> ports = s.spec().map(ServiceSpec::ports).orElse(List.of());
          for (int i = 0; i < ports.size(); i++) {
            int port = ports.get(i).port();
            boolean declared =
                mesh.workloadsIn(ns).stream()
                    .flatMap(w -> w.ports().stream())
                    .anyMatch(p -> p.port() == port);
            if (!declared) {
              reports
                  .on(s)
                  .add(
                      "SP9001",
                      "IST9001",
                      Level.WARNING,
                      FieldPath.root().field("spec").field("ports").index(i).field("port"),
                      "",
                      "no container declares port " + port);
            }
          }
        }
        for (KubeObject w : mesh.objects()) {
          List<KubeObject.Container> containers = w.containers();
          for (int i = 0; i < containers.size(); i++) {
            if (containers.get(i).runAsUser().orElse(0) == 1337) {
              reports
                  .on(w)
                  .add(
                      "SP9002",
                      "",
                      Level.ERROR,
                      FieldPath.root()
                          .field("spec")
                          .field("template")
                          .field("spec")
                          .field("containers")
                          .index(i),
                      "",
                      "runs as 1337");
            }
          }
        }
      };

  private static final ValidationProvider PROVIDER =
      new ValidationProvider() {
        @Override
        public List<Analyzer> analyzers() {
          return List.of(PORTS);
        }
      };

  private static final String MESH =
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: web
        namespace: shop
      spec:
        ports:
        - name: http
          port: 8080
        - name: admin
          port: 9901
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        namespace: shop
      spec:
        template:
          metadata:
            labels: {app: web}
          spec:
            containers:
            - name: web
              ports:
              - containerPort: 8080
            - name: helper
              securityContext: {runAsUser: 1337}
      """;

  private final Validation validation =
      Validation.builder().provider(PROVIDER).defaultGateway(false).build();

  private static List<String> lines(Findings findings) {
    return findings.all().stream().map(Finding::toString).toList();
  }

  @Test
  void findingsAcrossResourcesGetTheLinesOfTheirFields() {
    assertEquals(
        List.of(
            "Warning [SP9001] (Service shop/web mesh.yaml:11) spec.ports[1].port: no container"
                + " declares port 9901",
            "Error [SP9002] (Deployment shop/web mesh.yaml:27) spec.template.spec.containers[1]:"
                + " runs as 1337"),
        lines(validation.validate(MESH, "mesh.yaml")));
  }

  @Test
  void inputThatCannotBeReadAgainGivesTheObjectsLines() throws IOException {
    assertEquals(
        List.of(
            "Warning [SP9001] (Service shop/web mesh.yaml:1) spec.ports[1].port: no container"
                + " declares port 9901",
            "Error [SP9002] (Deployment shop/web mesh.yaml:13) spec.template.spec.containers[1]:"
                + " runs as 1337"),
        lines(validation.validate(new StringReader(MESH), "mesh.yaml")));
  }

  @Test
  void annotationsSuppressFindingsAndAreCounted() throws IOException {
    String suppressed =
        MESH.replace(
                "  name: web\n  namespace: shop\nspec:\n  ports:",
                "  name: web\n  namespace: shop\n  annotations:\n"
                    + "    galley.istio.io/analyze-suppress: IST9001\nspec:\n  ports:")
            .replace(
                "  name: web\n  namespace: shop\nspec:\n  template:",
                "  name: web\n  namespace: shop\n  annotations: {sailplan.dev/suppress: \"SP1,"
                    + " SP9002\"}\nspec:\n  template:");
    Analysis a = validation.analyze(List.of(Input.of("mesh.yaml", suppressed)));
    assertEquals(List.of(), lines(a.findings()));
    assertEquals(2, a.suppressed());
  }

  @Test
  void suppressRulesOfTheBuilderDropFindingsEverywhereAndAreCounted() throws IOException {
    Validation quiet =
        Validation.builder()
            .provider(PROVIDER)
            .defaultGateway(false)
            .suppress(List.of(SuppressRule.parse("SP9002=Deployment shop/*")))
            .build();

    Analysis a = quiet.analyze(List.of(Input.of("mesh.yaml", MESH)));
    assertEquals(
        List.of(
            "Warning [SP9001] (Service shop/web mesh.yaml:11) spec.ports[1].port: no container"
                + " declares port 9901"),
        lines(a.findings()));
    assertEquals(1, a.suppressed());

    Service web =
        Service.builder()
            .metadata(ObjectMeta.ref("shop/web"))
            .spec(ServiceSpec.builder().addPorts(ServicePort.of("http", 8080)).build())
            .build();
    Validation noPorts =
        Validation.builder()
            .provider(PROVIDER)
            .defaultGateway(false)
            .suppress(List.of(SuppressRule.parse("SP9001=Service shop/w?b")))
            .build();
    assertEquals(List.of(), lines(noPorts.validate(List.of(web))));
    // Another object's findings stay.
    Service api =
        Service.builder()
            .metadata(ObjectMeta.ref("shop/api"))
            .spec(ServiceSpec.builder().addPorts(ServicePort.of("http", 8080)).build())
            .build();
    assertEquals(
        List.of(
            "Warning [SP9001] (Service shop/api) spec.ports[0].port: no container declares port"
                + " 8080"),
        lines(noPorts.validate(List.of(web, api))));
  }

  @Test
  void admissionFindingsAreNeverSuppressed() {
    Suppression all = Suppression.of(java.util.Map.of("sailplan.dev/suppress", "*"));
    assertTrue(all.suppresses("SP1001", ""));
    assertFalse(all.suppresses("SP0107", ""));
  }

  @Test
  void objectsWithAnAdmissionErrorAreLeftOut() {
    String broken =
        MESH.replace("  - name: http\n    port: 8080\n", "  - name: http\n    port: x\n");
    List<String> found = lines(validation.validate(broken, "mesh.yaml"));
    assertEquals(2, found.size(), found.toString());
    assertTrue(
        found.get(0).startsWith("Error [SP0006] (Service shop/web mesh.yaml:9)"), found.get(0));
    assertTrue(found.get(1).startsWith("Error [SP9002]"), found.get(1));
  }

  @Test
  void builtResourcesAreAnalysedToo() {
    Service web =
        Service.builder()
            .metadata(ObjectMeta.ref("shop/web"))
            .spec(ServiceSpec.builder().addPorts(ServicePort.of("http", 8080)).build())
            .build();
    assertEquals(
        List.of(
            "Warning [SP9001] (Service shop/web) spec.ports[0].port: no container declares port"
                + " 8080"),
        lines(validation.validate(List.of(web))));
  }

  @Test
  void istiosDefaultIngressGatewayIsAssumedButNeverReported() {
    List<Mesh> seen = new ArrayList<>();
    Validation assuming =
        Validation.builder()
            .provider(
                new ValidationProvider() {
                  @Override
                  public List<Analyzer> analyzers() {
                    return List.of((mesh, reports) -> seen.add(mesh), PORTS);
                  }
                })
            .build();
    // The assumed gateway's Service ports are declared by its assumed pods: no SP9001 on it.
    assertEquals(List.of(), assuming.validate(List.of()).all());
    Mesh mesh = seen.get(0);
    Service gateway =
        (Service) mesh.find("", "Service", "istio-system", "istio-ingressgateway").orElseThrow();
    assertTrue(mesh.isAssumed(gateway));
    assertFalse(mesh.hasWorkloads(), "the assumed gateway's pods are not the input's workloads");
    assertEquals(
        List.of(80, 443, 31400, 15443),
        gateway.spec().orElseThrow().ports().stream().map(ServicePort::port).toList());
    assertEquals(
        "ingressgateway", mesh.workloadsIn("istio-system").get(0).podLabels().get("istio"));

    seen.clear();
    Service own =
        Service.builder()
            .metadata(ObjectMeta.ref("istio-system/istio-ingressgateway"))
            .spec(ServiceSpec.builder().addPorts(ServicePort.of("http2", 80)).build())
            .build();
    assertEquals(
        List.of(
            "Warning [SP9001] (Service istio-system/istio-ingressgateway) spec.ports[0].port: no"
                + " container declares port 80"),
        lines(assuming.validate(List.of(own))));
    assertFalse(seen.get(0).isAssumed(seen.get(0).resources().get(0)));
    assertEquals(1, seen.get(0).resources().size());
  }

  @Test
  void assumedExternalHostsAndObjects() {
    Mesh mesh =
        Mesh.builder()
            .assumeExternal(
                List.of("*.payments.svc.cluster.local", "Service billing/*", "Namespace ops"))
            .build();
    assertTrue(mesh.isExternalHost("api.payments.svc.cluster.local"));
    assertFalse(mesh.isExternalHost("api.shop.svc.cluster.local"));
    assertTrue(mesh.isExternal("Service", "billing", "invoices"));
    assertFalse(mesh.isExternal("Service", "shop", "invoices"));
    assertFalse(mesh.isExternal("Gateway", "billing", "invoices"));
    assertTrue(mesh.isExternal("Namespace", "", "ops"));
    assertFalse(mesh.isExternalHost("Service billing/x"));
  }

  @Test
  void onlyTheKindsTheAnalyzersReadAreKeptWithWorkloads() {
    List<Mesh> seen = new ArrayList<>();
    Validation v =
        Validation.builder()
            .defaultGateway(false)
            .provider(
                new ValidationProvider() {
                  @Override
                  public List<Analyzer> analyzers() {
                    return List.of((mesh, reports) -> seen.add(mesh));
                  }

                  @Override
                  public java.util.Set<String> analyzedKinds() {
                    return java.util.Set.of("Service");
                  }
                })
            .build();
    v.validate(
        MESH
            + """
            ---
            apiVersion: v1
            kind: Namespace
            metadata: {name: shop}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings, namespace: shop}
            """,
        "mesh.yaml");
    Mesh mesh = seen.get(0);
    assertEquals(List.of("Service"), mesh.resources().stream().map(r -> r.kind()).toList());
    assertEquals(List.of("Deployment"), mesh.objects().stream().map(KubeObject::kind).toList());
  }
}
