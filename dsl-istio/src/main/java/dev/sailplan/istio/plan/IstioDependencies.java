package dev.sailplan.istio.plan;

import static dev.sailplan.istio.plan.MeshNames.CLUSTER_SUFFIX;
import static dev.sailplan.istio.plan.MeshNames.ROOT_NAMESPACES;
import static dev.sailplan.istio.plan.MeshNames.fqdn;
import static dev.sailplan.istio.plan.MeshNames.namespaceOf;

import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.plan.DependencyModel;
import dev.sailplan.core.plan.Fact;
import dev.sailplan.core.plan.Pods;
import dev.sailplan.istio.networking.v1.ClientTLSMode;
import dev.sailplan.istio.networking.v1.ClientTLSSettings;
import dev.sailplan.istio.networking.v1.Destination;
import dev.sailplan.istio.networking.v1.DestinationRule;
import dev.sailplan.istio.networking.v1.DestinationRuleSpec;
import dev.sailplan.istio.networking.v1.Gateway;
import dev.sailplan.istio.networking.v1.HTTPRoute;
import dev.sailplan.istio.networking.v1.OutboundTrafficPolicy;
import dev.sailplan.istio.networking.v1.OutboundTrafficPolicyMode;
import dev.sailplan.istio.networking.v1.PortTrafficPolicy;
import dev.sailplan.istio.networking.v1.RouteDestination;
import dev.sailplan.istio.networking.v1.ServiceEntry;
import dev.sailplan.istio.networking.v1.Sidecar;
import dev.sailplan.istio.networking.v1.Subset;
import dev.sailplan.istio.networking.v1.TrafficPolicy;
import dev.sailplan.istio.networking.v1.VirtualService;
import dev.sailplan.istio.security.v1.MutualTLS;
import dev.sailplan.istio.security.v1.MutualTLSMode;
import dev.sailplan.istio.security.v1.PeerAuthentication;
import dev.sailplan.istio.security.v1.PeerAuthenticationSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Istio's ordering rules as facts (BRIEF rules 1, 2, 3 and 4):
 *
 * <ul>
 *   <li>a DestinationRule provides {@code subset HOST/NAME} for each subset; a VirtualService
 *       requires every subset it routes or mirrors to (rule 1), and the Service ({@code service
 *       NS/NAME}) of every in-cluster host it sends traffic to; a subset requires the pods it
 *       selects, an Istio Gateway the pods of its selector (in any namespace); and a
 *       DestinationRule that swaps subsets passes through a version holding both (expand, then
 *       contract);
 *   <li>an Istio Gateway provides {@code istio-gateway NS/NAME}; a VirtualService requires the
 *       gateways it binds to (rule 2);
 *   <li>a ServiceEntry provides {@code external-host HOST}; a {@code REGISTRY_ONLY} Sidecar
 *       requires an entry for every explicit external host it lets out, and provides {@code
 *       registry-only NS} for what must follow it (rule 3);
 *   <li>a DestinationRule with {@code tls.mode: DISABLE} toward namespace X provides {@code
 *       plaintext-to X}, which a STRICT PeerAuthentication of X excludes (mesh-wide STRICT in the
 *       root namespace excludes it for every namespace); a PeerAuthentication going to STRICT from
 *       anything but PERMISSIVE passes through PERMISSIVE (rule 4).
 * </ul>
 *
 * <p>Hosts are compared fully qualified: {@code reviews} in namespace {@code bookinfo} is {@code
 * reviews.bookinfo.svc.cluster.local}. The root namespaces are {@code istio-system} and {@code
 * istio-config} (see {@link MeshNames}).
 */
public final class IstioDependencies implements DependencyModel {
  /** Called by {@code ServiceLoader}. */
  public IstioDependencies() {}

  @Override
  public Set<Fact> provides(Resource r) {
    Set<Fact> out = new TreeSet<>();
    String ns = namespace(r);
    if (r instanceof DestinationRule dr && dr.spec().isPresent()) {
      DestinationRuleSpec spec = dr.spec().get();
      String host = fqdn(spec.host(), ns);
      spec.subsets().forEach(s -> out.add(new Fact("subset", host + "/" + s.name())));
      if (sendsPlaintext(spec)) {
        plaintextTarget(host).ifPresent(target -> out.add(new Fact("plaintext-to", target)));
      }
      if (originatesTls(spec)) {
        out.add(new Fact("tls-origination", host));
      }
    } else if (r instanceof Gateway) {
      out.add(new Fact("istio-gateway", ns + "/" + r.metadata().name().orElse("")));
    } else if (r instanceof VirtualService vs
        && vs.spec().isPresent()
        && vs.spec().get().gateways().contains("mesh")) {
      // Routes the sidecars themselves use, e.g. external hosts sent through an egress gateway.
      vs.spec().get().hosts().forEach(h -> out.add(new Fact("mesh-route", h)));
    } else if (r instanceof ServiceEntry se) {
      se.spec().hosts().forEach(h -> out.add(new Fact("external-host", h)));
    } else if (r instanceof Sidecar sc && registryOnly(sc)) {
      out.add(new Fact("registry-only", ns));
    }
    return out;
  }

