package dev.sailplan.codegen.crd;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One version of one CustomResourceDefinition, as read from a CRD file.
 *
 * @param sourceFile the CRD file's name (no directory), for generated headers
 * @param group the API group, empty for the Kubernetes core group
 * @param kind the kind
 * @param version the version name, e.g. {@code v1}
 * @param namespaced whether the scope is {@code Namespaced}
 * @param served whether the API server serves this version
 * @param storage whether this is the storage version
 * @param schema the {@code openAPIV3Schema} object
 */
public record CrdVersion(
    String sourceFile,
    String group,
    String kind,
    String version,
    boolean namespaced,
    boolean served,
    boolean storage,
    JsonNode schema) {

  /** {@code group/version}, or just the version for the core group (e.g. {@code v1}). */
  public String apiVersion() {
    return apiVersion(group, version);
  }

  /** {@code group/version}, or just the version for the core group. */
  public static String apiVersion(String group, String version) {
    return group.isEmpty() ? version : group + "/" + version;
  }
}
