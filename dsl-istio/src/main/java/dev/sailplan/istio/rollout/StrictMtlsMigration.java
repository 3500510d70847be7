package dev.sailplan.istio.rollout;

import static dev.sailplan.istio.Security.mtls;
import static dev.sailplan.istio.Security.mutualTls;
import static dev.sailplan.istio.Security.peerAuthentication;
import static dev.sailplan.istio.Selectors.workloadSelector;

import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.plan.Barrier;
import dev.sailplan.core.plan.Planner;
import dev.sailplan.core.plan.ResourceKey;
import dev.sailplan.core.plan.State;
import dev.sailplan.core.rollout.SteppedRollout;
import dev.sailplan.core.value.ResourceNames;
import dev.sailplan.istio.networking.v1.ClientTLSMode;
import dev.sailplan.istio.networking.v1.ClientTLSSettings;
import dev.sailplan.istio.networking.v1.DestinationRule;
import dev.sailplan.istio.networking.v1.DestinationRuleSpec;
import dev.sailplan.istio.networking.v1.PortTrafficPolicy;
import dev.sailplan.istio.networking.v1.Subset;
import dev.sailplan.istio.networking.v1.TrafficPolicy;
import dev.sailplan.istio.plan.MeshNames;
import dev.sailplan.istio.security.v1.MutualTLS;
import dev.sailplan.istio.security.v1.MutualTLSMode;
import dev.sailplan.istio.security.v1.PeerAuthentication;
import dev.sailplan.istio.security.v1.PeerAuthenticationSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The seed's mTLS migration as a plan: the mesh goes PERMISSIVE, then each namespace in turn goes
 * STRICT, then the whole mesh (a gate after each step). Server-first ports (MySQL 3306, MongoDB
 * 27017, SMTP 25, …) keep a port-level exception, and DestinationRules that send plaintext ({@code
 * tls.mode: DISABLE}) toward a namespace lose that setting before the namespace turns STRICT.
 *
 * <pre>{@code
 * StrictMtlsMigration migration = StrictMtlsMigration.mesh("istio-config")
 *     .namespaces("payments", "orders")     // without the namespaces there is no build()
 *     .serverFirstPort("orders", "app", "mysql", 3306)
 *     .from(current)                        // the cluster as it is, e.g. with a DISABLE DestinationRule
 *     .build();
 * Plan plan = migration.plan();             // mesh-permissive, strict-payments, strict-orders, mesh-strict
 * }</pre>
 *
 * <p>The steps:
 *
 * <ol>
 *   <li>{@code mesh-permissive}: the mesh-wide PeerAuthentication ({@code ROOT/default}) becomes
 *       PERMISSIVE, and each workload with server-first ports gets its exception (PERMISSIVE, with
 *       those ports DISABLE): server-first protocols break under PERMISSIVE sniffing too, so the
 *       exception is there before anything else changes;
 *   <li>{@code strict-NS} for each namespace, in the order given: the namespace's
 *       PeerAuthentication ({@code NS/default}, or the namespace-wide one already there) becomes
 *       STRICT, its exceptions become STRICT with the server-first ports still DISABLE, and
 *       DestinationRules sending plaintext into it stop doing so (the planner puts that in an
 *       earlier stage of the step);
 *   <li>{@code mesh-strict}: {@code ROOT/default} becomes STRICT, after every remaining
 *       DestinationRule that sends plaintext to an in-cluster host has stopped.
 * </ol>
 *
 * <p>A DestinationRule that only exists to send plaintext is deleted; one that does more (subsets,
 * load balancing, …) is updated without its {@code DISABLE} TLS settings. Rules whose conflict the
 * planner cannot see (a wildcard host such as {@code *.local}, which reaches every namespace, or
 * {@code DISABLE} only inside subsets) change one step earlier, so that a gate still separates them
 * from STRICT. Everything else in the current state is kept as it is.
 */
public final class StrictMtlsMigration extends SteppedRollout {
  private static final String DEFAULT = "default";

