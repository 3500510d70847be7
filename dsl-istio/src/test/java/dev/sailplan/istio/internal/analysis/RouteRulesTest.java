package dev.sailplan.istio.internal.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sailplan.core.validation.Finding;
import dev.sailplan.core.validation.Validation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules about one VirtualService's HTTP routes: SP1002 to SP1005, SP1011 and SP1014. */
class RouteRulesTest {
  static final Validation VALIDATION = Validation.builder().discover().build();

  /** The traffic findings of a file; admission findings are other rules' business. */
  static List<String> traffic(String yaml) {
    return VALIDATION.validate(yaml, "mesh.yaml").all().stream()
        .filter(f -> f.code().startsWith("SP1") || !f.istioCode().isEmpty())
        .map(Finding::toString)
        .toList();
  }

  static final String SERVICES =
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: api
        namespace: shop
      spec:
        selector: {app: api}
        ports:
        - name: http
          port: 8080
      ---
      """;

  static String route(String http) {
    return SERVICES
        + """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: api
          namespace: shop
        spec:
          hosts:
          - api
          http:
        """
        + http.indent(2);
  }

  @Test
  void timeoutThatEndsTheLastRetryIsReported() {
    String yaml =
        route(
            """
            - route:
              - destination:
                  host: api
              timeout: 30s
              retries:
                attempts: 3
                perTryTimeout: 10s
                retryOn: 5xx,reset
            """);
    assertEquals(
        List.of(
            "Warning [SP1002] (VirtualService shop/api mesh.yaml:24) spec.http[0].timeout: timeout"
                + " 30s is not more than retries.attempts × retries.perTryTimeout (3 × 10s): the"
                + " overall timeout ends the request before the last attempt's window; make the"
                + " timeout longer or retry fewer times"),
        traffic(yaml));
  }

  @Test
  void timeoutAboveEveryAttemptIsFine() {
    String yaml =
        route(
            """
            - route:
              - destination:
                  host: api
              timeout: 31s
              retries:
                attempts: 3
                perTryTimeout: 10s
            """);
    assertEquals(List.of(), traffic(yaml));
  }

  @Test
  void faultBesideRetriesIsReported() {
    String yaml =
        route(
            """
            - route:
              - destination:
                  host: api
              fault:
                delay:
                  percentage: {value: 10}
                  fixedDelay: 5s
              retries:
                attempts: 2
            """);
    assertEquals(
        List.of(
            "Warning [SP1003] (VirtualService shop/api mesh.yaml:24) spec.http[0].fault: fault"
                + " injection on the same route as retries: the retries are silently dropped;"
                + " keep retries on the client's route and inject the fault on another"),
        traffic(yaml));
  }

  @Test
  void faultAloneIsFine() {
    String yaml =
        route(
            """
            - route:
              - destination:
                  host: api
              fault:
                abort:
                  percentage: {value: 1}
                  httpStatus: 503
            """);
    assertEquals(List.of(), traffic(yaml));
  }

  @Test
  void retriable4xxOnPostIsReported() {
    String yaml =
        route(
            """
            - match:
              - method: {exact: POST}
                uri: {prefix: /orders}
              route:
              - destination:
                  host: api
              retries:
                attempts: 2
                retryOn: connect-failure,retriable-4xx
            - route:
              - destination:
                  host: api
              retries:
                attempts: 2
                retryOn: retriable-4xx
            """);
    assertEquals(
        List.of(
            "Warning [SP1004] (VirtualService shop/api mesh.yaml:29) spec.http[0].retries.retryOn:"
                + " retriable-4xx retries HTTP 409 on a route that matches POST: a conflict fails"
                + " the same way on every retry; retry on connect-failure,refused-stream,"
                + "unavailable,reset instead",
            "Warning [SP1004] (VirtualService shop/api mesh.yaml:35) spec.http[1].retries.retryOn:"
                + " retriable-4xx retries HTTP 409 on a route that matches every method: a"
                + " conflict fails the same way on every retry; retry on connect-failure,"
                + "refused-stream,unavailable,reset instead"),
        traffic(yaml));
  }

  @Test
  void retriable4xxOnReadsIsFine() {
    String yaml =
        route(
            """
            - match:
              - method: {regex: "GET|HEAD"}
              route:
              - destination:
                  host: api
              retries:
                attempts: 2
                retryOn: retriable-4xx
            """);
    assertEquals(List.of(), traffic(yaml));
  }

  @Test
  void weightsThatDoNotSumTo100AreReported() {
    String yaml =
        route(
            """
            - route:
              - destination:
                  host: api
                weight: 80
              - destination:
                  host: api
                weight: 10
            """);
    assertEquals(
        List.of(
            "Warning [SP1005] (VirtualService shop/api mesh.yaml:21) spec.http[0].route: the"
                + " weights of the 2 destinations sum to 90, not 100: the split is scaled and is"
                + " not the one written"),
        traffic(yaml));
  }

  @Test
  void weightsOf100IncludingZeroAreFine() {
    String yaml =
        route(
            """
            - route:
              - destination:
                  host: api
                weight: 100
              - destination:
                  host: api
                weight: 0
            """);
    assertEquals(List.of(), traffic(yaml));
  }

  @Test
  void rulesAfterACatchAllAreUnreachable() {
    String yaml =
        route(
            """
            - name: default
              route:
              - destination:
                  host: api
            - match:
              - uri: {prefix: /v2}
              route:
              - destination:
                  host: api
            - route:
              - destination:
                  host: api
            """);
    assertEquals(
        List.of(
            "Warning [SP1011] (VirtualService shop/api mesh.yaml:25) spec.http[1]: rule #1 is"
                + " never used: rule \"default\" before it matches every request",
            "Warning [SP1011] (VirtualService shop/api mesh.yaml:30) spec.http[2]: rule #2 is"
                + " never used: rule \"default\" before it matches every request (only the last"
                + " rule can have no matches)"),
        traffic(yaml));
    assertEquals(
        "IST0130",
        VALIDATION.validate(yaml, "mesh.yaml").all().stream()
            .filter(f -> f.code().equals("SP1011"))
            .toList()
            .get(1)
            .istioCode());
  }

  @Test
  void repeatedMatchesAreIneffective() {
    String yaml =
        route(
            """
            - match:
              - uri: {prefix: /v1}
              route:
              - destination:
                  host: api
            - match:
              - uri: {prefix: /v1}
              - uri: {prefix: /v2}
              route:
              - destination:
                  host: api
            - match:
              - uri: {prefix: /v2}
              route:
              - destination:
                  host: api
            """);
    assertEquals(
        List.of(
            "Info [SP1014] (VirtualService shop/api mesh.yaml:27) spec.http[1].match[0]: match 0"
                + " of rule #1 is never used: it repeats match 0 of rule #0",
            "Warning [SP1011] (VirtualService shop/api mesh.yaml:32) spec.http[2]: rule #2 is"
                + " never used: all its matches are used by earlier rules"),
        traffic(yaml));
  }

  @Test
  void specificRulesBeforeTheCatchAllAreFine() {
    String yaml =
        route(
            """
            - match:
              - uri: {prefix: /v2}
              route:
              - destination:
                  host: api
            - match:
              - uri: {prefix: /}
              route:
              - destination:
                  host: api
            """);
    assertEquals(List.of(), traffic(yaml));
  }
}
