package dev.sailplan.istio.rollout;

import static dev.sailplan.istio.Traffic.destination;
import static dev.sailplan.istio.Traffic.destinationRule;
import static dev.sailplan.istio.Traffic.egressHosts;
import static dev.sailplan.istio.Traffic.gateway;
import static dev.sailplan.istio.Traffic.serverPort;
import static dev.sailplan.istio.Traffic.serviceEntry;
import static dev.sailplan.istio.Traffic.sidecar;
import static dev.sailplan.istio.Traffic.tcpRouteTo;
import static dev.sailplan.istio.Traffic.virtualService;

import dev.sailplan.core.k8s.LabelSelector;
import dev.sailplan.core.k8s.NetworkPolicy;
import dev.sailplan.core.k8s.NetworkPolicyEgressRule;
import dev.sailplan.core.k8s.NetworkPolicyPeer;
import dev.sailplan.core.k8s.NetworkPolicyPort;
import dev.sailplan.core.k8s.NetworkPolicySpec;
import dev.sailplan.core.meta.ObjectMeta;
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
import dev.sailplan.istio.networking.v1.Gateway;
import dev.sailplan.istio.networking.v1.GatewaySpec;
import dev.sailplan.istio.networking.v1.IstioEgressListener;
import dev.sailplan.istio.networking.v1.Location;
import dev.sailplan.istio.networking.v1.OutboundTrafficPolicy;
import dev.sailplan.istio.networking.v1.OutboundTrafficPolicyMode;
import dev.sailplan.istio.networking.v1.Resolution;
import dev.sailplan.istio.networking.v1.Server;
import dev.sailplan.istio.networking.v1.ServerTLSMode;
import dev.sailplan.istio.networking.v1.ServerTLSSettings;
import dev.sailplan.istio.networking.v1.ServiceEntry;
import dev.sailplan.istio.networking.v1.ServiceEntrySpec;
import dev.sailplan.istio.networking.v1.ServicePort;
import dev.sailplan.istio.networking.v1.Sidecar;
import dev.sailplan.istio.networking.v1.SidecarSpec;
import dev.sailplan.istio.networking.v1.TLSMatchAttributes;
import dev.sailplan.istio.networking.v1.TLSRoute;
import dev.sailplan.istio.networking.v1.TrafficPolicy;
import dev.sailplan.istio.networking.v1.VirtualService;
import dev.sailplan.istio.networking.v1.VirtualServiceSpec;
import dev.sailplan.istio.plan.MeshNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * An egress lockdown of one namespace: its workloads may reach only the allowed external hosts,
 * enforced twice, by the sidecar ({@code REGISTRY_ONLY}) and by the kernel (a Kubernetes
 * NetworkPolicy; {@code REGISTRY_ONLY} alone is not a security boundary, a workload can bypass its
 * own sidecar). Optionally, HTTPS leaves through a dedicated egress gateway.
 *
 * <pre>{@code
 * EgressLockdown lockdown = EgressLockdown.forNamespace("payments")
 *     .allow(ExternalHost.https("api.stripe.com"),          // without allow() there is no build()
 *         ExternalHost.http("legacy.example.com")
 *             .originateTls("/etc/ssl/certs/ca-certificates.crt", "legacy.example.com"))
 *     .build();
 * Plan plan = lockdown.plan();   // lockdown: entries, then the REGISTRY_ONLY Sidecar, then the NetworkPolicy
 *
 * EgressLockdown viaGateway = EgressLockdown.forNamespace("payments")
 *     .allow(ExternalHost.https("api.stripe.com"))
 *     .viaEgressGateway("istio-egress")
 *     .build();
 * }</pre>
 *
 * <p>The one step, {@code lockdown}, reaches a state holding, besides what {@link Options#from}
 * gave:
 *
 * <ul>
 *   <li>a ServiceEntry {@code NS/<host-label>} per host ({@code api.stripe.com} is {@code
 *       api-stripe-com}): MESH_EXTERNAL, DNS resolution, its port;
 *   <li>for a host with TLS origination, a DestinationRule {@code NS/<host-label>} with {@code
 *       tls.mode: SIMPLE}, caCertificates, subjectAltNames and sni;
 *   <li>via a gateway: per host an Istio Gateway {@code GW/egress-<host-label>} (port 443, TLS
 *       PASSTHROUGH, selector {@code istio: egressgateway}) and a VirtualService {@code
 *       NS/egress-<host-label>} sending the host's SNI from the sidecars to {@code
 *       istio-egressgateway.GW.svc.cluster.local} and from the gateway to the host;
 *   <li>the namespace-wide Sidecar ({@code NS/default}, or the one already there) with {@code
 *       outboundTrafficPolicy: REGISTRY_ONLY} and egress hosts {@code ./*}, {@code istio-system/*},
 *       {@code GW/*} via a gateway, and <code>*&#47;HOST</code> for each host;
 *   <li>a NetworkPolicy {@code NS/egress-lockdown} selecting every pod, allowing egress only to DNS
 *       in kube-system (UDP and TCP 53), to pods of the namespace itself, to istio-system (istiod),
 *       and either to the gateway's namespace or, without a gateway, to any address on the allowed
 *       ports.
 * </ul>
 *
 * <p>The planner orders it: entries (and the gateways) first, the Sidecar once every host it names
 * has its entry, the NetworkPolicy once the Sidecar is {@code REGISTRY_ONLY}.
 */
public final class EgressLockdown extends SteppedRollout {
  /** The name of the NetworkPolicy. */
  public static final String POLICY_NAME = "egress-lockdown";

  private static final String CONTROL_PLANE = MeshNames.CONTROL_PLANE_NAMESPACE;
  private static final String NAMESPACE_LABEL = "kubernetes.io/metadata.name";

  private final String namespace;
  private final List<ExternalHost> hosts;
  private final Optional<String> gatewayNamespace;
  private final State current;

  private EgressLockdown(Builder b) {
    super(b, b.namespace + "-egress-lockdown");
    this.namespace = b.namespace;
    this.hosts = List.copyOf(b.hosts);
    this.gatewayNamespace = Optional.ofNullable(b.gatewayNamespace);
    this.current = b.current();
  }

  /** Starts a lockdown of the namespace's egress. */
  public static AllowStep forNamespace(String namespace) {
    return new Builder(namespace);
  }

  /** The required part: what may still be reached. */
  public interface AllowStep {
    /** The external hosts the namespace may reach, at least one. */
    Options allow(ExternalHost host, ExternalHost... more);
  }

  /** Optional parts, then {@link #build()}. */
  public interface Options {
    /** More external hosts. */
    Options allow(ExternalHost host, ExternalHost... more);

    /**
     * Send the hosts through the egress gateway running in {@code gatewayNamespace} (Service {@code
     * istio-egressgateway}, pods labelled {@code istio: egressgateway}); the NetworkPolicy then
     * lets pods reach that namespace only, not the Internet. Only https hosts can go this way (TLS
     * passthrough on 443).
     */
    Options viaEgressGateway(String gatewayNamespace);

    /** The plan's name. Default: {@code <namespace>-egress-lockdown}. */
    Options name(String planName);

    /**
     * The cluster's current state. The lockdown changes only what it owns in the objects already
     * there: the namespace-wide Sidecar's outbound mode and the egress hosts it adds (its ingress,
     * other egress listeners and hosts, and metadata stay), the host and port of a ServiceEntry of
     * the same name, the TLS settings of a TLS-origination DestinationRule of the same name. Its
     * NetworkPolicy, egress Gateways and VirtualServices are its own. Default: nothing exists.
     */
    Options from(State current);

    /**
     * The lockdown, checked.
     *
     * @throws IllegalArgumentException naming what is wrong: bad names, a host allowed twice, a
     *     gateway in the namespace itself, a non-https host via a gateway
     */
    EgressLockdown build();
  }

  private static final class Builder extends SteppedRollout.FromStateBuilder<Options>
      implements AllowStep, Options {
    private final String namespace;
    private final List<ExternalHost> hosts = new ArrayList<>();
    private String gatewayNamespace;

    Builder(String namespace) {
      super(Options.class);
      this.namespace = namespace;
    }

    @Override
    public Options allow(ExternalHost host, ExternalHost... more) {
      hosts.add(Objects.requireNonNull(host, "host"));
      for (ExternalHost h : more) {
        hosts.add(Objects.requireNonNull(h, "host"));
      }
      return this;
    }

    @Override
    public Options viaEgressGateway(String gatewayNs) {
      this.gatewayNamespace = gatewayNs;
      return this;
    }

    @Override
    public EgressLockdown build() {
      ResourceNames.label("namespace", namespace);
      if (namespace.equals(CONTROL_PLANE)) {
        throw new IllegalArgumentException(
            "namespace '" + namespace + "' is the control plane's; lock down app namespaces");
      }
      Map<String, ExternalHost> byLabel = new LinkedHashMap<>();
      for (ExternalHost h : hosts) {
        ExternalHost previous = byLabel.put(h.label(), h);
        if (previous != null) {
          throw new IllegalArgumentException(
              previous.host().equals(h.host())
                  ? "external host " + h.host() + " is allowed twice"
                  : "external hosts "
                      + previous.host()
                      + " and "
                      + h.host()
                      + " would both be named "
                      + h.label());
        }
      }
      if (gatewayNamespace != null) {
        ResourceNames.label("egress gateway namespace", gatewayNamespace);
        if (gatewayNamespace.equals(namespace)) {
          throw new IllegalArgumentException(
              "the egress gateway runs in its own namespace, not in " + namespace);
        }
        for (ExternalHost h : hosts) {
          if (h.kind() != ExternalHost.Kind.HTTPS) {
            throw new IllegalArgumentException(
                "via an egress gateway only https hosts can go (TLS passthrough on 443); "
                    + h.host()
                    + " is "
                    + h.kind().name().toLowerCase(java.util.Locale.ROOT));
          }
        }
      }
      return new EgressLockdown(this);
    }
  }

  /** The state given with {@link Options#from}, or nothing. */
  @Override
  public State current() {
    return current;
  }

  /** One step, {@code lockdown}. */
  @Override
  public List<Planner.Target> targets() {
    State at = current;
    for (Resource r : resources()) {
      at = at.with(ResourceKey.of(r), Optional.of(r));
    }
    return List.of(new Planner.Target("lockdown", at, Barrier.NONE));
  }

  /**
   * The lockdown's objects: entries, TLS-origination rules, gateway pieces, the Sidecar, the
   * NetworkPolicy.
   */
  public List<Resource> resources() {
    List<Resource> out = new ArrayList<>();
    for (ExternalHost h : hosts) {
      out.add(entry(h));
      if (h.originatesTls()) {
        out.add(origination(h));
      }
      gatewayNamespace.ifPresent(
          gw -> {
            out.add(egressGateway(h, gw));
            out.add(egressRoute(h, gw));
          });
    }
    out.add(namespaceSidecar());
    out.add(networkPolicy());
    return List.copyOf(out);
  }

  private ServiceEntry entry(ExternalHost h) {
    ServicePort.Builder port =
        ServicePort.builder().number(h.port()).name(h.portName()).protocol(h.protocol());
    if (h.wirePort() != h.port()) {
      port.targetPort(h.wirePort());
    }
    ServicePort wanted = port.build();
    String ref = namespace + "/" + h.label();
    Optional<ServiceEntry> existing = existing(ServiceEntry.class, ref);
    if (existing.isPresent()) {
      // The entry is there already: it gains the host and port if missing; everything else (other
      // hosts and ports, endpoints, exportTo, its resolution) stays.
      ServiceEntrySpec spec = existing.get().spec();
      List<String> entryHosts = new ArrayList<>(spec.hosts());
      if (!entryHosts.contains(h.host())) {
        entryHosts.add(h.host());
      }
      List<ServicePort> ports = new ArrayList<>(spec.ports());
      if (ports.stream().noneMatch(p -> p.number() == wanted.number())) {
        ports.add(wanted);
      }
      return existing
          .get()
          .withSpec(
              spec.withHosts(entryHosts)
                  .withPorts(ports)
                  .withLocation(spec.location().orElse(Location.MESH_EXTERNAL))
                  .withResolution(spec.resolution().orElse(Resolution.DNS)));
    }
    return serviceEntry(
        ref,
        ServiceEntrySpec.builder()
            .addHosts(h.host())
            .location(Location.MESH_EXTERNAL)
            .addPorts(wanted)
            .resolution(Resolution.DNS)
            .build());
  }

  /** The object of this type named {@code namespace/name} in the current state. */
  private <T extends Resource> Optional<T> existing(Class<T> type, String ref) {
    for (Resource r : current.resources()) {
      if (type.isInstance(r)
          && (r.metadata().namespace().orElse("") + "/" + r.metadata().name().orElse(""))
              .equals(ref)) {
        return Optional.of(type.cast(r));
      }
    }
    return Optional.empty();
  }

  private DestinationRule origination(ExternalHost h) {
    ClientTLSSettings tls =
        ClientTLSSettings.builder()
            .mode(ClientTLSMode.SIMPLE)
            .caCertificates(h.caCertificates().orElseThrow())
            .addAllSubjectAltNames(h.subjectAltNames())
            .sni(h.host())
            .build();
    String ref = namespace + "/" + h.label();
    Optional<DestinationRule> existing = existing(DestinationRule.class, ref);
    if (existing.isPresent() && existing.get().spec().isPresent()) {
      // Only the TLS settings are the lockdown's; pools, outlier detection and subsets stay.
      DestinationRuleSpec spec = existing.get().spec().get();
      TrafficPolicy policy = spec.trafficPolicy().orElse(TrafficPolicy.builder().build());
      return existing.get().withSpec(spec.withTrafficPolicy(policy.withTls(tls)));
    }
    return destinationRule(
        ref,
        DestinationRuleSpec.builder()
            .host(h.host())
            .trafficPolicy(TrafficPolicy.builder().tls(tls).build())
            .build());
  }

  private static Gateway egressGateway(ExternalHost h, String gw) {
    return gateway(
        gw + "/egress-" + h.label(),
        GatewaySpec.builder()
            .putSelector("istio", "egressgateway")
            .addServers(
                Server.builder()
                    .port(serverPort(443, "tls", "TLS"))
                    .addHosts(h.host())
                    .tls(ServerTLSSettings.builder().mode(ServerTLSMode.PASSTHROUGH).build())
                    .build())
            .build());
  }

  private VirtualService egressRoute(ExternalHost h, String gw) {
    String gatewayRef = gw + "/egress-" + h.label();
    return virtualService(
        namespace + "/egress-" + h.label(),
        VirtualServiceSpec.builder()
            .addExportTo(".", gw)
            .addGateways("mesh", gatewayRef)
            .addHosts(h.host())
            .addTls(tlsRoute(h, "mesh", MeshNames.fqdn("istio-egressgateway", gw)))
            .addTls(tlsRoute(h, gatewayRef, h.host()))
            .build());
  }

  private static TLSRoute tlsRoute(ExternalHost h, String from, String to) {
    return TLSRoute.builder()
        .addMatch(
            TLSMatchAttributes.builder().addGateways(from).port(443).addSniHosts(h.host()).build())
        .addRoute(tcpRouteTo(destination(to, 443)))
        .build();
  }

  /**
   * The namespace-wide Sidecar already there, else {@code NS/default}, with {@code
   * outboundTrafficPolicy.mode: REGISTRY_ONLY} and the lockdown's egress hosts. An existing Sidecar
   * keeps its name, metadata, ingress listeners, inbound pool, egress proxy and egress listeners:
   * the hosts it does not list yet are added to its listener without a port (or to a new one).
   */
  private Sidecar namespaceSidecar() {
    List<String> egress = new ArrayList<>(List.of("./*", CONTROL_PLANE + "/*"));
    gatewayNamespace.ifPresent(gw -> egress.add(gw + "/*"));
    hosts.forEach(h -> egress.add("*/" + h.host()));
    for (Resource r : current.resources()) {
      if (r instanceof Sidecar sc
          && r.metadata().namespace().orElse("").equals(namespace)
          && sc.spec().flatMap(SidecarSpec::workloadSelector).isEmpty()) {
        SidecarSpec spec = sc.spec().orElse(SidecarSpec.builder().build());
        OutboundTrafficPolicy outbound =
            spec.outboundTrafficPolicy()
                .orElse(OutboundTrafficPolicy.builder().build())
                .withMode(OutboundTrafficPolicyMode.REGISTRY_ONLY);
        return sc.withSpec(
            spec.withEgress(withHosts(spec.egress(), egress)).withOutboundTrafficPolicy(outbound));
      }
    }
    return sidecar(
        namespace + "/default",
        SidecarSpec.builder()
            .addEgress(egressHosts(egress.toArray(String[]::new)))
            .outboundTrafficPolicy(
                OutboundTrafficPolicy.builder()
                    .mode(OutboundTrafficPolicyMode.REGISTRY_ONLY)
                    .build())
            .build());
  }

  /**
   * {@code listeners} with {@code wanted} hosts that the catch-all listener (the one without a
   * port) does not list yet added to it, or a catch-all listener of them when there is none.
   */
  private static List<IstioEgressListener> withHosts(
      List<IstioEgressListener> listeners, List<String> wanted) {
    List<IstioEgressListener> out = new ArrayList<>(listeners);
    for (int i = 0; i < out.size(); i++) {
      IstioEgressListener l = out.get(i);
      if (l.port().isEmpty()) {
        List<String> all = new ArrayList<>(l.hosts());
        wanted.stream().filter(h -> !all.contains(h)).forEach(all::add);
        out.set(i, l.withHosts(all));
        return out;
      }
    }
    out.add(egressHosts(wanted.toArray(String[]::new)));
    return out;
  }

  private NetworkPolicy networkPolicy() {
    NetworkPolicySpec.Builder spec =
        NetworkPolicySpec.builder()
            .podSelector(LabelSelector.all())
            .addPolicyTypes("Egress")
            .addEgress(
                NetworkPolicyEgressRule.builder()
                    .addTo(namespaceNamed("kube-system"))
                    .addPorts(NetworkPolicyPort.udp(53), NetworkPolicyPort.tcp(53))
                    .build())
            .addEgress(
                NetworkPolicyEgressRule.builder()
                    .addTo(NetworkPolicyPeer.pods(LabelSelector.all()))
                    .build())
            .addEgress(
                NetworkPolicyEgressRule.builder().addTo(namespaceNamed(CONTROL_PLANE)).build());
    if (gatewayNamespace.isPresent()) {
      spec.addEgress(
          NetworkPolicyEgressRule.builder().addTo(namespaceNamed(gatewayNamespace.get())).build());
    } else {
      NetworkPolicyEgressRule.Builder out =
          NetworkPolicyEgressRule.builder().addTo(NetworkPolicyPeer.cidr("0.0.0.0/0"));
      new TreeSet<>(hosts.stream().map(ExternalHost::wirePort).toList())
          .forEach(p -> out.addPorts(NetworkPolicyPort.tcp(p)));
      spec.addEgress(out.build());
    }
    return NetworkPolicy.builder()
        .metadata(ObjectMeta.ref(namespace + "/" + POLICY_NAME))
        .spec(spec.build())
        .build();
  }

  private static NetworkPolicyPeer namespaceNamed(String ns) {
    return NetworkPolicyPeer.namespaces(LabelSelector.matching(NAMESPACE_LABEL, ns));
  }
}
