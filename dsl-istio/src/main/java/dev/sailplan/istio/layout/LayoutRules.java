package dev.sailplan.istio.layout;

import dev.sailplan.core.meta.Resource;
import dev.sailplan.istio.networking.v1.Destination;
import dev.sailplan.istio.networking.v1.DestinationRule;
import dev.sailplan.istio.networking.v1.HTTPRoute;
import dev.sailplan.istio.networking.v1.VirtualService;
import dev.sailplan.istio.networking.v1.VirtualServiceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** What placement and the layout's checks read of a resource: gateway bindings and hosts. */
final class LayoutRules {
  /** The gateway name that binds a VirtualService to the mesh's sidecars. */
  static final String MESH = "mesh";

  private LayoutRules() {}

  /** The gateways a VirtualService is bound to, {@code mesh} left out, as written. */
  static List<String> gateways(VirtualService vs) {
    return vs.spec().map(VirtualServiceSpec::gateways).orElse(List.of()).stream()
        .filter(g -> !g.equals(MESH))
        .toList();
  }

  /** The namespace of a gateway reference: {@code ns/name}, or a name in {@code own}. */
  static String namespaceOf(String gatewayRef, String own) {
    int slash = gatewayRef.indexOf('/');
    return slash < 0 ? own : gatewayRef.substring(0, slash);
  }

  /**
   * The namespace of the gateway a VirtualService is bound to, for placement; empty when it is
   * bound to the mesh only.
   *
   * @throws PlacementException when it is bound to the mesh and gateways, or to gateways of several
   *     namespaces, or names a gateway without a namespace while it has none
   */
  static Optional<String> gatewayNamespace(VirtualService vs) {
    List<String> all = vs.spec().map(VirtualServiceSpec::gateways).orElse(List.of());
    List<String> bound = gateways(vs);
    if (bound.isEmpty()) {
      return Optional.empty();
    }
    String origin = Placement.origin(vs);
    if (bound.size() < all.size()) {
      throw new PlacementException(
          origin
              + " is bound to the mesh and to gateways "
              + bound
              + ": the network owners' gateway routes and the service owners' mesh routes live in"
              + " different namespaces; split it into two VirtualServices");
    }
    String own = vs.metadata().namespace().orElse("");
    TreeSet<String> namespaces = new TreeSet<>();
    for (String g : bound) {
      String ns = namespaceOf(g, own);
      if (ns.isEmpty()) {
        throw new PlacementException(
            origin + " names gateway " + g + " without a namespace; write namespace/" + g);
      }
      namespaces.add(ns);
    }
    if (namespaces.size() > 1) {
      throw new PlacementException(
          origin
              + " is bound to gateways of several namespaces "
              + namespaces
              + "; split it into one VirtualService per gateway namespace");
    }
    return Optional.of(namespaces.first());
  }

  /** The hosts a resource names, by which placement finds its app namespace. */
  static List<String> hosts(Resource r) {
    List<String> out = new ArrayList<>();
    if (r instanceof DestinationRule dr) {
      dr.spec().ifPresent(s -> out.add(s.host()));
    } else if (r instanceof VirtualService vs && vs.spec().isPresent()) {
      VirtualServiceSpec s = vs.spec().get();
      out.addAll(s.hosts());
      for (HTTPRoute h : s.http()) {
        h.route().forEach(d -> out.add(d.destination().host()));
        h.mirror().map(Destination::host).ifPresent(out::add);
        h.mirrors().forEach(m -> out.add(m.destination().host()));
      }
      s.tcp().forEach(t -> t.route().forEach(d -> out.add(d.destination().host())));
      s.tls().forEach(t -> t.route().forEach(d -> out.add(d.destination().host())));
    }
    return out;
  }
}
