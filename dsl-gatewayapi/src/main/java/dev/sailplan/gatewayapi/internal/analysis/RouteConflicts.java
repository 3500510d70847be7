package dev.sailplan.gatewayapi.internal.analysis;

import dev.sailplan.core.validation.FieldPath;
import dev.sailplan.core.validation.Level;
import dev.sailplan.core.validation.Reports;
import dev.sailplan.core.value.Timestamp;
import dev.sailplan.gatewayapi.v1.GRPCHeaderMatch;
import dev.sailplan.gatewayapi.v1.GRPCMethodMatch;
import dev.sailplan.gatewayapi.v1.GRPCRoute;
import dev.sailplan.gatewayapi.v1.GRPCRouteMatch;
import dev.sailplan.gatewayapi.v1.GRPCRouteRule;
import dev.sailplan.gatewayapi.v1.HTTPHeaderMatch;
import dev.sailplan.gatewayapi.v1.HTTPPathMatch;
import dev.sailplan.gatewayapi.v1.HTTPQueryParamMatch;
import dev.sailplan.gatewayapi.v1.HTTPRoute;
import dev.sailplan.gatewayapi.v1.HTTPRouteMatch;
import dev.sailplan.gatewayapi.v1.HTTPRouteRule;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * SP5009: two routes attached to one listener with the same match for the same hostname. The spec
 * breaks such ties for the oldest route by creation timestamp, then the first by {@code
 * namespace/name}; the other route's rule gets no requests. A route in the input without a
 * timestamp is not created yet, so it is the newest.
 */
final class RouteConflicts {
  /** One match of one route, and where it is. */
  private record Claim(Route route, FieldPath path, String match) {}

  private final Map<String, List<Claim>> claims = new LinkedHashMap<>();

  /** Records the matches of a route attached to a listener for those hostnames. */
  void attach(Route route, String listener, List<String> hosts) {
    List<Claim> own = matches(route);
    for (String host : hosts) {
      for (Claim c : own) {
        String key = listener + "\u0000" + host + "\u0000" + route.kind() + "\u0000" + c.match;
        List<Claim> here = claims.computeIfAbsent(key, k -> new ArrayList<>());
        if (here.stream().noneMatch(x -> x.route.label().equals(route.label()))) {
          here.add(new Claim(route, c.path, listener + " for host " + host));
        }
      }
    }
  }

  /** Reports every claim that loses to another route's claim of the same match. */
  void report(Reports reports) {
    Set<String> said = new HashSet<>();
    for (List<Claim> here : claims.values()) {
      if (here.size() < 2) {
        continue;
      }
      Claim winner = here.stream().min(ORDER).orElseThrow();
      for (Claim c : here) {
        if (c.route.label().equals(winner.route.label())
            || !said.add(c.route.label() + c.path + "\u0000" + winner.route.label())) {
          continue;
        }
        boolean older = created(winner.route).isBefore(created(c.route));
        reports
            .on(c.route.resource())
            .add(
                "SP5009",
                "",
                Level.WARNING,
                c.path,
                "",
                "the same match as "
                    + winner.route.label()
                    + " "
                    + winner.path
                    + " on "
                    + c.match
                    + "; "
                    + winner.route.label()
                    + " wins ("
                    + (older ? "created earlier" : "first by namespace/name")
                    + ") and this rule gets none of those requests");
      }
    }
  }

  private static final Comparator<Claim> ORDER =
      Comparator.<Claim, Instant>comparing(c -> created(c.route))
          .thenComparing(c -> Topology.id(c.route.resource()));

  private static Instant created(Route route) {
    String text = route.resource().metadata().creationTimestamp().map(Timestamp::text).orElse(null);
    if (text == null) {
      return Instant.MAX;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return Instant.MAX; // admission reports a malformed timestamp; here it is not created yet
    }
  }

  /** Each match of a route as a canonical key (equal matches, equal keys), with its path. */
  private static List<Claim> matches(Route route) {
    List<Claim> out = new ArrayList<>();
    FieldPath rules = FieldPath.root().field("spec").field("rules");
    if (route.resource() instanceof HTTPRoute r) {
      List<HTTPRouteRule> list = r.spec().rules();
      for (int i = 0; i < list.size(); i++) {
        List<HTTPRouteMatch> ms = list.get(i).matches();
        if (ms.isEmpty()) {
          // No matches is a PathPrefix "/" match of every request.
          out.add(new Claim(route, rules.index(i), key(HTTPRouteMatch.builder().build())));
        }
        for (int j = 0; j < ms.size(); j++) {
          out.add(new Claim(route, rules.index(i).field("matches").index(j), key(ms.get(j))));
        }
      }
    } else if (route.resource() instanceof GRPCRoute r) {
      List<GRPCRouteRule> list = r.spec().rules();
      for (int i = 0; i < list.size(); i++) {
        List<GRPCRouteMatch> ms = list.get(i).matches();
        if (ms.isEmpty()) {
          out.add(new Claim(route, rules.index(i), key(GRPCRouteMatch.builder().build())));
        }
        for (int j = 0; j < ms.size(); j++) {
          out.add(new Claim(route, rules.index(i).field("matches").index(j), key(ms.get(j))));
        }
      }
    }
    return out;
  }

  private static String key(HTTPRouteMatch m) {
    StringBuilder b = new StringBuilder();
    HTTPPathMatch path = m.path().orElse(null);
    b.append(path == null ? "PathPrefix" : path.type().map(Object::toString).orElse("PathPrefix"))
        .append(' ')
        .append(path == null ? "/" : path.value().orElse("/"));
    m.method().ifPresent(x -> b.append(" method ").append(x));
    List<String> headers = new ArrayList<>();
    for (HTTPHeaderMatch h : m.headers()) {
      headers.add(
          h.name().toLowerCase(Locale.ROOT)
              + " "
              + h.type().map(Object::toString).orElse("Exact")
              + " "
              + h.value());
    }
    headers.sort(null);
    List<String> params = new ArrayList<>();
    for (HTTPQueryParamMatch q : m.queryParams()) {
      params.add(q.name() + " " + q.type().map(Object::toString).orElse("Exact") + " " + q.value());
    }
    params.sort(null);
    return b.append(" headers ").append(headers).append(" query ").append(params).toString();
  }

  private static String key(GRPCRouteMatch m) {
    StringBuilder b = new StringBuilder();
    GRPCMethodMatch method = m.method().orElse(null);
    if (method != null) {
      b.append(method.type().map(Object::toString).orElse("Exact"))
          .append(' ')
          .append(method.service().orElse("*"))
          .append('/')
          .append(method.method().orElse("*"));
    }
    List<String> headers = new ArrayList<>();
    for (GRPCHeaderMatch h : m.headers()) {
      headers.add(
          h.name().toLowerCase(Locale.ROOT)
              + " "
              + h.type().map(Object::toString).orElse("Exact")
              + " "
              + h.value());
    }
    headers.sort(null);
    return b.append(" headers ").append(headers).toString();
  }
}
