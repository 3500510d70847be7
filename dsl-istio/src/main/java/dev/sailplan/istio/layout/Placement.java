package dev.sailplan.istio.layout;

import dev.sailplan.core.meta.ObjectMeta;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.istio.extensions.v1alpha1.TrafficExtension;
import dev.sailplan.istio.extensions.v1alpha1.WasmPlugin;
import dev.sailplan.istio.networking.v1.Destination;
import dev.sailplan.istio.networking.v1.DestinationRule;
import dev.sailplan.istio.networking.v1.Gateway;
import dev.sailplan.istio.networking.v1.HTTPRoute;
import dev.sailplan.istio.networking.v1.RouteDestination;
import dev.sailplan.istio.networking.v1.ServiceEntry;
import dev.sailplan.istio.networking.v1.Sidecar;
import dev.sailplan.istio.networking.v1.TCPRoute;
import dev.sailplan.istio.networking.v1.TLSRoute;
import dev.sailplan.istio.networking.v1.VirtualService;
import dev.sailplan.istio.networking.v1.VirtualServiceSpec;
import dev.sailplan.istio.networking.v1.WorkloadEntry;
import dev.sailplan.istio.networking.v1.WorkloadGroup;
import dev.sailplan.istio.networking.v1alpha3.EnvoyFilter;
import dev.sailplan.istio.networking.v1beta1.ProxyConfig;
import dev.sailplan.istio.security.v1.AuthorizationPolicy;
import dev.sailplan.istio.security.v1.PeerAuthentication;
import dev.sailplan.istio.security.v1.RequestAuthentication;
import dev.sailplan.istio.telemetry.v1.Telemetry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** {@link MeshLayout#place}: where a resource belongs by its persona's rules. */
final class Placement {
  private static final String SUFFIX = ".svc.cluster.local";

  private final MeshLayout layout;

  Placement(MeshLayout layout) {
    this.layout = layout;
  }

  @SuppressWarnings("unchecked") // every resource placed is a copy of the same class
  <R extends Resource> R place(R resource) {
    return (R) placed(resource);
  }

  private Resource placed(Resource resource) {
    String ns = resource.metadata().namespace().orElse("");
    if (!resource.group().endsWith(".istio.io")) {
      throw new PlacementException(
          origin(resource)
              + " is not Istio configuration: the layout places only Istio's kinds (Namespaces"
              + " and RBAC come from the layout itself)");
    }
    if (resource instanceof EnvoyFilter) {
      return moved(resource, layout.rootNamespace());
    }
    if (resource instanceof Gateway g) {
      return moved(resource, gatewayNamespace(g, ns));
    }
    if (resource instanceof VirtualService vs) {
      Optional<String> bound = LayoutRules.gatewayNamespace(vs);
      if (bound.isPresent()) {
        return boundVirtualService(vs, ns, bound.get());
      }
    }
    return moved(resource, appNamespace(resource, ns));
  }

  /** The gateway namespace of a Gateway: where it is, or where the pods it selects run. */
  private String gatewayNamespace(Gateway g, String ns) {
    if (layout.gatewayNamespace(ns).isPresent()) {
      return ns;
    }
    List<GatewayNamespace> all = layout.gatewayNamespaces();
    if (all.isEmpty()) {
      throw new PlacementException(
          origin(g) + ": the layout has no gateway namespace; add one with Builder.gateway");
    }
    if (all.size() == 1) {
      return all.get(0).name();
    }
    Map<String, String> selector = g.spec().map(s -> s.selector()).orElse(Map.of());
    List<String> serving =
        all.stream().filter(n -> n.serves(selector)).map(GatewayNamespace::name).toList();
    if (serving.size() == 1) {
      return serving.get(0);
    }
    throw new PlacementException(
        origin(g)
            + ": its selector "
            + selector
            + (serving.isEmpty()
                ? " selects the gateway pods of none of the gateway namespaces "
                : " selects the gateway pods of several gateway namespaces ")
            + all.stream().map(GatewayNamespace::name).toList()
            + "; create it in the one it belongs to");
  }

  /**
   * A VirtualService bound to gateways: in its gateway's namespace, its short destination hosts
   * qualified with the namespace it was written for, since they would otherwise name services of
   * the gateway namespace.
   */
  private VirtualService boundVirtualService(VirtualService vs, String ns, String target) {
    if (layout.gatewayNamespace(target).isEmpty()) {
      throw new PlacementException(
          origin(vs)
              + " is bound to a gateway in "
              + target
              + ", which is not a gateway namespace of the layout "
              + layout.gatewayNamespaces().stream().map(GatewayNamespace::name).toList());
    }
    if (ns.equals(target)) {
      return vs;
    }
    VirtualServiceSpec spec = vs.spec().orElseThrow();
    List<HTTPRoute> http = new ArrayList<>();
    for (HTTPRoute r : spec.http()) {
      HTTPRoute q =
          r.withRoute(
                  r.route().stream()
                      .map(d -> d.withDestination(qualified(vs, ns, d.destination())))
                      .toList())
              .withMirrors(
                  r.mirrors().stream()
                      .map(m -> m.withDestination(qualified(vs, ns, m.destination())))
                      .toList());
      if (r.mirror().isPresent()) {
        q = q.withMirror(qualified(vs, ns, r.mirror().get()));
      }
      http.add(q);
    }
    List<TCPRoute> tcp =
        spec.tcp().stream().map(r -> r.withRoute(qualified(vs, ns, r.route()))).toList();
    List<TLSRoute> tls =
        spec.tls().stream().map(r -> r.withRoute(qualified(vs, ns, r.route()))).toList();
    return vs.withMetadata(vs.metadata().withNamespace(target))
        .withSpec(spec.withHttp(http).withTcp(tcp).withTls(tls));
  }

  private List<RouteDestination> qualified(
      VirtualService vs, String ns, List<RouteDestination> routes) {
    return routes.stream().map(d -> d.withDestination(qualified(vs, ns, d.destination()))).toList();
  }

  private Destination qualified(VirtualService vs, String ns, Destination d) {
    String host = d.host();
    if (host.contains(".") || host.contains("*")) {
      return d;
    }
    if (ns.isEmpty()) {
      throw new PlacementException(
          origin(vs)
              + " routes to the short host "
              + host
              + " but has no namespace to qualify it with; write "
              + host
              + ".<namespace>"
              + SUFFIX);
    }
    return d.withHost(host + "." + ns + SUFFIX);
  }

  /**
   * Where configuration other than EnvoyFilters, Gateways and gateway-bound VirtualServices goes:
   * where it is when its namespace's persona may edit it, else the app namespace its hosts name.
   */
  private String appNamespace(Resource r, String ns) {
    Optional<Persona> persona = layout.personaOf(ns);
    if (persona.isPresent() && persona.get().mayEdit(r.group(), r.kind())) {
      return ns;
    }
    if (persona.isPresent()) {
      throw new PlacementException(
          origin(r)
              + ": the "
              + persona.get().id()
              + "s of "
              + ns
              + " may not edit a "
              + r.kind()
              + (persona.get() == Persona.SERVICE_OWNER
                  ? "; mesh-wide configuration belongs in the root namespace "
                      + layout.rootNamespace()
                  : "")
              + "; create it in the namespace of the persona that owns it");
    }
    TreeSet<String> named = new TreeSet<>();
    for (String host : LayoutRules.hosts(r)) {
      Optional<String> hostNs = namespaceOfHost(host);
      hostNs.filter(n -> layout.app(n).isPresent()).ifPresent(named::add);
    }
    if (named.size() == 1 && Persona.SERVICE_OWNER.mayEdit(r.group(), r.kind())) {
      return named.first();
    }
    throw new PlacementException(
        origin(r)
            + (ns.isEmpty()
                ? " has no namespace"
                : " is in " + ns + ", not a namespace of the layout")
            + (named.isEmpty()
                ? " and names no host of an app namespace"
                : named.size() > 1
                    ? " and names hosts of several app namespaces " + named
                    : " and service owners may not edit a " + r.kind())
            + "; give it the namespace it belongs to");
  }

  /** The namespace of {@code name.NS.svc.cluster.local}. */
  static Optional<String> namespaceOfHost(String host) {
    if (!host.endsWith(SUFFIX)) {
      return Optional.empty();
    }
    String name = host.substring(0, host.length() - SUFFIX.length());
    int dot = name.indexOf('.');
    if (dot <= 0 || dot == name.length() - 1 || name.indexOf('.', dot + 1) >= 0) {
      return Optional.empty();
    }
    return Optional.of(name.substring(dot + 1));
  }

  private static Resource moved(Resource r, String ns) {
    if (r.metadata().namespace().orElse("").equals(ns)) {
      return r;
    }
    ObjectMeta meta = r.metadata().withNamespace(ns);
    Resource out;
    if (r instanceof EnvoyFilter x) {
      out = x.withMetadata(meta);
    } else if (r instanceof Gateway x) {
      out = x.withMetadata(meta);
    } else if (r instanceof VirtualService x) {
      out = x.withMetadata(meta);
    } else if (r instanceof DestinationRule x) {
      out = x.withMetadata(meta);
    } else if (r instanceof ServiceEntry x) {
      out = x.withMetadata(meta);
    } else if (r instanceof Sidecar x) {
      out = x.withMetadata(meta);
    } else if (r instanceof WorkloadEntry x) {
      out = x.withMetadata(meta);
    } else if (r instanceof WorkloadGroup x) {
      out = x.withMetadata(meta);
    } else if (r instanceof ProxyConfig x) {
      out = x.withMetadata(meta);
    } else if (r instanceof AuthorizationPolicy x) {
      out = x.withMetadata(meta);
    } else if (r instanceof PeerAuthentication x) {
      out = x.withMetadata(meta);
    } else if (r instanceof RequestAuthentication x) {
      out = x.withMetadata(meta);
    } else if (r instanceof Telemetry x) {
      out = x.withMetadata(meta);
    } else if (r instanceof WasmPlugin x) {
      out = x.withMetadata(meta);
    } else if (r instanceof TrafficExtension x) {
      out = x.withMetadata(meta);
    } else {
      throw new PlacementException(origin(r) + ": not a kind the layout can move");
    }
    return out;
  }

  static String origin(Resource r) {
    return r.kind() + " " + r.qualifiedName();
  }
}
