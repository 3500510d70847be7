package dev.sailplan.gatewayapi.internal.analysis;

import dev.sailplan.core.k8s.Namespace;
import dev.sailplan.core.k8s.Service;
import dev.sailplan.core.k8s.ServicePort;
import dev.sailplan.core.k8s.ServiceSpec;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.validation.Mesh;
import dev.sailplan.gatewayapi.v1.Gateway;
import dev.sailplan.gatewayapi.v1.LabelSelector;
import dev.sailplan.gatewayapi.v1.LabelSelectorRequirement;
import dev.sailplan.gatewayapi.v1.ReferenceGrant;
import dev.sailplan.gatewayapi.v1.ReferenceGrantFrom;
import dev.sailplan.gatewayapi.v1.ReferenceGrantTo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Gateways, Services, Namespaces and ReferenceGrants of one run, indexed once so that every
 * route is checked in constant time per reference: analyses stay linear in the input.
 */
final class Topology {
  static final String GROUP = "gateway.networking.k8s.io";

  /** The namespace kubectl puts an object without one in. */
  static final String DEFAULT_NAMESPACE = "default";

  /** The label Kubernetes sets on every Namespace, usable in selectors without the object. */
  static final String NAME_LABEL = "kubernetes.io/metadata.name";

  final Mesh mesh;
  private final Map<String, Gateway> gateways = new HashMap<>();
  private final Map<String, Service> services = new HashMap<>();
  private final Map<String, Namespace> namespaces = new HashMap<>();
  private final java.util.Set<String> serviceNamespaces = new java.util.HashSet<>();
  private final Map<String, List<ReferenceGrant>> grants = new HashMap<>();

  Topology(Mesh mesh) {
    this.mesh = mesh;
    for (Gateway g : mesh.all(Gateway.class)) {
      gateways.putIfAbsent(id(g), g);
    }
    for (Service s : mesh.all(Service.class)) {
      if (!mesh.isAssumed(s)) {
        services.putIfAbsent(id(s), s);
        serviceNamespaces.add(namespace(s));
      }
    }
    for (Namespace n : mesh.all(Namespace.class)) {
      namespaces.putIfAbsent(n.metadata().name().orElse(""), n);
    }
    for (ReferenceGrant r : mesh.all(ReferenceGrant.class)) {
      grants.computeIfAbsent(namespace(r), k -> new ArrayList<>()).add(r);
    }
  }

  /** The namespace of a namespaced object; {@code default} when it does not say. */
  static String namespace(Resource r) {
    return r.metadata().namespace().filter(s -> !s.isEmpty()).orElse(DEFAULT_NAMESPACE);
  }

  static String name(Resource r) {
    return r.metadata().name().orElse("");
  }

  /** {@code namespace/name}, as findings name objects. */
  static String id(Resource r) {
    return namespace(r) + "/" + name(r);
  }

  Optional<Gateway> gateway(String namespace, String name) {
    return Optional.ofNullable(gateways.get(namespace + "/" + name));
  }

  Optional<Service> service(String namespace, String name) {
    return Optional.ofNullable(services.get(namespace + "/" + name));
  }

  Optional<Namespace> namespaceObject(String name) {
    return Optional.ofNullable(namespaces.get(name));
  }

  Iterable<Namespace> namespaces() {
    return namespaces.values();
  }

  /**
   * Whether a Service the input does not define is reported missing: not when the input says it
   * lives elsewhere (by object or by host glob), nor when the input defines no Service in its
   * namespace, since a file of routes alone (a plan's stage, a team's repository) says nothing
   * about the cluster's Services.
   */
  boolean judgesMissingService(String namespace, String name) {
    return serviceNamespaces.contains(namespace)
        && !mesh.isExternal("Service", namespace, name)
        && !mesh.isExternalHost(name + "." + namespace + ".svc.cluster.local");
  }

  /**
   * Whether a Gateway the input does not define is reported missing: only when the input defines
   * some Gateway (routes alone say nothing about the cluster's Gateways) and does not say it lives
   * elsewhere.
   */
  boolean judgesMissingGateway(String namespace, String name) {
    return !gateways.isEmpty() && !mesh.isExternal("Gateway", namespace, name);
  }

  static List<ServicePort> ports(Service s) {
    return s.spec().map(ServiceSpec::ports).orElse(List.of());
  }

  /**
   * Whether a ReferenceGrant in {@code toNamespace} lets objects of {@code fromKind} in {@code
   * fromNamespace} refer to the object {@code toGroup}/{@code toKind} {@code toName}: a grant's
   * {@code from} names group, kind and namespace; its {@code to} group and kind, and a name only
   * when it allows one object.
   */
  boolean granted(
      String fromGroup,
      String fromKind,
      String fromNamespace,
      String toNamespace,
      String toGroup,
      String toKind,
      String toName) {
    for (ReferenceGrant g : grants.getOrDefault(toNamespace, List.of())) {
      boolean from = false;
      for (ReferenceGrantFrom f : g.spec().from()) {
        from |=
            f.group().equals(fromGroup)
                && f.kind().equals(fromKind)
                && f.namespace().equals(fromNamespace);
      }
      if (!from) {
        continue;
      }
      for (ReferenceGrantTo t : g.spec().to()) {
        if (t.group().equals(toGroup)
            && t.kind().equals(toKind)
            && t.name().map(n -> n.isEmpty() || n.equals(toName)).orElse(true)) {
          return true;
        }
      }
    }
    return false;
  }

  /** What a label selector says about a namespace: it matches, it does not, or nobody can tell. */
  enum Match {
    YES,
    NO,
    UNKNOWN
  }

  /**
   * Whether a selector matches a namespace: by its labels when the input defines it, else only by
   * the {@code kubernetes.io/metadata.name} label Kubernetes gives every namespace.
   */
  Match selects(LabelSelector selector, String namespace) {
    Optional<Namespace> object = namespaceObject(namespace);
    Map<String, String> labels = new HashMap<>();
    object.ifPresent(n -> labels.putAll(n.metadata().labels()));
    labels.put(NAME_LABEL, namespace);
    if (object.isEmpty() && !onlyByName(selector)) {
      return Match.UNKNOWN;
    }
    return matches(selector, labels) ? Match.YES : Match.NO;
  }

  private static boolean onlyByName(LabelSelector s) {
    return s.matchLabels().keySet().stream().allMatch(NAME_LABEL::equals)
        && s.matchExpressions().stream().allMatch(e -> e.key().equals(NAME_LABEL));
  }

  /** Kubernetes label selector semantics: every matchLabels pair and every expression. */
  static boolean matches(LabelSelector s, Map<String, String> labels) {
    for (Map.Entry<String, String> e : s.matchLabels().entrySet()) {
      if (!e.getValue().equals(labels.get(e.getKey()))) {
        return false;
      }
    }
    for (LabelSelectorRequirement r : s.matchExpressions()) {
      String value = labels.get(r.key());
      boolean ok =
          switch (r.operator()) {
            case "In" -> value != null && r.values().contains(value);
            case "NotIn" -> value == null || !r.values().contains(value);
            case "Exists" -> value != null;
            case "DoesNotExist" -> value == null;
            default -> false;
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
