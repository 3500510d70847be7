package dev.sailplan.istio.layout;

import java.util.List;
import java.util.Objects;

/**
 * An app namespace: the workloads of a team and the configuration specific to them, which the
 * team's service owners manage.
 *
 * @param name the namespace
 * @param teams the groups of the service owners (RBAC subjects), in order
 * @param dataPlane how its workloads join the mesh
 */
public record AppNamespace(String name, List<String> teams, DataPlane dataPlane) {
  /** Checks and copies the parts. */
  public AppNamespace {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(dataPlane, "dataPlane");
    teams = List.copyOf(teams);
    if (teams.isEmpty()) {
      throw new IllegalArgumentException("app namespace " + name + " needs an owning team");
    }
  }
}
