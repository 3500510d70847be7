package dev.sailplan.testing;

import dev.sailplan.core.meta.Resource;
import dev.sailplan.istio.security.v1.MutualTLSMode;
import dev.sailplan.testing.internal.Authorization;
import dev.sailplan.testing.internal.MtlsResolver;
import dev.sailplan.testing.internal.Request;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on whether the resources' AuthorizationPolicies let a request through to a workload,
 * evaluated as the workload's sidecar does: CUSTOM policies first, then DENY (any matching rule
 * denies), then ALLOW (with no ALLOW policy for the workload the request is allowed; with some, it
 * needs a matching rule). A CUSTOM rule's external provider cannot be asked offline, so a matching
 * one fails the assertion unless DENY or ALLOW policies deny the request anyway. Policies in the
 * root namespace apply to every workload. A rule field or {@code when} key the described request
 * does not settle fails the assertion rather than guessing, unless the rest of its rule decides.
 *
 * <pre>{@code
 * assertThat(resources).request()
 *     .from("cluster.local/ns/bookinfo/sa/productpage")
 *     .to("bookinfo", Map.of("app", "reviews"))
 *     .get("/reviews/1")
 *     .isAllowed();
 * assertThat(resources).request()
 *     .to("bookinfo", Map.of("app", "reviews")).method("DELETE", "/reviews/1").isDenied();
 * }</pre>
 *
 * <p>A request without {@link #from} comes from a peer without an mTLS identity: rules on
 * principals or namespaces do not match it. Those identities are only reliable when the workload
 * accepts mTLS only, so a failure message says when the workload is not STRICT.
 */
public final class RequestAssert extends AbstractAssert<RequestAssert, List<? extends Resource>> {
  private String root = MtlsAssert.DEFAULT_ROOT_NAMESPACE;
  private String principal = "";
  private String sourceIp;
  private String requestPrincipal = "";
  private final Map<String, List<String>> claims = new LinkedHashMap<>();
  private final Map<String, String> headers = new LinkedHashMap<>();
  private String namespace;
  private Map<String, String> labels;
  private String host;
  private Integer port;
  private String method = "GET";
  private String path = "/";

  RequestAssert(List<? extends Resource> resources) {
    super(resources, RequestAssert.class);
  }

  /**
   * Takes mesh-wide policies from another root namespace.
   *
   * @param rootNamespace the mesh configuration's {@code rootNamespace}
   * @return this assertion
   */
  public RequestAssert withRootNamespace(String rootNamespace) {
    this.root = rootNamespace;
    return this;
  }

  /**
   * The peer's mTLS identity; its {@code /ns/NAME/} part is the source namespace.
   *
   * @param principal e.g. {@code cluster.local/ns/bookinfo/sa/productpage}
   * @return this assertion
   */
  public RequestAssert from(String principal) {
    this.principal = principal;
    return this;
  }

  /**
   * The peer's address, for {@code ipBlocks} and {@code remoteIpBlocks}.
   *
   * @param ip an IPv4 or IPv6 literal
   * @return this assertion
   */
  public RequestAssert fromIp(String ip) {
    this.sourceIp = ip;
    return this;
  }

  /**
   * A validated JWT's {@code issuer/subject}, matched by a rule's request principals.
   *
   * @param requestPrincipal e.g. {@code https://issuer.example.com/user-1}
   * @return this assertion
   */
  public RequestAssert withJwt(String requestPrincipal) {
    this.requestPrincipal = requestPrincipal;
    return this;
  }

  /**
   * A claim of the request's JWT, for {@code request.auth.claims[NAME]} conditions.
   *
   * @param name the claim
   * @param values its values (a list claim has several)
   * @return this assertion
   */
  public RequestAssert withClaim(String name, String... values) {
    claims.put(name, List.of(values));
    return this;
  }

  /**
   * A request header, for {@code request.headers[NAME]} conditions.
   *
   * @param name the header (any case)
   * @param value its value
   * @return this assertion
   */
  public RequestAssert withHeader(String name, String value) {
    headers.put(name.toLowerCase(Locale.ROOT), value);
    return this;
  }

  /**
   * The Host header, matched by an operation's hosts.
   *
   * @param host e.g. {@code reviews.bookinfo.svc.cluster.local}
   * @return this assertion
   */
  public RequestAssert withHost(String host) {
    this.host = host;
    return this;
  }

  /**
   * The destination workload.
   *
   * @param namespace its namespace
   * @param podLabels its pods' labels
   * @return this assertion
   */
  public RequestAssert to(String namespace, Map<String, String> podLabels) {
    this.namespace = namespace;
    this.labels = new TreeMap<>(podLabels);
    return this;
  }

  /**
   * The destination port, matched by an operation's ports and used for port-level mTLS.
   *
   * @param port the workload's port
   * @return this assertion
   */
  public RequestAssert onPort(int port) {
    this.port = port;
    return this;
  }

  /**
   * A GET of a path.
   *
   * @param path the path, with any query
   * @return this assertion
   */
  public RequestAssert get(String path) {
    return method("GET", path);
  }

  /**
   * A POST to a path.
   *
   * @param path the path, with any query
   * @return this assertion
   */
  public RequestAssert post(String path) {
    return method("POST", path);
  }

  /**
   * A request with any method.
   *
   * @param method e.g. {@code DELETE}
   * @param path the path, with any query
   * @return this assertion
   */
  public RequestAssert method(String method, String path) {
    this.method = method;
    this.path = path;
    return this;
  }

  /**
   * Verifies the workload lets the request through.
   *
   * @return this assertion
   */
  public RequestAssert isAllowed() {
    return expect(Authorization.Verdict.ALLOWED, "allowed");
  }

  /**
   * Verifies the workload rejects the request (403).
   *
   * @return this assertion
   */
  public RequestAssert isDenied() {
    return expect(Authorization.Verdict.DENIED, "denied");
  }

  private RequestAssert expect(Authorization.Verdict want, String word) {
    isNotNull();
    if (namespace == null) {
      throw new IllegalStateException("name the destination workload with to(namespace, labels)");
    }
    Request request =
        new Request(
            principal,
            sourceIp,
            requestPrincipal,
            Map.copyOf(claims),
            Map.copyOf(headers),
            namespace,
            labels,
            host,
            port,
            method,
            path);
    Authorization.Decision d = Authorization.evaluate(actual, root, request);
    if (d.verdict() == Authorization.Verdict.UNDECIDABLE) {
      failWithMessage(
          "cannot tell whether %s is %s: %s", request.describe(), word, explain(d, request));
    } else if (d.verdict() != want) {
      failWithMessage(
          "expected %s to be %s, but it is %s", request.describe(), word, explain(d, request));
    }
    return this;
  }

  private String explain(Authorization.Decision d, Request request) {
    List<String> notes = new ArrayList<>(d.notes());
    if (!request.principal().isEmpty()) {
      MtlsResolver.Decision mtls = MtlsResolver.resolve(actual, root, namespace, labels, port);
      MutualTLSMode mode = mtls.mode().orElse(null);
      if (mode != MutualTLSMode.STRICT) {
        notes.add(
            "the workload's mTLS is "
                + (mode == null ? "undecided" : mode)
                + " ("
                + mtls.reason()
                + "), so a plaintext peer would carry no principal: identities are reliable"
                + " only under STRICT");
      }
    }
    return new Authorization.Decision(d.verdict(), d.reason(), notes).explain();
  }
}
