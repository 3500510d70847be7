package dev.sailplan.bench;

import dev.sailplan.core.Manifests;

/**
 * Cold start with Sailplan: builds service 0's VirtualService of the {@link SyntheticMesh} with the
 * DSL, writes its canonical YAML to standard output and exits. Time it in a fresh JVM: {@code java
 * -cp bench/target/benchmarks.jar dev.sailplan.bench.ColdStartSailplan}.
 */
public final class ColdStartSailplan {
  private ColdStartSailplan() {}

  /** Renders the VirtualService; arguments are ignored. */
  public static void main(String[] args) {
    System.out.print(Manifests.toYaml(SailplanMesh.virtualServiceOf(0)));
    System.out.flush();
  }
}
