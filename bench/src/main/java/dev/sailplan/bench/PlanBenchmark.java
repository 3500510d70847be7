package dev.sailplan.bench;

import dev.sailplan.core.plan.Planner;
import dev.sailplan.core.plan.Stage;
import dev.sailplan.core.plan.State;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;

/**
 * The planner on a canary step across a {@link PlanMesh} of {@code resources} resources: one
 * operation is one plan, so the score is the time to plan the change (the facts of every resource
 * computed afresh, as every call does).
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar PlanBenchmark -f 1 -wi 1 -i 3
 * </pre>
 */
@org.openjdk.jmh.annotations.State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PlanBenchmark {
  /** Resources in the mesh: a fifth of them services, a tenth of those canaried. */
  @Param({"1000", "10000", "100000"})
  public int resources;

  private final Planner planner = Planner.discover();
  private State current;
  private State desired;

  /** Builds both states once and checks the plan has the two stages rule 1 asks for. */
  @Setup
  public void setUp() {
    current = PlanMesh.current(resources);
    desired = PlanMesh.canaryStep(resources);
    List<Stage> stages = plan();
    int changed = PlanMesh.canaried(resources);
    if (stages.size() != 2
        || stages.get(0).changes().size() != changed
        || stages.get(1).changes().size() != 2 * changed) {
      throw new IllegalStateException(
          "expected "
              + changed
              + " DestinationRules, then "
              + 2 * changed
              + " VirtualServices; planned "
              + stages.stream().map(s -> s.label() + " " + s.changes().size()).toList());
    }
  }

  /** Plans the canary step. */
  @Benchmark
  public List<Stage> plan() {
    return planner.stages(current, desired);
  }
}
