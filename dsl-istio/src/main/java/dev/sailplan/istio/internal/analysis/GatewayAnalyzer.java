package dev.sailplan.istio.internal.analysis;

import dev.sailplan.core.k8s.Protocol;
import dev.sailplan.core.k8s.Service;
import dev.sailplan.core.k8s.ServicePort;
import dev.sailplan.core.k8s.ServiceSpec;
import dev.sailplan.core.validation.Analyzer;
import dev.sailplan.core.validation.FieldPath;
import dev.sailplan.core.validation.KubeObject;
import dev.sailplan.core.validation.Level;
import dev.sailplan.core.validation.Mesh;
import dev.sailplan.core.validation.Report;
import dev.sailplan.core.validation.Reports;
import dev.sailplan.istio.networking.v1.Gateway;
import dev.sailplan.istio.networking.v1.GatewaySpec;
import dev.sailplan.istio.networking.v1.Server;
import dev.sailplan.istio.networking.v1.ServerTLSMode;
import dev.sailplan.istio.networking.v1.ServerTLSSettings;
import dev.sailplan.istio.networking.v1.VirtualService;
import dev.sailplan.istio.networking.v1.VirtualServiceSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The Istio Gateway rules: SP2010 (certificates from files), SP3002 (a Gateway in an app
 * namespace), SP3004 (host {@code *}), SP3005 (two Gateways claiming one selector, port and host,
 * IST0145), SP3009 (a selector that matches no pod, IST0101) and SP3010 (a port the gateway's
 * Service does not expose, IST0162).
 */
final class GatewayAnalyzer implements Analyzer {
  @Override
  public void analyze(Mesh mesh, Reports reports) {
    SecurityMeshIndex index = new SecurityMeshIndex(mesh);
    Map<String, List<Service>> services = new HashMap<>();
    for (Service s : mesh.all(Service.class)) {
      services.computeIfAbsent(SecurityMeshIndex.namespace(s), k -> new ArrayList<>()).add(s);
    }
    List<Gateway> gateways = mesh.all(Gateway.class);
    Map<String, List<Claim>> claims = new HashMap<>();
    for (Gateway gw : gateways) {
      GatewaySpec spec = gw.spec().orElse(null);
      if (spec == null) {
        continue;
      }
      Report report = reports.on(gw);
      String ns = SecurityMeshIndex.namespace(gw);
      if (!index.isGatewayNamespace(ns)) {
        report.add(
            "SP3002",
            "",
            Level.WARNING,
            FieldPath.root().field("metadata").field("namespace"),
            "",
            "Gateway in the app namespace "
                + ns
                + ": put Gateways in a gateway namespace (istio-ingress, istio-egress,"
                + " istio-eastwest, istio-gateways) with their certificates, away from app teams");
      }
      List<Server> servers = spec.servers();
      String selector = selector(spec.selector());
      for (int i = 0; i < servers.size(); i++) {
        Server s = servers.get(i);
        FieldPath at = FieldPath.root().field("spec").field("servers").index(i);
        s.tls().ifPresent(tls -> files(report, tls, at.field("tls")));
        List<String> hosts = s.hosts();
        for (int j = 0; j < hosts.size(); j++) {
          if (bare(hosts.get(j)).equals("*")) {
            report.add(
                "SP3004",
                "",
                Level.WARNING,
                at.field("hosts").index(j),
                "",
                "host "
                    + hosts.get(j)
                    + " on port "
                    + s.port().number()
                    + " accepts every Host header and exposes every VirtualService bound to this"
                    + " Gateway; name the hosts it serves");
          }
        }
        claims
            .computeIfAbsent(selector + "~" + s.port().number(), k -> new ArrayList<>())
            .add(new Claim(gw, report, i, s));
      }
      workloads(report, spec, selector, index, services);
    }
    for (List<Claim> group : claims.values()) {
      conflicts(group);
    }
    credentials(gateways, reports, index);
    internalGateways(mesh, reports);
  }

