package dev.sailplan.istio.internal.analysis;

import static dev.sailplan.istio.internal.analysis.RouteRulesTest.traffic;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Routes against DestinationRules: SP1001 and SP1009, and the outlier rules SP1006 to SP1008. */
class DestinationRulesTest {
  private static final String REVIEWS =
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: reviews
        namespace: bookinfo
      spec:
        selector: {app: reviews}
        ports:
        - name: http
          port: 9080
      ---
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
              host: reviews.bookinfo.svc.cluster.local
              subset: v2
            weight: 10
      ---
      """;

  private static String rule(String namespace, String extra) {
    return """
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: reviews
          namespace: %s
        spec:
          host: reviews.bookinfo.svc.cluster.local
        %s  subsets:
          - name: v1
            labels: {version: v1}
        """
        .formatted(namespace, extra);
  }

  @Test
  void subsetNoRuleDefinesIsReportedWithIstiosCode() {
    assertEquals(
        List.of(
            "Error [SP1001] (VirtualService bookinfo/reviews mesh.yaml:28)"
                + " spec.http[0].route[1].destination.subset: subset v2 of"
                + " reviews.bookinfo.svc.cluster.local is not defined: DestinationRule"
                + " bookinfo/reviews, which applies to clients in bookinfo, does not define it;"
                + " requests to it fail with 503 (no route)"),
        traffic(REVIEWS + rule("bookinfo", "")));
    assertEquals(
        "IST0101",
        RouteRulesTest.VALIDATION
            .validate(REVIEWS + rule("bookinfo", ""), "mesh.yaml")
            .all()
            .get(0)
            .istioCode());
  }

  @Test
  void everySubsetDefinedIsFine() {
    String yaml =
        REVIEWS
            + rule("bookinfo", "")
                .replace(
                    "labels: {version: v1}\n",
                    "labels: {version: v1}\n  - name: v2\n    labels: {version: v2}\n");
    assertEquals(List.of(), traffic(yaml));
  }

  @Test
  void serviceOutsideTheInputIsNotJudged() {
    // Neither reviews' Service nor any rule for it is here: its rules live with it, elsewhere.
    String routeOnly = REVIEWS.substring(REVIEWS.indexOf("apiVersion: networking.istio.io/v1"));
    assertEquals(List.of(), traffic(routeOnly));
  }

  @Test
  void gatewayRoutesAreJudgedFromTheGatewaysNamespace() {
    // The rule in the route's namespace is neither the gateway's, the service's nor the root's.
    String yaml =
        REVIEWS
                .replace(
                    "  namespace: bookinfo\nspec:\n  hosts:", "  namespace: web\nspec:\n  hosts:")
                .replace(
                    "  - reviews\n  http:",
                    "  - reviews.example.com\n  gateways: [istio-ingress/public]\n  http:")
                .replace("host: reviews\n", "host: reviews.bookinfo.svc.cluster.local\n")
            + rule("web", "")
                .replace(
                    "labels: {version: v1}\n",
                    "labels: {version: v1}\n  - name: v2\n    labels: {version: v2}\n");
    List<String> found = traffic(yaml);
    assertEquals(3, found.size(), found.toString());
    assertEquals(
        "Error [SP1001] (VirtualService web/reviews mesh.yaml:25)"
            + " spec.http[0].route[0].destination.subset: subset v1 of"
            + " reviews.bookinfo.svc.cluster.local is not defined: the DestinationRule that"
            + " defines it is not in istio-ingress, the service's namespace or the root namespace"
            + " istio-system, or is not exported to istio-ingress; requests to it fail with 503"
            + " (no route)",
        found.get(0));
  }

  @Test
  void ruleInTheRootNamespaceApplies() {
    String yaml =
        REVIEWS
            + rule("istio-system", "")
                .replace(
                    "labels: {version: v1}\n",
                    "labels: {version: v1}\n  - name: v2\n    labels: {version: v2}\n");
    assertEquals(List.of(), traffic(yaml));
  }

  @Test
  void ruleInASharedConfigNamespaceIsIgnored() {
    String yaml =
        REVIEWS
            + rule("mesh-config", "")
                .replace(
                    "labels: {version: v1}\n",
                    "labels: {version: v1}\n  - name: v2\n    labels: {version: v2}\n");
    assertEquals(
        List.of(
            "Error [SP1001] (VirtualService bookinfo/reviews mesh.yaml:24)"
                + " spec.http[0].route[0].destination.subset: subset v1 of"
                + " reviews.bookinfo.svc.cluster.local is not defined: the DestinationRule that"
                + " defines it is not in bookinfo, the service's namespace or the root namespace"
                + " istio-system, or is not exported to bookinfo; requests to it fail with 503 (no"
                + " route)",
            "Error [SP1001] (VirtualService bookinfo/reviews mesh.yaml:28)"
                + " spec.http[0].route[1].destination.subset: subset v2 of"
                + " reviews.bookinfo.svc.cluster.local is not defined: the DestinationRule that"
                + " defines it is not in bookinfo, the service's namespace or the root namespace"
                + " istio-system, or is not exported to bookinfo; requests to it fail with 503 (no"
                + " route)",
            "Warning [SP1009] (DestinationRule mesh-config/reviews mesh.yaml:37) spec.host:"
                + " DestinationRule for reviews.bookinfo.svc.cluster.local is in mesh-config,"
                + " neither the service's namespace bookinfo nor the root namespace istio-system:"
                + " it applies only to clients in mesh-config; every other client ignores it"
                + " silently; move it to bookinfo"),
        traffic(yaml));
  }

  @Test
  void ruleNotExportedToTheClientDoesNotApply() {
    String client =
        REVIEWS
            .replace("  namespace: bookinfo\nspec:\n  hosts:", "  namespace: web\nspec:\n  hosts:")
            .replace("host: reviews\n", "host: reviews.bookinfo.svc.cluster.local\n")
            .replace("  - reviews\n", "  - reviews.bookinfo.svc.cluster.local\n");
    String yaml =
        client
            + rule("bookinfo", "  exportTo: [\".\"]\n")
                .replace(
                    "labels: {version: v1}\n",
                    "labels: {version: v1}\n  - name: v2\n    labels: {version: v2}\n");
    assertEquals(
        List.of(
            "Error [SP1001] (VirtualService web/reviews mesh.yaml:24)"
                + " spec.http[0].route[0].destination.subset: subset v1 of"
                + " reviews.bookinfo.svc.cluster.local is not defined: the DestinationRule that"
                + " defines it is not in web, the service's namespace or the root namespace"
                + " istio-system, or is not exported to web; requests to it fail with 503 (no"
                + " route)",
            "Error [SP1001] (VirtualService web/reviews mesh.yaml:28)"
                + " spec.http[0].route[1].destination.subset: subset v2 of"
                + " reviews.bookinfo.svc.cluster.local is not defined: the DestinationRule that"
                + " defines it is not in web, the service's namespace or the root namespace"
                + " istio-system, or is not exported to web; requests to it fail with 503 (no"
                + " route)"),
        traffic(yaml));
  }

  private static final String BACKEND =
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: backend
        namespace: shop
      spec:
        selector: {app: backend}
        ports:
        - name: http
          port: 8080
      ---
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata:
        name: backend
        namespace: shop
      spec:
        host: backend
        trafficPolicy:
      """;

