package dev.sailplan.istio.validation.internal;

import dev.sailplan.core.validation.FieldPath;
import dev.sailplan.istio.networking.v1.Gateway;
import dev.sailplan.istio.networking.v1.Server;
import dev.sailplan.istio.networking.v1.ServerTLSMode;
import dev.sailplan.istio.networking.v1.ServerTLSSettings;
import dev.sailplan.istio.networking.v1.TLSCertificate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What istiod's {@code ValidateGateway} rejects. */
public final class GatewayRules {
  private GatewayRules() {}

  /** Checks {@code gateway}. */
  public static void check(Gateway gateway, Rejections out) {
    if (gateway.spec().isEmpty()) {
      return;
    }
    List<Server> servers = gateway.spec().get().servers();
    FieldPath path = FieldPath.root().field("spec").field("servers");
    if (servers.isEmpty()) {
      out.add("SP0443", path, "gateway must have at least one server");
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < servers.size(); i++) {
      Server server = servers.get(i);
      FieldPath at = path.index(i);
      if (server.hosts().isEmpty()) {
        out.add("SP0443", at.field("hosts"), "server config must contain at least one host");
      }
      for (int j = 0; j < server.hosts().size(); j++) {
        for (String problem : Names.namespacedHost(server.hosts().get(j), true)) {
          out.add("SP0413", at.field("hosts").index(j), problem);
        }
      }
      String bind = server.bind().orElse("");
      boolean unix = bind.startsWith("unix://");
      if (unix && server.port().number() != 0) {
        out.add(
            "SP0423",
            at.field("port").field("number"),
            "port number must be 0 for unix domain socket");
      } else if (!unix && !bind.isEmpty()) {
        out.addIfAny("SP0428", at.field("bind"), Addresses.bind(bind));
      }
      long number = server.port().number();
      String portProblem = number > 0 || !unix ? Values.port(number) : null;
      out.addIfAny("SP0423", at.field("port").field("number"), portProblem);
      String protocol = server.port().protocol();
      boolean known = Values.isProtocol(protocol);
      if (!known) {
        out.add(
            "SP0439",
            at.field("port").field("protocol"),
            "invalid protocol "
                + Names.quote(protocol)
                + ", supported protocols are HTTP, HTTP2, GRPC, GRPC-WEB, MONGO, REDIS, MYSQL, TCP");
      }
      boolean target = server.port().targetPort().orElse(0) > 0;
      if (target) {
        out.add(
            "SP0444", at.field("port").field("targetPort"), "targetPort has no impact on Gateways");
      }
      boolean named = !server.port().name().isEmpty();
      if (!named) {
        out.add("SP0440", at.field("port").field("name"), "port name must be set");
      }
      server.tls().ifPresent(tls -> tls(tls, at.field("tls"), out));
      // istiod compares the port's protocol and TLS only when the port itself is valid.
      if (portProblem == null && known && !target && named) {
        protocol(server, at, out);
      }
      String name = server.port().name();
      if (!names.add(name)) {
        out.add(
            "SP0410",
            at.field("port").field("name"),
            "port names in servers must be unique: duplicate name " + name);
      }
    }
  }

  private static void protocol(Server server, FieldPath at, Rejections out) {
    String protocol = server.port().protocol();
    ServerTLSSettings tls = server.tls().orElse(null);
    if (Values.isTls(protocol) && tls == null) {
      out.add("SP0412", at, "server must have TLS settings for HTTPS/TLS protocols");
    } else if (!Values.isTls(protocol) && tls != null) {
      if (!Values.isHttp(protocol)) {
        out.add(
            "SP0412", at.field("tls"), "server cannot have TLS settings for non HTTPS/TLS ports");
      } else if (!passthrough(tls)
          || tls.caCertificates().isPresent()
          || tls.privateKey().isPresent()
          || tls.serverCertificate().isPresent()) {
        // Only an HTTP-to-HTTPS redirect (tls: {httpsRedirect: true}) fits a plain text port.
        out.add(
            "SP0412", at.field("tls"), "server cannot have TLS settings for plain text HTTP ports");
      }
    }
  }

  private static boolean passthrough(ServerTLSSettings tls) {
    ServerTLSMode mode = tls.mode().orElse(ServerTLSMode.PASSTHROUGH);
    return mode == ServerTLSMode.PASSTHROUGH || mode == ServerTLSMode.AUTO_PASSTHROUGH;
  }

  /** The checks istiod shares between Gateway servers and Sidecar ingress listeners. */
  static void tls(ServerTLSSettings tls, FieldPath path, Rejections out) {
    ServerTLSMode mode = tls.mode().orElse(ServerTLSMode.PASSTHROUGH);
    boolean credential = tls.credentialName().isPresent() || !tls.credentialNames().isEmpty();
    if (mode == ServerTLSMode.ISTIO_MUTUAL) {
      // The workload's own certificate is used: any other source is a contradiction.
      refuse(tls.serverCertificate().isPresent(), "server certificate", path, out);
      refuse(tls.privateKey().isPresent(), "private key", path, out);
      refuse(tls.caCertificates().isPresent(), "CA bundle", path, out);
      refuse(!tls.tlsCertificates().isEmpty(), "tlsCertificates", path, out);
      refuse(tls.credentialName().isPresent(), "credentialName", path, out);
      refuse(!tls.credentialNames().isEmpty(), "credentialNames", path, out);
      return;
    }
    int sources =
        (tls.serverCertificate().isPresent() && tls.privateKey().isPresent() ? 1 : 0)
            + (tls.credentialName().isPresent() ? 1 : 0)
            + (tls.credentialNames().isEmpty() ? 0 : 1)
            + (tls.tlsCertificates().isEmpty() ? 0 : 1);
    if (sources > 1) {
      out.add(
          "SP0412",
          path,
          "only one of credential_name, credential_names, server_certificate/private_key,"
              + " tls_certificates should be specified");
    }
    boolean terminates =
        mode == ServerTLSMode.SIMPLE
            || mode == ServerTLSMode.MUTUAL
            || mode == ServerTLSMode.OPTIONAL_MUTUAL;
    if (terminates && credential) {
      return; // the certificates come from the secret
    }
    if (terminates) {
      String prefix = mode == ServerTLSMode.SIMPLE ? "SIMPLE TLS" : "MUTUAL TLS";
      if (mode != ServerTLSMode.SIMPLE
          && tls.caCertificates().isEmpty()
          && tls.caCertCredentialName().isEmpty()) {
        out.add("SP0411", path, prefix + " requires a client CA bundle");
      }
      List<TLSCertificate> certs = tls.tlsCertificates();
      boolean missingCert =
          certs.isEmpty()
              ? tls.serverCertificate().isEmpty()
              : certs.stream().anyMatch(c -> c.serverCertificate().isEmpty());
      boolean missingKey =
          certs.isEmpty()
              ? tls.privateKey().isEmpty()
              : certs.stream().anyMatch(c -> c.privateKey().isEmpty());
      if (missingCert) {
        out.add("SP0411", path, prefix + " requires a server certificate");
      }
      if (missingKey) {
        out.add("SP0411", path, prefix + " requires a private key");
      }
    }
    if (tls.caCrl().isPresent() && mode == ServerTLSMode.SIMPLE) {
      out.add("SP0412", path, "CRL is not supported with SIMPLE TLS");
    }
  }

  private static void refuse(boolean set, String what, FieldPath path, Rejections out) {
    if (set) {
      out.add("SP0412", path, "ISTIO_MUTUAL TLS cannot have associated " + what);
    }
  }
}
