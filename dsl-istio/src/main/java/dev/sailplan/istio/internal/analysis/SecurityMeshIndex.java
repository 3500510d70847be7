package dev.sailplan.istio.internal.analysis;

import dev.sailplan.core.k8s.Namespace;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.validation.KubeObject;
import dev.sailplan.core.validation.Mesh;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The workloads of one run indexed by namespace and label pair, built once, so that finding the
 * pods a selector matches costs the smallest bucket of one of its pairs, not a scan of the mesh.
 */
final class SecurityMeshIndex {
  /** Where gateways live by Sailplan's persona layout, besides Istio's own namespace. */
  static final Set<String> GATEWAY_NAMESPACES =
      Set.of("istio-system", "istio-ingress", "istio-egress", "istio-eastwest", "istio-gateways");

  private final Mesh mesh;
  private final Map<String, Map<String, List<KubeObject>>> byPair = new HashMap<>();
  private final Map<String, List<KubeObject>> byPairAnywhere = new HashMap<>();

  /**
   * The label {@code MeshLayout} gives each namespace, naming the persona that owns it; a namespace
   * a layout gives to the network owners holds gateways, whatever its name.
   */
  static final String PERSONA_LABEL = "sailplan.dev/persona";

  private final Map<String, Boolean> gatewayNamespaces = new HashMap<>();
  private final Set<String> networkOwned = new HashSet<>();
  private final boolean ownWorkloads;

  SecurityMeshIndex(Mesh mesh) {
    this.mesh = mesh;
    boolean own = false;
    for (KubeObject w : mesh.objects()) {
      if (!w.isWorkload()) {
        continue;
      }
      own |= !mesh.isAssumed(w);
      Map<String, List<KubeObject>> pairs =
          byPair.computeIfAbsent(w.namespace(), k -> new HashMap<>());
      for (Map.Entry<String, String> l : w.podLabels().entrySet()) {
        String pair = l.getKey() + "=" + l.getValue();
        pairs.computeIfAbsent(pair, k -> new ArrayList<>()).add(w);
        byPairAnywhere.computeIfAbsent(pair, k -> new ArrayList<>()).add(w);
      }
    }
    this.ownWorkloads = own;
    for (Namespace ns : mesh.all(Namespace.class)) {
      if ("network-owner".equals(ns.metadata().labels().get(PERSONA_LABEL))) {
        ns.metadata().name().ifPresent(networkOwned::add);
      }
    }
  }

  /**
   * Whether the input holds workloads of its own; the assumed default ingress gateway alone says
   * nothing about which pods exist.
   */
  boolean hasOwnWorkloads() {
    return ownWorkloads;
  }

  /**
   * The namespace a resource lives in; {@code default} when it names none, as kubectl applies it.
   */
  static String namespace(Resource r) {
    String ns = r.metadata().namespace().orElse("");
    return ns.isEmpty() ? "default" : ns;
  }

  /** Whether every pair of {@code selector} is among {@code labels}. */
  static boolean selects(Map<String, String> selector, Map<String, String> labels) {
    for (Map.Entry<String, String> e : selector.entrySet()) {
      if (!e.getValue().equals(labels.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /** Whether pods with these labels are a gateway's (an Istio or a Gateway API deployment). */
  static boolean isGatewayPod(Map<String, String> labels) {
    // istio: ingressgateway / egressgateway / eastwestgateway, app: istio-ingressgateway (Helm).
    String istio = labels.getOrDefault("istio", "");
    return istio.endsWith("gateway")
        || (labels.getOrDefault("app", "").startsWith("istio-")
            && labels.get("app").endsWith("gateway"))
        || labels.containsKey("gateway.networking.k8s.io/gateway-name")
        || labels.containsKey("istio.io/gateway-name");
  }

  /** The mesh this index is of. */
  Mesh mesh() {
    return mesh;
  }

  /** The workloads of {@code namespace} whose pods carry every pair of {@code selector}. */
  List<KubeObject> select(String namespace, Map<String, String> selector) {
    if (selector.isEmpty()) {
      return mesh.workloadsIn(namespace);
    }
    return smallest(byPair.getOrDefault(namespace, Map.of()), selector);
  }

  /** The workloads of any namespace whose pods carry every pair of {@code selector}. */
  List<KubeObject> selectAnywhere(Map<String, String> selector) {
    return smallest(byPairAnywhere, selector);
  }

  private static List<KubeObject> smallest(
      Map<String, List<KubeObject>> pairs, Map<String, String> selector) {
    List<KubeObject> bucket = null;
    for (Map.Entry<String, String> e : selector.entrySet()) {
      List<KubeObject> b = pairs.getOrDefault(e.getKey() + "=" + e.getValue(), List.of());
      if (bucket == null || b.size() < bucket.size()) {
        bucket = b;
      }
    }
    if (bucket == null) {
      return List.of();
    }
    List<KubeObject> out = new ArrayList<>();
    for (KubeObject w : bucket) {
      if (selects(selector, w.podLabels())) {
        out.add(w);
      }
    }
    return out;
  }

  /**
   * Whether a namespace holds gateways: one of the persona layout's gateway namespaces (by the
   * seeds' names, or labelled for the network owners), or one with a gateway workload in the input.
   */
  boolean isGatewayNamespace(String namespace) {
    return GATEWAY_NAMESPACES.contains(namespace)
        || networkOwned.contains(namespace)
        || gatewayNamespaces.computeIfAbsent(
            namespace,
            ns -> mesh.workloadsIn(ns).stream().anyMatch(w -> isGatewayPod(w.podLabels())));
  }
}
