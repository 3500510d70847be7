package dev.sailplan.istio.validation.internal;

import dev.sailplan.core.validation.FieldPath;
import dev.sailplan.istio.networking.v1.Destination;
import dev.sailplan.istio.networking.v1.HTTPMatchRequest;
import dev.sailplan.istio.networking.v1.RouteDestination;
import dev.sailplan.istio.networking.v1.StringMatch;
import dev.sailplan.istio.networking.v1.VirtualService;
import dev.sailplan.istio.networking.v1.VirtualServiceSpec;
import java.util.List;
import java.util.Map;

/** What istiod's {@code ValidateVirtualService} rejects. */
public final class VirtualServiceRules {
  static final String RE2 =
      "; Istio uses RE2 style regex-based match (https://github.com/google/re2/wiki/Syntax)";

  private VirtualServiceRules() {}

  /** Checks {@code service}. */
  public static void check(VirtualService service, Rejections out) {
    if (service.spec().isEmpty()) {
      return;
    }
    VirtualServiceSpec spec = service.spec().get();
    FieldPath path = FieldPath.root().field("spec");
    boolean delegate = spec.hosts().isEmpty();
    if (delegate) {
      // A VirtualService without hosts is a delegate: only its HTTP routes are used.
      if (!spec.gateways().isEmpty()) {
        out.add(
            "SP0420",
            path.field("gateways"),
            "delegate virtual service must have no gateways specified");
      }
      if (!spec.tls().isEmpty()) {
        out.add(
            "SP0420",
            path.field("tls"),
            "delegate virtual service must have no tls route specified");
      }
      if (!spec.tcp().isEmpty()) {
        out.add(
            "SP0420",
            path.field("tcp"),
            "delegate virtual service must have no tcp route specified");
      }
    }
    boolean mesh = spec.gateways().isEmpty() || spec.gateways().contains("mesh");
    for (int i = 0; i < spec.hosts().size(); i++) {
      String host = spec.hosts().get(i);
      String problem = Names.wildcardDomain(host);
      if (problem != null && !Addresses.isIp(host)) {
        out.add("SP0421", path.field("hosts").index(i), problem);
      } else if (problem == null && mesh && host.equals("*")) {
        out.add(
            "SP0421",
            path.field("hosts").index(i),
            "wildcard host * is not allowed for virtual services bound to the mesh gateway");
      }
    }
    if (spec.http().isEmpty() && spec.tcp().isEmpty() && spec.tls().isEmpty()) {
      out.add("SP0442", path, "http, tcp or tls must be provided in virtual service");
    }
    ExportTo.check(
        spec.exportTo(),
        service.metadata().namespace().orElse(""),
        false,
        false,
        path.field("exportTo"),
        out);
    boolean gateway = !spec.gateways().isEmpty() && !spec.gateways().contains("mesh");
    for (int i = 0; i < spec.http().size(); i++) {
      FieldPath at = path.field("http").index(i);
      HttpRouteRules.check(spec.http().get(i), delegate, at, out);
      if (!gateway) {
        claims(spec.http().get(i).match(), spec.gateways(), at.field("match"), out);
      }
    }
    for (int i = 0; i < spec.tcp().size(); i++) {
      FieldPath at = path.field("tcp").index(i);
      if (spec.tcp().get(i).route().isEmpty()) {
        out.add("SP0442", at, "TCP route is required");
      }
      destinations(spec.tcp().get(i).route(), at.field("route"), out);
      for (int j = 0; j < spec.tcp().get(i).match().size(); j++) {
        long port = spec.tcp().get(i).match().get(j).port().orElse(0);
        if (port != 0) {
          out.addIfAny("SP0423", at.field("match").index(j).field("port"), Values.port(port));
        }
      }
    }
    for (int i = 0; i < spec.tls().size(); i++) {
      FieldPath at = path.field("tls").index(i);
      if (spec.tls().get(i).match().isEmpty()) {
        out.add("SP0442", at, "TLS route must have at least one match condition");
      }
      if (spec.tls().get(i).route().isEmpty()) {
        out.add("SP0442", at, "TLS route is required");
      }
      destinations(spec.tls().get(i).route(), at.field("route"), out);
    }
  }

