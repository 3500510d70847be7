package com.example.bookinfo;

import static dev.sailplan.istio.Security.authorizationPolicy;
import static dev.sailplan.istio.Security.mtls;
import static dev.sailplan.istio.Security.peerAuthentication;
import static dev.sailplan.istio.Security.principal;
import static dev.sailplan.istio.Selectors.workloadSelector;
import static dev.sailplan.istio.Traffic.destinationRule;
import static dev.sailplan.istio.Traffic.exact;
import static dev.sailplan.istio.Traffic.gateway;
import static dev.sailplan.istio.Traffic.matchUri;
import static dev.sailplan.istio.Traffic.prefix;
import static dev.sailplan.istio.Traffic.routeTo;
import static dev.sailplan.istio.Traffic.seconds;
import static dev.sailplan.istio.Traffic.serverPort;
import static dev.sailplan.istio.Traffic.serviceEntry;
import static dev.sailplan.istio.Traffic.servicePort;
import static dev.sailplan.istio.Traffic.versionSubset;
import static dev.sailplan.istio.Traffic.virtualService;

import dev.sailplan.core.ManifestSource;
import dev.sailplan.core.k8s.Namespace;
import dev.sailplan.core.k8s.Service;
import dev.sailplan.core.k8s.ServicePort;
import dev.sailplan.core.k8s.ServiceSpec;
import dev.sailplan.core.meta.ObjectMeta;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.istio.networking.v1.DestinationRuleSpec;
import dev.sailplan.istio.networking.v1.GatewaySpec;
import dev.sailplan.istio.networking.v1.HTTPRoute;
import dev.sailplan.istio.networking.v1.Location;
import dev.sailplan.istio.networking.v1.OutlierDetection;
import dev.sailplan.istio.networking.v1.Resolution;
import dev.sailplan.istio.networking.v1.Server;
import dev.sailplan.istio.networking.v1.ServerTLSMode;
import dev.sailplan.istio.networking.v1.ServerTLSSettings;
import dev.sailplan.istio.networking.v1.ServiceEntrySpec;
import dev.sailplan.istio.networking.v1.TrafficPolicy;
import dev.sailplan.istio.networking.v1.VirtualServiceSpec;
import dev.sailplan.istio.security.v1.Action;
import dev.sailplan.istio.security.v1.AuthorizationPolicySpec;
import dev.sailplan.istio.security.v1.From;
import dev.sailplan.istio.security.v1.MutualTLSMode;
import dev.sailplan.istio.security.v1.Operation;
import dev.sailplan.istio.security.v1.Rule;
import dev.sailplan.istio.security.v1.Source;
import dev.sailplan.istio.security.v1.To;
import java.util.ArrayList;
import java.util.List;

/**
 * Bookinfo's mesh: the ingress Gateway (in {@code istio-ingress}) and its VirtualService, DestinationRules with version
 * subsets and outlier detection, STRICT mTLS for the namespace, a deny-all baseline with one ALLOW
 * per call the application makes, and the one external API it may reach.
 */
public final class BookinfoMesh implements ManifestSource {
  /** The application's namespace. */
  public static final String NAMESPACE = "bookinfo";

  /** The public host. */
  public static final String HOST = "bookinfo.example.com";

  /** The ingress Gateway, in the gateways' namespace with its certificate, not the app's. */
  public static final String GATEWAY = "istio-ingress/bookinfo-gateway";

  /** Rendered by sailplan-maven-plugin through this constructor. */
  public BookinfoMesh() {}

  @Override
  public List<Resource> manifests() {
    List<Resource> all = new ArrayList<>();
    all.add(
        Namespace.builder()
            .metadata(
                ObjectMeta.builder().name(NAMESPACE).putLabels("istio-injection", "enabled").build())
            .build());
    for (String app : List.of("productpage", "details", "reviews", "ratings")) {
      all.add(service(app));
    }
    all.add(ingressGateway());
    all.add(productpageRoutes());
    all.add(resilient("productpage", "v1"));
    all.add(resilient("details", "v1"));
    all.add(resilient("ratings", "v1"));
    all.add(peerAuthentication(NAMESPACE + "/default", mtls(MutualTLSMode.STRICT)));
    all.addAll(policies());
    all.add(ratingsProvider());
    return all;
  }

