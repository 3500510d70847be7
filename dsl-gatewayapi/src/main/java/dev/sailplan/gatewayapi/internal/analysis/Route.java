package dev.sailplan.gatewayapi.internal.analysis;

import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.validation.FieldPath;
import dev.sailplan.core.validation.Mesh;
import dev.sailplan.gatewayapi.v1.BackendRef;
import dev.sailplan.gatewayapi.v1.GRPCBackendRef;
import dev.sailplan.gatewayapi.v1.GRPCRoute;
import dev.sailplan.gatewayapi.v1.GRPCRouteFilter;
import dev.sailplan.gatewayapi.v1.GRPCRouteRule;
import dev.sailplan.gatewayapi.v1.HTTPBackendRef;
import dev.sailplan.gatewayapi.v1.HTTPRoute;
import dev.sailplan.gatewayapi.v1.HTTPRouteFilter;
import dev.sailplan.gatewayapi.v1.HTTPRouteRule;
import dev.sailplan.gatewayapi.v1.ParentReference;
import dev.sailplan.gatewayapi.v1.TCPRoute;
import dev.sailplan.gatewayapi.v1.TLSRoute;
import dev.sailplan.gatewayapi.v1.UDPRoute;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the attachment and backend rules read of a route of any kind: its parents, hostnames and
 * backends with their field paths, so each rule is written once for HTTPRoute, GRPCRoute, TLSRoute,
 * TCPRoute and UDPRoute.
 */
record Route(
    Resource resource,
    List<ParentReference> parents,
    List<String> hostnames,
    List<Backend> backends) {

  /** A backend reference and where it is in the route. */
  record Backend(
      Optional<String> group,
      Optional<String> kind,
      String name,
      Optional<String> namespace,
      OptionalInt port,
      FieldPath path) {}

  private static final FieldPath SPEC = FieldPath.root().field("spec");

  String kind() {
    return resource.kind();
  }

  String namespace() {
    return Topology.namespace(resource);
  }

  /** {@code HTTPRoute shop/api}. */
  String label() {
    return kind() + " " + Topology.id(resource);
  }

  /** Every route of the mesh, in a stable order (kind, then input order). */
  static List<Route> all(Mesh mesh) {
    List<Route> out = new ArrayList<>();
    for (HTTPRoute r : mesh.all(HTTPRoute.class)) {
      List<Backend> backends = new ArrayList<>();
      List<HTTPRouteRule> rules = r.spec().rules();
      for (int i = 0; i < rules.size(); i++) {
        FieldPath rule = SPEC.field("rules").index(i);
        List<HTTPBackendRef> refs = rules.get(i).backendRefs();
        for (int j = 0; j < refs.size(); j++) {
          HTTPBackendRef b = refs.get(j);
          backends.add(
              new Backend(
                  b.group(),
                  b.kind(),
                  b.name(),
                  b.namespace(),
                  b.port(),
                  rule.field("backendRefs").index(j)));
        }
        mirrors(rules.get(i).filters(), rule, backends);
      }
      out.add(new Route(r, r.spec().parentRefs(), r.spec().hostnames(), backends));
    }
    for (GRPCRoute r : mesh.all(GRPCRoute.class)) {
      List<Backend> backends = new ArrayList<>();
      List<GRPCRouteRule> rules = r.spec().rules();
      for (int i = 0; i < rules.size(); i++) {
        FieldPath rule = SPEC.field("rules").index(i);
        List<GRPCBackendRef> refs = rules.get(i).backendRefs();
        for (int j = 0; j < refs.size(); j++) {
          GRPCBackendRef b = refs.get(j);
          backends.add(
              new Backend(
                  b.group(),
                  b.kind(),
                  b.name(),
                  b.namespace(),
                  b.port(),
                  rule.field("backendRefs").index(j)));
        }
        List<GRPCRouteFilter> filters = rules.get(i).filters();
        for (int k = 0; k < filters.size(); k++) {
          int at = k;
          filters
              .get(k)
              .requestMirror()
              .ifPresent(
                  m ->
                      backends.add(
                          new Backend(
                              m.backendRef().group(),
                              m.backendRef().kind(),
                              m.backendRef().name(),
                              m.backendRef().namespace(),
                              m.backendRef().port(),
                              rule.field("filters")
                                  .index(at)
                                  .field("requestMirror")
                                  .field("backendRef"))));
        }
      }
      out.add(new Route(r, r.spec().parentRefs(), r.spec().hostnames(), backends));
    }
    for (TLSRoute r : mesh.all(TLSRoute.class)) {
      List<Backend> backends = new ArrayList<>();
      for (int i = 0; i < r.spec().rules().size(); i++) {
        plain(r.spec().rules().get(i).backendRefs(), SPEC.field("rules").index(i), backends);
      }
      out.add(new Route(r, r.spec().parentRefs(), r.spec().hostnames(), backends));
    }
    for (TCPRoute r : mesh.all(TCPRoute.class)) {
      List<Backend> backends = new ArrayList<>();
      for (int i = 0; i < r.spec().rules().size(); i++) {
        plain(r.spec().rules().get(i).backendRefs(), SPEC.field("rules").index(i), backends);
      }
      out.add(new Route(r, r.spec().parentRefs(), List.of(), backends));
    }
    for (UDPRoute r : mesh.all(UDPRoute.class)) {
      List<Backend> backends = new ArrayList<>();
      for (int i = 0; i < r.spec().rules().size(); i++) {
        plain(r.spec().rules().get(i).backendRefs(), SPEC.field("rules").index(i), backends);
      }
      out.add(new Route(r, r.spec().parentRefs(), List.of(), backends));
    }
    return out;
  }

  private static void mirrors(List<HTTPRouteFilter> filters, FieldPath rule, List<Backend> out) {
    for (int k = 0; k < filters.size(); k++) {
      int at = k;
      filters
          .get(k)
          .requestMirror()
          .ifPresent(
              m ->
                  out.add(
                      new Backend(
                          m.backendRef().group(),
                          m.backendRef().kind(),
                          m.backendRef().name(),
                          m.backendRef().namespace(),
                          m.backendRef().port(),
                          rule.field("filters")
                              .index(at)
                              .field("requestMirror")
                              .field("backendRef"))));
    }
  }

  private static void plain(List<BackendRef> refs, FieldPath rule, List<Backend> out) {
    for (int j = 0; j < refs.size(); j++) {
      BackendRef b = refs.get(j);
      out.add(
          new Backend(
              b.group(),
              b.kind(),
              b.name(),
              b.namespace(),
              b.port(),
              rule.field("backendRefs").index(j)));
    }
  }
}