  /** Only a gateway has the JWT whose claims a route would match on. */
  private static void claims(
      List<HTTPMatchRequest> matches, List<String> gateways, FieldPath path, Rejections out) {
    for (int j = 0; j < matches.size(); j++) {
      for (String without : List.of("headers", "withoutHeaders")) {
        Map<String, StringMatch> headers =
            without.equals("headers") ? matches.get(j).headers() : matches.get(j).withoutHeaders();
        for (String key : headers.keySet()) {
          if (isClaim(key)) {
            out.add(
                "SP0448",
                path.index(j).field(without).key(key),
                "JWT claim based routing (key: "
                    + key
                    + ") is only supported for gateway, found no gateways: ["
                    + String.join(" ", gateways)
                    + "]");
          }
        }
      }
    }
  }

  private static boolean isClaim(String key) {
    return key.startsWith("@request.auth.claims.") || key.startsWith("@request.auth.claims[");
  }

  private static void destinations(List<RouteDestination> route, FieldPath path, Rejections out) {
    for (int j = 0; j < route.size(); j++) {
      destination(route.get(j).destination(), path.index(j).field("destination"), out);
    }
    weights(route.stream().map(d -> d.weight().orElse(0)).toList(), path, out);
  }

  /**
   * Route weights as istiod takes them: relative (they need not sum to 100), none negative, and not
   * all zero when there are several destinations (SP0455).
   */
  static void weights(List<Integer> weights, FieldPath path, Rejections out) {
    int total = 0;
    for (int j = 0; j < weights.size(); j++) {
      int w = weights.get(j);
      if (w < 0) {
        out.add("SP0455", path.index(j).field("weight"), "weight " + w + " < 0");
      }
      total += w;
    }
    if (weights.size() > 1 && total == 0) {
      out.add("SP0455", path, "total destination weight = 0");
    }
  }

  static void destination(Destination d, FieldPath path, Rejections out) {
    String problem =
        d.host().equals("*") ? "invalid destination host *" : Names.wildcardDomain(d.host());
    out.addIfAny("SP0421", path.field("host"), problem);
    d.subset()
        .ifPresent(
            s -> out.addIfAny("SP0441", path.field("subset"), DestinationRuleRules.subsetName(s)));
    d.port()
        .ifPresent(
            p ->
                out.addIfAny(
                    "SP0423",
                    path.field("port").field("number"),
                    Values.port(p.number().orElse(0))));
  }

  /** The header names and string matches of {@code match}. */
  static void match(HTTPMatchRequest match, FieldPath path, Rejections out) {
    headers(match.headers(), path.field("headers"), out, false);
    headers(match.withoutHeaders(), path.field("withoutHeaders"), out, true);
    regex(match.uri().orElse(null), "uri", path.field("uri"), out);
    regex(match.scheme().orElse(null), "scheme", path.field("scheme"), out);
    regex(match.method().orElse(null), "method", path.field("method"), out);
    regex(match.authority().orElse(null), "authority", path.field("authority"), out);
    match
        .queryParams()
        .forEach((k, v) -> regex(v, "queryParams", path.field("queryParams").key(k), out));
    long port = match.port().orElse(0);
    if (port != 0) {
      out.addIfAny("SP0423", path.field("port"), Values.port(port));
    }
  }

  private static void headers(
      Map<String, StringMatch> headers, FieldPath path, Rejections out, boolean without) {
    String where = without ? "withoutHeaders" : "headers";
    headers.forEach(
        (name, value) -> {
          // @request.auth.claims.<claim> routes on a JWT claim, not on a header.
          if (!isClaim(name)) {
            out.addIfAny("SP0416", path.key(name), Values.headerName(name));
          }
          // In withoutHeaders, regex "*" means "the header is present", not a pattern.
          if (!(without && value.regex().orElse("").equals("*"))) {
            regex(value, where, path.key(name), out);
          }
        });
  }

  private static void regex(StringMatch m, String where, FieldPath path, Rejections out) {
    if (m != null && m.regex().isPresent()) {
      String problem = Values.regex(m.regex().get());
      if (problem != null) {
        out.add("SP0415", path.field("regex"), Names.quote(where) + ": " + problem + RE2);
      }
    }
  }
}
