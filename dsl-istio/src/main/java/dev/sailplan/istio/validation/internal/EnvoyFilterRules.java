package dev.sailplan.istio.validation.internal;

import dev.sailplan.core.validation.FieldPath;
import dev.sailplan.istio.networking.v1alpha3.ApplyTo;
import dev.sailplan.istio.networking.v1alpha3.EnvoyConfigObjectMatch;
import dev.sailplan.istio.networking.v1alpha3.EnvoyConfigObjectPatch;
import dev.sailplan.istio.networking.v1alpha3.EnvoyFilter;
import dev.sailplan.istio.networking.v1alpha3.FilterMatch;
import dev.sailplan.istio.networking.v1alpha3.Patch;
import dev.sailplan.istio.networking.v1alpha3.PatchOperation;
import java.util.EnumSet;
import java.util.Set;

/** What istiod's {@code ValidateEnvoyFilter} rejects, short of decoding the Envoy patch itself. */
public final class EnvoyFilterRules {
  private static final Set<ApplyTo> LISTENER_CLASS =
      EnumSet.of(
          ApplyTo.LISTENER, ApplyTo.FILTER_CHAIN, ApplyTo.NETWORK_FILTER, ApplyTo.HTTP_FILTER);
  private static final Set<ApplyTo> ROUTE_CLASS =
      EnumSet.of(ApplyTo.ROUTE_CONFIGURATION, ApplyTo.VIRTUAL_HOST, ApplyTo.HTTP_ROUTE);
  private static final String HCM = "envoy.filters.network.http_connection_manager";

  private EnvoyFilterRules() {}

  /** Checks {@code filter}. */
  public static void check(EnvoyFilter filter, Rejections out) {
    if (filter.spec().isEmpty()) {
      return;
    }
    FieldPath path = FieldPath.root().field("spec").field("configPatches");
    for (int i = 0; i < filter.spec().get().configPatches().size(); i++) {
      patch(filter.spec().get().configPatches().get(i), path.index(i), out);
    }
  }

  private static void patch(EnvoyConfigObjectPatch p, FieldPath at, Rejections out) {
    // istiod reports the first problem of a patch and moves on to the next one.
    ApplyTo applyTo = p.applyTo().orElse(ApplyTo.INVALID);
    if (applyTo == ApplyTo.INVALID) {
      out.add("SP0436", at.field("applyTo"), "Envoy filter: missing applyTo");
      return;
    }
    if (p.patch().isEmpty()) {
      out.add("SP0436", at, "Envoy filter: missing patch");
      return;
    }
    Patch patch = p.patch().get();
    PatchOperation op = patch.operation().orElse(PatchOperation.INVALID);
    if (op == PatchOperation.INVALID) {
      out.add(
          "SP0436", at.field("patch").field("operation"), "Envoy filter: missing patch operation");
      return;
    }
    if (op != PatchOperation.REMOVE && patch.value().isEmpty()) {
      out.add(
          "SP0436",
          at.field("patch"),
          "Envoy filter: missing patch value for non-remove operation");
      return;
    }
    if (p.match().isEmpty()) {
      return;
    }
    EnvoyConfigObjectMatch match = p.match().get();
    FieldPath m = at.field("match");
    String version = match.proxy().flatMap(x -> x.proxyVersion()).orElse("");
    if (!version.isEmpty()) {
      String problem = Values.regex(version);
      if (problem != null) {
        out.add(
            "SP0415",
            m.field("proxy").field("proxyVersion"),
            "Envoy filter: invalid regex for proxy version, [" + problem + "]");
        return;
      }
    }
    boolean objectType =
        match.listener().isPresent()
            || match.routeConfiguration().isPresent()
            || match.cluster().isPresent();
    if (!objectType) {
      return;
    }
    if (LISTENER_CLASS.contains(applyTo)) {
      if (match.listener().isEmpty()) {
        out.add(
            "SP0437",
            m,
            "Envoy filter: applyTo for listener class objects cannot have non listener match");
        return;
      }
      match
          .listener()
          .flatMap(l -> l.filterChain())
          .flatMap(c -> c.filter())
          .ifPresent(
              f ->
                  filter(
                      f, applyTo, m.field("listener").field("filterChain").field("filter"), out));
    } else if (ROUTE_CLASS.contains(applyTo) && match.routeConfiguration().isEmpty()) {
      out.add(
          "SP0437",
          m,
          "Envoy filter: applyTo for http route class objects cannot have non route configuration"
              + " match");
    } else if (applyTo == ApplyTo.CLUSTER && match.cluster().isEmpty()) {
      out.add(
          "SP0437",
          m,
          "Envoy filter: applyTo for cluster class objects cannot have non cluster match");
    }
  }

  private static void filter(FilterMatch f, ApplyTo applyTo, FieldPath path, Rejections out) {
    String name = f.name().orElse("");
    if (name.isEmpty()) {
      out.add("SP0437", path, "Envoy filter: filter match has no name to match on");
    } else if (f.subFilter().isPresent()) {
      if (applyTo != ApplyTo.HTTP_FILTER) {
        out.add(
            "SP0437",
            path.field("subFilter"),
            "Envoy filter: subfilter match can be used with applyTo HTTP_FILTER only");
      } else if (!name.equals(HCM) && !name.equals("envoy.http_connection_manager")) {
        out.add(
            "SP0437",
            path.field("subFilter"),
            "Envoy filter: subfilter match requires filter match with " + HCM);
      } else if (f.subFilter().get().name().orElse("").isEmpty()) {
        out.add(
            "SP0437",
            path.field("subFilter"),
            "Envoy filter: subfilter match has no name to match on");
      }
    }
  }
}
