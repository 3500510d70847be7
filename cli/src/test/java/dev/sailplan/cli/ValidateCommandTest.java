package dev.sailplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sailplan validate}: formats, exit statuses, options. */
class ValidateCommandTest {
  @TempDir Path dir;

  record Run(int status, String out, String err) {}

  static Run withStdin(String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status =
        Sailplan.run(
            args,
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            new PrintWriter(out, true),
            new PrintWriter(err, true));
    return new Run(status, out.toString(), err.toString());
  }

  static Run sailplan(String... args) {
    return withStdin("", args);
  }

  private static String namespace(String name, String finding) {
    return "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: "
        + name
        + "\n  labels:\n    test-finding: "
        + finding
        + "\n";
  }

  private Path file(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  private Path mesh() throws IOException {
    return file(
        "mesh.yaml",
        namespace("a", "error")
            + "---\n"
            + namespace("b", "warning")
            + "---\n"
            + namespace("c", "info"));
  }

  @Test
  void textIsOneLinePerFindingAndErrorsExitOne() throws IOException {
    Path mesh = mesh();
    assertEquals(
        new Run(
            1,
            "Error [SP0205] (Namespace a "
                + mesh
                + ":6) metadata.labels[test-finding]: is an error\n"
                + "Warning [SP0401] (Namespace b "
                + mesh
                + ":13) metadata.labels[test-finding]: is a warning\n"
                + "Info [SP0110] (Namespace c "
                + mesh
                + ":20) metadata.labels[test-finding]: is advice\n",
            ""),
        sailplan("validate", mesh.toString()));
  }

  @Test
  void noFindingsIsExitZeroWithTheSummaryOnStderr() throws IOException {
    Path ok = file("ok.yaml", namespace("a", "none") + "---\n" + namespace("b", "none"));
    assertEquals(
        new Run(0, "", "✔ No validation issues found in 2 documents.\n"),
        sailplan("validate", ok.toString()));
  }

  @Test
  void failOnChoosesTheLeastSeriousLevelThatFails() throws IOException {
    Path warning = file("w.yaml", namespace("b", "warning"));
    Path info = file("i.yaml", namespace("c", "info"));
    assertEquals(0, sailplan("validate", warning.toString()).status());
    assertEquals(1, sailplan("validate", "--fail-on", "warning", warning.toString()).status());
    assertEquals(0, sailplan("validate", "--fail-on", "warning", info.toString()).status());
    assertEquals(1, sailplan("validate", "--fail-on", "info", info.toString()).status());
    assertEquals(0, sailplan("validate", "--fail-on", "none", mesh().toString()).status());
  }

  @Test
  void jsonIsOneSortedArrayWithOptionalFieldsLeftOut() throws IOException {
    Path mesh = mesh();
    Run r = sailplan("validate", "--format", "json", mesh.toString());
    assertEquals(1, r.status());
    assertEquals("", r.err());
    JsonNode array = new ObjectMapper().readTree(r.out());
    assertEquals(3, array.size());
    assertEquals(
        new ObjectMapper()
            .readTree(
                """
                {"code": "SP0401", "istioCode": "IST0106", "level": "Warning",
                 "origin": "Namespace b", "file": "%s", "line": 13,
                 "path": "metadata.labels[test-finding]", "message": "is a warning",
                 "documentationUrl": "https://sailplan.dev/docs/validation#sp0401"}
                """
                    .formatted(mesh.toString().replace("\\", "\\\\"))),
        array.get(1));
    assertFalse(array.get(0).has("istioCode"));
    assertEquals(
        List.of("code", "level", "origin", "file", "line", "path", "message", "documentationUrl"),
        List.copyOf(iterable(array.get(0).fieldNames())));
  }

  private static <T> List<T> iterable(java.util.Iterator<T> it) {
    List<T> out = new java.util.ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }

  @Test
  void standardInputHasNoFileAndAReadingErrorHasNoPath() {
    Run r = withStdin("kind: Namespace\n", "validate", "--format", "json", "-");
    assertEquals(1, r.status());
    assertEquals(
        """
        [ {
          "code" : "SP0002",
          "level" : "Error",
          "origin" : "Namespace",
          "line" : 1,
          "path" : "apiVersion",
          "message" : "missing apiVersion",
          "documentationUrl" : "https://sailplan.dev/docs/validation#sp0002"
        } ]
        """,
        r.out());
    Run syntax = withStdin("a: [\n", "validate", "-");
    assertEquals(
        new Run(
            1,
            "Error [SP0001] malformed YAML: while parsing a flow node: expected the node content,"
                + " but found '<stream end>'\n",
            ""),
        syntax);
  }

  @Test
  void sarifHasTheRequiredShapeOfSarif210() throws IOException {
    Path mesh = mesh();
    Run r = sailplan("validate", "--format", "sarif", mesh.toString());
    assertEquals(1, r.status());
    JsonNode log = new ObjectMapper().readTree(r.out());
    // sarifLog: version and runs are required.
    assertEquals("2.1.0", log.path("version").asText());
    assertEquals(1, log.path("runs").size());
    JsonNode run = log.path("runs").get(0);
    // run.tool.driver.name is required; rules are reportingDescriptors with an id.
    JsonNode driver = run.path("tool").path("driver");
    assertEquals("sailplan", driver.path("name").asText());
    assertEquals(
        List.of("SP0110", "SP0205", "SP0401"),
        iterable(driver.path("rules").elements()).stream()
            .map(n -> n.path("id").asText())
            .toList());
    for (JsonNode rule : driver.path("rules")) {
      assertTrue(rule.path("shortDescription").path("text").isTextual(), rule.toString());
    }
    // result: message.text is required; level is one of the SARIF levels; ruleIndex points at
    // the rule of ruleId.
    Set<String> levels = Set.of("none", "note", "warning", "error");
    List<String> seen = new java.util.ArrayList<>();
    for (JsonNode result : run.path("results")) {
      assertTrue(result.path("message").path("text").isTextual(), result.toString());
      assertTrue(levels.contains(result.path("level").asText()), result.toString());
      assertEquals(
          result.path("ruleId").asText(),
          driver.path("rules").get(result.path("ruleIndex").asInt()).path("id").asText());
      JsonNode location = result.path("locations").get(0);
      JsonNode physical = location.path("physicalLocation");
      assertTrue(physical.path("artifactLocation").path("uri").isTextual(), result.toString());
      assertTrue(physical.path("region").path("startLine").asInt() >= 1, result.toString());
      seen.add(
          result.path("level").asText()
              + " "
              + physical.path("region").path("startLine").asInt()
              + " "
              + location.path("logicalLocations").get(0).path("name").asText()
              + " "
              + location.path("logicalLocations").get(1).path("fullyQualifiedName").asText());
    }
    assertEquals(
        List.of(
            "error 6 Namespace a Namespace a metadata.labels[test-finding]",
            "warning 13 Namespace b Namespace b metadata.labels[test-finding]",
            "note 20 Namespace c Namespace c metadata.labels[test-finding]"),
        seen);
  }

  @Test
  void sarifOfStandardInputHasNoPhysicalLocation() throws IOException {
    Run r = withStdin("a: [\n", "validate", "--format", "sarif", "-");
    JsonNode result =
        new ObjectMapper().readTree(r.out()).path("runs").get(0).path("results").get(0);
    assertEquals(List.of("ruleId", "ruleIndex", "level", "message"), iterable(result.fieldNames()));
    assertEquals("error", result.path("level").asText());
  }

  @Test
  void aFolderIsEveryYamlFileBelowItSortedAndAllAreAnalysedTogether() throws IOException {
    file("tree/b/two.yml", namespace("shared", "none"));
    file("tree/a.yaml", namespace("shared", "none"));
    file("tree/notes.txt", "not yaml: [");
    Path tree = dir.resolve("tree");
    assertEquals(
        new Run(
            1,
            "Error [SP0005] (Namespace shared "
                + tree.resolve("b/two.yml")
                + ":1) Namespace shared is already defined at "
                + tree.resolve("a.yaml")
                + ":1\n",
            ""),
        sailplan("validate", tree.toString()));
  }

  @Test
  void suppressDropsMatchingFindings() throws IOException {
    Path mesh = mesh();
    Run r =
        sailplan(
            "validate",
            "--suppress",
            "SP0205=Namespace ?",
            "--suppress",
            "SP0401=*",
            "--fail-on",
            "warning",
            mesh.toString());
    assertEquals(
        new Run(
            0,
            "Info [SP0110] (Namespace c "
                + mesh
                + ":20) metadata.labels[test-finding]: is advice\n",
            "2 findings suppressed.\n"),
        r);
    assertEquals(
        1, sailplan("validate", "--suppress", "SP0205=Namespace b*", mesh.toString()).status());
  }

  @Test
  void wrongUsageAndUnreadablePathsExitTwoWithOneLine() throws IOException {
    Path mesh = mesh();
    assertEquals(
        new Run(
            2,
            "",
            "sailplan validate: --suppress 'SP0205' must be CODE=RESOURCE-GLOB, e.g."
                + " 'SP0107=HTTPRoute default/*' (see sailplan validate --help)\n"),
        sailplan("validate", "--suppress", "SP0205", mesh.toString()));
    assertEquals(
        new Run(
            2,
            "",
            "sailplan validate: " + dir.resolve("nope.yaml") + ": no such file or directory\n"),
        sailplan("validate", dir.resolve("nope.yaml").toString()));
    Run format = sailplan("validate", "--format", "xml", mesh.toString());
    assertEquals(2, format.status());
    assertEquals(1, format.err().lines().count());
    assertEquals(2, sailplan("validate").status());
  }

  @Test
  void theRootNamespaceComesFromTheOptionOrTheMeshConfig() throws IOException {
    Path mesh = mesh();
    Path config = file("meshconfig.yaml", "rootNamespace: mesh-root\ndefaultConfig: {}\n");
    assertEquals(
        1, sailplan("validate", "--mesh-config", config.toString(), mesh.toString()).status());
    Path bad = file("bad-config.yaml", "rootNamespace: [\n");
    Run r = sailplan("validate", "--mesh-config", bad.toString(), mesh.toString());
    assertEquals(2, r.status());
    assertEquals("", r.out());
    assertTrue(
        r.err().startsWith("sailplan validate: --mesh-config " + bad + ": not valid YAML: "),
        r.err());
    assertEquals(1, r.err().lines().count());
    Run missing =
        sailplan("validate", "--mesh-config", dir.resolve("none.yaml").toString(), mesh.toString());
    assertEquals(
        new Run(
            2,
            "",
            "sailplan validate: --mesh-config " + dir.resolve("none.yaml") + ": no such file\n"),
        missing);
  }

  @Test
  void meshConfigRootNamespaceIsReadFromTheFileOrItsConfigMap() {
    assertEquals(
        java.util.Optional.of("mesh-root"),
        dev.sailplan.core.validation.MeshConfig.rootNamespace("rootNamespace: mesh-root\n"));
    assertEquals(
        java.util.Optional.of("cm-root"),
        dev.sailplan.core.validation.MeshConfig.rootNamespace(
            "apiVersion: v1\nkind: ConfigMap\ndata:\n  mesh: |\n    rootNamespace: cm-root\n"));
    assertEquals(
        java.util.Optional.empty(),
        dev.sailplan.core.validation.MeshConfig.rootNamespace("defaultConfig: {}\n"));
  }

  @Test
  void fmtAndPlanFailClosedOnAnErrorFinding() throws IOException {
    Path bad = file("bad.yaml", namespace("a", "error"));
    assertEquals(
        new Run(
            1,
            "",
            "Error [SP0205] (Namespace a "
                + bad
                + ") metadata.labels[test-finding]: is an error\n"),
        sailplan("fmt", bad.toString()));
    Path out = dir.resolve("plans");
    assertEquals(
        new Run(1, "", "Error [SP0205] (Namespace a) metadata.labels[test-finding]: is an error\n"),
        sailplan("plan", "--to", bad.toString(), "--out", out.toString()));
    assertFalse(Files.exists(out));
    assertEquals(
        0, sailplan("fmt", file("ok.yaml", namespace("a", "warning")).toString()).status());
  }
}
