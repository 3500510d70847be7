package dev.sailplan.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sailplan.core.generic.GenericObject;
import dev.sailplan.core.internal.Mappers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * A Kubernetes object Sailplan does not model as a type (a Deployment, a Pod, a ConfigMap), kept in
 * the parts that mesh analysis reads: identity, labels and annotations, and for workloads the pod
 * template's labels and annotations and its containers' ports and user IDs.
 *
 * @param apiVersion its apiVersion
 * @param kind its kind
 * @param namespace its namespace, or empty
 * @param name its name, or empty
 * @param labels its labels
 * @param annotations its annotations
 * @param podLabels the labels of its pods (the object's own for a Pod), empty when it has none
 * @param podAnnotations the annotations of its pods
 * @param containers the containers of its pods, init containers first
 */
public record KubeObject(
    String apiVersion,
    String kind,
    String namespace,
    String name,
    Map<String, String> labels,
    Map<String, String> annotations,
    Map<String, String> podLabels,
    Map<String, String> podAnnotations,
    List<Container> containers) {

  /** Copies the collections. */
  public KubeObject {
    labels = Collections.unmodifiableMap(new TreeMap<>(labels));
    annotations = Collections.unmodifiableMap(new TreeMap<>(annotations));
    podLabels = Collections.unmodifiableMap(new TreeMap<>(podLabels));
    podAnnotations = Collections.unmodifiableMap(new TreeMap<>(podAnnotations));
    containers = List.copyOf(containers);
  }

  /**
   * One container of a workload's pods.
   *
   * @param name its name
   * @param init whether it is an init container
   * @param ports the ports it declares
   * @param runAsUser the user ID it runs as (its own {@code securityContext.runAsUser}, else the
   *     pod's), empty when neither says
   */
  public record Container(
      String name, boolean init, List<ContainerPort> ports, OptionalLong runAsUser) {
    /** Copies the list. */
    public Container {
      ports = List.copyOf(ports);
    }
  }

  /**
   * One port a container declares.
   *
   * @param name the port's name, or empty
   * @param port the port number, 0 when not a number
   * @param protocol its protocol, {@code TCP} when not given
   */
  public record ContainerPort(String name, int port, String protocol) {}

  /** Whether it runs pods (a Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, Pod). */
  public boolean isWorkload() {
    return !podLabels.isEmpty() || !containers.isEmpty();
  }

  /** Every port of every container. */
  public List<ContainerPort> ports() {
    return containers.stream().flatMap(c -> c.ports().stream()).toList();
  }

  /**
   * The parts of a generic object that analysis reads: a {@link GenericObject} as {@code
   * Manifests.parseMixed} reads it gives the same KubeObject as validation reading its text.
   */
  public static KubeObject of(GenericObject object) {
    return of(Mappers.json().<JsonNode>valueToTree(object));
  }

  /** The parts of {@code tree}, a mapping with apiVersion and kind. */
  static KubeObject of(JsonNode tree) {
    JsonNode metadata = tree.path("metadata");
    String kind = tree.path("kind").asText();
    JsonNode template =
        kind.equals("Pod")
            ? tree
            : kind.equals("CronJob")
                ? tree.path("spec").path("jobTemplate").path("spec").path("template")
                : tree.path("spec").path("template");
    JsonNode podSpec = template.path("spec");
    OptionalLong podUser = user(podSpec.path("securityContext"));
    List<Container> containers = new ArrayList<>();
    for (String list : List.of("initContainers", "containers")) {
      for (JsonNode c : podSpec.path(list)) {
        List<ContainerPort> ports = new ArrayList<>();
        for (JsonNode p : c.path("ports")) {
          ports.add(
              new ContainerPort(
                  p.path("name").asText(),
                  p.path("containerPort").canConvertToInt() ? p.path("containerPort").asInt() : 0,
                  p.path("protocol").asText("TCP")));
        }
        OptionalLong own = user(c.path("securityContext"));
        containers.add(
            new Container(
                c.path("name").asText(),
                list.equals("initContainers"),
                ports,
                own.isPresent() ? own : podUser));
      }
    }
    return new KubeObject(
        tree.path("apiVersion").asText(),
        kind,
        metadata.path("namespace").asText(),
        metadata.path("name").asText(),
        strings(metadata.path("labels")),
        strings(metadata.path("annotations")),
        strings(template.path("metadata").path("labels")),
        strings(template.path("metadata").path("annotations")),
        containers);
  }

  private static OptionalLong user(JsonNode securityContext) {
    JsonNode uid = securityContext.path("runAsUser");
    return uid.canConvertToLong() && uid.isIntegralNumber()
        ? OptionalLong.of(uid.asLong())
        : OptionalLong.empty();
  }

  private static Map<String, String> strings(JsonNode map) {
    Map<String, String> out = new TreeMap<>();
    map.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }
}
