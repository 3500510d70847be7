package dev.sailplan.core.validation;

import dev.sailplan.core.generic.GenericObject;
import dev.sailplan.core.k8s.Service;
import dev.sailplan.core.k8s.ServicePort;
import dev.sailplan.core.k8s.ServiceSpec;
import dev.sailplan.core.meta.ObjectMeta;
import dev.sailplan.core.meta.Resource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Everything one validation run analyses together: the typed resources and the Kubernetes objects
 * Sailplan does not model, indexed by type, namespace and name, and the mesh's settings. Analyzers
 * read it; it never changes.
 *
 * <pre>{@code
 * Mesh mesh = Mesh.builder().resources(resources).rootNamespace("istio-config").build();
 * List<VirtualService> routes = mesh.all(VirtualService.class);
 * }</pre>
 */
public final class Mesh {
  /** Istio's default ingress gateway, assumed unless the input defines one. */
  private static final String GATEWAY_NAMESPACE = "istio-system";

  private static final String GATEWAY_NAME = "istio-ingressgateway";
  private static final Map<String, String> GATEWAY_LABELS =
      Map.of("app", GATEWAY_NAME, "istio", "ingressgateway");

  private final List<Resource> resources;
  private final List<KubeObject> objects;
  private final String rootNamespace;
  private final Set<Object> assumed;
  private final List<java.util.regex.Pattern> externalHosts;
  private final List<java.util.regex.Pattern> externalObjects;
  private final Map<Class<?>, List<Resource>> byType = new HashMap<>();
  private final Map<String, Resource> byName = new HashMap<>();
  private final Map<String, List<KubeObject>> workloadsByNamespace = new HashMap<>();
  private final Map<String, KubeObject> objectsByName = new HashMap<>();
  private final boolean ownWorkloads;

  private Mesh(Builder b) {
    List<Resource> r = new ArrayList<>(b.resources);
    List<KubeObject> o = new ArrayList<>(b.objects);
    Set<Object> synthetic = Collections.newSetFromMap(new IdentityHashMap<>());
    if (b.defaultGateway
        && r.stream()
            .noneMatch(
                x ->
                    x instanceof Service
                        && x.metadata().namespace().orElse("").equals(GATEWAY_NAMESPACE)
                        && x.metadata().name().orElse("").equals(GATEWAY_NAME))) {
      Service service = defaultGatewayService();
      KubeObject pods = defaultGatewayPods();
      r.add(service);
      o.add(pods);
      synthetic.add(service);
      synthetic.add(pods);
    }
    this.resources = Collections.unmodifiableList(r);
    this.objects = Collections.unmodifiableList(o);
    this.rootNamespace = b.rootNamespace;
    this.assumed = synthetic;
    this.externalHosts = new ArrayList<>();
    this.externalObjects = new ArrayList<>();
    for (String glob : b.external) {
      (glob.contains(" ") ? externalObjects : externalHosts).add(glob(glob));
    }
    for (Resource x : resources) {
      byType.computeIfAbsent(x.getClass(), k -> new ArrayList<>()).add(x);
      byName.putIfAbsent(
          key(
              x.group(),
              x.kind(),
              x.metadata().namespace().orElse(""),
              x.metadata().name().orElse("")),
          x);
    }
    boolean own = false;
    for (KubeObject x : objects) {
      own |= x.isWorkload() && !synthetic.contains(x);
      if (x.isWorkload()) {
        workloadsByNamespace.computeIfAbsent(x.namespace(), k -> new ArrayList<>()).add(x);
      }
      objectsByName.putIfAbsent(key(group(x.apiVersion()), x.kind(), x.namespace(), x.name()), x);
    }
    this.ownWorkloads = own;
  }

  /** A builder of an empty mesh with root namespace {@code istio-system}. */
  public static Builder builder() {
    return new Builder();
  }

  /** The typed resources, in input order (and Istio's default ingress gateway when assumed). */
  public List<Resource> resources() {
    return resources;
  }

  /** The resources of one type (exactly that class, e.g. {@code VirtualService.class}). */
  @SuppressWarnings("unchecked") // the index holds only instances of its key
  public <T extends Resource> List<T> all(Class<T> type) {
    List<T> found = new ArrayList<>();
    byType.forEach(
        (k, v) -> {
          if (type.isAssignableFrom(k)) {
            found.addAll((List<T>) v);
          }
        });
    return found;
  }

  /** The resource of a group, kind, namespace ({@code ""} for cluster-scoped) and name. */
  public Optional<Resource> find(String group, String kind, String namespace, String name) {
    return Optional.ofNullable(byName.get(key(group, kind, namespace, name)));
  }

  /** The Kubernetes objects Sailplan does not model, in input order. */
  public List<KubeObject> objects() {
    return objects;
  }

  /** The object of a group ({@code ""} for core), kind, namespace and name. */
  public Optional<KubeObject> findObject(String group, String kind, String namespace, String name) {
    return Optional.ofNullable(objectsByName.get(key(group, kind, namespace, name)));
  }

  /** The objects that run pods (Deployments, StatefulSets, Pods, …) in a namespace. */
  public List<KubeObject> workloadsIn(String namespace) {
    return workloadsByNamespace.getOrDefault(namespace, List.of());
  }