  @Override
  public Set<Fact> requires(Resource r) {
    Set<Fact> out = new TreeSet<>();
    String ns = namespace(r);
    if (r instanceof VirtualService vs && vs.spec().isPresent()) {
      for (Destination d : destinations(vs)) {
        d.subset().ifPresent(s -> out.add(new Fact("subset", fqdn(d.host(), ns) + "/" + s)));
        // The Service behind an in-cluster host, whose pods must run before it takes traffic.
        service(fqdn(d.host(), ns)).ifPresent(out::add);
      }
      for (String g : vs.spec().get().gateways()) {
        if (!g.equals("mesh")) {
          out.add(new Fact("istio-gateway", g.contains("/") ? g : ns + "/" + g));
        }
      }
    } else if (r instanceof Sidecar sc && registryOnly(sc)) {
      sc.spec()
          .get()
          .egress()
          .forEach(
              listener ->
                  listener
                      .hosts()
                      .forEach(
                          entry -> {
                            String host = entry.substring(entry.indexOf('/') + 1);
                            if (isExplicitExternal(host)) {
                              out.add(new Fact("external-host", host));
                              out.add(new Fact("mesh-route", host));
                            }
                          }));
    } else if (r instanceof ServiceEntry se) {
      // An entry whose traffic is meant to be upgraded to TLS must not be served before the
      // DestinationRule that does it: plain HTTP would reach the TLS port meanwhile.
      se.spec().hosts().forEach(h -> out.add(new Fact("tls-origination", h)));
    } else if (r instanceof Gateway gw) {
      // The gateway's pods run before routes bind to it; Istio picks them in every namespace.
      gw.spec()
          .map(s -> s.selector())
          .filter(sel -> !sel.isEmpty())
          .ifPresent(sel -> out.add(Pods.requiredAnywhere(sel)));
    } else if (r instanceof DestinationRule dr && dr.spec().isPresent()) {
      // A subset is only routed to once its pods run (and it outlives them): the workload whose
      // pod labels it selects comes first, and goes after it.
      subsetPods(dr).forEach((subset, pods) -> out.add(pods));
    }
    return out;
  }

  @Override
  public Optional<String> describe(Resource r, Fact required) {
    if (r instanceof Gateway && required.type().equals(Pods.TYPE)) {
      return Optional.of("Gateway " + namespace(r) + "/" + r.metadata().name().orElse(""));
    }
    if (r instanceof DestinationRule dr && dr.spec().isPresent()) {
      String host = dr.spec().get().host();
      String service = host.contains(".") ? host.substring(0, host.indexOf('.')) : host;
      return subsetPods(dr).entrySet().stream()
          .filter(e -> e.getValue().equals(required))
          .map(e -> "subset " + e.getKey() + " of " + service)
          .findFirst();
    }
    return Optional.empty();
  }

  /**
   * The {@link Pods} fact each subset with labels requires, by subset name, in the namespace of an
   * in-cluster host (an external host's endpoints are not workloads of the input).
   */
  private static Map<String, Fact> subsetPods(DestinationRule dr) {
    Map<String, Fact> out = new TreeMap<>();
    DestinationRuleSpec spec = dr.spec().orElseThrow();
    Optional<String> hostNamespace = namespaceOf(fqdn(spec.host(), namespace(dr)));
    if (hostNamespace.isEmpty()) {
      return out;
    }
    for (Subset s : spec.subsets()) {
      if (!s.labels().isEmpty()) {
        out.put(s.name(), Pods.required(hostNamespace.get(), s.labels()));
      }
    }
    return out;
  }

  @Override
  public Set<Fact> excludes(Resource r) {
    if (r instanceof PeerAuthentication pa
        && mode(pa).filter(MutualTLSMode.STRICT::equals).isPresent()
        && pa.spec().flatMap(PeerAuthenticationSpec::selector).isEmpty()) {
      String ns = namespace(r);
      return Set.of(new Fact("plaintext-to", ROOT_NAMESPACES.contains(ns) ? "*" : ns));
    }
    return Set.of();
  }

  @Override
  public List<Resource> intermediates(Resource from, Resource to) {
    if (from instanceof DestinationRule a && to instanceof DestinationRule b) {
      return expandSubsets(a, b).<List<Resource>>map(List::of).orElse(List.of());
    }
    if (from instanceof PeerAuthentication a
        && to instanceof PeerAuthentication b
        && mode(b).filter(MutualTLSMode.STRICT::equals).isPresent()
        && mode(a)
            .filter(m -> m == MutualTLSMode.PERMISSIVE || m == MutualTLSMode.STRICT)
            .isEmpty()) {
      PeerAuthenticationSpec spec = a.spec().orElse(PeerAuthenticationSpec.builder().build());
      MutualTLS mtls =
          spec.mtls().orElse(MutualTLS.builder().build()).withMode(MutualTLSMode.PERMISSIVE);
      return List.of(a.withSpec(spec.withMtls(mtls)));
    }
    return List.of();
  }

