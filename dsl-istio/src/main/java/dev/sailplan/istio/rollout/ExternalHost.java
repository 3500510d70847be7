package dev.sailplan.istio.rollout;

import dev.sailplan.core.value.ResourceNames;
import dev.sailplan.istio.plan.MeshNames;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A host outside the mesh that an {@link EgressLockdown} lets a namespace reach: its name, port and
 * protocol, and for plain HTTP optionally TLS origination by the sidecar. Values are checked when
 * made.
 *
 * <pre>{@code
 * ExternalHost stripe = ExternalHost.https("api.stripe.com");            // 443, TLS passed through
 * ExternalHost db = ExternalHost.tcp("db.example.com", 5432);
 * ExternalHost legacy = ExternalHost.http("legacy.example.com")           // the app speaks HTTP on 80,
 *     .originateTls("/etc/ssl/certs/ca-certificates.crt", "legacy.example.com"); // the sidecar TLS to 443
 * }</pre>
 */
public final class ExternalHost {
  /** How the app talks to the host. */
  public enum Kind {
    /** TLS from the app (HTTPS), passed through by the sidecar. */
    HTTPS,
    /** Plain HTTP. */
    HTTP,
    /** Opaque TCP. */
    TCP
  }

  /** TLS origination settings: what the sidecar verifies the upstream certificate with. */
  private record Origination(String caCertificates, List<String> subjectAltNames) {}

  private final String host;
  private final Kind kind;
  private final int port;
  private final Optional<Origination> origination;

  private ExternalHost(String host, Kind kind, int port, Optional<Origination> origination) {
    this.host = host;
    this.kind = kind;
    this.port = port;
    this.origination = origination;
  }

  /**
   * An HTTPS host on port 443 (ServiceEntry port {@code https}, protocol {@code TLS}, DNS
   * resolution).
   *
   * @throws IllegalArgumentException when the host is not a fully qualified, non-wildcard name
   */
  public static ExternalHost https(String host) {
    return new ExternalHost(check(host), Kind.HTTPS, 443, Optional.empty());
  }

  /**
   * A plain HTTP host on port 80 (ServiceEntry port {@code http}, protocol {@code HTTP}).
   *
   * @throws IllegalArgumentException when the host is not a fully qualified, non-wildcard name
   */
  public static ExternalHost http(String host) {
    return new ExternalHost(check(host), Kind.HTTP, 80, Optional.empty());
  }

  /**
   * A TCP host on a port (ServiceEntry port {@code tcp-<port>}, protocol {@code TCP}).
   *
   * @throws IllegalArgumentException when the host is not a fully qualified, non-wildcard name, or
   *     the port is outside 1..65535
   */
  public static ExternalHost tcp(String host, int port) {
    check(host);
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException(
          "port " + port + " of external host " + host + " is not within 1..65535");
    }
    return new ExternalHost(host, Kind.TCP, port, Optional.empty());
  }

  /**
   * This HTTP host with TLS origination: the app keeps sending plain HTTP to port 80, and the
   * sidecar opens TLS to the host's port 443 (DestinationRule {@code tls.mode: SIMPLE}), verifying
   * the certificate against {@code caCertificates} AND the subject alt names, with the host as SNI.
   * A CA bundle alone would accept any certificate that CA ever issued.
   *
   * @param caCertificates the CA bundle file in the proxy, e.g. {@code
   *     /etc/ssl/certs/ca-certificates.crt}
   * @param subjectAltName a name the upstream certificate must carry, usually the host
   * @param moreSubjectAltNames further accepted names
   * @throws IllegalArgumentException when this is not an http host, the CA path is blank, or a
   *     subject alt name is blank
   */
  public ExternalHost originateTls(
      String caCertificates, String subjectAltName, String... moreSubjectAltNames) {
    if (kind != Kind.HTTP) {
      throw new IllegalArgumentException(
          "TLS origination is for http hosts; "
              + host
              + " is "
              + kind.name().toLowerCase(java.util.Locale.ROOT)
              + " (the app's own bytes pass through)");
    }
    if (caCertificates == null || caCertificates.isBlank()) {
      throw new IllegalArgumentException("TLS origination to " + host + " needs caCertificates");
    }
    List<String> sans = new java.util.ArrayList<>();
    sans.add(subjectAltName);
    sans.addAll(List.of(moreSubjectAltNames));
    for (String san : sans) {
      if (san == null || san.isBlank()) {
        throw new IllegalArgumentException(
            "TLS origination to " + host + " needs non-blank subjectAltNames");
      }
    }
    return new ExternalHost(
        host, kind, port, Optional.of(new Origination(caCertificates, List.copyOf(sans))));
  }

  /** The host name, e.g. {@code api.stripe.com}. */
  public String host() {
    return host;
  }

  /** How the app talks to it. */
  public Kind kind() {
    return kind;
  }

  /** The port the app connects to: 443, 80 or the TCP port. */
  public int port() {
    return port;
  }

  /** The port leaving the node: 443 when the sidecar originates TLS, else {@link #port()}. */
  public int wirePort() {
    return origination.isPresent() ? 443 : port;
  }

  /** The ServiceEntry port name: {@code https}, {@code http} or {@code tcp-<port>}. */
  public String portName() {
    return switch (kind) {
      case HTTPS -> "https";
      case HTTP -> "http";
      case TCP -> "tcp-" + port;
    };
  }

  /** The ServiceEntry port protocol: {@code TLS}, {@code HTTP} or {@code TCP}. */
  public String protocol() {
    return switch (kind) {
      case HTTPS -> "TLS";
      case HTTP -> "HTTP";
      case TCP -> "TCP";
    };
  }

  /** Whether the sidecar originates TLS to this host. */
  public boolean originatesTls() {
    return origination.isPresent();
  }

  /** With TLS origination, the CA bundle the upstream certificate is checked against. */
  public Optional<String> caCertificates() {
    return origination.map(Origination::caCertificates);
  }

  /** With TLS origination, the names the upstream certificate must carry; else empty. */
  public List<String> subjectAltNames() {
    return origination.map(Origination::subjectAltNames).orElse(List.of());
  }

  /** The host as an object name: dots become dashes ({@code api-stripe-com}). */
  String label() {
    return host.replace('.', '-');
  }

  private static String check(String host) {
    ResourceNames.host("external host", host);
    if (host.startsWith("*")) {
      throw new IllegalArgumentException(
          "external host '"
              + host
              + "' is a wildcard; DNS resolution and a Sidecar allow-list need concrete names");
    }
    if (!host.contains(".") || host.endsWith(MeshNames.CLUSTER_SUFFIX)) {
      throw new IllegalArgumentException(
          "external host '"
              + host
              + "' must be a fully qualified name outside the cluster, e.g. api.example.com");
    }
    return host;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ExternalHost h
        && h.host.equals(host)
        && h.kind == kind
        && h.port == port
        && h.origination.equals(origination);
  }

  @Override
  public int hashCode() {
    return Objects.hash(host, kind, port, origination);
  }

  /** {@code https://api.stripe.com:443}, with {@code (TLS origination)} when set. */
  @Override
  public String toString() {
    return kind.name().toLowerCase(java.util.Locale.ROOT)
        + "://"
        + host
        + ":"
        + port
        + (origination.isPresent() ? " (TLS origination)" : "");
  }
}
