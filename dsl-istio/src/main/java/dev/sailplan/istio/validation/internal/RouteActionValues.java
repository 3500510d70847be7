package dev.sailplan.istio.validation.internal;

import dev.sailplan.core.validation.FieldPath;
import dev.sailplan.istio.networking.v1.Abort;
import dev.sailplan.istio.networking.v1.HTTPDirectResponse;
import dev.sailplan.istio.networking.v1.HTTPFaultInjection;
import dev.sailplan.istio.networking.v1.HTTPRedirect;
import dev.sailplan.istio.networking.v1.HTTPRewrite;
import dev.sailplan.istio.networking.v1.Percent;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * The values of an HTTP route's redirect, rewrite and direct response (SP0451) and fault injection
 * (SP0452), as istiod checks them.
 */
final class RouteActionValues {
  private static final Set<String> GRPC_STATUS =
      Set.of(
          "OK",
          "CANCELLED",
          "UNKNOWN",
          "INVALID_ARGUMENT",
          "DEADLINE_EXCEEDED",
          "NOT_FOUND",
          "ALREADY_EXISTS",
          "PERMISSION_DENIED",
          "RESOURCE_EXHAUSTED",
          "FAILED_PRECONDITION",
          "ABORTED",
          "OUT_OF_RANGE",
          "UNIMPLEMENTED",
          "INTERNAL",
          "UNAVAILABLE",
          "DATA_LOSS",
          "UNAUTHENTICATED");
  private static final int MAX_BODY = 1024 * 1024;

  private RouteActionValues() {}

  static void redirect(HTTPRedirect r, FieldPath path, Rejections out) {
    if (r.uri().isEmpty()
        && r.authority().isEmpty()
        && r.port().isEmpty()
        && r.derivePort().isEmpty()
        && r.scheme().isEmpty()) {
      out.add("SP0451", path, "redirect must specify URI, authority, scheme, or port");
      return;
    }
    long code = r.redirectCode().orElse(0);
    if (code != 0 && (code < 300 || code > 399)) {
      out.add(
          "SP0451",
          path.field("redirectCode"),
          code + " is not a valid redirect code, must be 3xx");
      return;
    }
    String scheme = r.scheme().orElse("");
    if (!scheme.isEmpty() && !scheme.equals("http") && !scheme.equals("https")) {
      out.add(
          "SP0451", path.field("scheme"), "invalid redirect scheme, must be \"http\" or \"https\"");
      return;
    }
    long port = r.port().orElse(0);
    if (port > 0) {
      out.addIfAny("SP0423", path.field("port"), Values.port(port));
    }
  }

  static void rewrite(HTTPRewrite r, FieldPath path, Rejections out) {
    if (r.uri().isPresent() && r.uriRegexRewrite().isPresent()) {
      out.add("SP0451", path, "rewrite may only contain one of URI or UriRegexRewrite");
    } else if (r.uri().orElse("").isEmpty()
        && r.uriRegexRewrite().isEmpty()
        && r.authority().orElse("").isEmpty()) {
      out.add(
          "SP0451",
          path,
          "rewrite must specify at least one of URI, UriRegexRewrite, or authority. Only one of"
              + " URI or UriRegexRewrite may be specified");
    } else if (r.uriRegexRewrite()
        .filter(x -> x.match().orElse("").isEmpty() || x.rewrite().orElse("").isEmpty())
        .isPresent()) {
      out.add(
          "SP0451",
          path.field("uriRegexRewrite"),
          "UriRegexRewrite requires both Rewrite and Match fields to be specified");
    }
  }

  static void directResponse(HTTPDirectResponse d, FieldPath path, Rejections out) {
    int size =
        d.body()
            .map(
                b ->
                    b.string().map(s -> s.getBytes(StandardCharsets.UTF_8).length).orElse(0)
                        + b.bytes().map(String::length).orElse(0) * 3 / 4)
            .orElse(0);
    if (size > MAX_BODY) {
      out.add(
          "SP0451",
          path.field("body"),
          "large direct_responses may impact control plane performance, must be less than 1MB");
    }
    out.addIfAny("SP0451", path.field("status"), status(d.status()));
  }

  // istiod's bound is 600, though its message says 599.
  private static String status(long status) {
    return status < 200 || status > 600
        ? "HTTP status " + status + " is not in range 200-599"
        : null;
  }

  static void fault(HTTPFaultInjection f, FieldPath path, Rejections out) {
    if (f.abort().isEmpty() && f.delay().isEmpty()) {
      out.add("SP0452", path, "HTTP fault injection must have an abort and/or a delay");
    }
    f.abort().ifPresent(a -> abort(a, path.field("abort"), out));
    f.delay()
        .ifPresent(
            d -> {
              FieldPath at = path.field("delay");
              percentage(d.percentage(), at.field("percentage"), out);
              if (d.exponentialDelay().isPresent()) {
                out.add(
                    "SP0452", at.field("exponentialDelay"), "exponentialDelay not supported yet");
              }
            });
  }

  private static void abort(Abort a, FieldPath path, Rejections out) {
    percentage(a.percentage(), path.field("percentage"), out);
    if (a.http2Error().isPresent()) {
      out.add("SP0452", path.field("http2Error"), "HTTP/2 abort fault injection not supported yet");
    } else if (a.grpcStatus().isPresent()) {
      String status = a.grpcStatus().get();
      if (!GRPC_STATUS.contains(status)) {
        out.add(
            "SP0452",
            path.field("grpcStatus"),
            "gRPC status "
                + Names.quote(status)
                + " is not supported. See https://github.com/grpc/grpc/blob/master/doc/statuscodes.md"
                + " for a list of supported codes, for example 'NOT_FOUND'");
      }
    } else if (a.httpStatus().isPresent()) {
      out.addIfAny("SP0452", path.field("httpStatus"), status(a.httpStatus().getAsInt()));
    }
  }

  private static void percentage(Optional<Percent> p, FieldPath path, Rejections out) {
    double v = p.map(x -> x.value().orElse(0)).orElse(0.0);
    if (v < 0 || v > 100 || (v > 0 && v < 0.0001)) {
      out.add(
          "SP0452",
          path.field("value"),
          "percentage " + Values.goFloat(v) + " is neither 0.0, nor in range [0.0001, 100.0]");
    }
  }
}
