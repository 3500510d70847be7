package dev.sailplan.core.kind;

import dev.sailplan.core.meta.Resource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What Sailplan knows of one kind: its group, the versions it parses (all sharing one Java type),
 * whether it is namespaced, and the Java type.
 *
 * @param group API group, empty for the core group
 * @param kind the kind, e.g. {@code VirtualService}
 * @param versions the versions that parse into {@code type}, preferred (rendered by default) first
 * @param namespaced whether objects of the kind live in a namespace
 * @param type the Java type
 * @param reader the direct reader, for kinds codegen gave one (others bind through Jackson)
 */
public record KindInfo(
    String group,
    String kind,
    List<String> versions,
    boolean namespaced,
    Class<? extends Resource> type,
    Optional<ResourceReader> reader) {

  /** Checks the parts and copies the version list. */
  public KindInfo {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(reader, "reader");
    versions = List.copyOf(versions);
    if (versions.isEmpty()) {
      throw new IllegalArgumentException("kind " + kind + " needs at least one version");
    }
  }

  /** A kind without a direct reader: it binds through Jackson. */
  public KindInfo(
      String group,
      String kind,
      List<String> versions,
      boolean namespaced,
      Class<? extends Resource> type) {
    this(group, kind, versions, namespaced, type, Optional.empty());
  }

  /** A kind with a direct reader. */
  public KindInfo(
      String group,
      String kind,
      List<String> versions,
      boolean namespaced,
      Class<? extends Resource> type,
      ResourceReader reader) {
    this(group, kind, versions, namespaced, type, Optional.of(reader));
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
