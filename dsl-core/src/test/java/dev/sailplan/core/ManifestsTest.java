package dev.sailplan.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sailplan.core.k8s.Namespace;
import dev.sailplan.core.k8s.Service;
import dev.sailplan.core.k8s.ServicePort;
import dev.sailplan.core.k8s.ServiceSpec;
import dev.sailplan.core.k8s.ServiceType;
import dev.sailplan.core.meta.ObjectMeta;
import dev.sailplan.core.problem.ManifestException;
import dev.sailplan.core.problem.Problem;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rendering and parsing through the facade, with the core kinds as the model. */
class ManifestsTest {
  private static final Service WEB =
      Service.builder()
          .metadata(
              ObjectMeta.ref("shop/web")
                  .withLabels(java.util.Map.of("app", "web", "tier", "front")))
          .spec(
              ServiceSpec.builder()
                  .type(ServiceType.CLUSTER_IP)
                  .putSelector("app", "web")
                  .addPorts(ServicePort.of("http", 80))
                  .build())
          .build();

  private static final String WEB_YAML =
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: web
        namespace: shop
        labels:
          app: web
          tier: front
      spec:
        type: ClusterIP
        selector:
          app: web
        ports:
        - name: http
          port: 80
      """;

  private static List<String> problems(String yaml) {
    ManifestException e =
        assertThrows(ManifestException.class, () -> Manifests.parse(yaml, "in.yaml"));
    return e.problems().stream().map(Problem::toString).toList();
  }

  @Test
  void rendersCanonicalYamlWithIdentityFirstAndSortedMaps() {
    assertEquals(WEB_YAML, Manifests.toYaml(WEB));
  }

  @Test
  void parsesWhatItRendersIntoAnEqualModel() {
    assertEquals(List.of(WEB), Manifests.parse(WEB_YAML, "web.yaml"));
    assertEquals(WEB, Manifests.parse(WEB_YAML, Service.class));
  }

  @Test
  void rendersSeveralResourcesAsOneStream() {
    Namespace shop = Namespace.named("shop");
    assertEquals(
        "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n---\n" + WEB_YAML,
        Manifests.toYaml(List.of(shop, WEB)));
  }

  @Test
  void readsEveryDocumentAndTheItemsOfAList() {
    String yaml =
        """
        # leading comment
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: shop}
        ---
        apiVersion: v1
        kind: List
        items:
        - apiVersion: v1
          kind: Namespace
          metadata: {name: a}
        - apiVersion: v1
          kind: Namespace
          metadata: {name: b}
        ---
        """;
    assertEquals(
        List.of(Namespace.named("shop"), Namespace.named("a"), Namespace.named("b")),
        Manifests.parse(yaml, "all.yaml"));
  }

  @Test
  void treatsNullValuesAsAbsent() {
    String yaml =
        "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  annotations:\n  labels: ~\n";
    assertEquals(Namespace.named("shop"), Manifests.parse(yaml, Namespace.class));
  }

  @Test
  void keepsAnExplicitNullCreationTimestampAsToolsWriteIt() {
    String yaml =
        "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  creationTimestamp: null\n";
    Namespace parsed = Manifests.parse(yaml, Namespace.class);
    assertEquals(
        java.util.Optional.of(dev.sailplan.core.value.Timestamp.NULL),
        parsed.metadata().creationTimestamp());
    assertEquals(yaml, Manifests.toYaml(parsed));
    assertEquals(
        "null", Manifests.toTree(parsed).path("metadata").path("creationTimestamp").toString());
    String stamped = yaml.replace("null", "\"2026-01-02T03:04:05Z\"");
    assertEquals(stamped, Manifests.toYaml(Manifests.parse(stamped, Namespace.class)));
  }

  @Test
  void reportsAWrongScalarTypeWithLineAndPath() {
    assertEquals(
        List.of(
            "in.yaml: document 1, line 7: spec.ports[0].port: expected an integer, not a string"),
        problems(
            "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: eighty\n"));
  }

  @Test
  void reportsAnUnknownFieldWithTheKnownOnes() {
    assertEquals(
        List.of(
            "in.yaml: document 1, line 5: metadata.nmae: unknown field (known: annotations,"
                + " creationTimestamp, deletionGracePeriodSeconds, deletionTimestamp, finalizers, generateName,"
                + " generation, labels, managedFields, name, namespace, ownerReferences, …)"),
        problems("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  nmae: typo\n"));
  }

  @Test
  void reportsAnUnknownKindOrApiVersion() {
    assertEquals(
        List.of(
            "in.yaml: document 1, line 1: apiVersion: unknown kind Widget (apiVersion example.dev/v1)",
            "in.yaml: document 2, line 4: apiVersion: unknown apiVersion v2 for kind Service (known: v1)"),
        problems("apiVersion: example.dev/v1\nkind: Widget\n---\napiVersion: v2\nkind: Service\n"));
  }

  @Test
  void reportsABadEnumValueWithTheAllowedOnes() {
    assertEquals(
        List.of(
            "in.yaml: document 1, line 6: spec.type: invalid value 'Internal'"
                + " (expected one of: ClusterIP, NodePort, LoadBalancer, ExternalName)"),
        problems(
            "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: Internal\n"));
  }

  @Test
  void reportsAMissingRequiredField() {
    assertEquals(
        List.of("in.yaml: document 1, line 7: spec.ports[0]: missing required field port"),
        problems(
            "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - name: http\n"));
  }

  @Test
  void reportsMissingIdentityAndNonMappingDocuments() {
    assertEquals(
        List.of(
            "in.yaml: document 1, line 1: kind: missing kind",
            "in.yaml: document 2, line 3: a manifest must be a mapping, not a list",
            "in.yaml: document 3, line 5: apiVersion: missing apiVersion"),
        problems("apiVersion: v1\n---\n- a\n---\nkind: Namespace\n"));
  }

  @Test
  void reportsMalformedYamlWithItsLine() {
    assertEquals(
        List.of(
            "in.yaml: document 1, line 3: malformed YAML: while parsing a flow sequence:"
                + " expected ',' or ']', but got <stream end>"),
        problems("apiVersion: v1\nkind: [Namespace\n"));
  }

  @Test
  void rejectsDuplicateKeys() {
    assertEquals(
        List.of("in.yaml: document 1, line 5: malformed YAML: Duplicate field 'name'"),
        problems("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n  name: b\n"));
  }

  @Test
  void rejectsAliasesInsteadOfReadingThemAsStrings() {
    assertEquals(
        List.of(
            "in.yaml: document 1, line 5: metadata.generateName: YAML aliases are not supported (*n):"
                + " write the value out in full"),
        problems(
            "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: &n shop\n  generateName: *n\n"));
  }

  @Test
  void anAliasBombFailsFast() {
    StringBuilder bomb =
        new StringBuilder(
            "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char c = 'b'; c <= 'j'; c++) {
      char p = (char) (c - 1);
      bomb.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        bomb.append(i == 0 ? "" : ",").append('*').append(p);
      }
      bomb.append("]\n");
    }
    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () ->
            assertEquals(
                List.of(
                    "in.yaml: document 1, line 2: b[0]: YAML aliases are not supported (*a): write the value out in full"),
                problems(bomb.toString())));
  }

  @Test
  void reportsProblemsOfEveryDocumentAndItem() {
    String yaml =
        """
        apiVersion: v1
        kind: List
        items:
        - apiVersion: v1
          kind: Namespace
          metadata: {name: ok}
        - apiVersion: v1
          kind: Service
          metadata: {name: web}
          spec: {ports: [{port: "80"}]}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: ok, color: red}
        """;
    assertEquals(
        List.of(
            "in.yaml: document 1, line 10: items[1].spec.ports[0].port: expected an integer, not a string",
            "in.yaml: document 2, line 14: metadata.color: unknown field (known: annotations, creationTimestamp,"
                + " deletionGracePeriodSeconds, deletionTimestamp, finalizers, generateName, generation, labels,"
                + " managedFields, name, namespace, ownerReferences, …)"),
        problems(yaml));
  }

  @Test
  void parsingOneOfATypeRejectsAnythingElse() {
    ManifestException e =
        assertThrows(
            ManifestException.class,
            () ->
                Manifests.parse(
                    "apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n", Service.class));
    assertEquals("expected one Service, found Namespace", e.getMessage());
  }

  private static List<String> uniqueProblems(String yaml) {
    ManifestException e =
        assertThrows(ManifestException.class, () -> Manifests.parseUnique(yaml, "in.yaml"));
    return e.problems().stream().map(Problem::toString).toList();
  }

  @Test
  void parseUniqueNamesBothDefinitionsOfAnObjectDefinedTwice() {
    String yaml =
        """
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: shop}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: other}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: shop}
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: web
          namespace: shop
        spec: {type: NodePort}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: shop}
        """;
    assertEquals(
        List.of(
            "in.yaml: document 4, line 13: Service shop/web is already defined in document 1, line 1",
            "in.yaml: document 5, line 20: Namespace shop is already defined in document 3, line 9"),
        uniqueProblems(yaml));
    assertEquals(
        5, Manifests.parse(yaml, "in.yaml").size(), "plain parse keeps both, as kubectl would");
  }

  @Test
  void parseUniqueFindsRepeatsAmongListItemsAndAcrossDocuments() {
    String yaml =
        """
        apiVersion: v1
        kind: List
        items:
        - apiVersion: v1
          kind: Namespace
          metadata: {name: a}
        - apiVersion: v1
          kind: Namespace
          metadata: {name: b}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: b}
        """;
    assertEquals(
        List.of(
            "in.yaml: document 2, line 11: Namespace b is already defined in document 1, line 7"),
        uniqueProblems(yaml));
  }

  @Test
  void parseUniqueAcceptsDistinctObjectsAndObjectsWithoutAName() {
    String yaml =
        """
        apiVersion: v1
        kind: Namespace
        metadata: {generateName: tmp-}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {generateName: tmp-}
        ---
        """
            + WEB_YAML;
    assertEquals(Manifests.parse(yaml, "in.yaml"), Manifests.parseUnique(yaml, "in.yaml"));
    assertEquals(3, Manifests.parseUnique(yaml, "in.yaml").size());
  }

  /**
   * Every problem of each document, each at its line (binding goes on past a failure); a YAML
   * syntax error stops only its own document, since a document marker at the start of a line always
   * starts the next one. A field of the wrong type is one problem, not also a missing required
   * field.
   */
  @Test
  void reportsEveryProblemOfEachDocumentAndASyntaxErrorInItsDocumentOnly() {
    String twoEach =
        """
        apiVersion: v1
        kind: Service
        metadata: {name: web, color: red}
        spec: {ports: [{port: "80"}]}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: ok, size: 3, color: blue}
        """;
    String known =
        " (known: annotations, creationTimestamp, deletionGracePeriodSeconds, deletionTimestamp,"
            + " finalizers, generateName, generation, labels, managedFields, name, namespace,"
            + " ownerReferences, …)";
    assertEquals(
        List.of(
            "in.yaml: document 1, line 3: metadata.color: unknown field" + known,
            "in.yaml: document 1, line 4: spec.ports[0].port: expected an integer, not a string",
            "in.yaml: document 2, line 8: metadata.size: unknown field" + known,
            "in.yaml: document 2, line 8: metadata.color: unknown field" + known),
        problems(twoEach));
    List<String> syntax =
        problems(twoEach + "---\napiVersion: v1\nkind: Namespace\nmetadata: [x\n");
    assertEquals(problems(twoEach), syntax.subList(0, 4));
    assertEquals(
        List.of(
            "in.yaml: document 3, line 13: malformed YAML: while parsing a flow sequence:"
                + " expected ',' or ']', but got <stream end>"),
        syntax.subList(4, syntax.size()));
  }

  /** Each problem of a list item is at its field's line inside the item, however many there are. */
  @Test
  void everyProblemOfAListItemIsAtItsFieldsLine() {
    assertEquals(
        List.of(
            "in.yaml: document 2, line 8: items[0].metadata.size: unknown field (known: annotations,"
                + " creationTimestamp, deletionGracePeriodSeconds, deletionTimestamp, finalizers,"
                + " generateName, generation, labels, managedFields, name, namespace,"
                + " ownerReferences, …)",
            "in.yaml: document 2, line 16: items[1].spec.ports[1].port: expected an integer, not a"
                + " string",
            "in.yaml: document 2, line 17: items[1].spec.ports[2].protocol: expected one of: TCP,"
                + " UDP, SCTP, not a list"),
        problems(
            """
            apiVersion: v1
            kind: Namespace
            metadata: {name: first}
            ---
            apiVersion: v1
            kind: List
            items:
            - {apiVersion: v1, kind: Namespace, metadata: {name: a, size: 3}}
            - apiVersion: v1
              kind: Service
              metadata:
                name: web
              spec:
                ports:
                - port: 80
                - port: "81"
                - {port: 82, protocol: [TCP]}
            """));
  }

  @Test
  void writeYamlFailsClosedOnAnErrorFinding() {
    Service marked =
        Service.builder()
            .spec(WEB.spec())
            .metadata(
                ObjectMeta.ref("shop/web")
                    .withLabels(
                        java.util.Map.of(dev.sailplan.core.fixture.MarkedInvalid.LABEL, "yes")))
            .build();
    StringBuilder out = new StringBuilder();
    dev.sailplan.core.validation.ValidationException e =
        assertThrows(
            dev.sailplan.core.validation.ValidationException.class,
            () -> Manifests.writeYaml(List.of(WEB, marked), out));
    assertEquals(
        "Error [SP0205] (Service shop/web) metadata.labels[sailplan.dev/test-invalid]: marked"
            + " invalid by the test",
        e.getMessage());
    assertEquals(1, e.findings().size());
    assertEquals("", out.toString());
  }
}
