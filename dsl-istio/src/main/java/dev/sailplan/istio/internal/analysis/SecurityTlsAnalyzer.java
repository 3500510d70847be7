package dev.sailplan.istio.internal.analysis;

import dev.sailplan.core.k8s.Service;
import dev.sailplan.core.k8s.ServicePort;
import dev.sailplan.core.k8s.ServiceSpec;
import dev.sailplan.core.validation.Analyzer;
import dev.sailplan.core.validation.FieldPath;
import dev.sailplan.core.validation.Level;
import dev.sailplan.core.validation.Mesh;
import dev.sailplan.core.validation.Report;
import dev.sailplan.core.validation.Reports;
import dev.sailplan.core.value.IntOrString;
import dev.sailplan.istio.networking.v1.ClientTLSMode;
import dev.sailplan.istio.networking.v1.ClientTLSSettings;
import dev.sailplan.istio.networking.v1.DestinationRule;
import dev.sailplan.istio.networking.v1.DestinationRuleSpec;
import dev.sailplan.istio.networking.v1.PortSelector;
import dev.sailplan.istio.networking.v1.PortTrafficPolicy;
import dev.sailplan.istio.networking.v1.Subset;
import dev.sailplan.istio.networking.v1.TrafficPolicy;
import dev.sailplan.istio.plan.MeshNames;
import dev.sailplan.istio.security.v1.MutualTLS;
import dev.sailplan.istio.security.v1.MutualTLSMode;
import dev.sailplan.istio.security.v1.PeerAuthenticationSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The DestinationRule TLS rules: SP2006 (TLS origination that does not verify the server), SP2007
 * ({@code ISTIO_MUTUAL} where auto-mTLS already does it) and SP2008 (plaintext or plain TLS toward
 * a STRICT namespace).
 */
final class SecurityTlsAnalyzer implements Analyzer {
  @Override
  public void analyze(Mesh mesh, Reports reports) {
    SecurityMtlsModes modes = new SecurityMtlsModes(mesh);
    for (DestinationRule dr : mesh.all(DestinationRule.class)) {
      DestinationRuleSpec spec = dr.spec().orElse(null);
      if (spec == null) {
        continue;
      }
      String ns = SecurityMeshIndex.namespace(dr);
      String host = MeshNames.fqdn(spec.host(), ns);
      Destination dest = new Destination(spec.host(), host, mesh, modes);
      Report report = reports.on(dr);
      FieldPath root = FieldPath.root().field("spec");
      policy(report, dest, spec.trafficPolicy(), root.field("trafficPolicy"), "");
      List<Subset> subsets = spec.subsets();
      for (int i = 0; i < subsets.size(); i++) {
        policy(
            report,
            dest,
            subsets.get(i).trafficPolicy(),
            root.field("subsets").index(i).field("trafficPolicy"),
            " (subset " + subsets.get(i).name() + ")");
      }
    }
  }

  private static void policy(
      Report report, Destination dest, Optional<TrafficPolicy> tp, FieldPath at, String subset) {
    if (tp.isEmpty()) {
      return;
    }
    tp.get()
        .tls()
        .ifPresent(tls -> tls(report, dest, tls, at.field("tls"), OptionalLong.empty(), subset));
    List<PortTrafficPolicy> ports = tp.get().portLevelSettings();
    for (int i = 0; i < ports.size(); i++) {
      PortTrafficPolicy p = ports.get(i);
      OptionalLong port = p.port().map(PortSelector::number).orElse(OptionalLong.empty());
      FieldPath pat = at.field("portLevelSettings").index(i).field("tls");
      p.tls().ifPresent(tls -> tls(report, dest, tls, pat, port, subset));
    }
  }

  private static void tls(
      Report report,
      Destination dest,
      ClientTLSSettings tls,
      FieldPath at,
      OptionalLong port,
      String subset) {
    ClientTLSMode mode = tls.mode().orElse(ClientTLSMode.DISABLE);
    String where = dest.written + (port.isPresent() ? " port " + port.getAsLong() : "") + subset;
    if (mode == ClientTLSMode.SIMPLE || mode == ClientTLSMode.MUTUAL) {
      origination(report, tls, at, port, mode, where);
    }
    if (mode == ClientTLSMode.ISTIO_MUTUAL && dest.inMesh) {
      report.add(
          "SP2007",
          "",
          Level.INFO,
          at.field("mode"),
          "",
          "ISTIO_MUTUAL toward the in-mesh host "
              + where
              + " is what auto-mTLS already does; leave tls out for traffic inside the mesh");
    }
    if ((mode == ClientTLSMode.DISABLE || mode == ClientTLSMode.SIMPLE)
        && tls.mode().isPresent()
        && dest.namespace.isPresent()) {
      SecurityMtlsModes.Resolved r = dest.serverMode(port);
      if (r.mode() == MutualTLSMode.STRICT) {
        report.add(
            "SP2008",
            "",
            Level.ERROR,
            at.field("mode"),
            "",
            mode
                + " toward "
                + where
                + ", whose namespace "
                + dest.namespace.get()
                + " is "
                + r.describe()
                + ": the server accepts only Istio mTLS and every request fails with 503; remove"
                + " tls to use auto-mTLS");
      }
    }
  }

