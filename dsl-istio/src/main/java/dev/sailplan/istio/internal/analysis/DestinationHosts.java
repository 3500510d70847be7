package dev.sailplan.istio.internal.analysis;

import dev.sailplan.core.k8s.Service;
import dev.sailplan.core.k8s.ServicePort;
import dev.sailplan.core.k8s.ServiceSpec;
import dev.sailplan.core.validation.Analyzer;
import dev.sailplan.core.validation.FieldPath;
import dev.sailplan.core.validation.Level;
import dev.sailplan.core.validation.Mesh;
import dev.sailplan.core.validation.Reports;
import dev.sailplan.istio.networking.v1.Destination;
import dev.sailplan.istio.networking.v1.HTTPRoute;
import dev.sailplan.istio.networking.v1.RouteDestination;
import dev.sailplan.istio.networking.v1.VirtualService;
import dev.sailplan.istio.networking.v1.VirtualServiceSpec;
import dev.sailplan.istio.plan.MeshNames;
import java.util.List;
import java.util.Optional;

/**
 * The hosts routes send to: a host no Service or ServiceEntry defines (SP1015), and a destination
 * without a port toward a Service with several (SP1016).
 */
final class DestinationHosts implements Analyzer {
  @Override
  public void analyze(Mesh mesh, Reports reports) {
    DestinationIndex index = new DestinationIndex(mesh);
    for (VirtualService vs : mesh.all(VirtualService.class)) {
      Optional<VirtualServiceSpec> spec = vs.spec();
      if (spec.isEmpty()) {
        continue;
      }
      FieldPath root = FieldPath.root().field("spec");
      List<HTTPRoute> http = spec.get().http();
      for (int i = 0; i < http.size(); i++) {
        FieldPath at = root.field("http").index(i);
        List<dev.sailplan.istio.networking.v1.HTTPRouteDestination> to = http.get(i).route();
        for (int j = 0; j < to.size(); j++) {
          check(
              mesh,
              reports,
              index,
              vs,
              to.get(j).destination(),
              at.field("route").index(j).field("destination"));
        }
        if (http.get(i).mirror().isPresent()) {
          check(mesh, reports, index, vs, http.get(i).mirror().get(), at.field("mirror"));
        }
      }
      for (int i = 0; i < spec.get().tcp().size(); i++) {
        l4(mesh, reports, index, vs, spec.get().tcp().get(i).route(), root.field("tcp").index(i));
      }
      for (int i = 0; i < spec.get().tls().size(); i++) {
        l4(mesh, reports, index, vs, spec.get().tls().get(i).route(), root.field("tls").index(i));
      }
    }
  }

  private static void l4(
      Mesh mesh,
      Reports reports,
      DestinationIndex index,
      VirtualService vs,
      List<RouteDestination> to,
      FieldPath rule) {
    for (int j = 0; j < to.size(); j++) {
      check(
          mesh,
          reports,
          index,
          vs,
          to.get(j).destination(),
          rule.field("route").index(j).field("destination"));
    }
  }

  private static void check(
      Mesh mesh,
      Reports reports,
      DestinationIndex index,
      VirtualService vs,
      Destination d,
      FieldPath at) {
    if (d.host().isEmpty() || d.host().startsWith("*")) {
      return;
    }
    String host = canonical(index, Hosts.fqdn(d.host(), vs));
    if (!index.defines(host)) {
      Optional<String> ns = MeshNames.namespaceOf(host);
      // Judged only where the input is the inventory: a namespace whose Services it holds, and
      // hosts outside the cluster when it declares ServiceEntries.
      boolean judged = ns.isPresent() ? index.holdsServicesIn(ns.get()) : index.holdsEntries();
      if (judged && !mesh.isExternalHost(host)) {
        reports
            .on(vs)
            .add(
                "SP1015",
                "IST0101",
                Level.ERROR,
                at.field("host"),
                "",
                "host "
                    + host
                    + " is defined by no Service or ServiceEntry: requests to it fail with 503"
                    + " (no cluster); fix the name, or declare it with --assume-external when it"
                    + " lives elsewhere");
      }
      return;
    }
    Optional<Service> service = index.service(host);
    if (service.isEmpty() || d.port().isPresent()) {
      return;
    }
    List<ServicePort> ports = service.get().spec().map(ServiceSpec::ports).orElse(List.of());
    if (ports.size() > 1) {
      reports
          .on(vs)
          .add(
              "SP1016",
              "IST0112",
              Level.ERROR,
              at,
              "",
              "destination "
                  + host
                  + " has no port, and Service "
                  + service.get().qualifiedName()
                  + " has "
                  + ports.size()
                  + " ports ("
                  + String.join(", ", ports.stream().map(p -> String.valueOf(p.port())).toList())
                  + "): set port.number");
    }
  }

  /** {@code name.ns} and {@code name.ns.svc} as the in-cluster names they abbreviate. */
  private static String canonical(DestinationIndex index, String host) {
    if (index.defines(host)) {
      return host;
    }
    if (host.endsWith(".svc")) {
      return host + ".cluster.local";
    }
    if (host.indexOf('.') == host.lastIndexOf('.')) {
      return host + MeshNames.CLUSTER_SUFFIX;
    }
    return host;
  }
}