  /**
   * SP3015 (IST0101): a {@code credentialName} whose Secret is not in the namespace of the gateway
   * pods (else the Gateway's), judged only when the input holds Secrets; SP3016 (IST0138): one
   * certificate on several Gateways of one selector.
   */
  private static void credentials(
      List<Gateway> gateways, Reports reports, SecurityMeshIndex index) {
    Mesh mesh = index.mesh();
    boolean secrets = mesh.objects().stream().anyMatch(o -> o.kind().equals("Secret"));
    Map<String, Set<String>> users = new LinkedHashMap<>();
    Map<String, List<Gateway>> usedBy = new LinkedHashMap<>();
    for (Gateway gw : gateways) {
      GatewaySpec spec = gw.spec().orElse(null);
      if (spec == null) {
        continue;
      }
      Set<String> podNamespaces = new java.util.TreeSet<>();
      if (index.hasOwnWorkloads() && !spec.selector().isEmpty()) {
        for (KubeObject pod : index.selectAnywhere(spec.selector())) {
          podNamespaces.add(pod.namespace());
        }
      }
      if (podNamespaces.isEmpty()) {
        podNamespaces.add(SecurityMeshIndex.namespace(gw));
      }
      List<Server> servers = spec.servers();
      for (int i = 0; i < servers.size(); i++) {
        ServerTLSSettings tls = servers.get(i).tls().orElse(null);
        if (tls == null) {
          continue;
        }
        String cert =
            tls.credentialName().orElse(tls.serverCertificate().map(f -> "file " + f).orElse(""));
        if (cert.isEmpty()) {
          continue;
        }
        String key = selector(spec.selector()) + "~" + cert;
        if (users.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(gw.qualifiedName())) {
          usedBy.computeIfAbsent(key, k -> new ArrayList<>()).add(gw);
        }
        String name = tls.credentialName().orElse("");
        if (!secrets || name.isEmpty() || name.contains("/")) {
          continue;
        }
        for (String ns : podNamespaces) {
          String secret = name;
          if (mesh.findObject("", "Secret", ns, secret).isEmpty()
              && !mesh.isExternal("Secret", ns, secret)) {
            reports
                .on(gw)
                .add(
                    "SP3015",
                    "IST0101",
                    Level.ERROR,
                    FieldPath.root()
                        .field("spec")
                        .field("servers")
                        .index(i)
                        .field("tls")
                        .field("credentialName"),
                    "",
                    "credentialName "
                        + name
                        + " names no Secret in "
                        + ns
                        + ", the namespace of the gateway pods: the gateway has no certificate"
                        + " and TLS handshakes on this server fail");
          }
        }
      }
    }
    for (Map.Entry<String, List<Gateway>> e : usedBy.entrySet()) {
      List<Gateway> all = e.getValue();
      if (all.size() < 2) {
        continue;
      }
      String names = String.join(", ", users.get(e.getKey()));
      String cert = e.getKey().substring(e.getKey().indexOf('~') + 1);
      for (Gateway gw : all) {
        reports
            .on(gw)
            .add(
                "SP3016",
                "IST0138",
                Level.WARNING,
                FieldPath.root().field("spec").field("servers"),
                "",
                "the Gateways "
                    + names
                    + " share the certificate "
                    + cert
                    + ": an HTTP/2 client reuses its connection across their hosts and gets 404s"
                    + " from the Gateway that does not serve the host; serve those hosts from one"
                    + " Gateway");
      }
    }
  }

  /**
   * SP3017 (IST0165): a VirtualService bound to the Gateway Istio generates for a Gateway API
   * Gateway, an internal object that changes with the implementation.
   */
  private static void internalGateways(Mesh mesh, Reports reports) {
    for (VirtualService vs : mesh.all(VirtualService.class)) {
      List<String> gws = vs.spec().map(VirtualServiceSpec::gateways).orElse(List.of());
      for (int i = 0; i < gws.size(); i++) {
        if (gws.get(i).endsWith("-istio-autogenerated-k8s-gateway")) {
          reports
              .on(vs)
              .add(
                  "SP3017",
                  "IST0165",
                  Level.WARNING,
                  FieldPath.root().field("spec").field("gateways").index(i),
                  "",
                  gws.get(i)
                      + " is the internal Gateway Istio generates for a Gateway API Gateway; bind"
                      + " routes to the Gateway API Gateway with an HTTPRoute instead");
        }
      }
    }
  }