  private static Service service(String app) {
    return Service.builder()
        .metadata(ObjectMeta.builder().namespace(NAMESPACE).name(app).putLabels("app", app).build())
        .spec(
            ServiceSpec.builder()
                .putSelector("app", app)
                .addPorts(ServicePort.of("http", 9080))
                .build())
        .build();
  }

  private static Resource ingressGateway() {
    return gateway(
        GATEWAY,
        GatewaySpec.builder()
            .putSelector("istio", "ingressgateway")
            .addServers(
                Server.builder()
                    .port(serverPort(443, "https", "HTTPS"))
                    .tls(
                        ServerTLSSettings.builder()
                            .mode(ServerTLSMode.SIMPLE)
                            .credentialName("bookinfo-credential")
                            .build())
                    .addHosts(HOST)
                    .build())
            .build());
  }

  private static Resource productpageRoutes() {
    return virtualService(
        NAMESPACE + "/bookinfo",
        VirtualServiceSpec.builder()
            .addHosts(HOST)
            .addGateways(GATEWAY)
            .addHttp(
                HTTPRoute.builder()
                    .addMatch(matchUri(exact("/productpage")))
                    .addMatch(matchUri(prefix("/static")))
                    .addMatch(matchUri(exact("/login")))
                    .addMatch(matchUri(exact("/logout")))
                    .addMatch(matchUri(prefix("/api/v1/products")))
                    .addRoute(routeTo("productpage", "v1"))
                    .timeout(seconds(15))
                    .build())
            .build());
  }

  /** One subset per running version, and hosts that fail taken out of the pool for a while. */
  static Resource resilient(String host, String... versions) {
    DestinationRuleSpec.Builder spec =
        DestinationRuleSpec.builder()
            .host(host)
            .trafficPolicy(
                TrafficPolicy.builder()
                    .outlierDetection(
                        OutlierDetection.builder()
                            .consecutive5xxErrors(5)
                            .interval(seconds(10))
                            .baseEjectionTime(seconds(30))
                            .maxEjectionPercent(50)
                            .build())
                    .build());
    for (String v : versions) {
      spec.addSubsets(versionSubset(v));
    }
    return destinationRule(NAMESPACE + "/" + host, spec.build());
  }

  private static List<Resource> policies() {
    return List.of(
        // An empty spec matches nothing to allow: every request in the namespace is denied unless
        // an ALLOW below matches it.
        authorizationPolicy(NAMESPACE + "/deny-all", AuthorizationPolicySpec.builder().build()),
        // The ingress gateway runs in the gateway namespace (istio-ingress), under the gateway
        // chart's service account.
        allow("productpage", "istio-ingress", "istio-ingressgateway", "GET", "POST"),
        allow("details", NAMESPACE, "bookinfo-productpage", "GET"),
        allow("reviews", NAMESPACE, "bookinfo-productpage", "GET"),
        allow("ratings", NAMESPACE, "bookinfo-reviews", "GET"));
  }

  private static Resource allow(String app, String fromNs, String fromSa, String... methods) {
    return authorizationPolicy(
        NAMESPACE + "/allow-" + app,
        AuthorizationPolicySpec.builder()
            .selector(workloadSelector("app", app))
            .action(Action.ALLOW)
            .addRules(
                Rule.builder()
                    .addFrom(
                        From.builder()
                            .source(
                                Source.builder().addPrincipals(principal(fromNs, fromSa)).build())
                            .build())
                    .addTo(
                        To.builder()
                            .operation(Operation.builder().addMethods(methods).build())
                            .build())
                    .build())
            .build());
  }

  /** The external ratings data provider the ratings service calls over TLS. */
  private static Resource ratingsProvider() {
    return serviceEntry(
        NAMESPACE + "/ratings-provider",
        ServiceEntrySpec.builder()
            .addHosts("api.ratings-provider.example.com")
            .addPorts(servicePort(443, "https", "TLS"))
            .location(Location.MESH_EXTERNAL)
            .resolution(Resolution.DNS)
            .addExportTo(".")
            .build());
  }
}
