package dev.sailplan.istio.internal.analysis;

import dev.sailplan.core.validation.Analyzer;
import dev.sailplan.core.validation.FieldPath;
import dev.sailplan.core.validation.KubeObject;
import dev.sailplan.core.validation.Level;
import dev.sailplan.core.validation.Mesh;
import dev.sailplan.core.validation.Reports;
import dev.sailplan.istio.networking.v1.Gateway;
import dev.sailplan.istio.networking.v1.GatewaySpec;
import dev.sailplan.istio.networking.v1.HTTPMatchRequest;
import dev.sailplan.istio.networking.v1.HTTPRoute;
import dev.sailplan.istio.networking.v1.ServiceEntry;
import dev.sailplan.istio.networking.v1.ServiceEntrySpec;
import dev.sailplan.istio.networking.v1.ServicePort;
import dev.sailplan.istio.networking.v1.VirtualService;
import dev.sailplan.istio.networking.v1.VirtualServiceSpec;
import dev.sailplan.istio.security.v1.RequestAuthentication;
import dev.sailplan.istio.security.v1.RequestAuthenticationSpec;
import dev.sailplan.istio.type.v1beta1.WorkloadSelector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The istioctl analyses of hosts across resources: several VirtualServices for one host in the mesh
 * (SP1022), ServiceEntries of TCP ports without addresses (SP1023) and claim-based routing on a
 * gateway without RequestAuthentication (SP1024).
 */
final class MeshHosts implements Analyzer {
  private static final String CLAIM = "@request.auth.claims";

  @Override
  public void analyze(Mesh mesh, Reports reports) {
    conflictingMeshHosts(mesh, reports);
    entryAddresses(mesh, reports);
    claimRouting(mesh, reports);
  }

  /** SP1022: sidecars use one VirtualService per host; which one is undefined. */
  private static void conflictingMeshHosts(Mesh mesh, Reports reports) {
    Map<String, List<VirtualService>> byHost = new LinkedHashMap<>();
    for (VirtualService vs : mesh.all(VirtualService.class)) {
      Optional<VirtualServiceSpec> spec = vs.spec();
      if (spec.isEmpty()) {
        continue;
      }
      List<String> gateways = spec.get().gateways();
      if (!gateways.isEmpty() && !gateways.contains("mesh")) {
        continue;
      }
      for (String h : new java.util.LinkedHashSet<>(spec.get().hosts())) {
        byHost.computeIfAbsent(Hosts.fqdn(h, vs), k -> new ArrayList<>()).add(vs);
      }
    }
    byHost.forEach(
        (host, all) -> {
          // One object given in several states (a rollout's steps) is one VirtualService.
          List<String> names = all.stream().map(VirtualService::qualifiedName).distinct().toList();
          if (names.size() < 2 || !visibleTogether(all)) {
            return;
          }
          for (VirtualService vs : all) {
            List<String> others =
                names.stream().filter(n -> !n.equals(vs.qualifiedName())).toList();
            List<String> hosts = vs.spec().get().hosts();
            int at = 0;
            for (int i = 0; i < hosts.size(); i++) {
              if (Hosts.fqdn(hosts.get(i), vs).equals(host)) {
                at = i;
                break;
              }
            }
            reports
                .on(vs)
                .add(
                    "SP1022",
                    "IST0109",
                    Level.ERROR,
                    FieldPath.root().field("spec").field("hosts").index(at),
                    "",
                    "VirtualService "
                        + String.join(", ", others)
                        + " also defines host "
                        + host
                        + " for the mesh: sidecars use only one of them, which one is undefined;"
                        + " merge them into one VirtualService");
          }
        });
  }

  /** Whether at least two of the VirtualServices are visible in a common namespace. */
  private static boolean visibleTogether(List<VirtualService> all) {
    int everywhere = 0;
    java.util.Set<String> own = new java.util.HashSet<>();
    for (VirtualService vs : all) {
      List<String> exportTo = vs.spec().get().exportTo();
      if (exportTo.isEmpty() || exportTo.contains("*")) {
        everywhere++;
      } else if (exportTo.size() == 1 && exportTo.get(0).equals(".")) {
        if (!own.add(Hosts.namespace(vs))) {
          return true;
        }
      } else {
        everywhere++; // named namespaces: judged as overlapping, as istioctl does
      }
    }
    return everywhere >= 2 || (everywhere == 1 && !own.isEmpty());
  }