  /** SP2006 (IST0128, IST0129): what a client needs to know it talks to the intended server. */
  private static void origination(
      Report report,
      ClientTLSSettings tls,
      FieldPath at,
      OptionalLong port,
      ClientTLSMode mode,
      String where) {
    boolean ca =
        tls.caCertificates().filter(s -> !s.isEmpty()).isPresent()
            || tls.credentialName().filter(s -> !s.isEmpty()).isPresent();
    List<String> missing = new ArrayList<>();
    if (!ca) {
      missing.add("caCertificates (or credentialName)");
    }
    if (tls.subjectAltNames().isEmpty()) {
      missing.add("subjectAltNames");
    }
    if (tls.sni().filter(s -> !s.isEmpty()).isEmpty()) {
      missing.add("sni");
    }
    if (missing.isEmpty()) {
      return;
    }
    String istio = ca ? "" : port.isPresent() ? "IST0129" : "IST0128";
    report.add(
        "SP2006",
        istio,
        Level.WARNING,
        ca ? at : at.field("mode"),
        "",
        "TLS origination ("
            + mode
            + ") to "
            + where
            + " without "
            + String.join(", ", missing)
            + ": "
            + (ca
                ? "a certificate any server got from the same CA is accepted"
                : "the server's certificate is not verified against a CA of yours")
            + "; set caCertificates, subjectAltNames and sni");
  }

  /** The host a DestinationRule is for and, in the mesh, the namespace and pods behind it. */
  private static final class Destination {
    final String written;
    final boolean inMesh;
    final Optional<String> namespace;
    private final Map<String, String> podLabels;
    private final List<ServicePort> servicePorts;
    private final SecurityMtlsModes modes;

    Destination(String written, String fqdn, Mesh mesh, SecurityMtlsModes modes) {
      this.written = written;
      this.inMesh = fqdn.endsWith(MeshNames.CLUSTER_SUFFIX);
      this.namespace = MeshNames.namespaceOf(fqdn);
      this.modes = modes;
      Optional<Service> service =
          namespace.flatMap(
              ns ->
                  mesh.find("", "Service", ns, fqdn.substring(0, fqdn.indexOf('.')))
                      .map(Service.class::cast));
      this.podLabels = service.flatMap(Service::spec).map(ServiceSpec::selector).orElse(Map.of());
      this.servicePorts = service.flatMap(Service::spec).map(ServiceSpec::ports).orElse(List.of());
    }

    /** The mode the server side enforces, with its port-level exception for {@code port}. */
    SecurityMtlsModes.Resolved serverMode(OptionalLong port) {
      SecurityMtlsModes.Resolved r =
          podLabels.isEmpty()
              ? modes.resolveNamespace(namespace.orElseThrow())
              : modes.resolve(namespace.orElseThrow(), podLabels);
      if (port.isEmpty() || r.from().isEmpty()) {
        return r;
      }
      // portLevelMtls is keyed by the pods' port: the Service port's targetPort when it maps one.
      long target = port.getAsLong();
      for (ServicePort sp : servicePorts) {
        if (sp.port() == port.getAsLong()) {
          target =
              sp.targetPort().filter(IntOrString::isInt).map(IntOrString::intValue).orElse(target);
        }
      }
      MutualTLS portLevel =
          r.from()
              .get()
              .spec()
              .map(PeerAuthenticationSpec::portLevelMtls)
              .orElse(Map.of())
              .get(String.valueOf(target));
      if (portLevel != null
          && portLevel.mode().isPresent()
          && portLevel.mode().get() != MutualTLSMode.STRICT
          && portLevel.mode().get() != MutualTLSMode.UNSET) {
        return new SecurityMtlsModes.Resolved(portLevel.mode().get(), r.from());
      }
      return r;
    }
  }
}
