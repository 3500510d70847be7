package dev.sailplan.istio.internal.analysis;

import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.validation.Analyzer;
import dev.sailplan.core.validation.FieldPath;
import dev.sailplan.core.validation.Level;
import dev.sailplan.core.validation.Mesh;
import dev.sailplan.core.validation.Reports;
import dev.sailplan.istio.networking.v1.Gateway;
import dev.sailplan.istio.networking.v1.GatewaySpec;
import dev.sailplan.istio.networking.v1.HTTPRoute;
import dev.sailplan.istio.networking.v1.Server;
import dev.sailplan.istio.networking.v1.VirtualService;
import dev.sailplan.istio.networking.v1.VirtualServiceSpec;
import java.util.List;
import java.util.Optional;

/**
 * SP1012: a VirtualService bound to an Istio Gateway that does not exist, or to one that serves
 * none of its hosts for the VirtualService's namespace; either way the route is never used there.
 */
final class GatewayBindings implements Analyzer {
  private static final String GROUP = "networking.istio.io";

  @Override
  public void analyze(Mesh mesh, Reports reports) {
    // An input without Istio Gateways leaves them to another repository (the platform team's);
    // one that holds gateways is where they live, so a reference to none of them is a mistake.
    boolean holdsGateways = !mesh.all(Gateway.class).isEmpty();
    for (VirtualService vs : mesh.all(VirtualService.class)) {
      Optional<VirtualServiceSpec> spec = vs.spec();
      if (spec.isEmpty()) {
        continue;
      }
      FieldPath root = FieldPath.root().field("spec");
      List<String> gateways = spec.get().gateways();
      for (int g = 0; g < gateways.size(); g++) {
        Optional<Gateway> gw =
            gateway(
                mesh, reports, vs, gateways.get(g), root.field("gateways").index(g), holdsGateways);
        if (gw.isPresent()) {
          hosts(reports, vs, spec.get().hosts(), gw.get(), root.field("hosts"));
        }
      }
      List<HTTPRoute> http = spec.get().http();
      for (int i = 0; i < http.size(); i++) {
        for (int m = 0; m < http.get(i).match().size(); m++) {
          List<String> names = http.get(i).match().get(m).gateways();
          for (int g = 0; g < names.size(); g++) {
            if (!gateways.contains(names.get(g))) {
              gateway(
                  mesh,
                  reports,
                  vs,
                  names.get(g),
                  root.field("http").index(i).field("match").index(m).field("gateways").index(g),
                  holdsGateways);
            }
          }
        }
      }
    }
  }

  /** The gateway a reference names, reporting it when the input does not define it. */
  private static Optional<Gateway> gateway(
      Mesh mesh,
      Reports reports,
      VirtualService vs,
      String ref,
      FieldPath at,
      boolean holdsGateways) {
    if (ref.equals("mesh") || ref.isEmpty()) {
      return Optional.empty();
    }
    String ns;
    String name;
    int slash = ref.indexOf('/');
    if (slash >= 0) {
      ns = ref.substring(0, slash);
      name = ref.substring(slash + 1);
    } else if (ref.contains(".")) {
      // The legacy form name.namespace[.svc.cluster.local].
      String[] labels = ref.split("\\.", -1);
      name = labels[0];
      ns = labels[1];
    } else {
      ns = Hosts.namespace(vs);
      name = ref;
    }
    Optional<Resource> found = mesh.find(GROUP, "Gateway", ns, name);
    if (found.isPresent() && found.get() instanceof Gateway g) {
      return Optional.of(g);
    }
    if (holdsGateways && !mesh.isExternal("Gateway", ns, name)) {
      reports
          .on(vs)
          .add(
              "SP1012",
              "IST0101",
              Level.ERROR,
              at,
              "",
              "Gateway "
                  + ns
                  + "/"
                  + name
                  + " is not defined: the routes bound to it are never served there");
    }
    return Optional.empty();
  }

  /** Reports each host of the VirtualService that no server of the gateway admits. */
  private static void hosts(
      Reports reports, VirtualService vs, List<String> hosts, Gateway gw, FieldPath at) {
    List<Server> servers = gw.spec().map(GatewaySpec::servers).orElse(List.of());
    String vsNs = Hosts.namespace(vs);
    for (int h = 0; h < hosts.size(); h++) {
      String host = Hosts.fqdn(hosts.get(h), vs);
      boolean served = false;
      for (Server s : servers) {
        for (String entry : s.hosts()) {
          int slash = entry.indexOf('/');
          String ns = slash < 0 ? "*" : entry.substring(0, slash);
          String pattern = slash < 0 ? entry : entry.substring(slash + 1);
          boolean nsOk =
              ns.equals("*")
                  || ns.equals(vsNs)
                  || (ns.equals(".") && Hosts.namespace(gw).equals(vsNs));
          if (nsOk && Hosts.overlap(pattern, host)) {
            served = true;
          }
        }
      }
      if (!served) {
        reports
            .on(vs)
            .add(
                "SP1012",
                "IST0132",
                Level.ERROR,
                at.index(h),
                "",
                "host "
                    + hosts.get(h)
                    + " is not served by Gateway "
                    + gw.qualifiedName()
                    + ": no server's hosts admit it from namespace "
                    + vsNs
                    + ", so the gateway never routes it");
      }
    }
  }
}
