package dev.sailplan.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sailplan.core.Manifests;
import dev.sailplan.core.k8s.Namespace;
import dev.sailplan.core.kind.KindRegistry;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.problem.ManifestException;
import dev.sailplan.core.value.Timestamp;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The direct path with the core kinds, read by their generated readers like every generated kind
 * (dsl-istio's {@code DirectReaderTest} covers the rest, and a kind registered without a reader).
 */
class ManifestParserDirectTest {
  private final ManifestParser parser = new ManifestParser(KindRegistry.discover());

  private static final String STREAM =
      """
      apiVersion: v1
      kind: Namespace
      metadata:
        name: shop
        labels:
          istio-injection: enabled
      ---
      # kind before apiVersion, as some people write it
      kind: Service
      apiVersion: v1
      metadata:
        name: web
        namespace: shop
        creationTimestamp: null
      spec:
        selector:
          app: web
        ports:
        - name: http
          port: 80
          targetPort: 8080
      ---
      """;

  @Test
  void readsCoreKindsDirectlyAndAgreesWithTheFullPath() {
    Optional<List<Resource>> direct = parser.parseDirect(STREAM);
    assertTrue(direct.isPresent(), "direct path taken");
    assertEquals(parser.parseFull(STREAM, "in.yaml"), direct.get());
    Namespace shop = (Namespace) direct.get().get(0);
    assertEquals("enabled", shop.metadata().labels().get("istio-injection"));
    assertEquals(Optional.of(Timestamp.NULL), direct.get().get(1).metadata().creationTimestamp());
  }

  @Test
  void nullsInsideACoreKindAreLeftToTheFullPath() {
    // As for every generated reader: a null goes to the full path, where Jackson drops most nulls
    // and keeps creationTimestamp's.
    String yaml =
        "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n  labels: ~\n  deletionTimestamp: null\n";
    assertEquals(Optional.empty(), parser.parseDirect(yaml));
    assertEquals(List.of(Namespace.named("a")), parser.parse(yaml, "in.yaml"));
  }

  @Test
  void anEmptyStreamIsNoResources() {
    assertEquals(Optional.of(List.of()), parser.parseDirect(""));
    assertEquals(Optional.of(List.of()), parser.parseDirect("---\n# nothing\n"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n  name: b\n", // repeated key
        "apiVersion: v1\nkind: Namespace\nmetadata:\n  nam: a\n", // unknown field
        "apiVersion: v1\nkind: Namespace\nmetadata: &m\n  name: a\n", // an anchor
        "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: [a\n", // a syntax error
        "metadata:\n  name: a\napiVersion: v1\nkind: Namespace\n", // identity not first
        "apiVersion: v1\nkind: Widget\nmetadata:\n  name: a\n", // an unknown kind
        "apiVersion: v1\nkind: List\nitems: []\n", // a List
        "- a\n- b\n", // not a mapping
        "apiVersion: v1\nkind: Namespace\nspec: ~\n"
      }) // a null field
  void leavesAnythingElseToTheFullPath(String yaml) {
    assertEquals(Optional.empty(), parser.parseDirect(yaml));
    // parse is then the full path: same objects, or the same report.
    try {
      List<Resource> full = parser.parseFull(yaml, "in.yaml");
      assertEquals(full, Manifests.parse(yaml, "in.yaml"));
    } catch (ManifestException expected) {
      ManifestException actual =
          assertThrows(ManifestException.class, () -> Manifests.parse(yaml, "in.yaml"));
      assertEquals(expected.getMessage(), actual.getMessage());
    }
  }
}