  /**
   * When {@code b} drops subsets that {@code a} has and adds others: {@code b} plus the dropped
   * ones.
   */
  private static Optional<DestinationRule> expandSubsets(DestinationRule a, DestinationRule b) {
    if (a.spec().isEmpty() || b.spec().isEmpty()) {
      return Optional.empty();
    }
    Set<String> before = names(a.spec().get().subsets());
    Set<String> after = names(b.spec().get().subsets());
    List<Subset> dropped =
        a.spec().get().subsets().stream().filter(s -> !after.contains(s.name())).toList();
    boolean adds = after.stream().anyMatch(n -> !before.contains(n));
    if (dropped.isEmpty() || !adds) {
      return Optional.empty();
    }
    List<Subset> union = new ArrayList<>(b.spec().get().subsets());
    union.addAll(dropped);
    return Optional.of(b.withSpec(b.spec().get().withSubsets(union)));
  }

  private static Set<String> names(List<Subset> subsets) {
    Set<String> out = new TreeSet<>();
    subsets.forEach(s -> out.add(s.name()));
    return out;
  }

  private static List<Destination> destinations(VirtualService vs) {
    List<Destination> out = new ArrayList<>();
    for (HTTPRoute h : vs.spec().get().http()) {
      h.route().forEach(d -> out.add(d.destination()));
      h.mirror().ifPresent(out::add);
      h.mirrors().forEach(m -> out.add(m.destination()));
    }
    vs.spec()
        .get()
        .tcp()
        .forEach(t -> t.route().stream().map(RouteDestination::destination).forEach(out::add));
    vs.spec()
        .get()
        .tls()
        .forEach(t -> t.route().stream().map(RouteDestination::destination).forEach(out::add));
    return out;
  }

  /** {@code service NS/NAME} of a host {@code NAME.NS.svc.cluster.local}; empty for any other. */
  private static Optional<Fact> service(String fqdn) {
    Optional<String> ns = namespaceOf(fqdn).filter(n -> !n.equals("*"));
    if (ns.isEmpty() || fqdn.startsWith("*")) {
      return Optional.empty();
    }
    return Optional.of(new Fact("service", ns.get() + "/" + fqdn.substring(0, fqdn.indexOf('.'))));
  }

  /** Plaintext anywhere in the rule: its policy, a port's, or a subset's. */
  private static boolean sendsPlaintext(DestinationRuleSpec spec) {
    List<TrafficPolicy> policies = new ArrayList<>();
    spec.trafficPolicy().ifPresent(policies::add);
    spec.subsets().forEach(s -> s.trafficPolicy().ifPresent(policies::add));
    for (TrafficPolicy policy : policies) {
      if (disables(policy.tls())
          || policy.portLevelSettings().stream()
              .map(PortTrafficPolicy::tls)
              .anyMatch(IstioDependencies::disables)) {
        return true;
      }
    }
    return false;
  }

  private static boolean originatesTls(DestinationRuleSpec spec) {
    return spec.trafficPolicy()
        .flatMap(TrafficPolicy::tls)
        .flatMap(ClientTLSSettings::mode)
        .filter(m -> m == ClientTLSMode.SIMPLE || m == ClientTLSMode.MUTUAL)
        .isPresent();
  }

  /**
   * The namespace a plaintext rule reaches, {@code *} when its host may be in any namespace ({@code
   * *.local}, {@code *.svc.cluster.local}, {@code *}), or empty for a host outside the mesh
   * (plaintext to it is not STRICT's business).
   */
  static Optional<String> plaintextTarget(String host) {
    Optional<String> ns = namespaceOf(host).filter(n -> !n.equals("*"));
    if (ns.isPresent()) {
      return ns;
    }
    boolean wildcard =
        host.startsWith("*")
            && (host.equals("*")
                || "svc.cluster.local".endsWith(host.substring(2))
                || host.endsWith(CLUSTER_SUFFIX));
    return wildcard ? Optional.of("*") : Optional.empty();
  }

  private static boolean disables(Optional<ClientTLSSettings> tls) {
    return tls.flatMap(ClientTLSSettings::mode).filter(ClientTLSMode.DISABLE::equals).isPresent();
  }

  private static boolean registryOnly(Sidecar sc) {
    return sc.spec()
        .flatMap(s -> s.outboundTrafficPolicy())
        .flatMap(OutboundTrafficPolicy::mode)
        .filter(OutboundTrafficPolicyMode.REGISTRY_ONLY::equals)
        .isPresent();
  }

  private static Optional<MutualTLSMode> mode(PeerAuthentication pa) {
    return pa.spec().flatMap(PeerAuthenticationSpec::mtls).flatMap(MutualTLS::mode);
  }

  /**
   * A host a Sidecar names explicitly that must come from a ServiceEntry: not a wildcard, not
   * in-cluster.
   */
  private static boolean isExplicitExternal(String host) {
    return !host.contains("*") && host.contains(".") && !host.endsWith(CLUSTER_SUFFIX);
  }

  private static String namespace(Resource r) {
    return r.metadata().namespace().orElse("");
  }
}
