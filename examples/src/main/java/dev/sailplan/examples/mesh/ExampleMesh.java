package dev.sailplan.examples.mesh;

import static dev.sailplan.istio.Security.authorizationPolicy;
import static dev.sailplan.istio.Security.principal;
import static dev.sailplan.istio.Traffic.destinationRule;
import static dev.sailplan.istio.Traffic.egressHosts;
import static dev.sailplan.istio.Traffic.exact;
import static dev.sailplan.istio.Traffic.gateway;
import static dev.sailplan.istio.Traffic.matchUri;
import static dev.sailplan.istio.Traffic.prefix;
import static dev.sailplan.istio.Traffic.routeTo;
import static dev.sailplan.istio.Traffic.serverPort;
import static dev.sailplan.istio.Traffic.serviceEntry;
import static dev.sailplan.istio.Traffic.servicePort;
import static dev.sailplan.istio.Traffic.sidecar;
import static dev.sailplan.istio.Traffic.versionSubset;
import static dev.sailplan.istio.Traffic.virtualService;

import dev.sailplan.core.k8s.Service;
import dev.sailplan.core.k8s.ServicePort;
import dev.sailplan.core.k8s.ServiceSpec;
import dev.sailplan.core.meta.ObjectMeta;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.istio.Security;
import dev.sailplan.istio.layout.DataPlane;
import dev.sailplan.istio.layout.GatewayNamespace;
import dev.sailplan.istio.layout.MeshLayout;
import dev.sailplan.istio.layout.Persona;
import dev.sailplan.istio.networking.v1.DestinationRuleSpec;
import dev.sailplan.istio.networking.v1.GatewaySpec;
import dev.sailplan.istio.networking.v1.HTTPRoute;
import dev.sailplan.istio.networking.v1.Location;
import dev.sailplan.istio.networking.v1.Resolution;
import dev.sailplan.istio.networking.v1.Server;
import dev.sailplan.istio.networking.v1.ServerTLSMode;
import dev.sailplan.istio.networking.v1.ServerTLSSettings;
import dev.sailplan.istio.networking.v1.ServiceEntrySpec;
import dev.sailplan.istio.networking.v1.SidecarSpec;
import dev.sailplan.istio.networking.v1.VirtualServiceSpec;
import dev.sailplan.istio.security.v1.Action;
import dev.sailplan.istio.security.v1.AuthorizationPolicySpec;
import dev.sailplan.istio.security.v1.Rule;
import dev.sailplan.istio.security.v1.Source;
import dev.sailplan.istio.type.v1beta1.WorkloadSelector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bookinfo-like mesh laid out by persona (seeds 000/001): the cluster admins' root defaults in
 * {@code istio-config}, the network owners' ingress and egress gateways in {@code istio-ingress}
 * and {@code istio-egress}, and two teams' app namespaces, {@code bookinfo} (productpage and
 * details, sidecar injection) and {@code reviews} (reviews and ratings, injected by the {@code
 * stable} revision), each widening the root Sidecar for what its workloads call. The frontend team
 * writes the route of its public host next to its app; {@link MeshLayout#place} moves it to the
 * ingress gateway's namespace, where the network owners review it.
 */
public final class ExampleMesh {
  /** The mesh's layout. */
  public static final MeshLayout LAYOUT =
      MeshLayout.builder()
          .gateway(GatewayNamespace.ingress())
          .gateway(GatewayNamespace.egress())
          .app("bookinfo", "bookinfo-frontend", DataPlane.sidecar())
          .app("reviews", "bookinfo-reviews", DataPlane.revision("stable"))
          .clusterAdmins("mesh-admins")
          .networkOwners("network-team")
          .build();

  private ExampleMesh() {}

  /**
   * The files of the rendered mesh, in apply order, each with its resources: the namespaces, the
   * root defaults, the RBAC of each persona (one file each, for review by persona), then each
   * gateway and app namespace's configuration.
   */
  public static Map<String, List<Resource>> files() {
    Map<String, List<Resource>> files = new LinkedHashMap<>();
    files.put("00-namespaces.yaml", List.copyOf(LAYOUT.namespaces()));
    files.put("01-root-defaults.yaml", LAYOUT.defaults());
    int n = 2;
    for (Persona p : Persona.values()) {
      files.put(String.format("%02d-rbac-%s.yaml", n++, p.id()), LAYOUT.rbac(p));
    }
    List<Resource> config = config();
    for (String ns : namespaces()) {
      List<Resource> in =
          config.stream().filter(r -> r.metadata().namespace().orElse("").equals(ns)).toList();
      if (!in.isEmpty()) {
        files.put(String.format("%02d-%s.yaml", n++, ns), in);
      }
    }
    return files;
  }

  /** Every resource of the mesh, in the order of {@link #files()}. */
  public static List<Resource> resources() {
    List<Resource> all = new ArrayList<>();
    files().values().forEach(all::addAll);
    return all;
  }

  private static List<String> namespaces() {
    List<String> out = new ArrayList<>();
    LAYOUT.gatewayNamespaces().forEach(g -> out.add(g.name()));
    LAYOUT.appNamespaces().forEach(a -> out.add(a.name()));
    return out;
  }

  /** The configuration of the gateway and app namespaces, each placed by the layout. */
  private static List<Resource> config() {
    List<Resource> out = new ArrayList<>();
    // Network owners: the ingress gateway and its certificate's name; egress to one external API.
    out.add(
        LAYOUT.place(
            gateway(
                "istio-ingress/bookinfo-gateway",
                GatewaySpec.builder()
                    .putSelector("istio", "ingressgateway")
                    .addServers(
                        Server.builder()
                            .port(serverPort(443, "https", "HTTPS"))
                            .addHosts("bookinfo.example.com")
                            .tls(
                                ServerTLSSettings.builder()
                                    .mode(ServerTLSMode.SIMPLE)
                                    .credentialName("bookinfo-cert")
                                    .build())
                            .build())
                    .build())));
    out.add(
        LAYOUT.place(
            serviceEntry(
                "istio-egress/ratings-api",
                ServiceEntrySpec.builder()
                    .addHosts("ratings-api.example.com")
                    .addPorts(servicePort(443, "tls", "TLS"))
                    .location(Location.MESH_EXTERNAL)
                    .resolution(Resolution.DNS)
                    .build())));
    // The frontend team's public route, written beside its app: placed in istio-ingress, its
    // destinations qualified with bookinfo.
    out.add(
        LAYOUT.place(
            virtualService(
                "bookinfo/bookinfo",
                VirtualServiceSpec.builder()
                    .addHosts("bookinfo.example.com")
                    .addGateways("istio-ingress/bookinfo-gateway")
                    .addHttp(
                        HTTPRoute.builder()
                            .addMatch(matchUri(exact("/productpage")))
                            .addMatch(matchUri(prefix("/static")))
                            .addMatch(matchUri(prefix("/api/v1/products")))
                            .addRoute(routeTo("productpage"))
                            .build())
                    .build())));
    // Service owners: their Services and the configuration of their own workloads.
    out.add(service("bookinfo", "productpage"));
    out.add(service("bookinfo", "details"));
    out.add(service("reviews", "reviews"));
    out.add(service("reviews", "ratings"));
    // The root Sidecar lets every sidecar reach its own namespace and istio-system only: each team
    // widens it for what its workloads call (productpage calls reviews; ratings the external API).
    out.add(
        LAYOUT.place(
            sidecar(
                "bookinfo/default",
                SidecarSpec.builder()
                    .addEgress(egressHosts("./*", "istio-system/*", "reviews/*"))
                    .build())));
    out.add(
        LAYOUT.place(
            sidecar(
                "reviews/default",
                SidecarSpec.builder()
                    .addEgress(
                        egressHosts(
                            "./*", "istio-system/*", "istio-egress/ratings-api.example.com"))
                    .build())));
    out.add(
        LAYOUT.place(
            destinationRule(
                "reviews/reviews",
                DestinationRuleSpec.builder()
                    .host("reviews.reviews.svc.cluster.local")
                    .addSubsets(versionSubset("v1"), versionSubset("v2"))
                    .build())));
    out.add(
        LAYOUT.place(
            virtualService(
                "reviews/reviews",
                VirtualServiceSpec.builder()
                    .addHosts("reviews.reviews.svc.cluster.local")
                    .addHttp(
                        HTTPRoute.builder()
                            .addRoute(
                                routeTo("reviews.reviews.svc.cluster.local", "v1").withWeight(90))
                            .addRoute(
                                routeTo("reviews.reviews.svc.cluster.local", "v2").withWeight(10))
                            .build())
                    .build())));
    out.add(
        LAYOUT.place(
            authorizationPolicy(
                "reviews/reviews-from-productpage",
                AuthorizationPolicySpec.builder()
                    .selector(WorkloadSelector.builder().putMatchLabels("app", "reviews").build())
                    .action(Action.ALLOW)
                    .addRules(
                        Rule.builder()
                            .addFrom(
                                Security.from(
                                    Source.builder()
                                        .addPrincipals(
                                            principal("bookinfo", "bookinfo-productpage"))
                                        .build()))
                            .build())
                    .build())));
    return out;
  }

  private static Service service(String namespace, String app) {
    return Service.builder()
        .metadata(ObjectMeta.ref(namespace + "/" + app))
        .spec(
            ServiceSpec.builder()
                .putSelector("app", app)
                .addPorts(ServicePort.of("http", 9080))
                .build())
        .build();
  }
}
