package dev.sailplan.core.k8s;

import static dev.sailplan.core.k8s.TestJson.assertParseFails;
import static dev.sailplan.core.k8s.TestJson.assertRoundTrip;
import static dev.sailplan.core.k8s.TestJson.read;
import static dev.sailplan.core.k8s.TestJson.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sailplan.core.meta.ObjectMeta;
import dev.sailplan.core.value.IntOrString;
import org.junit.jupiter.api.Test;

class NetworkPolicyTest {
  @Test
  void defaultDenyRendersEmptyPodSelector() throws Exception {
    NetworkPolicy np =
        NetworkPolicy.builder()
            .metadata(ObjectMeta.ref("bookinfo/deny-all"))
            .spec(
                NetworkPolicySpec.builder()
                    .podSelector(LabelSelector.all())
                    .addPolicyTypes("Ingress")
                    .build())
            .build();
    assertRoundTrip(
        "{\"apiVersion\":\"networking.k8s.io/v1\",\"kind\":\"NetworkPolicy\","
            + "\"metadata\":{\"name\":\"deny-all\",\"namespace\":\"bookinfo\"},"
            + "\"spec\":{\"podSelector\":{},\"policyTypes\":[\"Ingress\"]}}",
        np,
        NetworkPolicy.class);
    assertEquals("networking.k8s.io", np.group());
  }

  @Test
  void allowAllRendersEmptyRule() throws Exception {
    NetworkPolicy np =
        NetworkPolicy.builder()
            .metadata(ObjectMeta.ref("bookinfo/allow-all"))
            .spec(
                NetworkPolicySpec.builder()
                    .podSelector(LabelSelector.all())
                    .addIngress(NetworkPolicyIngressRule.builder().build())
                    .build())
            .build();
    assertRoundTrip(
        "{\"apiVersion\":\"networking.k8s.io/v1\",\"kind\":\"NetworkPolicy\","
            + "\"metadata\":{\"name\":\"allow-all\",\"namespace\":\"bookinfo\"},"
            + "\"spec\":{\"podSelector\":{},\"ingress\":[{}]}}",
        np,
        NetworkPolicy.class);
  }

  @Test
  void ingressAndEgressRules() throws Exception {
    NetworkPolicy np =
        NetworkPolicy.builder()
            .metadata(ObjectMeta.ref("bookinfo/reviews"))
            .spec(
                NetworkPolicySpec.builder()
                    .podSelector(LabelSelector.matching("app", "reviews"))
                    .addPolicyTypes("Ingress", "Egress")
                    .addIngress(
                        NetworkPolicyIngressRule.builder()
                            .addFrom(
                                NetworkPolicyPeer.pods(
                                    LabelSelector.matching("app", "productpage")))
                            .addFrom(
                                NetworkPolicyPeer.builder()
                                    .namespaceSelector(
                                        LabelSelector.matching(
                                            "kubernetes.io/metadata.name", "istio-system"))
                                    .podSelector(
                                        LabelSelector.builder()
                                            .addMatchExpressions(
                                                LabelSelectorRequirement.in(
                                                    "istio", "ingressgateway", "eastwestgateway"))
                                            .build())
                                    .build())
                            .addPorts(NetworkPolicyPort.tcp(9080))
                            .build())
                    .addEgress(
                        NetworkPolicyEgressRule.builder()
                            .addTo(
                                NetworkPolicyPeer.builder()
                                    .ipBlock(IPBlock.of("10.0.0.0/8", "10.96.0.0/12"))
                                    .build())
                            .addPorts(
                                NetworkPolicyPort.builder()
                                    .protocol(Protocol.TCP)
                                    .port(IntOrString.of(32000))
                                    .endPort(32768)
                                    .build())
                            .build())
                    .addEgress(
                        NetworkPolicyEgressRule.builder()
                            .addPorts(NetworkPolicyPort.udp(53))
                            .addPorts(
                                NetworkPolicyPort.builder().port(IntOrString.of("dns-tcp")).build())
                            .build())
                    .build())
            .build();
    assertRoundTrip(
        "{\"apiVersion\":\"networking.k8s.io/v1\",\"kind\":\"NetworkPolicy\","
            + "\"metadata\":{\"name\":\"reviews\",\"namespace\":\"bookinfo\"},"
            + "\"spec\":{\"podSelector\":{\"matchLabels\":{\"app\":\"reviews\"}},"
            + "\"policyTypes\":[\"Ingress\",\"Egress\"],"
            + "\"ingress\":[{\"from\":["
            + "{\"podSelector\":{\"matchLabels\":{\"app\":\"productpage\"}}},"
            + "{\"podSelector\":{\"matchExpressions\":[{\"key\":\"istio\",\"operator\":\"In\","
            + "\"values\":[\"ingressgateway\",\"eastwestgateway\"]}]},"
            + "\"namespaceSelector\":{\"matchLabels\":{\"kubernetes.io/metadata.name\":\"istio-system\"}}}],"
            + "\"ports\":[{\"protocol\":\"TCP\",\"port\":9080}]}],"
            + "\"egress\":["
            + "{\"to\":[{\"ipBlock\":{\"cidr\":\"10.0.0.0/8\",\"except\":[\"10.96.0.0/12\"]}}],"
            + "\"ports\":[{\"protocol\":\"TCP\",\"port\":32000,\"endPort\":32768}]},"
            + "{\"ports\":[{\"protocol\":\"UDP\",\"port\":53},{\"port\":\"dns-tcp\"}]}]}}",
        np,
        NetworkPolicy.class);
  }

