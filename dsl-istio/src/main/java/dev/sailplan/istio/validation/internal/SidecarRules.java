package dev.sailplan.istio.validation.internal;

import dev.sailplan.core.validation.FieldPath;
import dev.sailplan.istio.networking.v1.Destination;
import dev.sailplan.istio.networking.v1.IstioEgressListener;
import dev.sailplan.istio.networking.v1.IstioIngressListener;
import dev.sailplan.istio.networking.v1.OutboundTrafficPolicy;
import dev.sailplan.istio.networking.v1.OutboundTrafficPolicyMode;
import dev.sailplan.istio.networking.v1.ServerTLSMode;
import dev.sailplan.istio.networking.v1.ServerTLSSettings;
import dev.sailplan.istio.networking.v1.Sidecar;
import dev.sailplan.istio.networking.v1.SidecarPort;
import dev.sailplan.istio.networking.v1.SidecarSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What istiod's {@code ValidateSidecar} rejects. */
public final class SidecarRules {
  private static final String UNIX = "unix://";
  private static final Set<String> LOCAL = Set.of("", "127.0.0.1", "0.0.0.0", "::1", "::");

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
    spec.outboundTrafficPolicy()
        .ifPresent(p -> outbound(p, path.field("outboundTrafficPolicy"), out));
  }

  private static void outbound(OutboundTrafficPolicy policy, FieldPath path, Rejections out) {
    if (policy.egressProxy().isEmpty()) {
      return;
    }
    FieldPath at = path.field("egressProxy");
    if (policy.mode().orElse(OutboundTrafficPolicyMode.REGISTRY_ONLY)
        != OutboundTrafficPolicyMode.ALLOW_ANY) {
      out.add(
          "SP0454",
          at,
          "sidecar: egress_proxy must be set only with ALLOW_ANY outbound_traffic_policy mode");
      return;
    }
    Destination proxy = policy.egressProxy().get();
    out.addIfAny("SP0454", at.field("host"), Names.fqdn(proxy.host()));
    if (proxy.port().isEmpty()) {
      out.add("SP0454", at.field("port"), "sidecar: egress_proxy port must be non-nil");
      return;
    }
    VirtualServiceRules.destination(proxy, at, out);
  }

  /** The workload's end of an inbound listener: loopback, any address, or a unix socket. */
  private static void defaultEndpoint(String endpoint, FieldPath path, Rejections out) {
    if (endpoint.startsWith(UNIX)) {
      String socket = endpoint.substring(UNIX.length());
      if (socket.isEmpty()) {
        out.add("SP0453", path, "unix address must not be empty");
      } else if (!socket.startsWith("@") && (!socket.startsWith("/") || socket.endsWith("/"))) {
        out.add("SP0453", path, socket + " is not an absolute path to a file");
      }
      return;
    }
    int colon = endpoint.lastIndexOf(':');
    if (colon < 0) {
      out.add("SP0453", path, "address " + endpoint + ": missing port in address");
      return;
    }
    String host = endpoint.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    } else if (host.contains(":")) {
      out.add("SP0453", path, "address " + endpoint + ": too many colons in address");
      return;
    }
    if (!LOCAL.contains(host)) {
      out.add(
          "SP0453",
          path,
          "sidecar: defaultEndpoint must be of form 127.0.0.1:<port>,0.0.0.0:<port>,[::1]:port,"
              + "[::]:port,unix://filepath or unset");
    }
    String port = endpoint.substring(colon + 1);
    if (port.isEmpty() || port.length() > 9 || !port.chars().allMatch(Character::isDigit)) {
      out.add("SP0453", path, "sidecar: defaultEndpoint port (" + port + ") is not a number");
    } else {
      out.addIfAny("SP0423", path, Values.port(Long.parseLong(port)));
    }
  }

  private static void tls(ServerTLSSettings tls, FieldPath path, Rejections out) {
    if (!tls.subjectAltNames().isEmpty()) {
      out.add(
          "SP0453",
          path.field("subjectAltNames"),
          "sidecar: subjectAltNames is not supported in ingress tls");
    }
    if (tls.httpsRedirect().orElse(false)) {
      out.add("SP0453", path.field("httpsRedirect"), "sidecar: httpsRedirect is not supported");
    }
    if (tls.credentialName().isPresent()) {
      out.add(
          "SP0453",
          path.field("credentialName"),
          "sidecar: credentialName is not currently supported");
    }
    ServerTLSMode mode = tls.mode().orElse(ServerTLSMode.PASSTHROUGH);
    if (mode == ServerTLSMode.ISTIO_MUTUAL || mode == ServerTLSMode.AUTO_PASSTHROUGH) {
      out.add(
          "SP0453",
          path.field("mode"),
          "configuration is invalid: cannot set mode to "
              + mode.value()
              + " in sidecar ingress tls");
    }
    GatewayRules.tls(tls, path, out);
  }

  private static void ingress(
      List<IstioIngressListener> listeners, FieldPath path, Rejections out) {
    Set<Long> ports = new HashSet<>();
    for (int i = 0; i < listeners.size(); i++) {
      IstioIngressListener listener = listeners.get(i);
      FieldPath at = path.index(i);
      FieldPath number = at.field("port").field("number");
      port(listener.port(), at.field("port"), out);
      listener
          .defaultEndpoint()
          .filter(e -> !e.isEmpty())
          .ifPresent(e -> defaultEndpoint(e, at.field("defaultEndpoint"), out));
      listener.tls().ifPresent(t -> tls(t, at.field("tls"), out));
      listener
          .bind()
          .filter(b -> !b.isEmpty())
          .ifPresent(b -> out.addIfAny("SP0428", at.field("bind"), Addresses.bind(b)));
      long n = listener.port().number().orElse(0);
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
          if (!bind.isEmpty()) {
            out.addIfAny("SP0428", at.field("bind"), Addresses.bind(bind));
          }
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