  @Test
  void localityFailoverWithoutOutlierDetectionIsReported() {
    String yaml =
        BACKEND
            + """
                loadBalancer:
                  localityLbSetting:
                    enabled: true
                    failover:
                    - from: us-east
                      to: us-west
            """;
    assertEquals(
        List.of(
            "Warning [SP1006] (DestinationRule shop/backend mesh.yaml:21)"
                + " spec.trafficPolicy.loadBalancer.localityLbSetting: locality failover without"
                + " outlierDetection does nothing: no endpoint is ever marked unhealthy, so"
                + " traffic never spills over to another locality; set outlierDetection"
                + " (consecutive5xxErrors, interval, baseEjectionTime)"),
        traffic(yaml));
  }

  @Test
  void localityFailoverWithOutlierDetectionIsFine() {
    String yaml =
        BACKEND
            + """
                loadBalancer:
                  localityLbSetting:
                    enabled: true
                    failover:
                    - from: us-east
                      to: us-west
                outlierDetection:
                  consecutive5xxErrors: 5
                  interval: 10s
                  baseEjectionTime: 30s
            """;
    assertEquals(List.of(), traffic(yaml));
  }

  @Test
  void deprecatedConsecutiveErrorsAndFullEjectionAreReported() {
    String yaml =
        BACKEND
            + """
                outlierDetection:
                  consecutiveErrors: 5
                  interval: 10s
                  baseEjectionTime: 30s
                  maxEjectionPercent: 100
            """;
    assertEquals(
        List.of(
            "Warning [SP1007] (DestinationRule shop/backend mesh.yaml:21)"
                + " spec.trafficPolicy.outlierDetection.consecutiveErrors: consecutiveErrors is"
                + " deprecated and counts only 502, 503 and 504 responses; use"
                + " consecutive5xxErrors (every 5xx) or consecutiveGatewayErrors",
            "Warning [SP1008] (DestinationRule shop/backend mesh.yaml:24)"
                + " spec.trafficPolicy.outlierDetection.maxEjectionPercent: maxEjectionPercent 100"
                + " with minHealthPercent unset (0) lets outlier detection eject every endpoint: a"
                + " shared failure becomes a full outage; lower maxEjectionPercent or set"
                + " minHealthPercent"),
        traffic(yaml));
  }

  @Test
  void currentOutlierFieldsWithAFloorAreFine() {
    String yaml =
        BACKEND
            + """
                outlierDetection:
                  consecutive5xxErrors: 5
                  interval: 10s
                  baseEjectionTime: 30s
                  maxEjectionPercent: 100
                  minHealthPercent: 50
            """;
    assertEquals(List.of(), traffic(yaml));
  }
}
