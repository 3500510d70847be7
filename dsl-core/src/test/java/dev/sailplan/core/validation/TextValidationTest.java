package dev.sailplan.core.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sailplan.core.internal.KindFamilies;
import dev.sailplan.core.k8s.Namespace;
import dev.sailplan.core.kind.KindRegistry;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Validating text: every finding of every document, each at its line. */
class TextValidationTest {
  /** A schema for Service that checks port numbers and label values, and a check of Namespaces. */
  static final class TestProvider implements ValidationProvider {
    @Override
    public Map<String, TreeValidator> schemas() {
      return Map.of(
          "Service",
          (object, old, report) -> {
            FieldPath ports = FieldPath.root().field("spec").field("ports");
            JsonNode list = object.path("spec").path("ports");
            for (int i = 0; i < list.size(); i++) {
              if (list.get(i).path("port").asInt() > 65535) {
                report.error("SP0109", ports.index(i).field("port"), "must be at most 65535");
              }
            }
            object
                .path("metadata")
                .path("labels")
                .properties()
                .forEach(
                    e -> {
                      if (e.getValue().asText().contains(" ")) {
                        report.error(
                            "SP0205",
                            FieldPath.root().field("metadata").field("labels").key(e.getKey()),
                            "must not contain a space");
                      }
                    });
          });
    }

    @Override
    public List<ResourceCheck> checks() {
      return List.of(
          (resource, report) -> {
            if (resource instanceof Namespace n && n.metadata().name().orElse("").equals("bad")) {
              report.add(
                  "SP0401",
                  "IST0106",
                  Level.ERROR,
                  FieldPath.root().field("metadata").field("name"),
                  "",
                  "is refused");
            }
          });
    }
  }

  private static final Validation VALIDATION =
      Validation.builder().provider(new TestProvider()).build();

  @TempDir Path dir;

  private static List<String> findings(String yaml) {
    return VALIDATION.validate(yaml, "mesh.yaml").stream().map(Finding::toString).toList();
  }

  @Test
  void aValidStreamHasNoFindings() {
    assertEquals(
        List.of(),
        findings(
            """
            apiVersion: v1
            kind: Namespace
            metadata: {name: shop}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: shop}
            spec:
              ports:
              - port: 80
            """));
  }

  @Test
  void everySchemaProblemOfADocumentIsReportedAtTheLineOfItsField() {
    assertEquals(
        List.of(
            "Error [SP0205] (Service shop/web mesh.yaml:6) metadata.labels[app]: must not contain a"
                + " space",
            "Error [SP0109] (Service shop/web mesh.yaml:10) spec.ports[0].port: must be at most 65535",
            "Error [SP0109] (Service shop/web mesh.yaml:12) spec.ports[1].port: must be at most 65535"),
        findings(
            """
            apiVersion: v1
            kind: Service
            metadata:
              name: web
              namespace: shop
              labels: {app: my web}
            spec:
              ports:
              - name: a
                port: 70000
              - name: b
                port: 80000
            """));
  }

  @Test
  void aSchemaErrorSkipsTheBindAndTheChecksAndBindProblemsAreAllReported() {
    // The unknown field would be an SP0006, but the schema's Error comes first.
    assertEquals(
        List.of(
            "Error [SP0109] (Service web mesh.yaml:6) spec.ports[0].port: must be at most 65535"),
        findings(
            """
            apiVersion: v1
            kind: Service
            metadata: {name: web, colour: red}
            spec:
              ports:
              - port: 70000
            """));
    assertEquals(
        List.of(
            "Error [SP0006] (Service web mesh.yaml:3) metadata.colour: unknown field (known:"
                + " annotations, creationTimestamp, deletionGracePeriodSeconds, deletionTimestamp,"
                + " finalizers, generateName, generation, labels, managedFields, name, namespace,"
                + " ownerReferences, …)",
            "Error [SP0006] (Service web mesh.yaml:7) spec.ports[1].port: expected an integer, not a"
                + " string",
            "Error [SP0006] (Service web mesh.yaml:9) spec.ports[3]: missing required field port"),
        findings(
            """
            apiVersion: v1
            kind: Service
            metadata: {name: web, colour: red}
            spec:
              ports:
              - port: 80
              - port: "81"
              - port: 82
              - name: none
            """));
  }

  @Test
  void resourceChecksRunOnTheTypedResource() {
    assertEquals(
        List.of("Error [SP0401] (Namespace bad mesh.yaml:4) metadata.name: is refused"),
        findings(
            """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: bad
            """));
    assertEquals(
        "IST0106",
        VALIDATION
            .validate("apiVersion: v1\nkind: Namespace\nmetadata: {name: bad}\n", "")
            .all()
            .get(0)
            .istioCode());
  }

