package dev.sailplan.istio.internal.analysis;

import dev.sailplan.core.k8s.Service;
import dev.sailplan.core.validation.Mesh;
import dev.sailplan.istio.networking.v1.DestinationRule;
import dev.sailplan.istio.networking.v1.DestinationRuleSpec;
import dev.sailplan.istio.networking.v1.ServiceEntry;
import dev.sailplan.istio.plan.MeshNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The services and DestinationRules of one run, indexed once by host and namespace, and Istio's
 * lookup of the DestinationRule that applies to a client calling a host.
 */
final class DestinationIndex {
  /** The namespace of each in-mesh host: a Service's, or the ServiceEntry's that declares it. */
  private final Map<String, String> serviceNamespace = new HashMap<>();

  /** The Services by fully qualified host. */
  private final Map<String, Service> services = new HashMap<>();

  /** The hosts ServiceEntries declare, with wildcards, and their namespace. */
  private final List<String[]> entryWildcards = new ArrayList<>();

  /** The DestinationRules by namespace, then by their fully qualified host. */
  private final Map<String, Map<String, List<DestinationRule>>> rules = new HashMap<>();

  /** The wildcard hosts of each namespace's rules, so a lookup never scans the exact ones. */
  private final Map<String, List<String>> wildcards = new HashMap<>();

  /** The namespaces that hold a Service of the input. */
  private final java.util.Set<String> serviceNamespaces = new java.util.HashSet<>();

  private final boolean hasEntries;

  DestinationIndex(Mesh mesh) {
    for (Service s : mesh.all(Service.class)) {
      String host = Hosts.name(s) + "." + Hosts.namespace(s) + MeshNames.CLUSTER_SUFFIX;
      services.put(host, s);
      serviceNamespaces.add(Hosts.namespace(s));
      serviceNamespace.put(host, Hosts.namespace(s));
    }
    List<ServiceEntry> entries = mesh.all(ServiceEntry.class);
    hasEntries = !entries.isEmpty();
    for (ServiceEntry se : entries) {
      for (String h : se.spec().hosts()) {
        if (h.startsWith("*")) {
          entryWildcards.add(new String[] {h, Hosts.namespace(se)});
        }
        serviceNamespace.putIfAbsent(h, Hosts.namespace(se));
      }
    }
    for (DestinationRule dr : mesh.all(DestinationRule.class)) {
      Optional<DestinationRuleSpec> spec = dr.spec();
      if (spec.isEmpty() || spec.get().host().isEmpty()) {
        continue;
      }
      String host = Hosts.fqdn(spec.get().host(), dr);
      List<DestinationRule> same =
          rules
              .computeIfAbsent(Hosts.namespace(dr), k -> new HashMap<>())
              .computeIfAbsent(host, k -> new ArrayList<>());
      if (same.isEmpty() && host.startsWith("*")) {
        wildcards.computeIfAbsent(Hosts.namespace(dr), k -> new ArrayList<>()).add(host);
      }
      same.add(dr);
    }
  }

  /** The Service of a fully qualified host. */
  Optional<Service> service(String host) {
    return Optional.ofNullable(services.get(host));
  }

  /**
   * The namespace of the service behind a fully qualified host: its Service's, its ServiceEntry's,
   * or the one its in-cluster name says.
   */
  Optional<String> serviceNamespace(String host) {
    String ns = serviceNamespace.get(host);
    if (ns != null) {
      return Optional.of(ns);
    }
    Optional<String> named = MeshNames.namespaceOf(host);
    if (named.isPresent()) {
      return named;
    }
    for (String[] w : entryWildcards) {
      if (Hosts.covers(w[0], host)) {
        return Optional.of(w[1]);
      }
    }
    return Optional.empty();
  }

  /** Whether the input holds a Service in the namespace: then it is that namespace's inventory. */
  boolean holdsServicesIn(String namespace) {
    return serviceNamespaces.contains(namespace);
  }

  /** Whether the input holds a ServiceEntry. */
  boolean holdsEntries() {
    return hasEntries;
  }

  /** Whether a Service or ServiceEntry of the input defines the host. */
  boolean defines(String host) {
    if (serviceNamespace.containsKey(host)) {
      return true;
    }
    for (String[] w : entryWildcards) {
      if (Hosts.covers(w[0], host)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The DestinationRules that apply to a client in {@code client} calling {@code host}, as istiod
   * chooses them: the first of the client's namespace, the service's and the root namespace that
   * holds a rule for the host visible to the client; in it, the rules of the most specific host.
   */
  List<DestinationRule> applying(String client, String host, String root) {
    List<String> order = new ArrayList<>();
    order.add(client);
    serviceNamespace(host).ifPresent(order::add);
    order.add(root);
    for (String ns : order) {
      List<DestinationRule> found = inNamespace(ns, client, host);
      if (!found.isEmpty()) {
        return found;
      }
    }
    return List.of();
  }

  private List<DestinationRule> inNamespace(String ns, String client, String host) {
    Map<String, List<DestinationRule>> byHost = rules.getOrDefault(ns, Map.of());
    List<DestinationRule> exact = visible(byHost.getOrDefault(host, List.of()), client);
    if (!exact.isEmpty()) {
      return exact;
    }
    // The most specific wildcard wins: the longest pattern that covers the host.
    String best = null;
    for (String pattern : wildcards.getOrDefault(ns, List.of())) {
      if (Hosts.covers(pattern, host)
          && !visible(byHost.get(pattern), client).isEmpty()
          && (best == null || pattern.length() > best.length())) {
        best = pattern;
      }
    }
    return best == null ? List.of() : visible(byHost.get(best), client);
  }

  private static List<DestinationRule> visible(List<DestinationRule> drs, String client) {
    List<DestinationRule> out = new ArrayList<>();
    for (DestinationRule dr : drs) {
      List<String> exportTo = dr.spec().map(DestinationRuleSpec::exportTo).orElse(List.of());
      if (Hosts.visible(exportTo, Hosts.namespace(dr), client)) {
        out.add(dr);
      }
    }
    return out;
  }
}
