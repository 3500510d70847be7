package dev.sailplan.bench;

import dev.sailplan.core.Manifests;
import dev.sailplan.core.meta.Resource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Sailplan against fabric8's Istio model on the {@link SyntheticMesh} of {@code n} services (three
 * resources each). One operation is one resource: every benchmark handles {@code 3 × n} = 3000
 * resources per invocation, so the scores are resources per second, comparable across the four.
 *
 * <ul>
 *   <li>{@code *BuildAndRender}: build the mesh with each side's builders and render it as one
 *       multi-document YAML string, each side its own way (Sailplan: {@link Manifests#toYaml};
 *       fabric8: {@link Serialization#asYaml} per object, concatenated).
 *   <li>{@code *Parse}: read that multi-document YAML (rendered once in {@link #setUp} by each side
 *       from its own objects; the two texts are semantically equal) back into typed objects.
 * </ul>
 *
 * <p>{@link #snakeyamlEventsOnly} measures the YAML parser alone, the ceiling for any parse on it.
 *
 * <p>{@code @OperationsPerInvocation} is a constant, so {@code n} is fixed at 1000: {@link #setUp}
 * refuses any other value rather than report wrong per-resource figures.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RenderBenchmark {
  /** Resources handled per invocation: {@code 3 × n} for the only {@code n} allowed. */
  static final int RESOURCES = 3000;

  /** Services in the mesh. */
  @Param("1000")
  public int n;

  /**
   * fabric8's serializer for parsing: {@code Serialization.unmarshal(InputStream)} (deprecated in
   * 7.x) delegates to a default instance of this class, so this is the same work without the
   * deprecated entry point. Multi-document YAML comes back as a list of typed objects.
   */
  private final KubernetesSerialization fabric8Serialization = new KubernetesSerialization();

  private String sailplanText;
  private byte[] fabric8Text;

  /** Renders the mesh once with each side, as the input of the parse benchmarks. */
  @Setup
  public void setUp() {
    if (n * SyntheticMesh.RESOURCES_PER_SERVICE != RESOURCES) {
      throw new IllegalArgumentException(
          "n must be "
              + RESOURCES / SyntheticMesh.RESOURCES_PER_SERVICE
              + ": @OperationsPerInvocation counts "
              + RESOURCES
              + " resources per invocation");
    }
    sailplanText = Manifests.toYaml(SyntheticMesh.sailplan(n));
    fabric8Text = fabric8Yaml(SyntheticMesh.fabric8(n)).getBytes(StandardCharsets.UTF_8);
    int sailplanCount = sailplanParse().size();
    int fabric8Count = fabric8Parse().size();
    if (sailplanCount != RESOURCES || fabric8Count != RESOURCES) {
      throw new IllegalStateException(
          "parsed "
              + sailplanCount
              + " (Sailplan) and "
              + fabric8Count
              + " (fabric8) resources, expected "
              + RESOURCES);
    }
  }

  /** Builds the mesh with Sailplan's DSL and renders it as one canonical YAML stream. */
  @Benchmark
  @OperationsPerInvocation(3000)
  public String sailplanBuildAndRender() {
    return Manifests.toYaml(SyntheticMesh.sailplan(n));
  }

  /** Builds the mesh with fabric8's builders and renders it with fabric8's own {@code asYaml}. */
  @Benchmark
  @OperationsPerInvocation(3000)
  public String fabric8BuildAndRender() {
    return fabric8Yaml(SyntheticMesh.fabric8(n));
  }

  /** Parses Sailplan's multi-document YAML of the mesh into typed resources. */
  @Benchmark
  @OperationsPerInvocation(3000)
  public List<Resource> sailplanParse() {
    return Manifests.parse(sailplanText, "bench");
  }

  /** Parses fabric8's multi-document YAML of the mesh into typed resources. */
  @Benchmark
  @OperationsPerInvocation(3000)
  public List<?> fabric8Parse() {
    Object parsed = fabric8Serialization.unmarshal(new ByteArrayInputStream(fabric8Text));
    return (List<?>) parsed;
  }

  /**
   * SnakeYAML's event parser alone over Sailplan's text, no binding at all: the ceiling for any
   * parse on that parser, {@link #sailplanParse} included (it binds these events directly).
   */
  @Benchmark
  @OperationsPerInvocation(3000)
  public int snakeyamlEventsOnly() {
    Parser parser = new ParserImpl(new StreamReader(sailplanText), new LoaderOptions());
    int events = 0;
    while (parser.getEvent().getEventId() != Event.ID.StreamEnd) {
      events++;
    }
    return events;
  }

  /**
   * fabric8's way to write several objects: {@link Serialization#asYaml} for each (every document
   * starts with {@code ---} and ends with a line break), concatenated.
   */
  static String fabric8Yaml(List<HasMetadata> objects) {
    StringBuilder out = new StringBuilder(objects.size() * 700);
    for (HasMetadata object : objects) {
      out.append(Serialization.asYaml(object));
    }
    return out.toString();
  }
}
