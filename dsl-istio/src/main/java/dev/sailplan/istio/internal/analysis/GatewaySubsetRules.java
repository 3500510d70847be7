package dev.sailplan.istio.internal.analysis;

import dev.sailplan.core.validation.Analyzer;
import dev.sailplan.core.validation.FieldPath;
import dev.sailplan.core.validation.Level;
import dev.sailplan.core.validation.Mesh;
import dev.sailplan.core.validation.Reports;
import dev.sailplan.istio.networking.v1.HTTPRoute;
import dev.sailplan.istio.networking.v1.HTTPRouteDestination;
import dev.sailplan.istio.networking.v1.VirtualService;
import dev.sailplan.istio.networking.v1.VirtualServiceSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * SP1027 (IST0140): a VirtualService bound to a gateway sends traffic to a host without a subset
 * while a mesh VirtualService of that host splits it by subset. A gateway applies only the
 * VirtualServices bound to it, so the split (a canary's 10 %, a version pin) never applies to the
 * requests that come in through it: the edge traffic reaches every version in proportion to its
 * pods.
 */
final class GatewaySubsetRules implements Analyzer {
  @Override
  public void analyze(Mesh mesh, Reports reports) {
    // Host (FQDN) -> the mesh VirtualServices that route it by subset, and their subsets.
    Map<String, Map<VirtualService, Set<String>>> splits = new HashMap<>();
    for (VirtualService vs : mesh.all(VirtualService.class)) {
      VirtualServiceSpec spec = vs.spec().orElse(null);
      if (spec == null || !appliesToSidecars(spec)) {
        continue;
      }
      Set<String> hosts = new TreeSet<>();
      spec.hosts().forEach(h -> hosts.add(Hosts.fqdn(h, vs)));
      for (HTTPRoute http : spec.http()) {
        for (HTTPRouteDestination d : http.route()) {
          String host = Hosts.fqdn(d.destination().host(), vs);
          if (d.destination().subset().isPresent() && hosts.contains(host)) {
            splits
                .computeIfAbsent(host, k -> new HashMap<>())
                .computeIfAbsent(vs, k -> new TreeSet<>())
                .add(d.destination().subset().get());
          }
        }
      }
    }
    if (splits.isEmpty()) {
      return;
    }
    for (VirtualService vs : mesh.all(VirtualService.class)) {
      VirtualServiceSpec spec = vs.spec().orElse(null);
      if (spec == null) {
        continue;
      }
      List<String> gateways = spec.gateways().stream().filter(g -> !g.equals("mesh")).toList();
      if (gateways.isEmpty()) {
        continue;
      }
      List<HTTPRoute> http = spec.http();
      for (int i = 0; i < http.size(); i++) {
        List<HTTPRouteDestination> route = http.get(i).route();
        for (int j = 0; j < route.size(); j++) {
          if (route.get(j).destination().subset().isPresent()) {
            continue;
          }
          String host = Hosts.fqdn(route.get(j).destination().host(), vs);
          Map<VirtualService, Set<String>> split = splits.getOrDefault(host, Map.of());
          List<String> by = new ArrayList<>();
          split.forEach(
              (other, subsets) -> {
                if (!other.equals(vs)) {
                  by.add(
                      "VirtualService "
                          + Hosts.namespace(other)
                          + "/"
                          + Hosts.name(other)
                          + " (subsets "
                          + String.join(", ", subsets)
                          + ")");
                }
              });
          if (by.isEmpty()) {
            continue;
          }
          by.sort(null);
          reports
              .on(vs)
              .add(
                  "SP1027",
                  "IST0140",
                  Level.WARNING,
                  FieldPath.root()
                      .field("spec")
                      .field("http")
                      .index(i)
                      .field("route")
                      .index(j)
                      .field("destination")
                      .field("host"),
                  "",
                  "gateway "
                      + String.join(", ", gateways)
                      + " sends "
                      + route.get(j).destination().host()
                      + " without a subset, so the split of "
                      + String.join(", ", by)
                      + " does not apply to its requests: a gateway applies only the"
                      + " VirtualServices bound to it; route to the subsets here too, or bind"
                      + " that VirtualService to the gateway");
        }
      }
    }
  }

  /** A VirtualService without gateways, or naming {@code mesh}, applies to the sidecars. */
  private static boolean appliesToSidecars(VirtualServiceSpec spec) {
    return spec.gateways().isEmpty() || spec.gateways().contains("mesh");
  }
}
