// Written by sailplan import; edit it as your own code.
package com.acme.mesh;

import static dev.sailplan.istio.Traffic.destination;
import static dev.sailplan.istio.Traffic.destinationRule;
import static dev.sailplan.istio.Traffic.exact;
import static dev.sailplan.istio.Traffic.labels;
import static dev.sailplan.istio.Traffic.matchHeader;
import static dev.sailplan.istio.Traffic.matchUri;
import static dev.sailplan.istio.Traffic.percent;
import static dev.sailplan.istio.Traffic.prefix;
import static dev.sailplan.istio.Traffic.routeTo;
import static dev.sailplan.istio.Traffic.seconds;
import static dev.sailplan.istio.Traffic.serverPort;
import static dev.sailplan.istio.Traffic.servicePort;
import static dev.sailplan.istio.Traffic.versionSubset;

import dev.sailplan.core.ManifestSource;
import dev.sailplan.core.generic.GenericObject;
import dev.sailplan.core.k8s.Service;
import dev.sailplan.core.k8s.ServiceAccount;
import dev.sailplan.core.k8s.ServicePort;
import dev.sailplan.core.k8s.ServiceSpec;
import dev.sailplan.core.meta.ObjectMeta;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.value.IntOrString;
import dev.sailplan.istio.networking.v1.Abort;
import dev.sailplan.istio.networking.v1.Delay;
import dev.sailplan.istio.networking.v1.DestinationRule;
import dev.sailplan.istio.networking.v1.DestinationRuleSpec;
import dev.sailplan.istio.networking.v1.Gateway;
import dev.sailplan.istio.networking.v1.GatewaySpec;
import dev.sailplan.istio.networking.v1.HTTPFaultInjection;
import dev.sailplan.istio.networking.v1.HTTPRoute;
import dev.sailplan.istio.networking.v1.Location;
import dev.sailplan.istio.networking.v1.Resolution;
import dev.sailplan.istio.networking.v1.Server;
import dev.sailplan.istio.networking.v1.ServiceEntry;
import dev.sailplan.istio.networking.v1.ServiceEntrySpec;
import dev.sailplan.istio.networking.v1.VirtualService;
import dev.sailplan.istio.networking.v1.VirtualServiceSpec;
import java.util.List;
import java.util.Map;

/**
 * The manifests of istio-bookinfo-gateway.yaml, istio-bookinfo-destination-rule-all.yaml, istio-bookinfo-networking-misc.yaml, istio-httpbin.yaml, written with the Sailplan DSL.
 */
public final class BookinfoMesh implements ManifestSource {
  /**
   * Called by the build to render the manifests.
   */
  public BookinfoMesh() {
  }

  @Override
  public List<Resource> manifests() {
    return List.of(
        bookinfoGatewayGateway(),
        bookinfoVirtualService(),
        productpageDestinationRule(),
        reviewsDestinationRule(),
        ratingsDestinationRule(),
        detailsDestinationRule(),
        googleapisServiceEntry(),
        detailsVirtualService(),
        detailsDestinationRule2(),
        ratingsDelayVirtualService(),
        reviewsJasonVirtualService(),
        httpbinServiceAccount(),
        httpbinService(),
        httpbinDeployment());
  }

  /**
   * Gateway bookinfo-gateway.
   *
   * <pre>
   * Origin: istio/istio samples/bookinfo/networking/bookinfo-gateway.yaml (Apache-2.0), test data.
   * </pre>
   */
  private static Gateway bookinfoGatewayGateway() {
    return Gateway.builder()
        .apiVersion("networking.istio.io/v1alpha3")
        .metadata(ObjectMeta.ref("bookinfo-gateway"))
        .spec(GatewaySpec.builder()
            // The selector matches the ingress gateway pod labels.
            // If you installed Istio using Helm following the standard documentation, this would be "istio=ingress"
            // use istio default controller
            .putSelector("istio", "ingressgateway")
            .addServers(Server.builder()
                .addHosts("*")
                .port(serverPort(80, "http", "HTTP"))
                .build())
            .build())
        .build();
  }

