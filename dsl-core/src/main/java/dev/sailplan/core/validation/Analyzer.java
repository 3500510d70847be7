package dev.sailplan.core.validation;

/**
 * A check across the resources of one validation run: what the mesh will do with them together (a
 * route to a subset nobody defined, a policy that selects no workload). Analyzers see only the
 * objects without an admission Error, and run after every input has been read.
 *
 * <pre>{@code
 * Analyzer lonelySidecars = (mesh, reports) -> {
 *   for (Sidecar s : mesh.all(Sidecar.class)) {
 *     if (mesh.workloadsIn(s.metadata().namespace().orElse("")).isEmpty()) {
 *       reports.on(s).add("SP9999", "", Level.INFO, FieldPath.root(), "", "no workload here");
 *     }
 *   }
 * };
 * }</pre>
 */
@FunctionalInterface
public interface Analyzer {
  /** Reports what is wrong across {@code mesh}, each finding on the object it is about. */
  void analyze(Mesh mesh, Reports reports);
}
