package dev.sailplan.gatewayapi.internal.analysis;

import dev.sailplan.core.validation.Analyzer;
import dev.sailplan.core.validation.FieldPath;
import dev.sailplan.core.validation.Level;
import dev.sailplan.core.validation.Mesh;
import dev.sailplan.core.validation.Reports;
import dev.sailplan.gatewayapi.v1.AllowedRoutes;
import dev.sailplan.gatewayapi.v1.Gateway;
import dev.sailplan.gatewayapi.v1.GatewayClass;
import dev.sailplan.gatewayapi.v1.Listener;
import dev.sailplan.gatewayapi.v1.RouteGroupKind;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The Gateway's own configuration: listeners that are not distinct (SP5008), route kinds a
 * listener's protocol cannot carry (SP5004), and GatewayClasses the input does not define (SP5011).
 */
final class ListenerAnalysis implements Analyzer {
  /** The classes Istio installs itself. */
  private static final Set<String> WELL_KNOWN = Set.of("istio", "istio-waypoint", "istio-remote");

  private static final FieldPath LISTENERS = FieldPath.root().field("spec").field("listeners");

  @Override
  public void analyze(Mesh mesh, Reports reports) {
    Set<String> classes = new HashSet<>();
    for (GatewayClass c : mesh.all(GatewayClass.class)) {
      classes.add(Topology.name(c));
    }
    for (Gateway g : mesh.all(Gateway.class)) {
      String gatewayClass = g.spec().gatewayClassName();
      if (!classes.contains(gatewayClass)
          && !WELL_KNOWN.contains(gatewayClass)
          && !mesh.isExternal("GatewayClass", "", gatewayClass)) {
        reports
            .on(g)
            .add(
                "SP5011",
                "",
                Level.INFO,
                FieldPath.root().field("spec").field("gatewayClassName"),
                "",
                "GatewayClass "
                    + gatewayClass
                    + " is not defined in the input; the Gateway is programmed only if the"
                    + " cluster has it and its controller runs");
      }
      conflicts(g, reports);
      kinds(g, reports);
    }
  }

  /** Listeners on one port that a connection cannot be told apart by, which the spec refuses. */
  private static void conflicts(Gateway g, Reports reports) {
    List<Listener> listeners = g.spec().listeners();
    for (int j = 1; j < listeners.size(); j++) {
      Listener b = listeners.get(j);
      for (int i = 0; i < j; i++) {
        Listener a = listeners.get(i);
        if (a.port() != b.port()) {
          continue;
        }
        String why = conflict(a, b);
        if (why != null) {
          reports
              .on(g)
              .add(
                  "SP5008",
                  "",
                  Level.ERROR,
                  LISTENERS.index(j),
                  "",
                  "listener "
                      + b.name()
                      + " ("
                      + b.protocol()
                      + " "
                      + b.port()
                      + ") conflicts with listener "
                      + a.name()
                      + " ("
                      + a.protocol()
                      + " "
                      + a.port()
                      + "): "
                      + why
                      + "; conflicting listeners are not accepted");
          break;
        }
      }
    }
  }

  private static String conflict(Listener a, Listener b) {
    String fa = family(a.protocol());
    String fb = family(b.protocol());
    if (fa == null || fb == null) {
      return null; // an implementation's protocol: its rules are its own
    }
    String ha = a.hostname().orElse("");
    String hb = b.hostname().orElse("");
    if (a.protocol().equals(b.protocol()) && ha.equals(hb)) {
      return "the same port, protocol and hostname" + (ha.isEmpty() ? " (none)" : " " + ha);
    }
    if ((fa.equals("tcp") && fb.equals("tcp")) || (fa.equals("udp") && fb.equals("udp"))) {
      return b.protocol() + " listeners are distinct only by port";
    }
    if ((fa.equals("tcp") && !fb.equals("udp")) || (fb.equals("tcp") && !fa.equals("udp"))) {
      return "listeners that share a port with a TCP listener are not distinct";
    }
    if (!fa.equals(fb) && !fa.equals("udp") && !fb.equals("udp")) {
      return "plain HTTP and TLS (HTTPS, TLS) cannot share a port";
    }
    return null;
  }

  /**
   * How a protocol is told apart on a port: HTTP by Host, HTTPS and TLS by SNI, TCP and UDP not.
   */
  private static String family(String protocol) {
    return switch (protocol) {
      case "HTTP" -> "http";
      case "HTTPS", "TLS" -> "tls";
      case "TCP" -> "tcp";
      case "UDP" -> "udp";
      default -> null;
    };
  }

  /** allowedRoutes.kinds that the listener's protocol cannot carry: the listener drops them. */
  private static void kinds(Gateway g, Reports reports) {
    List<Listener> listeners = g.spec().listeners();
    for (int i = 0; i < listeners.size(); i++) {
      Listener l = listeners.get(i);
      List<String> carried = AttachmentAnalysis.carriedKinds(l.protocol());
      List<RouteGroupKind> kinds = l.allowedRoutes().map(AllowedRoutes::kinds).orElse(List.of());
      for (int k = 0; k < kinds.size(); k++) {
        RouteGroupKind kind = kinds.get(k);
        if (!carried.isEmpty()
            && kind.group().orElse(Topology.GROUP).equals(Topology.GROUP)
            && !carried.contains(kind.kind())) {
          reports
              .on(g)
              .add(
                  "SP5004",
                  "",
                  Level.WARNING,
                  LISTENERS.index(i).field("allowedRoutes").field("kinds").index(k),
                  "",
                  "listener "
                      + l.name()
                      + " ("
                      + l.protocol()
                      + ") cannot carry "
                      + kind.kind()
                      + " (only "
                      + String.join(", ", carried)
                      + "); no such route attaches to it");
        }
      }
    }
  }
}