  @Test
  void aSyntaxErrorIsOneFindingAndTheOtherDocumentsAreStillRead() {
    assertEquals(
        List.of(
            "Error [SP0001] (mesh.yaml:4) malformed YAML: while parsing a flow sequence: expected ','"
                + " or ']', but got <stream end>",
            "Error [SP0109] (Service web mesh.yaml:9) spec.ports[0].port: must be at most 65535"),
        findings(
            """
            apiVersion: v1
            kind: Namespace
            metadata: [x
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec:
              ports: [{port: 99999}]
            """));
  }

  @Test
  void theParsersSafetyLimitsAreReadingErrorsWithTheirMessages() {
    assertEquals(
        List.of(
            "Error [SP0001] (mesh.yaml:5) metadata.labels[\"<<\"]: merge keys (<<) are not"
                + " supported: write the merged fields out in full",
            "Error [SP0001] (mesh.yaml:9) metadata.name: YAML tags are not supported (!foo): remove"
                + " it (quote the value to make it a string)",
            "Error [SP0001] (mesh.yaml:14) spec: YAML aliases are not supported (*m): write the"
                + " value out in full"),
        findings(
            """
            apiVersion: v1
            kind: Namespace
            metadata:
              labels:
                <<: {a: b}
            ---
            apiVersion: v1
            kind: Namespace
            metadata: {name: !foo x}
            ---
            apiVersion: v1
            kind: Namespace
            metadata: &m {name: y}
            spec: *m
            """));
  }

  @Test
  void aDocumentThatIsNotAMappingOrLacksApiVersionOrKind() {
    assertEquals(
        List.of(
            "Error [SP0001] (mesh.yaml:1) a manifest must be a mapping, not a list",
            "Error [SP0002] (mesh.yaml:3) apiVersion: missing apiVersion",
            "Error [SP0002] (mesh.yaml:3) kind: missing kind",
            "Error [SP0002] (Namespace x mesh.yaml:5) apiVersion: missing apiVersion"),
        findings("- a\n---\nmetadata: {name: x}\n---\nkind: Namespace\nmetadata: {name: x}\n"));
  }

  @Test
  void unknownKindsOfModelledGroupsAreErrorsAndOtherGroupsAreSkipped() {
    assertEquals(
        List.of(
            "Error [SP0003] (VirtualServise default/r mesh.yaml:1) apiVersion: unknown kind"
                + " VirtualServise (apiVersion networking.istio.io/v1)",
            "Error [SP0003] (Service web mesh.yaml:5) apiVersion: unknown apiVersion v2 for kind"
                + " Service (known: v1)",
            "Info [SP0004] (Certificate default/c mesh.yaml:9) apiVersion cert-manager.io/v1 is not"
                + " a group Sailplan models; the object is not checked",
            "Info [SP0004] (IstioOperator istio-system/control-plane mesh.yaml:14) apiVersion"
                + " install.istio.io/v1alpha1 is not a group Sailplan models; the object is not"
                + " checked"),
        findings(
            """
            apiVersion: networking.istio.io/v1
            kind: VirtualServise
            metadata: {name: r, namespace: default}
            ---
            apiVersion: v2
            kind: Service
            metadata: {name: web}
            ---
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata: {name: c, namespace: default}
            spec: {anything: [goes]}
            ---
            apiVersion: install.istio.io/v1alpha1
            kind: IstioOperator
            metadata: {name: control-plane, namespace: istio-system}
            spec: {profile: minimal}
            """));
  }

