package dev.sailplan.istio.internal.analysis;

import dev.sailplan.core.k8s.Protocol;
import dev.sailplan.core.k8s.Service;
import dev.sailplan.core.k8s.ServicePort;
import dev.sailplan.core.k8s.ServiceSpec;
import dev.sailplan.core.k8s.ServiceType;
import dev.sailplan.core.validation.Analyzer;
import dev.sailplan.core.validation.FieldPath;
import dev.sailplan.core.validation.Level;
import dev.sailplan.core.validation.Mesh;
import dev.sailplan.core.validation.Reports;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * SP1013: a Service port whose protocol Istio cannot read from its name ({@code http-web}) or its
 * {@code appProtocol}; traffic is then sniffed, and falls back to plain TCP when that fails.
 */
final class ServicePorts implements Analyzer {
  /** The protocols Istio reads from a port name's prefix or an appProtocol. */
  private static final Set<String> PROTOCOLS =
      Set.of(
          "grpc",
          "grpc-web",
          "http",
          "http2",
          "https",
          "tcp",
          "tls",
          "udp",
          "mongo",
          "mysql",
          "redis",
          "http_proxy",
          "h2c",
          "kubernetes.io/h2c",
          "kubernetes.io/ws",
          "kubernetes.io/wss");

  /** Namespaces outside the mesh, which istioctl does not analyse either. */
  private static final Set<String> SYSTEM =
      Set.of("kube-system", "kube-public", "kube-node-lease", "local-path-storage");

  @Override
  public void analyze(Mesh mesh, Reports reports) {
    for (Service s : mesh.all(Service.class)) {
      if (SYSTEM.contains(Hosts.namespace(s)) || s.spec().isEmpty()) {
        continue;
      }
      ServiceSpec spec = s.spec().get();
      List<ServicePort> ports = spec.ports();
      for (int i = 0; i < ports.size(); i++) {
        ServicePort p = ports.get(i);
        String name = p.name().orElse("");
        Optional<String> app = p.appProtocol().filter(a -> !a.isEmpty());
        if (declared(name, app, p.protocol())) {
          continue;
        }
        if (name.equals("tcp")
            && spec.type().filter(ServiceType.EXTERNAL_NAME::equals).isPresent()) {
          continue;
        }
        String target = p.targetPort().map(Object::toString).orElse(String.valueOf(p.port()));
        reports
            .on(s)
            .add(
                "SP1013",
                "IST0118",
                Level.WARNING,
                FieldPath.root().field("spec").field("ports").index(i),
                "",
                "port "
                    + (name.isEmpty() ? "without a name" : "\"" + name + "\"")
                    + " (port: "
                    + p.port()
                    + ", targetPort: "
                    + target
                    + ") declares no protocol: name it <protocol>[-suffix] (e.g. http-web) or set"
                    + " appProtocol, or Istio may treat its traffic as plain TCP and drop every L7"
                    + " feature");
      }
    }
  }

  private static boolean declared(String name, Optional<String> app, Optional<Protocol> l4) {
    if (app.isPresent()) {
      return PROTOCOLS.contains(app.get().toLowerCase(Locale.ROOT));
    }
    if (l4.filter(p -> p != Protocol.TCP).isPresent()) {
      return true; // UDP and SCTP are never sniffed
    }
    String lower = name.toLowerCase(Locale.ROOT);
    int dash = lower.indexOf('-');
    String prefix = dash < 0 ? lower : lower.substring(0, dash);
    return PROTOCOLS.contains(prefix) || lower.startsWith("grpc-web");
  }
}