  /** Every namespace: the target of a plaintext rule toward a host like {@code *.local}. */
  private static final String EVERY_NAMESPACE = "*";

  private final String root;
  private final List<String> namespaces;
  private final List<Workload> exceptions;
  private final State current;

  private StrictMtlsMigration(Builder b) {
    super(b, "strict-mtls-migration");
    this.root = b.root;
    this.namespaces = List.copyOf(b.namespaces);
    this.exceptions = group(b.ports);
    this.current = b.current();
  }

  /**
   * Starts a migration of the mesh whose root namespace (where mesh-wide policy lives) is {@code
   * rootNamespace}: {@code istio-system} or {@code istio-config}.
   */
  public static NamespacesStep mesh(String rootNamespace) {
    return new Builder(rootNamespace);
  }

  /** The required part: the namespaces to make STRICT, one step each. */
  public interface NamespacesStep {
    /** The namespaces, at least one, in the order they turn STRICT. */
    Options namespaces(String... namespaces);
  }

  /** Optional parts, then {@link #build()}. */
  public interface Options {
    /**
     * A server-first port (MySQL 3306, MongoDB 27017, SMTP 25, …) of the workloads labelled {@code
     * labelKey=labelValue} in {@code namespace}, which keeps mTLS disabled: a PeerAuthentication
     * {@code namespace/<labelValue>-server-first} selecting them, with {@code portLevelMtls:
     * {"<port>": {mode: DISABLE}}}. Ports of one workload share one policy.
     */
    Options serverFirstPort(String namespace, String labelKey, String labelValue, int port);

    /**
     * The cluster's current state. Default: nothing exists. DestinationRules in it that send
     * plaintext toward a migrated namespace stop doing so in that namespace's step, keeping every
     * other field; existing PeerAuthentications (namespace-wide, or a workload's exception named
     * {@code <labelValue>-server-first} or selecting exactly its label) change only their mode and
     * the server-first ports, keeping selectors, other port-level settings, labels and annotations.
     */
    Options from(State current);

    /** The plan's name. Default: {@code strict-mtls-migration}. */
    Options name(String planName);

    /**
     * The migration, checked.
     *
     * @throws IllegalArgumentException naming what is wrong: a bad or unknown root namespace, bad
     *     or repeated namespaces, a port outside 1..65535, an exception outside the migrated
     *     namespaces
     */
    StrictMtlsMigration build();
  }

  /** A server-first port as given, before grouping by workload. */
  private record Port(String namespace, String labelKey, String labelValue, int port) {}

  /** One workload's exception: its selector and its server-first ports, in order. */
  private record Workload(
      String namespace, String labelKey, String labelValue, List<Integer> ports) {
    String name() {
      return labelValue + "-server-first";
    }
  }

