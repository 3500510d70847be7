package dev.sailplan.istio.internal.analysis;

import dev.sailplan.core.validation.Analyzer;
import dev.sailplan.core.validation.FieldPath;
import dev.sailplan.core.validation.Level;
import dev.sailplan.core.validation.Mesh;
import dev.sailplan.core.validation.Report;
import dev.sailplan.core.validation.Reports;
import dev.sailplan.istio.networking.v1.HTTPMatchRequest;
import dev.sailplan.istio.networking.v1.HTTPRetry;
import dev.sailplan.istio.networking.v1.HTTPRoute;
import dev.sailplan.istio.networking.v1.HTTPRouteDestination;
import dev.sailplan.istio.networking.v1.RouteDestination;
import dev.sailplan.istio.networking.v1.StringMatch;
import dev.sailplan.istio.networking.v1.VirtualService;
import dev.sailplan.istio.networking.v1.VirtualServiceSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The rules about one VirtualService's HTTP routes on their own: timeouts against retries (SP1002),
 * fault injection beside retries (SP1003), {@code retriable-4xx} on state-mutating methods
 * (SP1004), weights (SP1005) and rules that no request reaches (SP1011, SP1014).
 */
final class RouteRules implements Analyzer {
  /** Methods whose retry after a 409 conflict fails the same way, or repeats a change. */
  private static final List<String> MUTATING = List.of("POST", "PUT", "PATCH", "DELETE");

  @Override
  public void analyze(Mesh mesh, Reports reports) {
    for (VirtualService vs : mesh.all(VirtualService.class)) {
      Optional<VirtualServiceSpec> spec = vs.spec();
      if (spec.isEmpty()) {
        continue;
      }
      Report report = reports.on(vs);
      FieldPath http = FieldPath.root().field("spec").field("http");
      List<HTTPRoute> routes = spec.get().http();
      for (int i = 0; i < routes.size(); i++) {
        HTTPRoute route = routes.get(i);
        FieldPath at = http.index(i);
        timeoutAgainstRetries(report, route, at);
        faultWithRetries(report, route, at);
        retriable4xx(report, route, at);
        httpWeights(report, route.route(), at.field("route"));
      }
      unreachable(report, routes, http);
      List<List<RouteDestination>> l4 = new java.util.ArrayList<>();
      spec.get().tcp().forEach(r -> l4.add(r.route()));
      for (int i = 0; i < l4.size(); i++) {
        l4Weights(report, l4.get(i), FieldPath.root().field("spec").field("tcp").index(i));
      }
      for (int i = 0; i < spec.get().tls().size(); i++) {
        l4Weights(
            report,
            spec.get().tls().get(i).route(),
            FieldPath.root().field("spec").field("tls").index(i));
      }
    }
  }

  /** SP1002: the overall timeout must leave room for every attempt's own timeout. */
  private static void timeoutAgainstRetries(Report report, HTTPRoute route, FieldPath at) {
    if (route.timeout().isEmpty() || route.retries().isEmpty()) {
      return;
    }
    HTTPRetry retry = route.retries().get();
    if (retry.attempts().isEmpty()
        || retry.attempts().getAsInt() <= 0
        || retry.perTryTimeout().isEmpty()) {
      return;
    }
    int attempts = retry.attempts().getAsInt();
    java.time.Duration timeout = route.timeout().get().toJava();
    java.time.Duration perTry = retry.perTryTimeout().get().toJava();
    if (timeout.isZero()) {
      return; // 0s disables the overall timeout: nothing cuts the retries short.
    }
    if (timeout.compareTo(perTry.multipliedBy(attempts)) <= 0) {
      report.add(
          "SP1002",
          "",
          Level.WARNING,
          at.field("timeout"),
          "",
          "timeout "
              + route.timeout().get()
              + " is not more than retries.attempts × retries.perTryTimeout ("
              + attempts
              + " × "
              + retry.perTryTimeout().get()
              + "): the overall timeout ends the request before the last attempt's window;"
              + " make the timeout longer or retry fewer times");
    }
  }

  /** SP1003: Envoy's fault filter runs before the router, whose retries and timeout are dropped. */
  private static void faultWithRetries(Report report, HTTPRoute route, FieldPath at) {
    if (route.fault().isEmpty()) {
      return;
    }
    boolean retries =
        route.retries().isPresent() && route.retries().get().attempts().orElse(1) != 0;
    if (!retries && route.timeout().isEmpty()) {
      return;
    }
    String what =
        retries && route.timeout().isPresent()
            ? "retries and timeout"
            : retries ? "retries" : "timeout";
    report.add(
        "SP1003",
        "",
        Level.WARNING,
        at.field("fault"),
        "",
        "fault injection on the same route as "
            + what
            + ": the "
            + what
            + " are silently dropped; keep "
            + what
            + " on the client's route and inject the fault on another");
  }

  /** SP1004: a 409 on a state-mutating request fails the same way on every retry. */
  private static void retriable4xx(Report report, HTTPRoute route, FieldPath at) {
    Optional<String> retryOn = route.retries().flatMap(HTTPRetry::retryOn);
    if (retryOn.isEmpty()) {
      return;
    }
    boolean has4xx = false;
    for (String policy : retryOn.get().split(",", -1)) {
      if (policy.strip().equals("retriable-4xx")) {
        has4xx = true;
      }
    }
    if (!has4xx) {
      return;
    }
    String methods = mutatingMethods(route.match());
    if (methods.isEmpty()) {
      return;
    }
    report.add(
        "SP1004",
        "",
        Level.WARNING,
        at.field("retries").field("retryOn"),
        "",
        "retriable-4xx retries HTTP 409 on a route that matches "
            + methods
            + ": a conflict fails the same way on every retry; retry on"
            + " connect-failure,refused-stream,unavailable,reset instead");
  }

