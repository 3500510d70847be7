package dev.sailplan.testing.internal;

import java.util.List;
import java.util.Map;

/**
 * A request to a workload, as much of it as a test describes: the fields AuthorizationPolicies
 * match on. An absent field is {@code null}, except the principals, which are {@code ""} for a
 * plaintext or unauthenticated request (a rule asking for one then simply does not match).
 *
 * @param principal the peer's mTLS identity, {@code ""} for plaintext
 * @param sourceIp the peer's address, {@code null} when not given
 * @param requestPrincipal {@code issuer/subject} of the request's JWT, {@code ""} without one
 * @param claims the JWT's claims, each with its values
 * @param headers request headers, names in lower case
 * @param namespace the destination workload's namespace
 * @param labels the destination pod's labels
 * @param host the Host header, {@code null} when not given
 * @param port the destination port, {@code null} when not given
 * @param method the HTTP method
 * @param path the path, with any query
 */
public record Request(
    String principal,
    String sourceIp,
    String requestPrincipal,
    Map<String, List<String>> claims,
    Map<String, String> headers,
    String namespace,
    Map<String, String> labels,
    String host,
    Integer port,
    String method,
    String path) {

  /** The source namespace, read from the principal's {@code /ns/NAME/} part as Istio does. */
  public String sourceNamespace() {
    int at = principal.indexOf("/ns/");
    if (at < 0) {
      return "";
    }
    int end = principal.indexOf('/', at + 4);
    return principal.substring(at + 4, end < 0 ? principal.length() : end);
  }

  /** The request as messages name it, e.g. {@code GET /reviews/1 from cluster.local/ns/a/sa/b}. */
  public String describe() {
    StringBuilder s = new StringBuilder(method + " " + path);
    if (host != null) {
      s.append(" (host ").append(host).append(')');
    }
    if (!principal.isEmpty()) {
      s.append(" from ").append(principal);
    } else {
      s.append(" from a peer without an mTLS identity");
    }
    if (sourceIp != null) {
      s.append(" at ").append(sourceIp);
    }
    s.append(" to workload ").append(namespace).append(' ').append(labels);
    if (port != null) {
      s.append(" on port ").append(port);
    }
    return s.toString();
  }
}
