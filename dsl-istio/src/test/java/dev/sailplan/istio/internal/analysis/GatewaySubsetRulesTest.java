package dev.sailplan.istio.internal.analysis;

import static dev.sailplan.istio.internal.analysis.SecurityPolicyAnalyzerTest.found;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** SP1027: a gateway's route that bypasses the mesh's split by subset. */
class GatewaySubsetRulesTest {
  /** istioctl's own input for IST0140 (its Service's protocol made one Kubernetes accepts). */
  private static final String ISTIOCTL_CASE =
      """
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata:
        name: testing-gateway-01-test-01
        namespace: istio-system
      spec:
        selector:
          istio: ingressgateway
        servers:
        - hosts:
          - testing-01.com
          port:
            name: http
            number: 80
            protocol: HTTP
      ---
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata:
        name: testing-service-01-test-01
        namespace: default
      spec:
        gateways:
        - istio-system/testing-gateway-01-test-01
        hosts:
        - testing-01.com
        http:
        - route:
          - destination:
              host: ratings
      ---
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata:
        name: testing-gateway-02-test-02
        namespace: istio-system
      spec:
        selector:
          istio: ingressgateway
        servers:
        - hosts:
          - testing-02.com
          port:
            name: http
            number: 80
            protocol: HTTP
      ---
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata:
        name: testing-service-02-test-02
        namespace: default
      spec:
        gateways:
        - istio-system/testing-gateway-02-test-02
        hosts:
        - testing-02.com
        http:
        - route:
          - destination:
              host: ratings
              subset: v1
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: ratings
        namespace: default
      spec:
        ports:
        - port: 80
          name: http-ratings
      ---
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata:
        name: ratings-01
        namespace: default
      spec:
        hosts:
        - ratings
        http:
        - route:
          - destination:
              host: ratings
              subset: v1
      ---
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata:
        name: ratings
        namespace: default
      spec:
        host: ratings
        subsets:
        - name: v1
          labels:
            version: v1
      """;

  @Test
  void theGatewaysRouteWithoutASubsetIsReportedAsIstioctlDoes() {
    assertEquals(
        List.of(
            "Warning [SP1027] (VirtualService default/testing-service-01-test-01 mesh.yaml:30)"
                + " spec.http[0].route[0].destination.host: gateway"
                + " istio-system/testing-gateway-01-test-01 sends ratings without a subset, so the"
                + " split of VirtualService default/ratings-01 (subsets v1) does not apply to its"
                + " requests: a gateway applies only the VirtualServices bound to it; route to the"
                + " subsets here too, or bind that VirtualService to the gateway {IST0140}"),
        found(ISTIOCTL_CASE, "SP1027"));
  }

  /** The mesh VirtualService of ratings-01, as the case writes it. */
  private static final String SPLIT =
      """
        hosts:
        - ratings
        http:
        - route:
          - destination:
              host: ratings
              subset: v1
      """;

  @Test
  void noFindingWithoutASplitOrWhenTheSplitIsForAnotherHost() {
    assertEquals(1, ISTIOCTL_CASE.split(SPLIT, -1).length - 1);
    String noSplit =
        ISTIOCTL_CASE.replace(
            SPLIT,
            "  hosts:\n  - ratings\n  http:\n  - route:\n    - destination:\n        host: ratings\n");
    assertEquals(List.of(), found(noSplit, "SP1027"));
    // A VirtualService for details that sends its traffic to ratings v1 splits details, not
    // ratings.
    String otherHost =
        ISTIOCTL_CASE.replace(SPLIT, SPLIT.replace("  - ratings\n", "  - details\n"));
    assertEquals(List.of(), found(otherHost, "SP1027"));
  }

  @Test
  void aRouteBoundToMeshAndTheGatewayIsJudgedForTheGatewayOnly() {
    // Bound to both, testing-service-01 applies at the gateway too: still a bypass there.
    String both =
        ISTIOCTL_CASE.replace(
            "  - istio-system/testing-gateway-01-test-01\n  hosts:",
            "  - istio-system/testing-gateway-01-test-01\n  - mesh\n  hosts:");
    assertEquals(1, found(both, "SP1027").size());
    // Bound to mesh only, it is no gateway's route.
    String meshOnly =
        ISTIOCTL_CASE.replace(
            "  - istio-system/testing-gateway-01-test-01\n  hosts:", "  - mesh\n  hosts:");
    assertEquals(List.of(), found(meshOnly, "SP1027"));
  }
}
