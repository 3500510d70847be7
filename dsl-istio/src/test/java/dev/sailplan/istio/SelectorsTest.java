package dev.sailplan.istio;

import static dev.sailplan.istio.Observability.telemetry;
import static dev.sailplan.istio.Security.authorizationPolicy;
import static dev.sailplan.istio.Security.peerAuthentication;
import static dev.sailplan.istio.Security.requestAuthentication;
import static dev.sailplan.istio.Selectors.gatewayTarget;
import static dev.sailplan.istio.Selectors.policyTarget;
import static dev.sailplan.istio.Selectors.serviceTarget;
import static dev.sailplan.istio.Selectors.workloadLabels;
import static dev.sailplan.istio.Selectors.workloadSelector;
import static dev.sailplan.istio.Traffic.destinationRule;
import static dev.sailplan.istio.Traffic.serviceEntry;
import static dev.sailplan.istio.Traffic.sidecar;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sailplan.core.Manifests;
import dev.sailplan.core.meta.ObjectMeta;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.istio.extensions.v1alpha1.WasmPlugin;
import dev.sailplan.istio.extensions.v1alpha1.WasmPluginSpec;
import dev.sailplan.istio.networking.common.WorkloadLabels;
import dev.sailplan.istio.networking.v1.DestinationRuleSpec;
import dev.sailplan.istio.networking.v1.ServiceEntrySpec;
import dev.sailplan.istio.networking.v1.SidecarSpec;
import dev.sailplan.istio.networking.v1alpha3.EnvoyFilter;
import dev.sailplan.istio.networking.v1alpha3.EnvoyFilterSpec;
import dev.sailplan.istio.security.v1.AuthorizationPolicySpec;
import dev.sailplan.istio.security.v1.PeerAuthenticationSpec;
import dev.sailplan.istio.security.v1.RequestAuthenticationSpec;
import dev.sailplan.istio.telemetry.v1.TelemetrySpec;
import dev.sailplan.istio.type.v1beta1.PolicyTargetReference;
import dev.sailplan.istio.type.v1beta1.WorkloadSelector;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One selector value, and one target value, fit every Istio kind that takes one. */
class SelectorsTest {
  private static final WorkloadSelector REVIEWS = workloadSelector("app", "reviews");
  private static final PolicyTargetReference INGRESS = gatewayTarget("ingress");

  private static String spec(Resource r) {
    String yaml = Manifests.toYaml(r);
    return yaml.substring(yaml.indexOf("spec:"));
  }

  @Test
  void oneWorkloadSelectorFitsEveryPolicyKindAndDestinationRule() {
    List<Resource> kinds =
        List.of(
            authorizationPolicy(
                "shop/a", AuthorizationPolicySpec.builder().selector(REVIEWS).build()),
            peerAuthentication(
                "shop/p", PeerAuthenticationSpec.builder().selector(REVIEWS).build()),
            requestAuthentication(
                "shop/r", RequestAuthenticationSpec.builder().selector(REVIEWS).build()),
            telemetry("shop/t", TelemetrySpec.builder().selector(REVIEWS).build()),
            WasmPlugin.builder()
                .metadata(ObjectMeta.ref("shop/w"))
                .spec(
                    WasmPluginSpec.builder()
                        .url("oci://example/filter:1")
                        .selector(REVIEWS)
                        .build())
                .build());
    for (Resource r : kinds) {
      assertEquals(
          """
          spec:
            selector:
              matchLabels:
                app: reviews
          """,
          spec(r).replace("  url: oci://example/filter:1\n", ""),
          r.kind());
    }
    assertEquals(
        """
        spec:
          host: reviews
          workloadSelector:
            matchLabels:
              app: reviews
        """,
        spec(
            destinationRule(
                "shop/d",
                DestinationRuleSpec.builder().host("reviews").workloadSelector(REVIEWS).build())));
  }

  @Test
  void oneTargetReferenceFitsEveryKindThatTargets() {
    String expected =
        """
        spec:
          targetRefs:
          - group: gateway.networking.k8s.io
            kind: Gateway
            name: ingress
        """;
    assertEquals(
        expected,
        spec(
            authorizationPolicy(
                "shop/a", AuthorizationPolicySpec.builder().addTargetRefs(INGRESS).build())));
    assertEquals(
        expected,
        spec(
            requestAuthentication(
                "shop/r", RequestAuthenticationSpec.builder().addTargetRefs(INGRESS).build())));
    assertEquals(
        expected,
        spec(telemetry("shop/t", TelemetrySpec.builder().addTargetRefs(INGRESS).build())));
    assertEquals(
        expected,
        spec(
            EnvoyFilter.builder()
                .metadata(ObjectMeta.ref("shop/e"))
                .spec(EnvoyFilterSpec.builder().addTargetRefs(INGRESS).build())
                .build()));
    assertEquals(
        """
        spec:
          targetRef:
            group: gateway.networking.k8s.io
            kind: Gateway
            name: ingress
          url: oci://example/filter:1
        """,
        spec(
            WasmPlugin.builder()
                .metadata(ObjectMeta.ref("shop/w"))
                .spec(
                    WasmPluginSpec.builder()
                        .targetRef(INGRESS)
                        .url("oci://example/filter:1")
                        .build())
                .build()));
  }

  @Test
  void targetFactoriesNameTheGroupAndKind() {
    assertEquals(
        PolicyTargetReference.builder().group("").kind("Service").name("reviews").build(),
        serviceTarget("reviews"));
    assertEquals(
        PolicyTargetReference.builder()
            .group("networking.istio.io")
            .kind("ServiceEntry")
            .name("api")
            .build(),
        policyTarget("networking.istio.io", "ServiceEntry", "api"));
  }

  @Test
  void oneLabelsSelectorFitsSidecarServiceEntryAndEnvoyFilter() {
    WorkloadLabels batch = workloadLabels("app", "batch");
    String expected =
        """
          workloadSelector:
            labels:
              app: batch
        """;
    assertEquals(
        "spec:\n" + expected,
        spec(sidecar("shop/s", SidecarSpec.builder().workloadSelector(batch).build())));
    assertEquals(
        "spec:\n" + expected,
        spec(
            EnvoyFilter.builder()
                .metadata(ObjectMeta.ref("shop/e"))
                .spec(EnvoyFilterSpec.builder().workloadSelector(batch).build())
                .build()));
    assertEquals(
        "spec:\n  hosts:\n  - api.internal\n" + expected,
        spec(
            serviceEntry(
                "shop/se",
                ServiceEntrySpec.builder()
                    .addHosts("api.internal")
                    .workloadSelector(batch)
                    .build())));
  }
}
