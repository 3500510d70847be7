package dev.sailplan.istio;

import static dev.sailplan.istio.Traffic.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sailplan.core.Manifests;
import dev.sailplan.core.meta.ObjectMeta;
import dev.sailplan.core.problem.ManifestException;
import dev.sailplan.istio.networking.v1.ConsistentHashLB;
import dev.sailplan.istio.networking.v1.HTTPRoute;
import dev.sailplan.istio.networking.v1.LoadBalancerSettings;
import dev.sailplan.istio.networking.v1.SimpleLB;
import dev.sailplan.istio.networking.v1.VirtualService;
import dev.sailplan.istio.networking.v1.VirtualServiceSpec;
import dev.sailplan.istio.networking.v1alpha3.EnvoyFilter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Behaviour of the generated Istio model that codegen promises. */
class IstioModelTest {
  @Test
  void atMostOneMemberOfAOneOfGroupMayBeSet() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                LoadBalancerSettings.builder()
                    .simple(SimpleLB.ROUND_ROBIN)
                    .consistentHash(ConsistentHashLB.builder().httpHeaderName("x-user").build())
                    .build());
    assertEquals(
        "LoadBalancerSettings: at most one of simple, consistentHash may be set,"
            + " but simple and consistentHash are",
        e.getMessage());
  }

  @Test
  void aOneOfViolationInAManifestIsAParseProblem() {
    ManifestException e =
        assertThrows(
            ManifestException.class,
            () ->
                Manifests.parse(
                    """
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: {name: r}
        spec:
          host: r
          trafficPolicy:
            loadBalancer:
              simple: ROUND_ROBIN
              consistentHash: {httpHeaderName: x}
        """,
                    "dr.yaml"));
    assertEquals(
        "dr.yaml: document 1, line 7: spec.trafficPolicy.loadBalancer: LoadBalancerSettings: at most one of"
            + " simple, consistentHash may be set, but simple and consistentHash are",
        e.getMessage());
  }

  @Test
  void requiredFieldsAreCheckedOnBuild() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> VirtualService.builder().build());
    assertEquals(
        "Cannot build VirtualService, some of required attributes are not set [metadata]",
        e.getMessage());
  }

  @Test
  void durationsRenderExactlyAsWritten() {
    String yaml =
        """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: r
        spec:
          http:
          - retries:
              perTryTimeout: 0.5s
            timeout: 60s
        """;
    VirtualService vs = Manifests.parse(yaml, VirtualService.class);
    HTTPRoute route = vs.spec().orElseThrow().http().get(0);
    assertEquals(java.time.Duration.ofMinutes(1), route.timeout().orElseThrow().toJava());
    assertEquals(yaml, Manifests.toYaml(vs));
  }

  @Test
  void anOlderApiVersionIsKeptAndNewObjectsGetV1() {
    VirtualService old =
        Manifests.parse(
            """
            apiVersion: networking.istio.io/v1alpha3
            kind: VirtualService
            metadata: {name: r}
            """,
            VirtualService.class);
    assertEquals("networking.istio.io/v1alpha3", old.apiVersion());
    assertEquals(
        "networking.istio.io/v1",
        virtualService("r", VirtualServiceSpec.builder().build()).apiVersion());
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class, () -> old.withApiVersion("networking.istio.io/v2"));
    assertEquals(
        "apiVersion networking.istio.io/v2 is not one of [networking.istio.io/v1,"
            + " networking.istio.io/v1alpha3, networking.istio.io/v1beta1]",
        e.getMessage());
  }

  @Test
  void freeFormPatchValuesKeepEveryField() {
    String yaml =
        """
        apiVersion: networking.istio.io/v1alpha3
        kind: EnvoyFilter
        metadata:
          name: lua
          namespace: istio-config
        spec:
          configPatches:
          - applyTo: HTTP_FILTER
            match:
              context: SIDECAR_INBOUND
            patch:
              operation: INSERT_BEFORE
              value:
                name: envoy.filters.http.lua
                typed_config:
                  "@type": type.googleapis.com/envoy.extensions.filters.http.lua.v3.Lua
                  inlineCode: |
                    function envoy_on_request(handle)
                      handle:headers():add("x-lua", "1")
                    end
                  ratio: 0.25
                  ports:
                  - 80
                  - 443
          workloadSelector:
            labels:
              app: reviews
        """;
    EnvoyFilter f = Manifests.parse(yaml, EnvoyFilter.class);
    JsonNode value =
        f.spec().orElseThrow().configPatches().get(0).patch().orElseThrow().value().orElseThrow();
    assertEquals(
        "type.googleapis.com/envoy.extensions.filters.http.lua.v3.Lua",
        value.path("typed_config").path("@type").asText());
    assertEquals(yaml, Manifests.toYaml(f));
  }

  @Test
  void trafficFactoriesReadLikeTheYaml() {
    VirtualService vs =
        virtualService(
            "bookinfo/reviews",
            VirtualServiceSpec.builder()
                .addHosts("reviews")
                .addHttp(
                    HTTPRoute.builder()
                        .addRoute(routeTo("reviews", "v1").withWeight(90))
                        .addRoute(routeTo(destination("reviews", 9080)).withWeight(10))
                        .timeout(seconds(10))
                        .build())
                .build());
    assertEquals(
        """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: reviews
          namespace: bookinfo
        spec:
          hosts:
          - reviews
          http:
          - route:
            - destination:
                host: reviews
                subset: v1
              weight: 90
            - destination:
                host: reviews
                port:
                  number: 9080
              weight: 10
            timeout: 10s
        """,
        Manifests.toYaml(vs));
    assertEquals(ObjectMeta.ref("bookinfo/reviews"), vs.metadata());
  }

  @Test
  void labelPairsMustComeInPairs() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> subset("v1", "version"));
    assertEquals("labels come in key, value pairs; got 1 strings", e.getMessage());
    assertEquals(List.of("v1"), List.of(versionSubset("v1").labels().get("version")));
  }
}