  private static final class Builder extends SteppedRollout.FromStateBuilder<Options>
      implements NamespacesStep, Options {
    private final String root;
    private List<String> namespaces = List.of();
    private final List<Port> ports = new ArrayList<>();

    Builder(String root) {
      super(Options.class);
      this.root = root;
    }

    @Override
    public Options namespaces(String... names) {
      this.namespaces = new ArrayList<>(List.of(names));
      return this;
    }

    @Override
    public Options serverFirstPort(String namespace, String labelKey, String labelValue, int port) {
      ports.add(new Port(namespace, labelKey, labelValue, port));
      return this;
    }

    @Override
    public StrictMtlsMigration build() {
      ResourceNames.label("root namespace", root);
      if (!MeshNames.ROOT_NAMESPACES.contains(root)) {
        throw new IllegalArgumentException(
            "root namespace '"
                + root
                + "' is not one the planner treats as mesh-wide ("
                + String.join(", ", MeshNames.ROOT_NAMESPACES)
                + ")");
      }
      if (namespaces.isEmpty()) {
        throw new IllegalArgumentException("a migration needs at least one namespace");
      }
      Set<String> seen = new LinkedHashSet<>();
      for (String ns : namespaces) {
        ResourceNames.label("namespace", ns);
        if (ns.equals(root)) {
          throw new IllegalArgumentException(
              "namespace '"
                  + ns
                  + "' is the root namespace: its policy is the mesh-wide one, set in mesh-permissive and mesh-strict");
        }
        if (!seen.add(ns)) {
          throw new IllegalArgumentException("namespace '" + ns + "' is listed twice");
        }
      }
      Set<String> workloadPorts = new LinkedHashSet<>();
      Map<String, String> selectorByName = new LinkedHashMap<>();
      for (Port p : ports) {
        ResourceNames.label("server-first port namespace", p.namespace());
        ResourceNames.labelKey("label key", p.labelKey());
        ResourceNames.label("server-first workload label value", p.labelValue());
        if (p.port() < 1 || p.port() > 65535) {
          throw new IllegalArgumentException(
              "server-first port " + p.port() + " is not within 1..65535");
        }
        String workload = p.namespace() + " " + p.labelKey() + "=" + p.labelValue();
        if (!seen.contains(p.namespace())) {
          throw new IllegalArgumentException(
              "server-first port "
                  + p.port()
                  + " of "
                  + workload
                  + " is in a namespace that is not migrated (namespaces: "
                  + String.join(", ", namespaces)
                  + ")");
        }
        if (!workloadPorts.add(workload + ":" + p.port())) {
          throw new IllegalArgumentException(
              "server-first port " + p.port() + " of " + workload + " is given twice");
        }
        String policy = p.namespace() + "/" + p.labelValue() + "-server-first";
        String previous = selectorByName.putIfAbsent(policy, workload);
        if (previous != null && !previous.equals(workload)) {
          throw new IllegalArgumentException(
              "server-first exceptions for "
                  + previous
                  + " and "
                  + workload
                  + " would both be named "
                  + policy);
        }
      }
      return new StrictMtlsMigration(this);
    }
  }

  /** Ports grouped by workload, in the order workloads were first named. */
  private static List<Workload> group(List<Port> ports) {
    Map<List<String>, Set<Integer>> byWorkload = new LinkedHashMap<>();
    for (Port p : ports) {
      byWorkload
          .computeIfAbsent(
              List.of(p.namespace(), p.labelKey(), p.labelValue()), k -> new TreeSet<>())
          .add(p.port());
    }
    List<Workload> out = new ArrayList<>();
    byWorkload.forEach(
        (k, v) -> out.add(new Workload(k.get(0), k.get(1), k.get(2), List.copyOf(v))));
    return List.copyOf(out);
  }

  /** The state given with {@link Options#from}, or nothing. */
  @Override
  public State current() {
    return current;
  }

  @Override
  public List<Planner.Target> targets() {
    List<Planner.Target> out = new ArrayList<>();
    State at = current;
    at = with(at, namespaceWide(at, root, MutualTLSMode.PERMISSIVE));
    for (Workload e : exceptions) {
      at = with(at, exception(at, e, MutualTLSMode.PERMISSIVE));
    }
    at = withoutPlaintext(at, false, towards(namespaces.get(0)));
    out.add(
        new Planner.Target(
            "mesh-permissive",
            at,
            Barrier.GATE,
            "accept both plaintext and mTLS mesh-wide (PERMISSIVE in " + root + ")"));
    for (int i = 0; i < namespaces.size(); i++) {
      String ns = namespaces.get(i);
      at = withoutPlaintext(at, true, target -> target.equals(ns));
      at = with(at, namespaceWide(at, ns, MutualTLSMode.STRICT));
      for (Workload e : exceptions) {
        if (e.namespace().equals(ns)) {
          at = with(at, exception(at, e, MutualTLSMode.STRICT));
        }
      }
      at =
          withoutPlaintext(
              at,
              false,
              i + 1 < namespaces.size() ? towards(namespaces.get(i + 1)) : target -> true);
      out.add(
          new Planner.Target("strict-" + ns, at, Barrier.GATE, "require mTLS in namespace " + ns));
    }
    at = withoutPlaintext(at, true, target -> true);
    at = with(at, namespaceWide(at, root, MutualTLSMode.STRICT));
    out.add(
        new Planner.Target(
            "mesh-strict", at, Barrier.NONE, "require mTLS mesh-wide (STRICT in " + root + ")"));
    return out;
  }

