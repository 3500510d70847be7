package dev.sailplan.core.kind;

import dev.sailplan.core.Resource;
import java.util.List;
import java.util.Objects;

/**
 * What Sailplan knows of one kind: its group, the versions it parses (all sharing one Java type),
 * whether it is namespaced, and the Java type.
 *
 * @param group API group, empty for the core group
 * @param kind the kind, e.g. {@code VirtualService}
 * @param versions the versions that parse into {@code type}, preferred (rendered by default) first
 * @param namespaced whether objects of the kind live in a namespace
 * @param type the Java type
 */
public record KindInfo(
    String group, String kind, List<String> versions, boolean namespaced, Class<? extends Resource> type) {

  /** Checks the parts and copies the version list. */
  public KindInfo {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(type, "type");
    versions = List.copyOf(versions);
    if (versions.isEmpty()) {
      throw new IllegalArgumentException("kind " + kind + " needs at least one version");
    }
  }

  /** The apiVersion rendered by default, e.g. {@code networking.istio.io/v1}. */
  public String preferredApiVersion() {
    return apiVersion(versions.get(0));
  }

  /** Every apiVersion this kind parses from. */
  public List<String> apiVersions() {
    return versions.stream().map(this::apiVersion).toList();
  }

  private String apiVersion(String version) {
    return group.isEmpty() ? version : group + "/" + version;
  }
}
