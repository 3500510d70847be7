package dev.sailplan.bench;

import dev.sailplan.core.Manifests;
import dev.sailplan.core.k8s.Namespace;
import dev.sailplan.core.k8s.Service;
import dev.sailplan.core.k8s.ServicePort;
import dev.sailplan.core.k8s.ServiceSpec;
import dev.sailplan.core.meta.ObjectMeta;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.validation.Findings;
import dev.sailplan.core.validation.Validation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Validation of YAML text with the analyses across resources: the {@link SyntheticMesh}'s
 * VirtualService, DestinationRule and AuthorizationPolicy per service plus its Service and two
 * Deployments (v1, v2), the namespace and its STRICT PeerAuthentication — six resources per
 * service: 10,002 and 100,002 resources. The score is the time for the whole text on one thread
 * (reading, admission, analyses); linear means the second figure is ten times the first.
 *
 * <p>{@code java -jar bench/target/benchmarks.jar AnalyzeBenchmark -f 1 -wi 2 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AnalyzeBenchmark {
  /** Services in the mesh. */
  @Param({"1667", "16667"})
  public int services;

  private final Validation validation = Validation.standard();
  private String yaml;

  /** Writes the mesh's text once and checks that it has no finding. */
  @Setup
  public void setUp() {
    yaml = text(services);
    Findings findings = validation.validate(yaml, "mesh.yaml");
    if (!findings.isEmpty()) {
      throw new IllegalStateException(
          "the synthetic mesh has findings:\n"
              + findings.all().subList(0, Math.min(20, findings.size())));
    }
  }

  /** Reads, checks and analyses the whole text. */
  @Benchmark
  public Findings validateText() {
    return validation.validate(yaml, "mesh.yaml");
  }

  /** The mesh of {@code n} services as one YAML stream, six resources per service and two more. */
  static String text(int n) {
    List<Resource> typed = new ArrayList<>();
    typed.add(
        Namespace.builder()
            .metadata(
                ObjectMeta.builder().name("mesh").putLabels("istio-injection", "enabled").build())
            .build());
    typed.addAll(SyntheticMesh.sailplan(n));
    for (int i = 0; i < n; i++) {
      String host = SyntheticMesh.host(i);
      typed.add(
          Service.builder()
              .metadata(ObjectMeta.ref("mesh/" + host))
              .spec(
                  ServiceSpec.builder()
                      .putSelector("app", host)
                      .addPorts(ServicePort.of("http", 8080))
                      .build())
              .build());
    }
    StringBuilder text = new StringBuilder(Manifests.toYaml(typed));
    text.append(
        """
        ---
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata:
          name: default
          namespace: mesh
        spec:
          mtls:
            mode: STRICT
        """);
    for (int i = 0; i < n; i++) {
      for (String version : List.of("v1", "v2")) {
        text.append(deployment(SyntheticMesh.host(i), version));
      }
    }
    return text.toString();
  }

  private static String deployment(String host, String version) {
    return String.format(
        Locale.ROOT,
        """
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: %1$s-%2$s
          namespace: mesh
          labels: {app: %1$s, version: %2$s}
        spec:
          selector:
            matchLabels: {app: %1$s, version: %2$s}
          template:
            metadata:
              labels: {app: %1$s, version: %2$s}
            spec:
              serviceAccountName: %1$s
              containers:
              - name: app
                image: example.com/%1$s:%2$s
                ports:
                - {name: http, containerPort: 8080}
        """,
        host,
        version);
  }
}
