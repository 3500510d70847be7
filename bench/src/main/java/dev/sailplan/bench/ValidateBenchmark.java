package dev.sailplan.bench;

import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.validation.Findings;
import dev.sailplan.core.validation.Validation;
import dev.sailplan.istio.Security;
import dev.sailplan.istio.security.v1.MutualTLSMode;
import java.util.ArrayList;
import java.util.List;
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
 * Validation (schema constraints, CEL rules, istiod's webhook checks, analyses across resources) of
 * the {@link SyntheticMesh} of {@code n} services, three resources each, and its STRICT
 * PeerAuthentication: 3,001 and 30,001 resources. The score is the time for the whole mesh on one
 * thread; linear means the 30,000 figure is ten times the 3,000 one.
 *
 * <p>{@code java -jar bench/target/benchmarks.jar ValidateBenchmark -f 1 -wi 2 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ValidateBenchmark {
  /** Services in the mesh. */
  @Param({"1000", "10000"})
  public int n;

  private final Validation validation = Validation.standard();
  private List<Resource> mesh;

  /**
   * Builds the mesh once and checks that it is valid: a benchmark of findings would measure them.
   */
  @Setup
  public void setUp() {
    mesh = new ArrayList<>(SyntheticMesh.sailplan(n));
    // The policies allow by principal, which is only sound under STRICT mTLS (SP2004).
    mesh.add(Security.peerAuthentication("mesh/default", Security.mtls(MutualTLSMode.STRICT)));
    Findings findings = validation.validate(mesh);
    if (!findings.isEmpty()) {
      throw new IllegalStateException("the synthetic mesh is not valid:\n" + findings);
    }
  }

  /** Validates every resource of the mesh as built with the DSL. */
  @Benchmark
  public Findings validateBuilt() {
    return validation.validate(mesh);
  }
}
