package dev.sailplan.istio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.sailplan.core.Manifests;
import dev.sailplan.core.kind.KindInfo;
import dev.sailplan.core.kind.KindRegistry;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.istio.kinds.IstioKinds;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every Istio kind is registered under every served apiVersion and round-trips under each. */
class IstioKindsTest {
  /** The kinds whose schema requires a spec, with the least spec it accepts. */
  private static final java.util.Map<String, String> MINIMAL_SPEC =
      java.util.Map.of(
          "ServiceEntry", "spec:\n  hosts:\n  - api.example.com\n",
          "WasmPlugin", "spec:\n  url: oci://example.com/filter:1\n",
          "WorkloadEntry", "spec:\n  address: vm1.example.com\n",
          "WorkloadGroup", "spec:\n  template:\n    serviceAccount: app\n",
          "TrafficExtension", "spec:\n  phase: AUTHN\n");

  @Test
  void registersEveryIstioKindWithItsServedVersions() {
    TreeSet<String> found = new TreeSet<>();
    for (KindInfo k : new IstioKinds().kinds()) {
      found.add(k.kind() + " " + k.apiVersions());
    }
    assertEquals(
        new TreeSet<>(
            List.of(
                "AuthorizationPolicy [security.istio.io/v1, security.istio.io/v1beta1]",
                "DestinationRule [networking.istio.io/v1, networking.istio.io/v1alpha3, networking.istio.io/v1beta1]",
                "EnvoyFilter [networking.istio.io/v1alpha3]",
                "Gateway [networking.istio.io/v1, networking.istio.io/v1alpha3, networking.istio.io/v1beta1]",
                "PeerAuthentication [security.istio.io/v1, security.istio.io/v1beta1]",
                "ProxyConfig [networking.istio.io/v1beta1]",
                "RequestAuthentication [security.istio.io/v1, security.istio.io/v1beta1]",
                "ServiceEntry [networking.istio.io/v1, networking.istio.io/v1alpha3, networking.istio.io/v1beta1]",
                "Sidecar [networking.istio.io/v1, networking.istio.io/v1alpha3, networking.istio.io/v1beta1]",
                "Telemetry [telemetry.istio.io/v1, telemetry.istio.io/v1alpha1]",
                "TrafficExtension [extensions.istio.io/v1alpha1]",
                "VirtualService [networking.istio.io/v1, networking.istio.io/v1alpha3, networking.istio.io/v1beta1]",
                "WasmPlugin [extensions.istio.io/v1alpha1]",
                "WorkloadEntry [networking.istio.io/v1, networking.istio.io/v1alpha3, networking.istio.io/v1beta1]",
                "WorkloadGroup [networking.istio.io/v1, networking.istio.io/v1alpha3, networking.istio.io/v1beta1]")),
        found);
  }

  @TestFactory
  Stream<DynamicTest> everyServedApiVersionParsesAndRendersBackUnchanged() {
    return new IstioKinds()
        .kinds().stream()
            .flatMap(
                k ->
                    k.apiVersions().stream()
                        .map(
                            apiVersion ->
                                DynamicTest.dynamicTest(
                                    apiVersion + " " + k.kind(),
                                    () -> {
                                      String yaml =
                                          "apiVersion: "
                                              + apiVersion
                                              + "\nkind: "
                                              + k.kind()
                                              + "\nmetadata:\n  name: x\n"
                                              + "  namespace: ns\n"
                                              + MINIMAL_SPEC.getOrDefault(k.kind(), "");
                                      List<Resource> parsed = Manifests.parse(yaml, "x.yaml");
                                      assertInstanceOf(k.type(), parsed.get(0));
                                      assertEquals(apiVersion, parsed.get(0).apiVersion());
                                      assertEquals(yaml, Manifests.toYaml(parsed));
                                    })));
  }

  @Test
  void aRequiredListThatNeedsItemsIsMissingWhenEmpty() {
    dev.sailplan.core.problem.ManifestException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            dev.sailplan.core.problem.ManifestException.class,
            () ->
                Manifests.parse(
                    "apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata: {name: x}\nspec:\n  ports: []\n",
                    "se.yaml"));
    assertEquals("se.yaml: document 1, line 4: spec: missing required field hosts", e.getMessage());
  }

  @Test
  void theRegistryOnTheClassPathFindsIstioKinds() {
    assertEquals(
        dev.sailplan.istio.networking.v1.VirtualService.class,
        KindRegistry.discover()
            .find("networking.istio.io/v1beta1", "VirtualService")
            .orElseThrow()
            .type());
  }
}