  @Test
  void labelSelectorRequirementOperators() throws Exception {
    assertEquals(
        "{\"key\":\"app\",\"operator\":\"Exists\"}", write(LabelSelectorRequirement.exists("app")));
    assertEquals(
        "{\"key\":\"canary\",\"operator\":\"DoesNotExist\"}",
        write(LabelSelectorRequirement.doesNotExist("canary")));
    assertEquals(
        "{\"key\":\"version\",\"operator\":\"NotIn\",\"values\":[\"v3\"]}",
        write(LabelSelectorRequirement.notIn("version", "v3")));
    assertEquals(
        LabelSelectorRequirement.exists("app"),
        read("{\"key\":\"app\",\"operator\":\"Exists\"}", LabelSelectorRequirement.class));
  }

  @Test
  void peerFactories() throws Exception {
    assertEquals(
        "{\"ipBlock\":{\"cidr\":\"192.168.0.0/16\"}}",
        write(NetworkPolicyPeer.cidr("192.168.0.0/16")));
    assertEquals(
        "{\"namespaceSelector\":{}}", write(NetworkPolicyPeer.namespaces(LabelSelector.all())));
  }

  @Test
  void emptyPeerIsRejected() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> NetworkPolicyPeer.builder().build());
    assertTrue(
        e.getMessage().contains("needs one of podSelector, namespaceSelector or ipBlock"),
        e.getMessage());
    assertParseFails("{}", NetworkPolicyPeer.class, "needs one of");
  }

  @Test
  void ipBlockWithSelectorIsRejected() {
    assertParseFails(
        "{\"podSelector\":{},\"ipBlock\":{\"cidr\":\"10.0.0.0/8\"}}",
        NetworkPolicyPeer.class,
        "may not combine ipBlock");
  }

  @Test
  void missingPodSelectorIsRejected() {
    assertParseFails(
        "{\"policyTypes\":[\"Ingress\"]}", NetworkPolicySpec.class, "not set [podSelector]");
  }

  @Test
  void missingCidrIsRejected() {
    assertParseFails("{\"except\":[\"10.1.0.0/16\"]}", IPBlock.class, "not set [cidr]");
  }

  @Test
  void wrongKindIsRejected() {
    assertParseFails(
        "{\"apiVersion\":\"networking.k8s.io/v1\",\"kind\":\"Ingress\",\"metadata\":{\"name\":\"x\"}}",
        NetworkPolicy.class,
        "kind must be NetworkPolicy, not Ingress");
  }

  @Test
  void wrongApiVersionIsRejected() {
    assertParseFails(
        "{\"apiVersion\":\"extensions/v1beta1\",\"kind\":\"NetworkPolicy\",\"metadata\":{\"name\":\"x\"}}",
        NetworkPolicy.class,
        "apiVersion extensions/v1beta1 is not one of [networking.k8s.io/v1]");
  }
}
