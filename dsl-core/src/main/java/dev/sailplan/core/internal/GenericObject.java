package dev.sailplan.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Kubernetes object Sailplan does not model (a Deployment, a Pod, a ConfigMap), kept in the few
 * parts that mesh analysis reads: identity, labels and annotations, and for workloads the pod
 * template's labels, annotations, container ports and security context.
 *
 * @param apiVersion its apiVersion
 * @param kind its kind
 * @param namespace its namespace, or empty
 * @param name its name, or empty
 * @param labels its labels
 * @param annotations its annotations
 * @param podLabels the labels of its pods (the object's own for a Pod), empty when it has none
 * @param podAnnotations the annotations of its pods
 * @param ports every container port of its pods
 * @param podSecurityContext the pod's {@code securityContext}, or null
 * @param file where it was read, or empty
 * @param line its first line
 */
public record GenericObject(
    String apiVersion,
    String kind,
    String namespace,
    String name,
    Map<String, String> labels,
    Map<String, String> annotations,
    Map<String, String> podLabels,
    Map<String, String> podAnnotations,
    List<ContainerPort> ports,
    JsonNode podSecurityContext,
    String file,
    int line) {

  /**
   * One port a container declares.
   *
   * @param container the container's name
   * @param name the port's name, or empty
   * @param port the port number, 0 when not a number
   * @param protocol its protocol, {@code TCP} when not given
   */
  public record ContainerPort(String container, String name, int port, String protocol) {}

  /** The parts of {@code tree}, a mapping with apiVersion and kind. */
  public static GenericObject of(JsonNode tree, String file, int line) {
    JsonNode metadata = tree.path("metadata");
    String kind = tree.path("kind").asText();
    JsonNode template =
        kind.equals("Pod")
            ? tree
            : kind.equals("CronJob")
                ? tree.path("spec").path("jobTemplate").path("spec").path("template")
                : tree.path("spec").path("template");
    JsonNode podSpec = template.path("spec");
    List<ContainerPort> ports = new ArrayList<>();
    for (String list : List.of("initContainers", "containers")) {
      for (JsonNode c : podSpec.path(list)) {
        for (JsonNode p : c.path("ports")) {
          ports.add(
              new ContainerPort(
                  c.path("name").asText(),
                  p.path("name").asText(),
                  p.path("containerPort").canConvertToInt() ? p.path("containerPort").asInt() : 0,
                  p.path("protocol").asText("TCP")));
        }
      }
    }
    JsonNode security = podSpec.get("securityContext");
    return new GenericObject(
        tree.path("apiVersion").asText(),
        kind,
        metadata.path("namespace").asText(),
        metadata.path("name").asText(),
        strings(metadata.path("labels")),
        strings(metadata.path("annotations")),
        strings(template.path("metadata").path("labels")),
        strings(template.path("metadata").path("annotations")),
        List.copyOf(ports),
        security == null ? null : security.deepCopy(),
        file,
        line);
  }

  private static Map<String, String> strings(JsonNode map) {
    Map<String, String> out = new TreeMap<>();
    map.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
    return Collections.unmodifiableMap(out);
  }
}