  /** Plaintext toward {@code ns}: to a host in it, or to a wildcard over every namespace. */
  private static Predicate<String> towards(String ns) {
    return target -> target.equals(ns) || target.equals(EVERY_NAMESPACE);
  }

  private static State with(State state, Resource r) {
    return state.with(ResourceKey.of(r), Optional.of(r));
  }

  /**
   * The namespace-wide PeerAuthentication of {@code ns} in {@code mode}: the one already there (the
   * first by name, keeping its metadata), else {@code ns/default}.
   */
  private static PeerAuthentication namespaceWide(State state, String ns, MutualTLSMode mode) {
    for (Resource r : state.resources()) {
      if (r instanceof PeerAuthentication pa
          && r.metadata().namespace().orElse("").equals(ns)
          && pa.spec().flatMap(PeerAuthenticationSpec::selector).isEmpty()) {
        PeerAuthenticationSpec spec = pa.spec().orElse(PeerAuthenticationSpec.builder().build());
        return pa.withSpec(
            spec.withMtls(spec.mtls().orElse(MutualTLS.builder().build()).withMode(mode)));
      }
    }
    return peerAuthentication(ns + "/" + DEFAULT, mtls(mode));
  }

  /**
   * The workload's exception in {@code mode}: the PeerAuthentication already there for it (named
   * {@code <labelValue>-server-first}, or selecting exactly its label) with its mode and the
   * server-first ports set and every other field kept (other port-level settings, selector,
   * metadata), else a new one.
   */
  private static PeerAuthentication exception(State state, Workload e, MutualTLSMode mode) {
    Optional<PeerAuthentication> existing = existingException(state, e);
    PeerAuthentication base =
        existing.orElseGet(
            () ->
                peerAuthentication(
                    e.namespace() + "/" + e.name(),
                    PeerAuthenticationSpec.builder()
                        .selector(workloadSelector(e.labelKey(), e.labelValue()))
                        .build()));
    PeerAuthenticationSpec spec = base.spec().orElse(PeerAuthenticationSpec.builder().build());
    Map<String, MutualTLS> ports = new LinkedHashMap<>(spec.portLevelMtls());
    e.ports().forEach(p -> ports.put(String.valueOf(p), mutualTls(MutualTLSMode.DISABLE)));
    return base.withSpec(
        spec.withMtls(spec.mtls().orElse(MutualTLS.builder().build()).withMode(mode))
            .withPortLevelMtls(ports));
  }

  private static Optional<PeerAuthentication> existingException(State state, Workload e) {
    PeerAuthentication byLabel = null;
    for (Resource r : state.resources()) {
      if (r instanceof PeerAuthentication pa
          && r.metadata().namespace().orElse("").equals(e.namespace())) {
        if (r.metadata().name().orElse("").equals(e.name())) {
          return Optional.of(pa);
        }
        boolean selects =
            pa.spec()
                .flatMap(PeerAuthenticationSpec::selector)
                .filter(s -> s.matchLabels().equals(Map.of(e.labelKey(), e.labelValue())))
                .isPresent();
        if (selects && byLabel == null) {
          byLabel = pa;
        }
      }
    }
    return Optional.ofNullable(byLabel);
  }

