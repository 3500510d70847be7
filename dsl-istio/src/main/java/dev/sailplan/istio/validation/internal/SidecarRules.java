package dev.sailplan.istio.validation.internal;

import dev.sailplan.core.validation.FieldPath;
import dev.sailplan.istio.networking.v1.IstioEgressListener;
import dev.sailplan.istio.networking.v1.IstioIngressListener;
import dev.sailplan.istio.networking.v1.Sidecar;
import dev.sailplan.istio.networking.v1.SidecarPort;
import dev.sailplan.istio.networking.v1.SidecarSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What istiod's {@code ValidateSidecar} rejects. */
public final class SidecarRules {
  private static final String UNIX = "unix://";

  private SidecarRules() {}

  /** Checks {@code sidecar}. */
  public static void check(Sidecar sidecar, Rejections out) {
    FieldPath path = FieldPath.root().field("spec");
    SidecarSpec spec = sidecar.spec().orElse(SidecarSpec.builder().build());
    if (spec.egress().isEmpty()
        && spec.ingress().isEmpty()
        && spec.outboundTrafficPolicy().isEmpty()
        && spec.inboundConnectionPool().isEmpty()) {
      out.add("SP0404", path, "sidecar: empty configuration provided");
      return;
    }
    ingress(spec.ingress(), path.field("ingress"), out);
    egress(spec.egress(), path.field("egress"), out);
  }

  private static void ingress(
      List<IstioIngressListener> listeners, FieldPath path, Rejections out) {
    Set<Long> ports = new HashSet<>();
    for (int i = 0; i < listeners.size(); i++) {
      FieldPath number = path.index(i).field("port").field("number");
      port(listeners.get(i).port(), path.index(i).field("port"), out);
      long n = listeners.get(i).port().number().orElse(0);
      out.addIfAny("SP0423", number, Values.port(n));
      if (!ports.add(n)) {
        out.add("SP0402", number, "sidecar: ports on IP bound listeners must be unique");
      }
    }
  }

  private static void egress(List<IstioEgressListener> listeners, FieldPath path, Rejections out) {
    Set<Long> ports = new HashSet<>();
    Set<String> sockets = new HashSet<>();
    for (int i = 0; i < listeners.size(); i++) {
      IstioEgressListener listener = listeners.get(i);
      FieldPath at = path.index(i);
      if (listener.port().isEmpty()) {
        // The catch-all listener: istiod takes only one, and only as the last.
        if (i != listeners.size() - 1) {
          out.add(
              "SP0401",
              at,
              "sidecar: the egress listener with empty port should be the last listener in the"
                  + " list");
        }
      } else {
        port(listener.port().get(), at.field("port"), out);
        long n = listener.port().get().number().orElse(0);
        String bind = listener.bind().orElse("");
        if (n == 0 && !bind.startsWith(UNIX)) {
          out.add(
              "SP0402",
              at.field("port").field("number"),
              "sidecar: ports with 0 value must have a unix domain socket bind address");
        } else if (n == 0 && !sockets.add(bind)) {
          out.add(
              "SP0402",
              at.field("bind"),
              "sidecar: unix domain socket values for listeners must be unique");
        } else if (n != 0) {
          out.addIfAny("SP0423", at.field("port").field("number"), Values.port(n));
          if (!ports.add(n)) {
            out.add(
                "SP0402",
                at.field("port").field("number"),
                "sidecar: ports on IP bound listeners must be unique");
          }
        }
      }
      hosts(listener.hosts(), at.field("hosts"), out);
    }
  }

  private static void port(SidecarPort port, FieldPath path, Rejections out) {
    port.name()
        .ifPresent(
            n ->
                out.addIfAny(
                    "SP0440", path.field("name"), n.isEmpty() ? null : Values.portName(n)));
    port.protocol()
        .ifPresent(p -> out.addIfAny("SP0439", path.field("protocol"), Values.protocol(p)));
    if (port.targetPort().orElse(0) > 0) {
      out.add("SP0444", path.field("targetPort"), "targetPort has no impact on Sidecars");
    }
  }

  private static void hosts(List<String> hosts, FieldPath path, Rejections out) {
    if (hosts.isEmpty()) {
      out.add("SP0403", path, "sidecar: egress listener must contain at least one host");
    }
    for (int j = 0; j < hosts.size(); j++) {
      for (String problem : Names.namespacedHost(hosts.get(j), false)) {
        out.add("SP0403", path.index(j), problem);
      }
    }
  }
}
