package dev.sailplan.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sailplan.core.Manifests;
import dev.sailplan.core.diff.SemanticDiff;
import dev.sailplan.core.meta.Resource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The two sides of the benchmark do the same work: for a small mesh, Sailplan's and fabric8's YAML
 * are semantically equal, and each side parses its own text back into as many typed objects.
 */
class SyntheticMeshTest {
  private static final int N = 3;

  private static String sailplanText() {
    return Manifests.toYaml(SyntheticMesh.sailplan(N));
  }

  private static String fabric8Text() {
    return RenderBenchmark.fabric8Yaml(SyntheticMesh.fabric8(N));
  }

  @Test
  void bothSidesRenderSemanticallyEqualYaml() {
    List<Object> sailplan = loadAll(sailplanText());
    List<Object> fabric8 = loadAll(fabric8Text());
    assertEquals(3 * N, sailplan.size());
    assertEquals(List.of(), SemanticDiff.diff(sailplan, fabric8));
  }

  @Test
  void sailplanParsesItsOwnText() {
    List<Resource> parsed = Manifests.parse(sailplanText(), "bench");
    assertEquals(3 * N, parsed.size());
    assertEquals(
        List.of("VirtualService", "DestinationRule", "AuthorizationPolicy"),
        parsed.subList(0, 3).stream().map(Resource::kind).toList());
    assertEquals(SyntheticMesh.sailplan(N), parsed);
  }

  @Test
  void fabric8ParsesItsOwnText() {
    Object parsed =
        new KubernetesSerialization()
            .unmarshal(new ByteArrayInputStream(fabric8Text().getBytes(StandardCharsets.UTF_8)));
    List<?> objects = assertInstanceOf(List.class, parsed);
    assertEquals(3 * N, objects.size());
    assertEquals(SyntheticMesh.fabric8(N), objects);
  }

  @Test
  void eachSideAlsoReadsTheOthersText() {
    assertEquals(SyntheticMesh.sailplan(N), Manifests.parse(fabric8Text(), "fabric8"));
    Object parsed =
        new KubernetesSerialization()
            .unmarshal(new ByteArrayInputStream(sailplanText().getBytes(StandardCharsets.UTF_8)));
    assertEquals(SyntheticMesh.fabric8(N), parsed);
  }

  @Test
  void theBenchmarkSetupAcceptsTheMeshItMeasures() {
    RenderBenchmark bench = new RenderBenchmark();
    bench.n = 1000;
    bench.setUp();
    assertTrue(bench.sailplanBuildAndRender().startsWith("apiVersion: networking.istio.io/v1\n"));
    assertTrue(
        bench.fabric8BuildAndRender().startsWith("---\napiVersion: \"networking.istio.io/v1\"\n"));
  }

  private static List<Object> loadAll(String yaml) {
    List<Object> docs = new ArrayList<>();
    for (Object d : new Yaml().loadAll(yaml)) {
      if (d != null) {
        docs.add(d);
      }
    }
    return docs;
  }
}
