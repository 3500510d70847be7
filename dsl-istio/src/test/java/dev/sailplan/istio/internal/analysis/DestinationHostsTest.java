package dev.sailplan.istio.internal.analysis;

import static dev.sailplan.istio.internal.analysis.RouteRulesTest.traffic;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sailplan.core.k8s.Service;
import dev.sailplan.core.k8s.ServicePort;
import dev.sailplan.core.k8s.ServiceSpec;
import dev.sailplan.core.meta.ObjectMeta;
import dev.sailplan.core.validation.Finding;
import dev.sailplan.core.validation.Validation;
import dev.sailplan.istio.Traffic;
import dev.sailplan.istio.networking.v1.DestinationRuleSpec;
import dev.sailplan.istio.networking.v1.HTTPRoute;
import dev.sailplan.istio.networking.v1.VirtualServiceSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Destination hosts and ports (SP1015, SP1016), and the rules on built resources. */
class DestinationHostsTest {
  private static final String MESH =
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: orders
        namespace: shop
      spec:
        selector: {app: orders}
        ports:
        - name: http
          port: 8080
        - name: grpc
          port: 9090
      ---
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata:
        name: orders
        namespace: shop
      spec:
        hosts:
        - orders
        http:
        - route:
          - destination:
              host: orders
              port: {number: 8080}
      """;

  @Test
  void hostAndPortThatExistAreFine() {
    assertEquals(List.of(), traffic(MESH));
  }

  @Test
  void hostNoServiceDefinesIsReported() {
    assertEquals(
        List.of(
            "Error [SP1015] (VirtualService shop/orders mesh.yaml:25)"
                + " spec.http[0].route[0].destination.host: host"
                + " order.shop.svc.cluster.local is defined by no Service or ServiceEntry:"
                + " requests to it fail with 503 (no cluster); fix the name, or declare it with"
                + " --assume-external when it lives elsewhere"),
        traffic(MESH.replace("host: orders\n", "host: order\n")));
  }

  @Test
  void hostInANamespaceOutsideTheInputIsNotJudged() {
    assertEquals(
        List.of(),
        traffic(MESH.replace("host: orders\n", "host: billing.payments.svc.cluster.local\n")));
  }

  @Test
  void destinationWithoutPortToAServiceWithSeveralIsReported() {
    assertEquals(
        List.of(
            "Error [SP1016] (VirtualService shop/orders mesh.yaml:24)"
                + " spec.http[0].route[0].destination: destination orders.shop.svc.cluster.local"
                + " has no port, and Service shop/orders has 2 ports (8080, 9090): set"
                + " port.number"),
        traffic(MESH.replace("      port: {number: 8080}\n", "")));
  }

  @Test
  void builtResourcesAreAnalysedToo() {
    Service reviews =
        Service.builder()
            .metadata(ObjectMeta.ref("bookinfo/reviews"))
            .spec(
                ServiceSpec.builder()
                    .putSelector("app", "reviews")
                    .addPorts(ServicePort.of("http", 9080))
                    .build())
            .build();
    var route =
        Traffic.virtualService(
            "bookinfo/reviews",
            VirtualServiceSpec.builder()
                .addHosts("reviews")
                .addHttp(
                    HTTPRoute.builder()
                        .addRoute(Traffic.routeTo("reviews", "v1").withWeight(50))
                        .addRoute(Traffic.routeTo("reviews", "v2").withWeight(40))
                        .build())
                .build());
    var rule =
        Traffic.destinationRule(
            "bookinfo/reviews",
            DestinationRuleSpec.builder()
                .host("reviews")
                .addSubsets(Traffic.versionSubset("v1"), Traffic.versionSubset("v2"))
                .build());
    List<String> found =
        Validation.standard().validate(List.of(reviews, route, rule)).all().stream()
            .filter(f -> f.code().startsWith("SP1"))
            .map(Finding::toString)
            .toList();
    assertEquals(
        List.of(
            "Warning [SP1005] (VirtualService bookinfo/reviews) spec.http[0].route: the weights"
                + " of the 2 destinations sum to 90, not 100: the split is scaled and is not the"
                + " one written"),
        found);
  }
}
