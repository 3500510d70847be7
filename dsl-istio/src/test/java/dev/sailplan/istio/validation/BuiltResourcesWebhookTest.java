package dev.sailplan.istio.validation;

import static dev.sailplan.istio.validation.WebhookTesting.webhook;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sailplan.istio.Traffic;
import dev.sailplan.istio.networking.v1.DestinationRuleSpec;
import dev.sailplan.istio.networking.v1.IstioEgressListener;
import dev.sailplan.istio.networking.v1.SidecarPort;
import dev.sailplan.istio.networking.v1.SidecarSpec;
import dev.sailplan.istio.networking.v1.Subset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Built objects get the same webhook findings as text, without a file or line. */
class BuiltResourcesWebhookTest {
  private static IstioEgressListener hosts(String... hosts) {
    return IstioEgressListener.builder().addHosts(hosts).build();
  }

  @Test
  void aBuiltSidecarWithTwoCatchAllListeners() {
    SidecarSpec spec =
        SidecarSpec.builder().addEgress(hosts("./*")).addEgress(hosts("istio-system/*")).build();
    assertEquals(
        List.of(
            "Error [SP0401] (Sidecar production/default) spec.egress[0]: sidecar: the egress"
                + " listener with empty port should be the last listener in the list"),
        webhook(Traffic.sidecar("production/default", spec)));
  }

  @Test
  void aBuiltSidecarWithOneCatchAllListenerLastIsAccepted() {
    IstioEgressListener http =
        IstioEgressListener.builder()
            .port(SidecarPort.builder().number(8080).protocol("HTTP").name("http").build())
            .addHosts("./reviews.shop.svc.cluster.local")
            .build();
    SidecarSpec spec = SidecarSpec.builder().addEgress(http).addEgress(hosts("./*")).build();
    assertEquals(List.of(), webhook(Traffic.sidecar("shop/default", spec)));
  }

  @Test
  void aBuiltDestinationRuleWithASubsetTwice() {
    Subset v1 = Subset.builder().name("v1").putLabels("version", "v1").build();
    DestinationRuleSpec spec =
        DestinationRuleSpec.builder().host("reviews").addSubsets(v1, v1).build();
    assertEquals(
        List.of(
            "Error [SP0408] (DestinationRule default/reviews) spec.subsets[1].name: duplicate"
                + " subset names: v1"),
        webhook(Traffic.destinationRule("default/reviews", spec)));
  }
}