  /**
   * VirtualService bookinfo.
   */
  private static VirtualService bookinfoVirtualService() {
    return VirtualService.builder()
        .apiVersion("networking.istio.io/v1alpha3")
        .metadata(ObjectMeta.ref("bookinfo"))
        .spec(VirtualServiceSpec.builder()
            .addGateways("bookinfo-gateway")
            .addHosts("*")
            .addHttp(HTTPRoute.builder()
                .addMatch(matchUri(exact("/productpage")))
                .addMatch(matchUri(prefix("/static")))
                .addMatch(matchUri(exact("/login")))
                .addMatch(matchUri(exact("/logout")))
                .addMatch(matchUri(prefix("/api/v1/products")))
                .addRoute(routeTo(destination("productpage", 9080)))
                .build())
            .build())
        .build();
  }

  /**
   * DestinationRule productpage.
   *
   * <pre>
   * Origin: istio/istio samples/bookinfo/networking/destination-rule-all.yaml (Apache-2.0), test data.
   * </pre>
   */
  private static DestinationRule productpageDestinationRule() {
    return destinationRule("productpage", DestinationRuleSpec.builder()
        .host("productpage")
        .addSubsets(versionSubset("v1"))
        .build());
  }

  /**
   * DestinationRule reviews.
   */
  private static DestinationRule reviewsDestinationRule() {
    return destinationRule("reviews", DestinationRuleSpec.builder()
        .host("reviews")
        .addSubsets(versionSubset("v1"))
        .addSubsets(versionSubset("v2"))
        .addSubsets(versionSubset("v3"))
        .build());
  }

  /**
   * DestinationRule ratings.
   */
  private static DestinationRule ratingsDestinationRule() {
    return destinationRule("ratings", DestinationRuleSpec.builder()
        .host("ratings")
        .addSubsets(versionSubset("v1"))
        .addSubsets(versionSubset("v2"))
        .addSubsets(versionSubset("v2-mysql"))
        .addSubsets(versionSubset("v2-mysql-vm"))
        .build());
  }

  /**
   * DestinationRule details.
   */
  private static DestinationRule detailsDestinationRule() {
    return destinationRule("details", DestinationRuleSpec.builder()
        .host("details")
        .addSubsets(versionSubset("v1"))
        .addSubsets(versionSubset("v2"))
        .build());
  }

  /**
   * ServiceEntry googleapis.
   *
   * <pre>
   * Origin: istio/istio samples/bookinfo/networking/egress-rule-google-apis.yaml, fault-injection-details-v1.yaml, virtual-service-ratings-test-delay.yaml, virtual-service-reviews-jason-v2-v3.yaml (Apache-2.0), the removed field
   * fault.*.percent written as percentage, test data.
   * </pre>
   */
  private static ServiceEntry googleapisServiceEntry() {
    return ServiceEntry.builder()
        .apiVersion("networking.istio.io/v1alpha3")
        .metadata(ObjectMeta.ref("googleapis"))
        .spec(ServiceEntrySpec.builder()
            .addHosts("www.googleapis.com")
            .location(Location.MESH_EXTERNAL)
            .addPorts(servicePort(443, "https", "http"))
            .resolution(Resolution.DNS)
            .build())
        .build();
  }

  /**
   * VirtualService details.
   */
  private static VirtualService detailsVirtualService() {
    return VirtualService.builder()
        .apiVersion("networking.istio.io/v1alpha3")
        .metadata(ObjectMeta.ref("details"))
        .spec(VirtualServiceSpec.builder()
            .addHosts("details")
            .addHttp(HTTPRoute.builder()
                .fault(HTTPFaultInjection.builder()
                    .abort(Abort.builder()
                        .httpStatus(555)
                        .percentage(percent(100.0))
                        .build())
                    .build())
                .addRoute(routeTo("details", "v1"))
                .build())
            .addHttp(HTTPRoute.builder()
                .addRoute(routeTo("details", "v1"))
                .build())
            .build())
        .build();
  }

