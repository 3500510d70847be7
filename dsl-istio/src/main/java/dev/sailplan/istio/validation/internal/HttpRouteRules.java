package dev.sailplan.istio.validation.internal;

import dev.sailplan.core.validation.FieldPath;
import dev.sailplan.istio.networking.v1.HTTPRetry;
import dev.sailplan.istio.networking.v1.HTTPRoute;
import dev.sailplan.istio.networking.v1.HeaderOperations;
import dev.sailplan.istio.networking.v1.Headers;
import dev.sailplan.istio.networking.v1.Percent;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** What istiod rejects in one HTTP route of a VirtualService. */
final class HttpRouteRules {
  private static final Set<String> RETRY_ON =
      Set.of(
          "5xx",
          "gateway-error",
          "reset",
          "reset-before-request",
          "connect-failure",
          "retriable-4xx",
          "refused-stream",
          "retriable-status-codes",
          "retriable-headers",
          "envoy-ratelimited",
          "http3-post-connect-failure",
          "cancelled",
          "deadline-exceeded",
          "internal",
          "resource-exhausted",
          "unavailable");

  private HttpRouteRules() {}

  static void check(HTTPRoute route, boolean inDelegate, FieldPath path, Rejections out) {
    actions(route, inDelegate, path, out);
    for (int i = 0; i < route.match().size(); i++) {
      VirtualServiceRules.match(route.match().get(i), path.field("match").index(i), out);
    }
    route.headers().ifPresent(h -> headers(h, path.field("headers"), out));
    route.redirect().ifPresent(r -> RouteActionValues.redirect(r, path.field("redirect"), out));
    route.rewrite().ifPresent(r -> RouteActionValues.rewrite(r, path.field("rewrite"), out));
    route
        .directResponse()
        .ifPresent(d -> RouteActionValues.directResponse(d, path.field("directResponse"), out));
    route.fault().ifPresent(f -> RouteActionValues.fault(f, path.field("fault"), out));
    mirrors(route, path, out);
    route.retries().ifPresent(r -> retries(r, path.field("retries"), out));
    Durations.check(route.timeout(), path.field("timeout"), out);
    route
        .fault()
        .flatMap(f -> f.delay())
        .ifPresent(
            d ->
                Durations.check(
                    d.fixedDelay(), path.field("fault").field("delay").field("fixedDelay"), out));
    route
        .corsPolicy()
        .flatMap(c -> c.maxAge())
        .ifPresent(
            age -> {
              FieldPath at = path.field("corsPolicy").field("maxAge");
              out.addIfAny("SP0422", at, Values.millis(age));
              if (age.toJava().toNanos() % 1_000_000_000L != 0) {
                out.add("SP0422", at, "max_age duration is accurate only to seconds precision");
              }
            });
    route
        .rewrite()
        .flatMap(r -> r.uriRegexRewrite())
        .flatMap(r -> r.match())
        .ifPresent(
            re -> {
              String problem = Values.regex(re);
              if (problem != null) {
                out.add(
                    "SP0415",
                    path.field("rewrite").field("uriRegexRewrite").field("match"),
                    "\"HTTPRewrite.UriRegexRewrite.Match\": " + problem + VirtualServiceRules.RE2);
              }
            });
    route.mirror().ifPresent(m -> VirtualServiceRules.destination(m, path.field("mirror"), out));
    for (int i = 0; i < route.route().size(); i++) {
      FieldPath at = path.field("route").index(i);
      VirtualServiceRules.destination(
          route.route().get(i).destination(), at.field("destination"), out);
      route.route().get(i).headers().ifPresent(h -> headers(h, at.field("headers"), out));
    }
    VirtualServiceRules.weights(
        route.route().stream().map(d -> d.weight().orElse(0)).toList(), path.field("route"), out);
  }

  /** Which of route, redirect, directResponse and delegate a route may combine. */
  private static void actions(HTTPRoute r, boolean inDelegate, FieldPath path, Rejections out) {
    String name = r.name().orElse("");
    if (!inDelegate && r.delegate().isPresent()) {
      if (r.redirect().isPresent()) {
        out.add("SP0414", path, "root HTTP route " + name + " must not specify redirect");
      }
      if (!r.route().isEmpty()) {
        out.add("SP0414", path, "root HTTP route " + name + " must not specify route");
      }
      return;
    }
    if (inDelegate && r.delegate().isPresent()) {
      out.add("SP0414", path, "delegate HTTP route cannot contain delegate");
    }
    boolean routes = !r.route().isEmpty();
    if (r.redirect().isPresent()) {
      conflict(routes, "HTTP route cannot contain both route and redirect", path, out);
      conflict(
          r.fault().isPresent(), "HTTP route cannot contain both fault and redirect", path, out);
      conflict(
          r.rewrite().isPresent(),
          "HTTP route rule cannot contain both rewrite and redirect",
          path,
          out);
      conflict(
          r.directResponse().isPresent(),
          "HTTP route rule cannot contain both direct_response and redirect",
          path,
          out);
    } else if (r.directResponse().isPresent()) {
      conflict(routes, "HTTP route cannot contain both route and direct_response", path, out);
      conflict(
          r.fault().isPresent(),
          "HTTP route cannot contain both fault and direct_response",
          path,
          out);
      conflict(
          r.rewrite().isPresent(),
          "HTTP route rule cannot contain both rewrite and direct_response",
          path,
          out);
    } else if (!routes) {
      out.add("SP0414", path, "HTTP route, redirect or direct_response is required");
    }
    conflict(
        r.mirror().isPresent() && !r.mirrors().isEmpty(),
        "HTTP route cannot contain both mirror and mirrors",
        path,
        out);
  }

