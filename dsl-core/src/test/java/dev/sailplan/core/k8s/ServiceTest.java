package dev.sailplan.core.k8s;

import static dev.sailplan.core.k8s.TestJson.assertParseFails;
import static dev.sailplan.core.k8s.TestJson.assertRoundTrip;
import static dev.sailplan.core.k8s.TestJson.read;
import static dev.sailplan.core.k8s.TestJson.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sailplan.core.meta.ObjectMeta;
import dev.sailplan.core.value.IntOrString;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ServiceTest {
  @Test
  void bookinfoReviews() throws Exception {
    Service svc =
        Service.builder()
            .metadata(
                ObjectMeta.builder()
                    .name("reviews")
                    .namespace("bookinfo")
                    .putLabels("service", "reviews")
                    .putLabels("app", "reviews")
                    .build())
            .spec(
                ServiceSpec.builder()
                    .putSelector("app", "reviews")
                    .addPorts(ServicePort.of("http", 9080))
                    .build())
            .build();
    assertRoundTrip(
        "{\"apiVersion\":\"v1\",\"kind\":\"Service\","
            + "\"metadata\":{\"name\":\"reviews\",\"namespace\":\"bookinfo\",\"labels\":{\"app\":\"reviews\",\"service\":\"reviews\"}},"
            + "\"spec\":{\"selector\":{\"app\":\"reviews\"},\"ports\":[{\"name\":\"http\",\"port\":9080}]}}",
        svc,
        Service.class);
    assertEquals("bookinfo/reviews", svc.qualifiedName());
  }

  @Test
  void loadBalancerWithEveryCommonField() throws Exception {
    JsonNode status =
        read("{\"loadBalancer\":{\"ingress\":[{\"ip\":\"203.0.113.10\"}]}}", JsonNode.class);
    Service svc =
        Service.builder()
            .metadata(ObjectMeta.ref("istio-system/istio-ingressgateway"))
            .spec(
                ServiceSpec.builder()
                    .type(ServiceType.LOAD_BALANCER)
                    .putSelector("istio", "ingressgateway")
                    .addPorts(
                        ServicePort.builder()
                            .name("http2")
                            .protocol(Protocol.TCP)
                            .appProtocol("http")
                            .port(80)
                            .targetPort(IntOrString.of(8080))
                            .nodePort(31380)
                            .build())
                    .addPorts(
                        ServicePort.builder()
                            .name("status-port")
                            .port(15021)
                            .targetPort(IntOrString.of("status"))
                            .build())
                    .clusterIP("10.96.0.15")
                    .addClusterIPs("10.96.0.15")
                    .externalTrafficPolicy("Local")
                    .internalTrafficPolicy("Cluster")
                    .sessionAffinity("None")
                    .addIpFamilies("IPv4")
                    .ipFamilyPolicy("SingleStack")
                    .loadBalancerIP("203.0.113.10")
                    .addLoadBalancerSourceRanges("203.0.113.0/24")
                    .healthCheckNodePort(32000)
                    .publishNotReadyAddresses(false)
                    .build())
            .status(status)
            .build();
    assertRoundTrip(
        "{\"apiVersion\":\"v1\",\"kind\":\"Service\","
            + "\"metadata\":{\"name\":\"istio-ingressgateway\",\"namespace\":\"istio-system\"},"
            + "\"spec\":{\"type\":\"LoadBalancer\",\"selector\":{\"istio\":\"ingressgateway\"},"
            + "\"ports\":[{\"name\":\"http2\",\"protocol\":\"TCP\",\"appProtocol\":\"http\",\"port\":80,"
            + "\"targetPort\":8080,\"nodePort\":31380},"
            + "{\"name\":\"status-port\",\"port\":15021,\"targetPort\":\"status\"}],"
            + "\"clusterIP\":\"10.96.0.15\",\"clusterIPs\":[\"10.96.0.15\"],"
            + "\"externalTrafficPolicy\":\"Local\",\"internalTrafficPolicy\":\"Cluster\","
            + "\"sessionAffinity\":\"None\",\"ipFamilies\":[\"IPv4\"],\"ipFamilyPolicy\":\"SingleStack\","
            + "\"loadBalancerIP\":\"203.0.113.10\",\"loadBalancerSourceRanges\":[\"203.0.113.0/24\"],"
            + "\"healthCheckNodePort\":32000,\"publishNotReadyAddresses\":false},"
            + "\"status\":{\"loadBalancer\":{\"ingress\":[{\"ip\":\"203.0.113.10\"}]}}}",
        svc,
        Service.class);
  }

  @Test
  void externalName() throws Exception {
    Service svc =
        Service.builder()
            .metadata(ObjectMeta.ref("bookinfo/ratings-external"))
            .spec(
                ServiceSpec.builder()
                    .type(ServiceType.EXTERNAL_NAME)
                    .externalName("ratings.example.com")
                    .build())
            .build();
    assertRoundTrip(
        "{\"apiVersion\":\"v1\",\"kind\":\"Service\","
            + "\"metadata\":{\"name\":\"ratings-external\",\"namespace\":\"bookinfo\"},"
            + "\"spec\":{\"type\":\"ExternalName\",\"externalName\":\"ratings.example.com\"}}",
        svc,
        Service.class);
  }

  @Test
  void specMayBeOmitted() throws Exception {
    Service svc =
        read(
            "{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"x\"}}",
            Service.class);
    assertFalse(svc.spec().isPresent());
    assertFalse(svc.status().isPresent());
  }

  @Test
  void clusterOutputWithServerSetFieldsParses() throws Exception {
    String json =
        "{\"apiVersion\":\"v1\",\"kind\":\"Service\","
            + "\"metadata\":{\"name\":\"details\",\"namespace\":\"bookinfo\",\"uid\":\"u-1\",\"resourceVersion\":\"42\"},"
            + "\"spec\":{\"type\":\"ClusterIP\",\"selector\":{\"app\":\"details\"},"
            + "\"ports\":[{\"name\":\"http\",\"protocol\":\"TCP\",\"port\":9080,\"targetPort\":9080}],"
            + "\"clusterIP\":\"10.96.12.7\",\"clusterIPs\":[\"10.96.12.7\"],"
            + "\"internalTrafficPolicy\":\"Cluster\",\"sessionAffinity\":\"ClientIP\","
            + "\"sessionAffinityConfig\":{\"clientIP\":{\"timeoutSeconds\":10800}},"
            + "\"ipFamilies\":[\"IPv4\"],\"ipFamilyPolicy\":\"SingleStack\"},"
            + "\"status\":{\"loadBalancer\":{}}}";
    Service svc = read(json, Service.class);
    ServiceSpec spec = svc.spec().orElseThrow();
    assertEquals(ServiceType.CLUSTER_IP, spec.type().orElseThrow());
    assertEquals(IntOrString.of(9080), spec.ports().get(0).targetPort().orElseThrow());
    assertEquals(OptionalInt.empty(), spec.ports().get(0).nodePort());
    assertEquals(
        10800, spec.sessionAffinityConfig().orElseThrow().at("/clientIP/timeoutSeconds").asInt());
    assertEquals(json, write(svc));
  }

  @Test
  void serviceTypesUseKubernetesSpelling() throws Exception {
    assertEquals("\"ClusterIP\"", write(ServiceType.CLUSTER_IP));
    assertEquals("\"NodePort\"", write(ServiceType.NODE_PORT));
    assertEquals("\"LoadBalancer\"", write(ServiceType.LOAD_BALANCER));
    assertEquals("\"ExternalName\"", write(ServiceType.EXTERNAL_NAME));
    for (ServiceType t : ServiceType.values()) {
      assertEquals(t, read("\"" + t.value() + "\"", ServiceType.class));
      assertEquals(t.value(), t.toString());
    }
  }

  @Test
  void unknownServiceTypeIsRejected() {
    assertParseFails("{\"type\":\"Headless\"}", ServiceSpec.class, "Headless");
  }

  @Test
  void protocolsRoundTrip() throws Exception {
    for (Protocol p : Protocol.values()) {
      assertEquals("\"" + p.value() + "\"", write(p));
      assertEquals(p, read(write(p), Protocol.class));
    }
  }

  @Test
  void servicePortFactories() throws Exception {
    assertEquals("{\"name\":\"http\",\"port\":9080}", write(ServicePort.of("http", 9080)));
    assertEquals(
        "{\"name\":\"http\",\"port\":80,\"targetPort\":8080}",
        write(ServicePort.of("http", 80, 8080)));
  }

  @Test
  void missingPortIsRejectedWhenParsing() {
    assertParseFails(
        "{\"name\":\"http\",\"targetPort\":8080}",
        ServicePort.class,
        "required attributes are not set [port]");
    assertParseFails(
        "{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"x\"},"
            + "\"spec\":{\"ports\":[{\"name\":\"http\"}]}}",
        Service.class,
        "[port]");
  }

  @Test
  void missingPortIsRejectedWhenBuilding() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> ServicePort.builder().name("http").build());
    assertTrue(e.getMessage().contains("not set [port]"), e.getMessage());
  }

  @Test
  void wrongKindIsRejected() {
    assertParseFails(
        "{\"apiVersion\":\"v1\",\"kind\":\"Endpoints\",\"metadata\":{\"name\":\"x\"}}",
        Service.class,
        "kind must be Service, not Endpoints");
  }
}