  /** SP1023: without addresses, a TCP port of a ServiceEntry is matched by port only. */
  private static void entryAddresses(Mesh mesh, Reports reports) {
    for (ServiceEntry se : mesh.all(ServiceEntry.class)) {
      ServiceEntrySpec spec = se.spec();
      if (!spec.addresses().isEmpty()) {
        continue;
      }
      List<ServicePort> ports = spec.ports();
      for (int i = 0; i < ports.size(); i++) {
        String protocol = ports.get(i).protocol().orElse("");
        if (protocol.isEmpty() || protocol.equalsIgnoreCase("TCP")) {
          reports
              .on(se)
              .add(
                  "SP1023",
                  "IST0134",
                  Level.WARNING,
                  FieldPath.root().field("spec").field("ports").index(i),
                  "",
                  "port "
                      + ports.get(i).number()
                      + " is "
                      + (protocol.isEmpty() ? "TCP (no protocol)" : "TCP")
                      + " and the ServiceEntry has no addresses: a TCP listener cannot tell hosts"
                      + " apart, so it takes all traffic to port "
                      + ports.get(i).number()
                      + "; set spec.addresses or a protocol");
        }
      }
    }
  }

  /** SP1024: claims are only set when a RequestAuthentication applies to the gateway's pods. */
  private static void claimRouting(Mesh mesh, Reports reports) {
    List<RequestAuthentication> authns = mesh.all(RequestAuthentication.class);
    for (VirtualService vs : mesh.all(VirtualService.class)) {
      Optional<VirtualServiceSpec> spec = vs.spec();
      if (spec.isEmpty() || spec.get().gateways().isEmpty()) {
        continue;
      }
      List<HTTPRoute> http = spec.get().http();
      for (int i = 0; i < http.size(); i++) {
        for (int m = 0; m < http.get(i).match().size(); m++) {
          HTTPMatchRequest match = http.get(i).match().get(m);
          boolean claims =
              match.headers().keySet().stream().anyMatch(k -> k.startsWith(CLAIM))
                  || match.withoutHeaders().keySet().stream().anyMatch(k -> k.startsWith(CLAIM));
          if (!claims) {
            continue;
          }
          for (String ref : spec.get().gateways()) {
            Optional<Gateway> gw = gateway(mesh, vs, ref);
            if (gw.isEmpty()) {
              continue;
            }
            Map<String, String> selector =
                gw.get().spec().map(GatewaySpec::selector).orElse(Map.of());
            List<KubeObject> pods = gatewayPods(mesh, selector);
            if (pods.isEmpty() || authenticated(mesh, authns, pods)) {
              continue;
            }
            reports
                .on(vs)
                .add(
                    "SP1024",
                    "IST0149",
                    Level.ERROR,
                    FieldPath.root().field("spec").field("http").index(i).field("match").index(m),
                    "",
                    "routes on JWT claims through Gateway "
                        + gw.get().qualifiedName()
                        + ", but no RequestAuthentication applies to its pods: the claims are never"
                        + " set, so the match never holds; add a RequestAuthentication for the"
                        + " gateway");
          }
        }
      }
    }
  }

  private static Optional<Gateway> gateway(Mesh mesh, VirtualService vs, String ref) {
    if (ref.equals("mesh")) {
      return Optional.empty();
    }
    int slash = ref.indexOf('/');
    String ns = slash < 0 ? Hosts.namespace(vs) : ref.substring(0, slash);
    String name = slash < 0 ? ref : ref.substring(slash + 1);
    return mesh.find("networking.istio.io", "Gateway", ns, name)
        .filter(Gateway.class::isInstance)
        .map(Gateway.class::cast);
  }

  /** The workloads a gateway selector picks, in any namespace (a Gateway selects cluster-wide). */
  private static List<KubeObject> gatewayPods(Mesh mesh, Map<String, String> selector) {
    List<KubeObject> out = new ArrayList<>();
    if (selector.isEmpty()) {
      return out;
    }
    for (KubeObject o : mesh.objects()) {
      if (o.isWorkload() && o.podLabels().entrySet().containsAll(selector.entrySet())) {
        out.add(o);
      }
    }
    return out;
  }

  private static boolean authenticated(
      Mesh mesh, List<RequestAuthentication> authns, List<KubeObject> pods) {
    for (RequestAuthentication ra : authns) {
      String ns = Hosts.namespace(ra);
      Map<String, String> labels =
          ra.spec()
              .flatMap(RequestAuthenticationSpec::selector)
              .map(WorkloadSelector::matchLabels)
              .orElse(Map.of());
      boolean hasTarget =
          ra.spec().map(s -> s.targetRef().isPresent() || !s.targetRefs().isEmpty()).orElse(false);
      for (KubeObject pod : pods) {
        boolean inScope = ns.equals(mesh.rootNamespace()) || ns.equals(pod.namespace());
        if (inScope && (hasTarget || pod.podLabels().entrySet().containsAll(labels.entrySet()))) {
          return true;
        }
      }
    }
    return false;
  }
}