  /**
   * {@code state} with every DestinationRule that sends plaintext toward a namespace matching
   * {@code toward} changed to stop: deleted when that was all it did, else without its DISABLE TLS.
   * With {@code modeled}, the rules whose conflict with a STRICT PeerAuthentication the planner
   * sees ({@code tls} or {@code portLevelSettings} toward one namespace), changed in the step that
   * turns it STRICT, where the planner puts them in an earlier stage; without, the others
   * (subset-level settings, wildcard hosts such as {@code *.local}), changed one step earlier so
   * that a gate separates them from STRICT.
   */
  private static State withoutPlaintext(State state, boolean modeled, Predicate<String> toward) {
    State out = state;
    for (Map.Entry<ResourceKey, Resource> e : state.asMap().entrySet()) {
      if (e.getValue() instanceof DestinationRule dr
          && dr.spec().isPresent()
          && sendsPlaintext(dr.spec().get())) {
        Optional<String> target = target(dr);
        boolean seenByPlanner =
            target.filter(t -> !t.equals(EVERY_NAMESPACE)).isPresent()
                && dr.spec()
                    .get()
                    .trafficPolicy()
                    .filter(StrictMtlsMigration::sendsPlaintext)
                    .isPresent();
        if (target.isPresent() && seenByPlanner == modeled && toward.test(target.get())) {
          out = out.with(e.getKey(), stripped(dr).map(Resource.class::cast));
        }
      }
    }
    return out;
  }

  /**
   * The namespace a DestinationRule's host is in, as {@code IstioDependencies} reads it, or {@link
   * #EVERY_NAMESPACE} for a wildcard over every in-cluster host ({@code *}, {@code *.local}, {@code
   * *.cluster.local}, {@code *.svc.cluster.local}); empty for hosts outside the cluster.
   */
  private static Optional<String> target(DestinationRule dr) {
    String host = dr.spec().get().host();
    String ns = dr.metadata().namespace().orElse("");
    if (host.equals("*")
        || (host.startsWith("*.") && MeshNames.CLUSTER_SUFFIX.endsWith(host.substring(1)))) {
      return Optional.of(EVERY_NAMESPACE);
    }
    return MeshNames.namespaceOf(MeshNames.fqdn(host, ns));
  }

  private static boolean sendsPlaintext(DestinationRuleSpec spec) {
    return spec.trafficPolicy().filter(StrictMtlsMigration::sendsPlaintext).isPresent()
        || spec.subsets().stream()
            .map(Subset::trafficPolicy)
            .flatMap(Optional::stream)
            .anyMatch(StrictMtlsMigration::sendsPlaintext);
  }

  private static boolean sendsPlaintext(TrafficPolicy policy) {
    return disables(policy.tls())
        || policy.portLevelSettings().stream().anyMatch(p -> disables(p.tls()));
  }

  private static boolean disables(Optional<ClientTLSSettings> tls) {
    return tls.flatMap(ClientTLSSettings::mode).filter(ClientTLSMode.DISABLE::equals).isPresent();
  }

  /** The rule without DISABLE TLS settings, or empty when nothing else is left in it. */
  private static Optional<DestinationRule> stripped(DestinationRule dr) {
    DestinationRuleSpec spec = dr.spec().get();
    List<Subset> subsets =
        spec.subsets().stream()
            .map(s -> s.withTrafficPolicy(s.trafficPolicy().flatMap(StrictMtlsMigration::stripped)))
            .toList();
    DestinationRuleSpec after =
        spec.withTrafficPolicy(spec.trafficPolicy().flatMap(StrictMtlsMigration::stripped))
            .withSubsets(subsets);
    if (after.trafficPolicy().isEmpty() && after.subsets().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(dr.withSpec(after));
  }

  /** The policy without DISABLE TLS settings, or empty when nothing else is left in it. */
  private static Optional<TrafficPolicy> stripped(TrafficPolicy policy) {
    List<PortTrafficPolicy> ports = new ArrayList<>();
    for (PortTrafficPolicy p : policy.portLevelSettings()) {
      PortTrafficPolicy kept = disables(p.tls()) ? p.withTls(Optional.empty()) : p;
      if (!kept.equals(PortTrafficPolicy.builder().port(kept.port()).build())) {
        ports.add(kept);
      }
    }
    TrafficPolicy after =
        (disables(policy.tls()) ? policy.withTls(Optional.empty()) : policy)
            .withPortLevelSettings(ports);
    return after.equals(TrafficPolicy.builder().build()) ? Optional.empty() : Optional.of(after);
  }
}