  private static void conflict(boolean both, String message, FieldPath path, Rejections out) {
    if (both) {
      out.add("SP0414", path, message);
    }
  }

  private static void headers(Headers headers, FieldPath path, Rejections out) {
    headers.request().ifPresent(ops -> operations(ops, true, path.field("request"), out));
    headers.response().ifPresent(ops -> operations(ops, false, path.field("response"), out));
  }

  private static void operations(
      HeaderOperations ops, boolean request, FieldPath path, Rejections out) {
    // A request may set its authority (:authority or Host); nothing else may touch pseudo-headers.
    ops.add()
        .keySet()
        .forEach(n -> out.addIfAny("SP0417", path.field("add").key(n), operation(n, request)));
    ops.set()
        .keySet()
        .forEach(n -> out.addIfAny("SP0417", path.field("set").key(n), operation(n, request)));
    for (int i = 0; i < ops.remove().size(); i++) {
      out.addIfAny("SP0417", path.field("remove").index(i), operation(ops.remove().get(i), false));
    }
  }

  private static String operation(String name, boolean mayRewriteAuthority) {
    if (name.isEmpty()) {
      return "header name cannot be empty";
    }
    String lower = name.toLowerCase(Locale.ROOT);
    boolean authority = lower.equals(":authority") || lower.equals("host");
    if (mayRewriteAuthority && authority) {
      return null;
    }
    if (lower.equals("host")) {
      return "invalid header " + Names.quote(name) + ": cannot set Host header";
    }
    return name.startsWith(":")
        ? "invalid header " + Names.quote(name) + ": header cannot have \":\" prefix"
        : null;
  }

  private static void mirrors(HTTPRoute r, FieldPath path, Rejections out) {
    r.mirrorPercent().ifPresent(v -> mirrorPercent(v, path.field("mirrorPercent"), out));
    r.mirrorPercentSnakeCase().ifPresent(v -> mirrorPercent(v, path.field("mirror_percent"), out));
    percentage(r.mirrorPercentage(), "mirror_percentage", path.field("mirrorPercentage"), out);
    for (int i = 0; i < r.mirrors().size(); i++) {
      FieldPath at = path.field("mirrors").index(i);
      percentage(r.mirrors().get(i).percentage(), "mirror percentage", at.field("percentage"), out);
      VirtualServiceRules.destination(
          r.mirrors().get(i).destination(), at.field("destination"), out);
    }
  }

  private static void mirrorPercent(long value, FieldPath path, Rejections out) {
    if (value > 100) {
      out.add("SP0418", path, "mirror_percent must have a max value of 100 (it has " + value + ")");
    }
  }

  private static void percentage(Optional<Percent> p, String what, FieldPath path, Rejections out) {
    double v = p.map(x -> x.value().orElse(0)).orElse(0.0);
    // Go's %f: six decimals.
    String shown = String.format(Locale.ROOT, "%f", v);
    if (v > 100) {
      out.add(
          "SP0418",
          path.field("value"),
          what + " must have a max value of 100 (it has " + shown + ")");
    } else if (v < 0) {
      out.add(
          "SP0418",
          path.field("value"),
          what + " must have a min value of 0 (it has " + shown + ")");
    }
  }

  private static void retries(HTTPRetry retries, FieldPath path, Rejections out) {
    int attempts = retries.attempts().orElse(0);
    String retryOn = retries.retryOn().orElse("");
    if (attempts < 0) {
      out.add("SP0419", path.field("attempts"), "attempts cannot be negative");
    }
    if (attempts == 0
        && (retries.perTryTimeout().isPresent()
            || !retryOn.isEmpty()
            || retries.retryRemoteLocalities().isPresent())) {
      out.add("SP0419", path, "http retry policy configured when attempts are set to 0 (disabled)");
    }
    Durations.check(retries.perTryTimeout(), path.field("perTryTimeout"), out);
    for (String policy : retryOn.isEmpty() ? new String[0] : retryOn.split(",", -1)) {
      if (!RETRY_ON.contains(policy) && !StatusCodes.isKnown(policy)) {
        out.add(
            "SP0419",
            path.field("retryOn"),
            Names.quote(policy) + " is not a valid retryOn policy");
      }
    }
  }
}