  /** The state-mutating methods the matches let through, in words; empty when none. */
  private static String mutatingMethods(List<HTTPMatchRequest> matches) {
    if (matches.isEmpty() || matches.stream().anyMatch(m -> m.method().isEmpty())) {
      return "every method";
    }
    java.util.Set<String> found = new java.util.LinkedHashSet<>();
    for (HTTPMatchRequest m : matches) {
      StringMatch method = m.method().get();
      for (String candidate : MUTATING) {
        if (matches(method, candidate)) {
          found.add(candidate);
        }
      }
    }
    return String.join(", ", found);
  }

  private static boolean matches(StringMatch m, String value) {
    if (m.exact().isPresent()) {
      return m.exact().get().equals(value);
    }
    if (m.prefix().isPresent()) {
      return value.startsWith(m.prefix().get());
    }
    if (m.regex().isPresent()) {
      try {
        return Pattern.compile(m.regex().get()).matcher(value).matches();
      } catch (PatternSyntaxException e) {
        return false; // admission reports the broken pattern
      }
    }
    return true;
  }

  /** SP1005 for HTTP routes. */
  private static void httpWeights(Report report, List<HTTPRouteDestination> to, FieldPath at) {
    weights(report, to.stream().map(HTTPRouteDestination::weight).toList(), at);
  }

  /** SP1005 for TCP and TLS routes. */
  private static void l4Weights(Report report, List<RouteDestination> to, FieldPath rule) {
    weights(report, to.stream().map(RouteDestination::weight).toList(), rule.field("route"));
  }

  /**
   * SP1005: with several destinations, weights that do not sum to 100 are scaled by Envoy, so the
   * split is not the one written.
   */
  private static void weights(Report report, List<OptionalInt> weights, FieldPath at) {
    if (weights.size() < 2 || weights.stream().noneMatch(OptionalInt::isPresent)) {
      return;
    }
    int sum = weights.stream().mapToInt(w -> w.orElse(0)).sum();
    if (sum != 100) {
      report.add(
          "SP1005",
          "",
          Level.WARNING,
          at,
          "",
          "the weights of the "
              + weights.size()
              + " destinations sum to "
              + sum
              + ", not 100: the split is scaled and is not the one written");
    }
  }

  /**
   * SP1011 and SP1014: a rule after one that matches every request is never used, and so is a rule
   * whose every match repeats an earlier one; a repeated match alone is ineffective.
   */
  private static void unreachable(Report report, List<HTTPRoute> routes, FieldPath http) {
    int catchAll = -1;
    boolean catchAllHasNoMatch = false;
    Map<HTTPMatchRequest, String> seen = new HashMap<>();
    for (int i = 0; i < routes.size(); i++) {
      HTTPRoute route = routes.get(i);
      FieldPath at = http.index(i);
      String name = ruleName(route, i);
      List<HTTPMatchRequest> match = route.match();
      if (catchAll >= 0) {
        boolean istio = catchAllHasNoMatch && match.isEmpty();
        report.add(
            "SP1011",
            istio ? "IST0130" : "",
            Level.WARNING,
            at,
            "",
            "rule "
                + name
                + " is never used: rule "
                + ruleName(routes.get(catchAll), catchAll)
                + " before it matches every request"
                + (istio ? " (only the last rule can have no matches)" : ""));
        continue;
      }
      if (match.isEmpty()) {
        catchAll = i;
        catchAllHasNoMatch = true;
        continue;
      }
      int duplicates = 0;
      for (int m = 0; m < match.size(); m++) {
        HTTPMatchRequest request = match.get(m);
        String earlier = seen.get(request);
        if (earlier != null) {
          duplicates++;
          if (duplicates < match.size()) {
            report.add(
                "SP1014",
                "IST0131",
                Level.INFO,
                at.field("match").index(m),
                "",
                "match " + m + " of rule " + name + " is never used: it repeats " + earlier);
          }
        } else {
          seen.put(request, "match " + m + " of rule " + name);
        }
      }
      if (duplicates == match.size()) {
        report.add(
            "SP1011",
            "IST0130",
            Level.WARNING,
            at,
            "",
            "rule " + name + " is never used: all its matches are used by earlier rules");
        continue;
      }
      if (match.stream().anyMatch(RouteRules::matchesEverything)) {
        catchAll = i;
      }
    }
  }

  /** Whether a match condition lets every request through (no condition, or the prefix "/"). */
  private static boolean matchesEverything(HTTPMatchRequest m) {
    boolean uriAll =
        m.uri().isEmpty()
            || m.uri().get().prefix().filter("/"::equals).isPresent()
            || m.uri().get().regex().filter(".*"::equals).isPresent();
    return uriAll
        && m.authority().isEmpty()
        && m.gateways().isEmpty()
        && m.headers().isEmpty()
        && m.method().isEmpty()
        && m.port().isEmpty()
        && m.queryParams().isEmpty()
        && m.scheme().isEmpty()
        && m.sourceLabels().isEmpty()
        && m.sourceNamespace().isEmpty()
        && m.withoutHeaders().isEmpty();
  }

  private static String ruleName(HTTPRoute route, int i) {
    return route.name().map(n -> "\"" + n + "\"").orElse("#" + i);
  }
}
