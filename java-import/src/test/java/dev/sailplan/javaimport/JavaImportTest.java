package dev.sailplan.javaimport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sailplan.core.ManifestSource;
import dev.sailplan.core.Manifests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaImportTest {
  @TempDir Path dir;

  private static final String FILTER =
      """
      apiVersion: networking.istio.io/v1alpha3
      kind: EnvoyFilter
      metadata: {name: lua, namespace: istio-config}
      spec:
        configPatches:
        - applyTo: HTTP_FILTER
          patch:
            operation: INSERT_BEFORE
            value:
              zeta: 1
              name: envoy.lua
              alpha: {b: true, a: [x, y]}
      """;

  @Test
  void writingTwiceGivesTheSameBytesAndKeepsTheComments() {
    JavaImport i =
        JavaImport.ofYaml("# the one\n" + FILTER, "filter.yaml").packageName("p").className("C");
    String first = i.toSource();
    assertEquals(first, i.toSource());
    assertTrue(first.contains(" * the one\n"), first);
  }

  @Test
  void freeFormFieldsRenderInSortedKeyOrderEveryRun() throws Exception {
    String source =
        JavaImport.ofYaml(FILTER, "filter.yaml").packageName("p").className("F").toSource();
    InMemoryJavac.Result r = InMemoryJavac.compile(Map.of("p.F", source), dir);
    assertEquals(java.util.List.of(), r.errors());
    ManifestSource m = (ManifestSource) r.loader().loadClass("p.F").getConstructor().newInstance();
    String yaml = Manifests.toYaml(m.manifests());
    assertEquals(
        """
        apiVersion: networking.istio.io/v1alpha3
        kind: EnvoyFilter
        metadata:
          name: lua
          namespace: istio-config
        spec:
          configPatches:
          - applyTo: HTTP_FILTER
            patch:
              operation: INSERT_BEFORE
              value:
                alpha:
                  a:
                  - x
                  - "y"
                  b: true
                name: envoy.lua
                zeta: 1
        """,
        yaml);
  }

  @Test
  void writesTheFileUnderItsPackage() throws Exception {
    Path written =
        JavaImport.ofYaml(FILTER, "filter.yaml")
            .packageName("com.acme.mesh")
            .className("Mesh")
            .writeTo(dir);
    assertEquals(dir.resolve("com/acme/mesh/Mesh.java"), written);
    assertTrue(Files.readString(written).startsWith("// Written by sailplan import;"));
  }

  @Test
  void refusesNamesThatAreNotJava() {
    JavaImport i = JavaImport.of(java.util.List.of());
    assertEquals(
        "not a valid class name: 2fa",
        assertThrows(IllegalArgumentException.class, () -> i.className("2fa")).getMessage());
    assertEquals(
        "not a valid package name: com.acme.",
        assertThrows(IllegalArgumentException.class, () -> i.packageName("com.acme."))
            .getMessage());
  }
}
