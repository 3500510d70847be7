package dev.sailplan.testing;

import dev.sailplan.core.Manifests;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.istio.networking.v1.DestinationRule;
import dev.sailplan.istio.networking.v1.VirtualService;
import java.util.List;

/** A small bookinfo mesh for the assertions' tests: reviews split 90/10 between v1 and v2. */
final class Mesh {
  static final String RULE =
      """
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata:
        name: reviews
        namespace: bookinfo
      spec:
        host: reviews
        subsets:
        - name: v1
          labels: {version: v1}
        - name: v2
          labels: {version: v2}
      """;

  static final String ROUTE =
      """
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata:
        name: reviews
        namespace: bookinfo
      spec:
        hosts: [reviews]
        http:
        - match:
          - headers:
              x-canary: {exact: "true"}
          route:
          - destination: {host: reviews, subset: v2}
        - route:
          - destination: {host: reviews, subset: v1}
            weight: 90
          - destination: {host: reviews.bookinfo.svc.cluster.local, subset: v2}
            weight: 10
      """;

  private Mesh() {}

  static DestinationRule rule() {
    return Manifests.parse(RULE, DestinationRule.class);
  }

  /** The DestinationRule without subset v2, which the route still sends traffic to. */
  static DestinationRule ruleWithoutV2() {
    return Manifests.parse(
        RULE.replace("  - name: v2\n    labels: {version: v2}\n", ""), DestinationRule.class);
  }

  static VirtualService route() {
    return Manifests.parse(ROUTE, VirtualService.class);
  }

  static List<Resource> parse(String yaml) {
    return Manifests.parse(yaml, "test.yaml");
  }
}
