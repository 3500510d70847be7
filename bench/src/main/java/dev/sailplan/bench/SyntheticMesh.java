package dev.sailplan.bench;

import dev.sailplan.core.meta.Resource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/**
 * The synthetic mesh the benchmarks render and parse: {@code n} services, service {@code i} being
 * host {@code svc-i} in namespace {@code mesh}, each with the same three resources, built once with
 * Sailplan's DSL and once with fabric8's builders.
 *
 * <ul>
 *   <li>a VirtualService: requests with header {@code x-canary: "true"} go to subset v2; the rest
 *       is split 90/10 between v1 and v2 with a 10s timeout and 3 retries (3s per try, on {@code
 *       connect-failure,refused-stream,unavailable,reset});
 *   <li>a DestinationRule: connection pool (tcp maxConnections 100, http http1MaxPendingRequests
 *       50), outlier detection (consecutive5xxErrors 5, interval 30s, baseEjectionTime 30s,
 *       maxEjectionPercent 50), subsets v1 and v2 by label {@code version};
 *   <li>an AuthorizationPolicy: selector {@code app=svc-i}, ALLOW, one rule from the frontend and
 *       gateway service accounts of {@code mesh} to GET/POST {@code /api/*}.
 * </ul>
 *
 * <p>Both sides produce semantically equal YAML ({@code SyntheticMeshTest}). Each side lives in its
 * own class ({@link SailplanMesh}, {@link Fabric8Mesh}) so that loading one never loads the other's
 * library: the cold-start mains depend on that.
 */
public final class SyntheticMesh {
  /** Resources per service: a VirtualService, a DestinationRule and an AuthorizationPolicy. */
  public static final int RESOURCES_PER_SERVICE = 3;

  private SyntheticMesh() {}

  /**
   * The mesh of {@code n} services with Sailplan's DSL, three resources per service, in service
   * order.
   */
  public static List<Resource> sailplan(int n) {
    return SailplanMesh.build(n);
  }

  /**
   * The mesh of {@code n} services with fabric8's builders, three resources per service, in service
   * order.
   */
  public static List<HasMetadata> fabric8(int n) {
    return Fabric8Mesh.build(n);
  }

  /** The host (and resource name) of service {@code i}. */
  static String host(int i) {
    return "svc-" + i;
  }
}
