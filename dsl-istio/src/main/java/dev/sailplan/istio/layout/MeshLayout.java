package dev.sailplan.istio.layout;

import dev.sailplan.core.k8s.Namespace;
import dev.sailplan.core.k8s.RoleBinding;
import dev.sailplan.core.k8s.RoleRef;
import dev.sailplan.core.k8s.Subject;
import dev.sailplan.core.meta.ObjectMeta;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.validation.Validation;
import dev.sailplan.core.validation.ValidationProvider;
import dev.sailplan.istio.Security;
import dev.sailplan.istio.Traffic;
import dev.sailplan.istio.networking.v1.IstioEgressListener;
import dev.sailplan.istio.networking.v1.Sidecar;
import dev.sailplan.istio.networking.v1.SidecarSpec;
import dev.sailplan.istio.security.v1.MutualTLSMode;
import dev.sailplan.istio.security.v1.PeerAuthentication;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The persona layout of a mesh (seeds 000/001, "Persona-driven configuration management"): {@code
 * istio-system} for the control plane only; a root namespace ({@code istio-config} by default) for
 * the cluster admins' mesh-wide defaults and the only home of EnvoyFilters; gateway namespaces for
 * the network owners; app namespaces, each owned by a team of service owners.
 *
 * <pre>{@code
 * MeshLayout layout =
 *     MeshLayout.builder()
 *         .gateway(GatewayNamespace.ingress())
 *         .app("bookinfo", "bookinfo-team", DataPlane.sidecar())
 *         .clusterAdmins("mesh-admins")
 *         .networkOwners("network-team")
 *         .build();
 * List<Resource> base = layout.all();            // Namespaces, root defaults, RBAC
 * VirtualService vs = layout.place(bookinfoVs);   // bound to the ingress gateway: istio-ingress
 * Findings f = layout.validator().validate(resources);
 * }</pre>
 *
 * <p>Istio reads mesh-wide defaults from its root namespace, {@code istio-system} unless the mesh
 * config says otherwise: install the control plane with {@code meshConfig.rootNamespace} set to
 * {@link #rootNamespace()}.
 *
 * <p>Instances are immutable.
 */
public final class MeshLayout {
  /** The root namespace unless the builder sets another. */
  public static final String DEFAULT_ROOT_NAMESPACE = "istio-config";

  /** The control-plane namespace unless the builder sets another. */
  public static final String DEFAULT_CONTROL_PLANE_NAMESPACE = "istio-system";

  /** The label naming the persona of the namespaces and RBAC objects the layout writes. */
  public static final String PERSONA_LABEL = "sailplan.dev/persona";

  private final String rootNamespace;
  private final String controlPlaneNamespace;
  private final List<GatewayNamespace> gateways;
  private final List<AppNamespace> apps;
  private final List<String> clusterAdmins;
  private final List<String> networkOwners;
  private final boolean rootSidecar;
  private final Optional<MutualTLSMode> rootMtls;

  private MeshLayout(Builder b) {
    this.rootNamespace = b.rootNamespace;
    this.controlPlaneNamespace = b.controlPlaneNamespace;
    this.gateways = List.copyOf(b.gateways.values());
    this.apps = List.copyOf(b.apps.values());
    this.clusterAdmins = List.copyOf(b.clusterAdmins);
    this.networkOwners = List.copyOf(b.networkOwners);
    this.rootSidecar = b.rootSidecar;
    this.rootMtls = b.rootMtls;
  }

  /** A builder: root {@code istio-config}, control plane {@code istio-system}, STRICT mTLS. */
  public static Builder builder() {
    return new Builder();
  }

  /** The root namespace: the cluster admins' mesh-wide defaults and every EnvoyFilter. */
  public String rootNamespace() {
    return rootNamespace;
  }

  /** The control-plane namespace, for istiod alone. */
  public String controlPlaneNamespace() {
    return controlPlaneNamespace;
  }

  /** The gateway namespaces, in the order added. */
  public List<GatewayNamespace> gatewayNamespaces() {
    return gateways;
  }

  /** The app namespaces, in the order added. */
  public List<AppNamespace> appNamespaces() {
    return apps;
  }

  /** The groups of the cluster admins. */
  public List<String> clusterAdmins() {
    return clusterAdmins;
  }

  /** The groups of the network owners. */
  public List<String> networkOwners() {
    return networkOwners;
  }

  /** The app namespace of this name, if the layout has one. */
  public Optional<AppNamespace> app(String namespace) {
    return apps.stream().filter(a -> a.name().equals(namespace)).findFirst();
  }

  /** The gateway namespace of this name, if the layout has one. */
  public Optional<GatewayNamespace> gatewayNamespace(String namespace) {
    return gateways.stream().filter(g -> g.name().equals(namespace)).findFirst();
  }

  /**
   * The persona that manages a namespace's Istio configuration: cluster admins in the root
   * namespace, network owners in gateway namespaces, service owners in app namespaces; empty for
   * the control-plane namespace (unless it is the root) and for namespaces the layout does not
   * have.
   */
  public Optional<Persona> personaOf(String namespace) {
    if (namespace.equals(rootNamespace)) {
      return Optional.of(Persona.CLUSTER_ADMIN);
    }
    if (gatewayNamespace(namespace).isPresent()) {
      return Optional.of(Persona.NETWORK_OWNER);
    }
    if (app(namespace).isPresent()) {
      return Optional.of(Persona.SERVICE_OWNER);
    }
    return Optional.empty();
  }

  /**
   * The Namespace manifests: control plane, root, gateway namespaces, app namespaces (each with the
   * labels of its data plane).
   */
  public List<Namespace> namespaces() {
    List<Namespace> out = new ArrayList<>();
    out.add(Namespace.named(controlPlaneNamespace));
    if (!rootNamespace.equals(controlPlaneNamespace)) {
      out.add(owned(rootNamespace, Persona.CLUSTER_ADMIN, Map.of()));
    }
    gateways.forEach(g -> out.add(owned(g.name(), Persona.NETWORK_OWNER, Map.of())));
    for (AppNamespace a : apps) {
      out.add(owned(a.name(), Persona.SERVICE_OWNER, a.dataPlane().labels()));
    }
    return out;
  }

  /**
   * A namespace labelled with the persona that owns it ({@value #PERSONA_LABEL}): what the analyses
   * read to know a gateway namespace of any name, and what a reviewer sees with {@code kubectl get
   * ns -L sailplan.dev/persona}.
   */
  private static Namespace owned(String name, Persona persona, Map<String, String> labels) {
    return Namespace.builder()
        .metadata(
            ObjectMeta.builder()
                .name(name)
                .putLabels(PERSONA_LABEL, persona.id())
                .putAllLabels(labels)
                .build())
        .build();
  }

  /**
   * The root Sidecar {@code default}, when enabled: every sidecar of the mesh reaches only its own
   * namespace and the control plane's, unless its namespace's Sidecar says more.
   */
  public Optional<Sidecar> rootSidecar() {
    if (!rootSidecar) {
      return Optional.empty();
    }
    return Optional.of(
        Traffic.sidecar(
            rootNamespace + "/default",
            SidecarSpec.builder()
                .addEgress(
                    IstioEgressListener.builder()
                        .addHosts("./*", controlPlaneNamespace + "/*")
                        .build())
                .build()));
  }

  /** The root PeerAuthentication {@code default}, when enabled: the mesh-wide mTLS mode. */
  public Optional<PeerAuthentication> rootPeerAuthentication() {
    return rootMtls.map(
        mode -> Security.peerAuthentication(rootNamespace + "/default", Security.mtls(mode)));
  }

  /** The mesh-wide defaults of the root namespace: the Sidecar and PeerAuthentication enabled. */
  public List<Resource> defaults() {
    List<Resource> out = new ArrayList<>(2);
    rootSidecar().ifPresent(out::add);
    rootPeerAuthentication().ifPresent(out::add);
    return out;
  }

  /**
   * The RBAC of every persona, persona by persona ({@link #rbac(Persona)}): cluster admins, network
   * owners, service owners.
   */
  public List<Resource> rbac() {
    List<Resource> out = new ArrayList<>();
    for (Persona p : Persona.values()) {
      out.addAll(rbac(p));
    }
    return out;
  }

  /**
   * One persona's RBAC: its ClusterRole {@code sailplan:<persona>} (its rules, written once) and a
   * RoleBinding of that name in each of its namespaces, to its groups; nothing when no group has
   * the persona.
   */
  public List<Resource> rbac(Persona persona) {
    List<Resource> bindings = new ArrayList<>();
    RoleRef role = RoleRef.clusterRole(persona.roleName());
    switch (persona) {
      case CLUSTER_ADMIN -> {
        if (!clusterAdmins.isEmpty()) {
          bindings.add(binding(rootNamespace, persona, role, clusterAdmins));
        }
      }
      case NETWORK_OWNER -> {
        if (!networkOwners.isEmpty()) {
          gateways.forEach(g -> bindings.add(binding(g.name(), persona, role, networkOwners)));
        }
      }
      case SERVICE_OWNER ->
          apps.forEach(a -> bindings.add(binding(a.name(), persona, role, a.teams())));
    }
    if (bindings.isEmpty()) {
      return List.of();
    }
    List<Resource> out = new ArrayList<>(bindings.size() + 1);
    out.add(persona.clusterRole());
    out.addAll(bindings);
    return out;
  }

  private static RoleBinding binding(
      String namespace, Persona persona, RoleRef role, List<String> groups) {
    return RoleBinding.builder()
        .metadata(meta(persona.roleName(), namespace, persona))
        .addAllSubjects(groups.stream().map(Subject::group).toList())
        .roleRef(role)
        .build();
  }

  static ObjectMeta meta(String name, String namespace, Persona persona) {
    ObjectMeta.Builder m = ObjectMeta.builder().name(name).putLabels(PERSONA_LABEL, persona.id());
    if (!namespace.isEmpty()) {
      m.namespace(namespace);
    }
    return m.build();
  }

  /**
   * Everything the layout itself produces: {@link #namespaces()}, {@link #defaults()}, {@link
   * #rbac()}.
   */
  public List<Resource> all() {
    List<Resource> out = new ArrayList<>(namespaces());
    out.addAll(defaults());
    out.addAll(rbac());
    return out;
  }

  /**
   * The resource in the namespace its persona's rules say: an EnvoyFilter in the root namespace; an
   * Istio Gateway in the gateway namespace whose gateway pods its selector selects; a
   * VirtualService bound to a gateway ({@code gateways: [ns/name]}, not {@code mesh}) in that
   * gateway's namespace, its short destination hosts qualified with the app namespace it came from;
   * other configuration where it is, when its namespace's persona may edit it, else in the app
   * namespace its hosts name.
   *
   * <pre>{@code
   * VirtualService vs = layout.place(virtualService("bookinfo/bookinfo", spec));
   * // gateways: [istio-ingress/bookinfo-gateway]: now istio-ingress/bookinfo, routing to
   * // productpage.bookinfo.svc.cluster.local
   * }</pre>
   *
   * @throws PlacementException when the layout cannot decide, saying why
   */
  public <R extends Resource> R place(R resource) {
    return new Placement(this).place(resource);
  }

  /**
   * The layout-aware checks, to add to a validation: resources that their namespace's persona may
   * not edit, Istio configuration in the control-plane namespace, gateway-bound VirtualServices
   * outside their gateway's namespace (SP3022, SP3023, SP3024).
   *
   * <pre>{@code
   * Validation v =
   *     Validation.builder().discover().rootNamespace(layout.rootNamespace())
   *         .provider(layout.validation()).build();
   * }</pre>
   */
  public ValidationProvider validation() {
    return new LayoutValidation(this);
  }

  /**
   * The standard validation with this layout's root namespace and its checks ({@link
   * #validation()}).
   */
  public Validation validator() {
    return Validation.builder()
        .discover()
        .rootNamespace(rootNamespace)
        .provider(validation())
        .build();
  }

  @Override
  public String toString() {
    return "MeshLayout[root="
        + rootNamespace
        + ", controlPlane="
        + controlPlaneNamespace
        + ", gateways="
        + gateways.stream().map(GatewayNamespace::name).toList()
        + ", apps="
        + apps.stream().map(AppNamespace::name).toList()
        + "]";
  }

  /** Builds a {@link MeshLayout}. */
  public static final class Builder {
    private String rootNamespace = DEFAULT_ROOT_NAMESPACE;
    private String controlPlaneNamespace = DEFAULT_CONTROL_PLANE_NAMESPACE;
    private final Map<String, GatewayNamespace> gateways = new LinkedHashMap<>();
    private final Map<String, AppNamespace> apps = new LinkedHashMap<>();
    private final List<String> clusterAdmins = new ArrayList<>();
    private final List<String> networkOwners = new ArrayList<>();
    private boolean rootSidecar = true;
    private Optional<MutualTLSMode> rootMtls = Optional.of(MutualTLSMode.STRICT);

    private Builder() {}

    /** The root namespace; {@code istio-config} when not set. */
    public Builder rootNamespace(String namespace) {
      this.rootNamespace = Objects.requireNonNull(namespace, "namespace");
      return this;
    }

    /** The control-plane namespace; {@code istio-system} when not set. */
    public Builder controlPlaneNamespace(String namespace) {
      this.controlPlaneNamespace = Objects.requireNonNull(namespace, "namespace");
      return this;
    }

    /** Adds a gateway namespace. */
    public Builder gateway(GatewayNamespace namespace) {
      add(gateways, namespace.name(), namespace);
      return this;
    }

    /** Adds an app namespace owned by a team (the group of its service owners). */
    public Builder app(String namespace, String team, DataPlane dataPlane) {
      return app(new AppNamespace(namespace, List.of(team), dataPlane));
    }

    /** Adds an app namespace. */
    public Builder app(AppNamespace namespace) {
      add(apps, namespace.name(), namespace);
      return this;
    }

    private static <T> void add(Map<String, T> to, String name, T value) {
      if (to.putIfAbsent(name, value) != null) {
        throw new IllegalArgumentException("namespace " + name + " is added twice");
      }
    }

    /** The groups of the cluster admins; none when not set (no binding in the root namespace). */
    public Builder clusterAdmins(String... groups) {
      clusterAdmins.addAll(List.of(groups));
      return this;
    }

    /** The groups of the network owners; none when not set (no binding in gateway namespaces). */
    public Builder networkOwners(String... groups) {
      networkOwners.addAll(List.of(groups));
      return this;
    }

    /** Whether the root Sidecar scoping egress to {@code ./*} and the control plane is written. */
    public Builder rootSidecar(boolean enabled) {
      this.rootSidecar = enabled;
      return this;
    }

    /** The mesh-wide mTLS mode of the root PeerAuthentication; STRICT when not set. */
    public Builder rootMtls(MutualTLSMode mode) {
      this.rootMtls = Optional.of(Objects.requireNonNull(mode, "mode"));
      return this;
    }

    /** No root PeerAuthentication (e.g. while workloads are still joining the mesh). */
    public Builder noRootMtls() {
      this.rootMtls = Optional.empty();
      return this;
    }

    /**
     * The layout.
     *
     * @throws IllegalArgumentException when a namespace has two roles (an app namespace that is
     *     also a gateway namespace, the root or the control plane's)
     */
    public MeshLayout build() {
      Set<String> seen = new HashSet<>();
      seen.add(controlPlaneNamespace);
      seen.add(rootNamespace);
      for (String n : gateways.keySet()) {
        if (!seen.add(n)) {
          throw new IllegalArgumentException(
              "gateway namespace " + n + " is also the root or control-plane namespace");
        }
      }
      for (String n : apps.keySet()) {
        if (!seen.add(n)) {
          throw new IllegalArgumentException(
              "app namespace " + n + " is also the root, control-plane or a gateway namespace");
        }
      }
      return new MeshLayout(this);
    }
  }
}