  /** SP2010: a certificate read from the proxy's files is neither rotated nor kept per gateway. */
  private static void files(Report report, ServerTLSSettings tls, FieldPath at) {
    ServerTLSMode mode = tls.mode().orElse(ServerTLSMode.SIMPLE);
    if (mode != ServerTLSMode.SIMPLE
        && mode != ServerTLSMode.MUTUAL
        && mode != ServerTLSMode.OPTIONAL_MUTUAL) {
      return;
    }
    String field =
        tls.serverCertificate().isPresent()
            ? "serverCertificate"
            : tls.privateKey().isPresent() ? "privateKey" : "";
    if (field.isEmpty() || tls.credentialName().isPresent() || !tls.credentialNames().isEmpty()) {
      return;
    }
    report.add(
        "SP2010",
        "",
        Level.WARNING,
        at.field(field),
        "",
        "TLS from files ("
            + field
            + " "
            + (field.equals("serverCertificate")
                ? tls.serverCertificate().orElse("")
                : tls.privateKey().orElse(""))
            + ") must be mounted into the gateway pods and is not reloaded when renewed; use"
            + " credentialName with a Secret in the gateway's namespace");
  }

  /** SP3009 (IST0101) and SP3010 (IST0162): the pods and Service the selector reaches. */
  private static void workloads(
      Report report,
      GatewaySpec spec,
      String selector,
      SecurityMeshIndex index,
      Map<String, List<Service>> services) {
    if (!index.hasOwnWorkloads() || spec.selector().isEmpty()) {
      return;
    }
    List<KubeObject> pods = index.selectAnywhere(spec.selector());
    FieldPath at = FieldPath.root().field("spec").field("selector");
    if (pods.isEmpty()) {
      report.add(
          "SP3009",
          "IST0101",
          Level.ERROR,
          at,
          "",
          "selector "
              + selector
              + " matches no gateway pod in the input: no proxy serves this Gateway");
      return;
    }
    Set<Long> exposed = new HashSet<>();
    for (KubeObject pod : pods) {
      for (Service s : servicesOf(pod, services)) {
        for (ServicePort p : s.spec().map(ServiceSpec::ports).orElse(List.of())) {
          if (p.protocol().map(v -> v == Protocol.TCP).orElse(true)) {
            exposed.add((long) p.port());
          }
        }
      }
    }
    List<Server> servers = spec.servers();
    for (int i = 0; i < servers.size(); i++) {
      long port = servers.get(i).port().number();
      if (!exposed.contains(port)) {
        report.add(
            "SP3010",
            "IST0162",
            Level.WARNING,
            FieldPath.root().field("spec").field("servers").index(i).field("port").field("number"),
            "",
            "port "
                + port
                + " is not a port of any Service of the gateway pods ("
                + selector
                + "): clients cannot reach it through the gateway's Service");
      }
    }
  }

  private static List<Service> servicesOf(KubeObject pod, Map<String, List<Service>> services) {
    List<Service> out = new ArrayList<>();
    for (Service s : services.getOrDefault(pod.namespace(), List.of())) {
      Map<String, String> sel = s.spec().map(ServiceSpec::selector).orElse(Map.of());
      if (!sel.isEmpty() && SecurityMeshIndex.selects(sel, pod.podLabels())) {
        out.add(s);
      }
    }
    return out;
  }

