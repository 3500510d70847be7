package dev.sailplan.istio.internal.analysis;

import dev.sailplan.core.validation.Analyzer;
import dev.sailplan.core.validation.FieldPath;
import dev.sailplan.core.validation.Level;
import dev.sailplan.core.validation.Mesh;
import dev.sailplan.core.validation.Reports;
import dev.sailplan.istio.networking.v1.Destination;
import dev.sailplan.istio.networking.v1.DestinationRule;
import dev.sailplan.istio.networking.v1.DestinationRuleSpec;
import dev.sailplan.istio.networking.v1.HTTPRoute;
import dev.sailplan.istio.networking.v1.Subset;
import dev.sailplan.istio.networking.v1.VirtualService;
import dev.sailplan.istio.networking.v1.VirtualServiceSpec;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where routes meet DestinationRules: subsets routed to that the applying rule does not define
 * (SP1001), and rules in a namespace where istiod never looks for them (SP1009).
 */
final class DestinationRules implements Analyzer {
  @Override
  public void analyze(Mesh mesh, Reports reports) {
    DestinationIndex index = new DestinationIndex(mesh);
    // Every subset any rule defines, by host: what istioctl checks, visibility aside.
    Map<String, Set<String>> anywhere = new HashMap<>();
    for (DestinationRule dr : mesh.all(DestinationRule.class)) {
      dr.spec()
          .ifPresent(
              s ->
                  anywhere
                      .computeIfAbsent(Hosts.fqdn(s.host(), dr), k -> new HashSet<>())
                      .addAll(s.subsets().stream().map(Subset::name).toList()));
    }
    for (VirtualService vs : mesh.all(VirtualService.class)) {
      Optional<VirtualServiceSpec> spec = vs.spec();
      if (spec.isEmpty()) {
        continue;
      }
      FieldPath root = FieldPath.root().field("spec");
      for (int i = 0; i < spec.get().http().size(); i++) {
        HTTPRoute r = spec.get().http().get(i);
        FieldPath at = root.field("http").index(i);
        for (int j = 0; j < r.route().size(); j++) {
          subset(
              mesh,
              reports,
              index,
              anywhere,
              vs,
              r.route().get(j).destination(),
              at.field("route").index(j).field("destination"));
        }
        if (r.mirror().isPresent()) {
          subset(mesh, reports, index, anywhere, vs, r.mirror().get(), at.field("mirror"));
        }
      }
      for (int i = 0; i < spec.get().tcp().size(); i++) {
        var to = spec.get().tcp().get(i).route();
        for (int j = 0; j < to.size(); j++) {
          subset(
              mesh,
              reports,
              index,
              anywhere,
              vs,
              to.get(j).destination(),
              root.field("tcp").index(i).field("route").index(j).field("destination"));
        }
      }
      for (int i = 0; i < spec.get().tls().size(); i++) {
        var to = spec.get().tls().get(i).route();
        for (int j = 0; j < to.size(); j++) {
          subset(
              mesh,
              reports,
              index,
              anywhere,
              vs,
              to.get(j).destination(),
              root.field("tls").index(i).field("route").index(j).field("destination"));
        }
      }
    }
    for (DestinationRule dr : mesh.all(DestinationRule.class)) {
      misplaced(mesh, reports, index, dr);
    }
  }

  /** SP1001 for one destination. */
  private static void subset(
      Mesh mesh,
      Reports reports,
      DestinationIndex index,
      Map<String, Set<String>> anywhere,
      VirtualService vs,
      Destination d,
      FieldPath at) {
    if (d.subset().isEmpty() || d.subset().get().isEmpty()) {
      return;
    }
    String subset = d.subset().get();
    String host = Hosts.fqdn(d.host(), vs);
    // The clients are the gateways' proxies for a gateway-bound route, the mesh's otherwise (the
    // route's own namespace stands for them); the first client the subset fails for is reported.
    String client = null;
    List<DestinationRule> applying = List.of();
    for (String ns : clients(vs)) {
      List<DestinationRule> rules = index.applying(ns, host, mesh.rootNamespace());
      boolean defined = false;
      for (DestinationRule dr : rules) {
        if (dr.spec().map(DestinationRuleSpec::subsets).orElse(List.of()).stream()
            .anyMatch(s -> s.name().equals(subset))) {
          defined = true;
        }
      }
      if (!defined) {
        client = ns;
        applying = rules;
        break;
      }
    }
    if (client == null) {
      return;
    }
    boolean definedSomewhere = anywhere.getOrDefault(host, Set.of()).contains(subset);
    if (applying.isEmpty()
        && !anywhere.containsKey(host)
        && (!index.defines(host) || mesh.isExternalHost(host))) {
      // Neither the service nor any rule for it is in the input: its rules live with it, outside.
      return;
    }
    String why;
    if (!applying.isEmpty()) {
      why =
          "DestinationRule "
              + applying.get(0).qualifiedName()
              + ", which applies to clients in "
              + client
              + ", does not define it";
    } else if (definedSomewhere) {
      why =
          "the DestinationRule that defines it is not in "
              + client
              + ", the service's namespace or the root namespace "
              + mesh.rootNamespace()
              + ", or is not exported to "
              + client;
    } else {
      why = "no DestinationRule for that host defines it";
    }
    reports
        .on(vs)
        .add(
            "SP1001",
            definedSomewhere ? "" : "IST0101",
            Level.ERROR,
            at.field("subset"),
            "",
            "subset "
                + subset
                + " of "
                + host
                + " is not defined: "
                + why
                + "; requests to it fail with 503 (no route)");
  }

  /** The namespaces of the proxies that use a VirtualService's routes. */
  private static List<String> clients(VirtualService vs) {
    List<String> gateways = vs.spec().map(VirtualServiceSpec::gateways).orElse(List.of());
    java.util.Set<String> out = new java.util.LinkedHashSet<>();
    if (gateways.isEmpty() || gateways.contains("mesh")) {
      out.add(Hosts.namespace(vs));
    }
    for (String g : gateways) {
      int slash = g.indexOf('/');
      if (!g.equals("mesh")) {
        out.add(slash < 0 ? Hosts.namespace(vs) : g.substring(0, slash));
      }
    }
    return List.copyOf(out);
  }

  /** SP1009: a rule only applies from its own, the service's or the root namespace. */
  private static void misplaced(
      Mesh mesh, Reports reports, DestinationIndex index, DestinationRule dr) {
    if (dr.spec().isEmpty() || dr.spec().get().host().isEmpty()) {
      return;
    }
    String ns = Hosts.namespace(dr);
    String host = Hosts.fqdn(dr.spec().get().host(), dr);
    Optional<String> serviceNs = index.serviceNamespace(host);
    if (serviceNs.isEmpty() || serviceNs.get().equals(ns) || ns.equals(mesh.rootNamespace())) {
      return;
    }
    boolean clients = !Hosts.hasWorkloads(mesh) || !mesh.workloadsIn(ns).isEmpty();
    String reach =
        clients
            ? "it applies only to clients in " + ns + "; every other client ignores it silently"
            : "no workload runs in " + ns + ", so no client uses it";
    reports
        .on(dr)
        .add(
            "SP1009",
            "",
            Level.WARNING,
            FieldPath.root().field("spec").field("host"),
            "",
            "DestinationRule for "
                + host
                + " is in "
                + ns
                + ", neither the service's namespace "
                + serviceNs.get()
                + " nor the root namespace "
                + mesh.rootNamespace()
                + ": "
                + reach
                + "; move it to "
                + serviceNs.get());
  }
}
