package dev.sailplan.bench;

import dev.sailplan.core.Manifests;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.plan.Plan;
import dev.sailplan.core.plan.Planner;
import dev.sailplan.core.plan.ResourceKey;
import dev.sailplan.core.plan.Rollout;
import dev.sailplan.core.plan.State;
import dev.sailplan.core.plan.render.PlanWriter;
import dev.sailplan.istio.rollout.CanaryRollout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A canary rollout computed from a large current state, as {@code sailplan rollout canary} does it:
 * the composite finds the service's DestinationRule and the routes to its stable subset among
 * {@code resources} objects (Services, ServiceAccounts, DestinationRules with pools and outlier
 * detection, VirtualServices with retries and matches, a PeerAuthentication and a Sidecar per
 * namespace), each step's state is the whole current state with the rollout's changes, and the
 * planner orders them. {@code plan} computes the plan; {@code planAndWrite} also writes the plan
 * folder (validating what it writes, as it always does).
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar RolloutBenchmark -f 1 -wi 2 -i 3
 * </pre>
 */
@org.openjdk.jmh.annotations.State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RolloutBenchmark {
  private static final int SERVICES_PER_NAMESPACE = 50;

  /** Objects in the current state: four per service and two per namespace. */
  @Param({"10000"})
  public int resources;

  private final Planner planner = Planner.discover();
  private List<Resource> current;
  private State state;
  private Path out;

  /** Parses the current state once and checks the plan has the canary's stages. */
  @Setup
  public void setUp() throws IOException {
    current = Manifests.parse(currentYaml(resources), "current.yaml");
    state = State.of(current);
    out = Files.createTempDirectory("rollout-bench");
    Plan plan = plan();
    // add-canary-subset (the rule), shift-10 to shift-100 (the routes), drop-stable-subset.
    if (plan.stages().size() != 6 || current.size() < resources) {
      throw new IllegalStateException(
          "expected 6 stages over at least "
              + resources
              + " objects; planned "
              + plan.stages().size()
              + " over "
              + current.size());
    }
  }

  /** Removes the written plan folders. */
  @TearDown
  public void tearDown() throws IOException {
    try (Stream<Path> walk = Files.walk(out)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** The canary's plan from the whole current state. */
  @Benchmark
  public Plan plan() {
    CanaryRollout canary =
        CanaryRollout.of("ns-0/svc-0").stable("v1").canary("v2").from(current).build();
    return whole(canary, state).plan(planner);
  }

  /** The plan, written as a plan folder. */
  @Benchmark
  public Path planAndWrite() throws IOException {
    return PlanWriter.write(plan(), out);
  }

  /** Every step's state: the whole current state with what the rollout changes. */
  private static Rollout whole(Rollout rollout, State current) {
    Map<ResourceKey, Resource> own = rollout.current().asMap();
    List<Planner.Target> steps = new ArrayList<>();
    for (Planner.Target t : rollout.targets()) {
      Map<ResourceKey, Resource> at = new HashMap<>(current.asMap());
      own.keySet().forEach(at::remove);
      at.putAll(t.desired().asMap());
      steps.add(new Planner.Target(t.name(), State.of(at.values()), t.after(), t.description()));
    }
    return Rollout.of(rollout.name(), current, steps);
  }

  /**
   * At least {@code resources} objects (whole namespaces) as {@code kubectl get -o yaml} would list
   * them.
   */
  static String currentYaml(int resources) {
    int perNamespace = 4 * SERVICES_PER_NAMESPACE + 2;
    int namespaces = (resources + perNamespace - 1) / perNamespace;
    StringBuilder b = new StringBuilder(resources * 400);
    for (int n = 0; n < namespaces; n++) {
      String ns = "ns-" + n;
      b.append(
          """
          apiVersion: security.istio.io/v1
          kind: PeerAuthentication
          metadata: {name: default, namespace: %1$s}
          spec:
            mtls: {mode: STRICT}
          ---
          apiVersion: networking.istio.io/v1
          kind: Sidecar
          metadata: {name: default, namespace: %1$s}
          spec:
            egress:
            - hosts: ["./*", "istio-system/*"]
          ---
          """
              .formatted(ns));
      for (int s = 0; s < SERVICES_PER_NAMESPACE; s++) {
        b.append(
            """
            apiVersion: v1
            kind: Service
            metadata: {name: svc-%2$d, namespace: %1$s, labels: {app: svc-%2$d}}
            spec:
              selector: {app: svc-%2$d}
              ports:
              - {name: http, port: 8080, targetPort: 8080}
            ---
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: svc-%2$d, namespace: %1$s}
            ---
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: {name: svc-%2$d, namespace: %1$s}
            spec:
              host: svc-%2$d
              trafficPolicy:
                connectionPool:
                  tcp: {maxConnections: 100}
                  http: {http1MaxPendingRequests: 50}
                outlierDetection: {consecutive5xxErrors: 5, interval: 30s, baseEjectionTime: 30s}
              subsets:
              - name: v1
                labels: {version: v1}
            ---
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: svc-%2$d, namespace: %1$s}
            spec:
              hosts: [svc-%2$d]
              http:
              - name: api
                match:
                - uri: {prefix: /api}
                retries: {attempts: 3, perTryTimeout: 2s}
                timeout: 10s
                route:
                - destination: {host: svc-%2$d, subset: v1}
              - name: default
                route:
                - destination: {host: svc-%2$d, subset: v1}
            ---
            """
                .formatted(ns, s));
      }
    }
    return b.toString();
  }
}