  /**
   * SP3005 (IST0145): servers of different Gateways on one selector and port with a host in common.
   * Exact hosts are found through a map and wildcards through their suffixes, so a group costs its
   * hosts times their labels rather than every pair of servers.
   */
  private static void conflicts(List<Claim> group) {
    if (group.size() < 2) {
      return;
    }
    Map<String, List<Claim>> exact = new HashMap<>();
    Map<String, List<Claim>> wildcards = new HashMap<>();
    for (Claim c : group) {
      for (String h : c.server.hosts()) {
        String host = bare(h);
        if (host.startsWith("*")) {
          wildcards.computeIfAbsent(host.substring(1), k -> new ArrayList<>()).add(c);
        } else {
          exact.computeIfAbsent(host, k -> new ArrayList<>()).add(c);
        }
      }
    }
    Map<Claim, Set<String>> found = new LinkedHashMap<>();
    for (Map.Entry<String, List<Claim>> e : exact.entrySet()) {
      List<Claim> same = new ArrayList<>(e.getValue());
      String host = e.getKey();
      for (String suffix : suffixes(host)) {
        same.addAll(wildcards.getOrDefault(suffix, List.of()));
      }
      pairUp(same, found);
    }
    List<Map.Entry<String, List<Claim>>> wild = new ArrayList<>(wildcards.entrySet());
    for (int a = 0; a < wild.size(); a++) {
      for (int b = a; b < wild.size(); b++) {
        String x = wild.get(a).getKey();
        String y = wild.get(b).getKey();
        if (x.endsWith(y) || y.endsWith(x)) {
          List<Claim> same = new ArrayList<>(wild.get(a).getValue());
          if (b != a) {
            same.addAll(wild.get(b).getValue());
          }
          pairUp(same, found);
        }
      }
    }
    for (Map.Entry<Claim, Set<String>> e : found.entrySet()) {
      Claim c = e.getKey();
      String others = String.join(",", e.getValue());
      c.report.add(
          "SP3005",
          "IST0145",
          Level.ERROR,
          FieldPath.root().field("spec").field("servers").index(c.index),
          "",
          "conflicts with Gateway "
              + others
              + " (selector "
              + selector(c.gateway.spec().map(GatewaySpec::selector).orElse(Map.of()))
              + ", port "
              + c.server.port().number()
              + ", hosts "
              + String.join(",", c.server.hosts())
              + "): only one of them serves the host; merge them or give each its own hosts");
    }
  }

  private static void pairUp(List<Claim> same, Map<Claim, Set<String>> found) {
    Set<String> names = new LinkedHashSet<>();
    for (Claim c : same) {
      names.add(c.gateway.qualifiedName());
    }
    if (names.size() < 2) {
      return;
    }
    for (Claim c : same) {
      Set<String> others = found.computeIfAbsent(c, k -> new java.util.TreeSet<>());
      for (String n : names) {
        if (!n.equals(c.gateway.qualifiedName())) {
          others.add(n);
        }
      }
    }
  }

  /**
   * {@code a.b.example.com}: {@code .b.example.com}, {@code .example.com}, {@code .com}, {@code
   * ""}.
   */
  private static List<String> suffixes(String host) {
    List<String> out = new ArrayList<>();
    for (int i = host.indexOf('.'); i >= 0; i = host.indexOf('.', i + 1)) {
      out.add(host.substring(i));
    }
    out.add("");
    return out;
  }

  /** A server host without its {@code namespace/} part. */
  static String bare(String host) {
    int slash = host.indexOf('/');
    return slash < 0 ? host : host.substring(slash + 1);
  }

  /** {@code istio=ingressgateway}, pairs sorted and comma-separated, as Kubernetes prints them. */
  static String selector(Map<String, String> labels) {
    return new TreeMap<>(labels)
        .entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(","));
  }

  /** One server of one Gateway, claiming its port for its hosts. */
  private static final class Claim {
    final Gateway gateway;
    final Report report;
    final int index;
    final Server server;

    Claim(Gateway gateway, Report report, int index, Server server) {
      this.gateway = gateway;
      this.report = report;
      this.index = index;
      this.server = server;
    }
  }
}
