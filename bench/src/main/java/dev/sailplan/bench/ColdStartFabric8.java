package dev.sailplan.bench;

import io.fabric8.kubernetes.client.utils.Serialization;

/**
 * Cold start with fabric8: builds service 0's VirtualService of the {@link SyntheticMesh} with
 * fabric8's builders, writes it with fabric8's {@link Serialization#asYaml} to standard output and
 * exits. Time it in a fresh JVM: {@code java -cp bench/target/benchmarks.jar
 * dev.sailplan.bench.ColdStartFabric8}.
 */
public final class ColdStartFabric8 {
  private ColdStartFabric8() {}

  /** Renders the VirtualService; arguments are ignored. */
  public static void main(String[] args) {
    System.out.print(Serialization.asYaml(Fabric8Mesh.virtualServiceOf(0)));
    System.out.flush();
  }
}