  @Test
  void kubernetesKindsSailplanDoesNotModelAreReadWithoutFindings() throws IOException {
    String yaml =
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
          labels: {app: web}
        spec:
          template:
            metadata:
              labels: {app: web, version: v1}
              annotations: {sidecar.istio.io/inject: "true"}
            spec:
              securityContext: {runAsUser: 1337}
              containers:
              - name: web
                ports:
                - {name: http, containerPort: 8080}
                - {containerPort: 9090, protocol: UDP}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: settings, namespace: shop}
        data: {a: b}
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: nightly}
        spec:
          jobTemplate:
            spec:
              template:
                metadata: {labels: {job: nightly}}
        """;
    Analyzer none = (mesh, reports) -> {};
    TextValidation run =
        new TextValidation(
            Map.of(),
            Map.of(),
            List.of(),
            List.of(none),
            "istio-system",
            false,
            new KindFamilies(KindRegistry.discover()));
    run.read(Input.of("mesh.yaml", yaml));
    assertEquals(new Analysis(Findings.none(), 3), run.result());
    KubeObject deployment = run.generic.get(0);
    assertEquals(
        List.of(
            "apps/v1 Deployment shop/web",
            "{app=web}",
            "{app=web, version=v1}",
            "{sidecar.istio.io/inject=true}",
            "[Container[name=web, init=false, ports=[ContainerPort[name=http, port=8080,"
                + " protocol=TCP], ContainerPort[name=, port=9090, protocol=UDP]],"
                + " runAsUser=OptionalLong[1337]]]"),
        List.of(
            deployment.apiVersion()
                + " "
                + deployment.kind()
                + " "
                + deployment.namespace()
                + "/"
                + deployment.name(),
            deployment.labels().toString(),
            deployment.podLabels().toString(),
            deployment.podAnnotations().toString(),
            deployment.containers().toString()));
    assertEquals(Map.of("job", "nightly"), run.generic.get(2).podLabels());
    assertEquals("ConfigMap", run.generic.get(1).kind());
  }

  @Test
  void theItemsOfAListCarryTheirOwnLines() {
    assertEquals(
        List.of(
            "Error [SP0002] (mesh.yaml:4) apiVersion: missing apiVersion",
            "Error [SP0002] (mesh.yaml:4) kind: missing kind",
            "Error [SP0001] (mesh.yaml:5) items[1]: a list item must be a mapping",
            "Error [SP0006] (Namespace b mesh.yaml:10) metadata.size: unknown field (known:"
                + " annotations, creationTimestamp, deletionGracePeriodSeconds, deletionTimestamp,"
                + " finalizers, generateName, generation, labels, managedFields, name, namespace,"
                + " ownerReferences, …)",
            "Error [SP0109] (Service web mesh.yaml:17) spec.ports[0].port: must be at most 65535"),
        findings(
            """
            apiVersion: v1
            kind: List
            items:
            - metadata: {name: a}
            - plain
            - apiVersion: v1
              kind: Namespace
              metadata:
                name: b
                size: 3
            - apiVersion: v1
              kind: Service
              metadata:
                name: web
              spec:
                ports:
                - port: 70000
            """));
  }

  @Test
  void anObjectDefinedTwiceInAnyInputsIsNamedWithBothPlaces() throws IOException {
    Path a = dir.resolve("a.yaml");
    Path b = dir.resolve("b.yaml");
    Files.writeString(a, "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n");
    Files.writeString(
        b,
        """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: c}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: shop}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: c}
        """);
    List<Finding> found = VALIDATION.validate(a, b).all();
    assertEquals(
        List.of(
            "Error [SP0005] (Namespace shop "
                + b
                + ":5) Namespace shop is already defined at "
                + a
                + ":1",
            "Error [SP0005] (ConfigMap c "
                + b
                + ":9) ConfigMap c is already defined at "
                + b
                + ":1"),
        found.stream().map(Finding::toString).toList());
  }

  @Test
  void textThatIsNotUtf8IsAReadingErrorAtItsLine() throws IOException {
    Path bad = dir.resolve("bad.yaml");
    byte[] text =
        "apiVersion: v1\nkind: Namespace\nmetadata: {name: x\u00e9}\n"
            .getBytes(StandardCharsets.ISO_8859_1);
    Files.write(bad, text);
    assertEquals(
        List.of("Error [SP0001] (" + bad + ":3) not valid UTF-8"),
        VALIDATION.validate(bad).stream().map(Finding::toString).toList());
  }

  @Test
  void aStreamIsReadFromAReaderAndStandardInputHasNoFileName() throws IOException {
    Findings found =
        VALIDATION.validate(
            new StringReader(
                "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {ports: [{port: 70000}]}\n"),
            "");
    assertEquals(
        List.of("Error [SP0109] (Service web) spec.ports[0].port: must be at most 65535"),
        found.stream().map(Finding::toString).toList());
    assertEquals(4, found.all().get(0).line());
  }

  @Test
  void theDefaultGatewayAndRootNamespaceAreOptions() {
    assertEquals(true, Validation.builder().build().defaultGateway());
    Validation v = Validation.builder().defaultGateway(false).rootNamespace("mesh-root").build();
    assertEquals(List.of(false, "mesh-root"), List.of(v.defaultGateway(), v.rootNamespace()));
  }
}