  /**
   * Whether the input holds any workload (the assumed default ingress gateway's pods do not count);
   * rules about pods a selector matches only judge when it does (a repository of mesh configuration
   * alone says nothing about pods).
   */
  public boolean hasWorkloads() {
    return ownWorkloads;
  }

  /** The mesh's root namespace (Istio's {@code rootNamespace}). */
  public String rootNamespace() {
    return rootNamespace;
  }

  /** Whether the object is only assumed (Istio's default ingress gateway), not in the input. */
  public boolean isAssumed(Object resourceOrObject) {
    return assumed.contains(resourceOrObject);
  }

  /**
   * Whether a host that the input does not define lives outside it, by the {@code assumeExternal}
   * globs without a space (e.g. {@code *.svc.cluster.local}, {@code *.payments.svc.cluster.local}).
   */
  public boolean isExternalHost(String host) {
    return externalHosts.stream().anyMatch(p -> p.matcher(host).matches());
  }

  /**
   * Whether an object that the input does not define lives outside it, by the {@code
   * assumeExternal} globs of the form {@code Kind namespace/name} (e.g. {@code Service
   * payments/*}); {@code namespace} is empty for cluster-scoped kinds, matched as {@code Kind
   * name}.
   */
  public boolean isExternal(String kind, String namespace, String name) {
    String id = namespace.isEmpty() ? kind + " " + name : kind + " " + namespace + "/" + name;
    return externalObjects.stream().anyMatch(p -> p.matcher(id).matches());
  }

  /** A glob as a pattern: {@code *} any characters, {@code ?} one, everything else itself. */
  static java.util.regex.Pattern glob(String glob) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*') {
        regex.append(".*");
      } else if (c == '?') {
        regex.append('.');
      } else {
        regex.append(java.util.regex.Pattern.quote(String.valueOf(c)));
      }
    }
    return java.util.regex.Pattern.compile(regex.toString());
  }

  private static String key(String group, String kind, String namespace, String name) {
    return group + "\u0000" + kind + "\u0000" + namespace + "\u0000" + name;
  }

  private static String group(String apiVersion) {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }

  private static Service defaultGatewayService() {
    return Service.builder()
        .metadata(ObjectMeta.ref(GATEWAY_NAMESPACE + "/" + GATEWAY_NAME).withLabels(GATEWAY_LABELS))
        .spec(
            ServiceSpec.builder()
                .putAllSelector(GATEWAY_LABELS)
                .addPorts(
                    ServicePort.of("http2", 80, 8080),
                    ServicePort.of("https", 443, 8443),
                    ServicePort.of("tcp", 31400),
                    ServicePort.of("tls", 15443))
                .build())
        .build();
  }

  private static KubeObject defaultGatewayPods() {
    return new KubeObject(
        "apps/v1",
        "Deployment",
        GATEWAY_NAMESPACE,
        GATEWAY_NAME,
        GATEWAY_LABELS,
        Map.of(),
        GATEWAY_LABELS,
        Map.of(),
        List.of(
            new KubeObject.Container(
                "istio-proxy",
                false,
                List.of(
                    new KubeObject.ContainerPort("", 8080, "TCP"),
                    new KubeObject.ContainerPort("", 8443, "TCP"),
                    new KubeObject.ContainerPort("", 31400, "TCP"),
                    new KubeObject.ContainerPort("", 15443, "TCP")),
                OptionalLong.empty())));
  }

  /** Builds a {@link Mesh}. */
  public static final class Builder {
    private final List<Resource> resources = new ArrayList<>();
    private final List<KubeObject> objects = new ArrayList<>();
    private String rootNamespace = "istio-system";
    private boolean defaultGateway = true;
    private final List<String> external = new ArrayList<>();

    private Builder() {}

    /**
     * Says what lives outside the input, for references to things it does not define: globs of
     * hosts ({@code *.svc.cluster.local}) or of objects ({@code Service payments/*}), as {@code
     * sailplan validate --assume-external} takes them.
     */
    public Builder assumeExternal(Collection<String> globs) {
      for (String g : globs) {
        if (g.isBlank()) {
          throw new IllegalArgumentException("an empty --assume-external glob matches nothing");
        }
        external.add(g.strip());
      }
      return this;
    }

    /**
     * Adds typed resources; a {@link GenericObject} among them is added as its {@link KubeObject}.
     */
    public Builder resources(Collection<? extends Resource> more) {
      for (Resource r : more) {
        if (r instanceof GenericObject g) {
          objects.add(KubeObject.of(g));
        } else {
          resources.add(r);
        }
      }
      return this;
    }

    /** Adds Kubernetes objects Sailplan does not model. */
    public Builder objects(Collection<KubeObject> more) {
      objects.addAll(more);
      return this;
    }

    /** Sets the root namespace; {@code istio-system} when not set. */
    public Builder rootNamespace(String namespace) {
      this.rootNamespace = Objects.requireNonNull(namespace, "namespace");
      return this;
    }

    /**
     * Whether Istio's default ingress gateway (Service {@code istio-system/istio-ingressgateway},
     * ports 80, 443, 31400, 15443, pods labelled {@code istio: ingressgateway}) is assumed when the
     * input defines no Service of that name; true when not set.
     */
    public Builder defaultGateway(boolean assumed) {
      this.defaultGateway = assumed;
      return this;
    }

    /** The mesh. */
    public Mesh build() {
      return new Mesh(this);
    }
  }
}