  /**
   * DestinationRule details.
   */
  private static DestinationRule detailsDestinationRule2() {
    return DestinationRule.builder()
        .apiVersion("networking.istio.io/v1alpha3")
        .metadata(ObjectMeta.ref("details"))
        .spec(DestinationRuleSpec.builder()
            .host("details")
            .addSubsets(versionSubset("v1"))
            .build())
        .build();
  }

  /**
   * VirtualService ratings-delay.
   */
  private static VirtualService ratingsDelayVirtualService() {
    return VirtualService.builder()
        .apiVersion("networking.istio.io/v1alpha3")
        .metadata(ObjectMeta.ref("ratings-delay"))
        .spec(VirtualServiceSpec.builder()
            .addHosts("ratings")
            .addHttp(HTTPRoute.builder()
                .fault(HTTPFaultInjection.builder()
                    .delay(Delay.builder()
                        .fixedDelay(seconds(7))
                        .percentage(percent(100.0))
                        .build())
                    .build())
                .addMatch(matchHeader("end-user", exact("jason")))
                .addRoute(routeTo("ratings", "v1"))
                .build())
            .addHttp(HTTPRoute.builder()
                .addRoute(routeTo("ratings", "v1"))
                .build())
            .build())
        .build();
  }

  /**
   * VirtualService reviews-jason.
   */
  private static VirtualService reviewsJasonVirtualService() {
    return VirtualService.builder()
        .apiVersion("networking.istio.io/v1alpha3")
        .metadata(ObjectMeta.ref("reviews-jason"))
        .spec(VirtualServiceSpec.builder()
            .addHosts("reviews")
            .addHttp(HTTPRoute.builder()
                .addMatch(matchHeader("end-user", exact("jason")))
                .addRoute(routeTo("reviews", "v2"))
                .build())
            .addHttp(HTTPRoute.builder()
                .addRoute(routeTo("reviews", "v3"))
                .build())
            .build())
        .build();
  }

  /**
   * ServiceAccount httpbin.
   *
   * <pre>
   * Origin: istio/istio samples/httpbin/httpbin.yaml (Apache-2.0), trimmed, test data.
   * #################################################################################################
   * httpbin service
   * #################################################################################################
   * </pre>
   */
  private static ServiceAccount httpbinServiceAccount() {
    return ServiceAccount.builder()
        .metadata(ObjectMeta.ref("httpbin"))
        .build();
  }

  /**
   * Service httpbin.
   */
  private static Service httpbinService() {
    return Service.builder()
        .metadata(ObjectMeta.ref("httpbin").withLabels(labels("app", "httpbin")))
        .spec(ServiceSpec.builder()
            .putSelector("app", "httpbin")
            .addPorts(ServicePort.of("http", 8000).withTargetPort(IntOrString.of(80)))
            .build())
        .build();
  }

  /**
   * Deployment httpbin.
   *
   * <p>Sailplan does not model Deployment (apps/v1): it is carried as a {@code GenericObject} built from its fields.
   */
  private static GenericObject httpbinDeployment() {
    return GenericObject.of(
        "apps/v1",
        "Deployment",
        ObjectMeta.ref("httpbin").withLabels(labels("app", "httpbin", "version", "v1")),
        Map.of(
            "spec", Map.of(
                "replicas", 1,
                "selector", Map.of(
                    "matchLabels", Map.of("app", "httpbin", "version", "v1")),
                "template", Map.of(
                    "metadata", Map.of(
                        "labels", Map.of("app", "httpbin", "version", "v1")),
                    "spec", Map.of(
                        "containers", List.of(
                            Map.of(
                                "image", "docker.io/kennethreitz/httpbin",
                                "imagePullPolicy", "IfNotPresent",
                                "name", "httpbin",
                                "ports", List.of(
                                    Map.of("containerPort", 80)))),
                        "serviceAccountName", "httpbin")))));
  }
}
