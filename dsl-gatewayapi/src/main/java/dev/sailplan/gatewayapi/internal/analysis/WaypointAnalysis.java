package dev.sailplan.gatewayapi.internal.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sailplan.core.Manifests;
import dev.sailplan.core.k8s.Namespace;
import dev.sailplan.core.k8s.Service;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.validation.Analyzer;
import dev.sailplan.core.validation.FieldPath;
import dev.sailplan.core.validation.KubeObject;
import dev.sailplan.core.validation.Level;
import dev.sailplan.core.validation.Mesh;
import dev.sailplan.core.validation.Reports;
import dev.sailplan.gatewayapi.v1.Gateway;
import dev.sailplan.gatewayapi.v1.ParentReference;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Ambient waypoints: L7 configuration in an ambient namespace that no waypoint serves, which
 * ztunnel (L4 only) silently does not apply (SP4001); enrollment in a waypoint the input does not
 * define (SP4002); and waypoints nothing enrolls (SP5012).
 */
final class WaypointAnalysis implements Analyzer {
  static final String WAYPOINT_CLASS = "istio-waypoint";
  private static final String DATAPLANE_MODE = "istio.io/dataplane-mode";
  private static final String USE_WAYPOINT = "istio.io/use-waypoint";
  private static final String USE_WAYPOINT_NAMESPACE = "istio.io/use-waypoint-namespace";

  /** The operation fields of an AuthorizationPolicy rule that only a waypoint can see. */
  private static final List<String> HTTP_OPERATION =
      List.of("methods", "notMethods", "paths", "notPaths", "hosts", "notHosts");

  private static final List<String> HTTP_SOURCE =
      List.of("requestPrincipals", "notRequestPrincipals");

  @Override
  public void analyze(Mesh mesh, Reports reports) {
    Topology topology = new Topology(mesh);
    Set<String> ambient = new HashSet<>();
    Set<String> served = new HashSet<>();
    for (Namespace n : topology.namespaces()) {
      String name = Topology.name(n);
      if ("ambient".equals(n.metadata().labels().get(DATAPLANE_MODE))) {
        ambient.add(name);
      }
      if (enrolls(n.metadata().labels())) {
        served.add(name);
      }
    }
    List<Gateway> waypoints =
        mesh.all(Gateway.class).stream()
            .filter(g -> g.spec().gatewayClassName().equals(WAYPOINT_CLASS))
            .toList();
    for (Gateway w : waypoints) {
      served.add(Topology.namespace(w));
    }
    Set<String> defined = new HashSet<>();
    for (Gateway w : waypoints) {
      defined.add(Topology.id(w));
    }
    Set<String> used = new HashSet<>();
    for (Resource r : mesh.resources()) {
      String own = r.kind().equals("Namespace") ? Topology.name(r) : Topology.namespace(r);
      String named = use(r.metadata().labels(), own, used);
      // Judged only when the input defines waypoints: labels alone say nothing about the cluster.
      if (named != null && !waypoints.isEmpty() && !defined.contains(named)) {
        reports
            .on(r)
            .add(
                "SP4002",
                "",
                Level.WARNING,
                FieldPath.root().field("metadata").field("labels").key(USE_WAYPOINT),
                "",
                r.kind()
                    + " "
                    + (r.kind().equals("Namespace") ? own : Topology.id(r))
                    + " is enrolled in waypoint "
                    + named
                    + ", which the input does not define (waypoints: "
                    + String.join(", ", new java.util.TreeSet<>(defined))
                    + "); its L7 configuration is not applied");
      }
      if (!ambient.isEmpty()) {
        l7(topology, r, ambient, served, reports);
      }
    }
    for (KubeObject o : mesh.objects()) {
      String own = o.namespace().isEmpty() ? Topology.DEFAULT_NAMESPACE : o.namespace();
      use(o.labels(), own, used);
      use(o.podLabels(), own, used);
    }
    for (Gateway w : waypoints) {
      if (!used.contains(Topology.id(w))) {
        reports
            .on(w)
            .add(
                "SP5012",
                "",
                Level.INFO,
                FieldPath.root().field("metadata").field("name"),
                "",
                "waypoint Gateway "
                    + Topology.id(w)
                    + " serves nothing: no Namespace, Service or workload has the label "
                    + USE_WAYPOINT
                    + ": "
                    + Topology.name(w));
      }
    }
  }

  private static boolean enrolls(Map<String, String> labels) {
    String w = labels.get(USE_WAYPOINT);
    return w != null && !w.isEmpty() && !w.equals("none");
  }

  /** Records the waypoint a label names, {@code namespace/name}, and returns it (or null). */
  private static String use(Map<String, String> labels, String own, Set<String> used) {
    if (!enrolls(labels)) {
      return null;
    }
    String named =
        labels.getOrDefault(USE_WAYPOINT_NAMESPACE, own) + "/" + labels.get(USE_WAYPOINT);
    used.add(named);
    return named;
  }

  /** Reports L7 configuration of {@code r} in an ambient namespace no waypoint serves. */
  private static void l7(
      Topology topology, Resource r, Set<String> ambient, Set<String> served, Reports reports) {
    String namespace = Topology.namespace(r);
    if (r.group().equals("security.istio.io") && r.kind().equals("AuthorizationPolicy")) {
      if (ambient.contains(namespace) && !served.contains(namespace)) {
        JsonNode spec = Manifests.toTree(r).path("spec");
        if (spec.has("targetRef") || spec.has("targetRefs")) {
          return; // bound to a waypoint or gateway by reference, not to ztunnel
        }
        httpField(spec)
            .ifPresent(
                at ->
                    reports
                        .on(r)
                        .add(
                            "SP4001",
                            "",
                            Level.ERROR,
                            at,
                            "",
                            "AuthorizationPolicy "
                                + Topology.id(r)
                                + " uses an HTTP field in ambient namespace "
                                + namespace
                                + ", which has no waypoint: ztunnel enforces only L4 rules, so"
                                + " this one does not apply as written"));
      }
    } else if (r.group().equals("networking.istio.io") && r.kind().equals("VirtualService")) {
      if (ambient.contains(namespace) && !served.contains(namespace)) {
        JsonNode spec = Manifests.toTree(r).path("spec");
        boolean mesh = !spec.has("gateways") || spec.path("gateways").size() == 0;
        for (JsonNode g : spec.path("gateways")) {
          mesh |= g.asText().equals("mesh");
        }
        if (mesh && spec.path("http").size() > 0) {
          reports
              .on(r)
              .add(
                  "SP4001",
                  "",
                  Level.ERROR,
                  FieldPath.root().field("spec").field("http"),
                  "",
                  "VirtualService "
                      + Topology.id(r)
                      + " routes HTTP inside ambient namespace "
                      + namespace
                      + ", which has no waypoint: ztunnel does not parse HTTP, so these routes"
                      + " have no effect");
        }
      }
    } else if (r.group().equals(Topology.GROUP)
        && (r.kind().equals("HTTPRoute") || r.kind().equals("GRPCRoute"))) {
      List<ParentReference> parents =
          r instanceof dev.sailplan.gatewayapi.v1.HTTPRoute h
              ? h.spec().parentRefs()
              : ((dev.sailplan.gatewayapi.v1.GRPCRoute) r).spec().parentRefs();
      for (int i = 0; i < parents.size(); i++) {
        ParentReference p = parents.get(i);
        if (!p.group().orElse(Topology.GROUP).isEmpty()
            || !p.kind().orElse("Gateway").equals("Service")) {
          continue;
        }
        String ns = p.namespace().orElse(namespace);
        if (!ambient.contains(ns) || served.contains(ns)) {
          continue;
        }
        Optional<Service> service = topology.service(ns, p.name());
        if (service.map(s -> enrolls(s.metadata().labels())).orElse(false)) {
          continue;
        }
        reports
            .on(r)
            .add(
                "SP4001",
                "",
                Level.ERROR,
                FieldPath.root().field("spec").field("parentRefs").index(i),
                "",
                r.kind()
                    + " "
                    + Topology.id(r)
                    + " is attached to Service "
                    + ns
                    + "/"
                    + p.name()
                    + " in ambient namespace "
                    + ns
                    + ", which has no waypoint: ztunnel does not parse HTTP, so the route has"
                    + " no effect");
      }
    }
  }

  /** The first HTTP-only field of an AuthorizationPolicy's rules, if any. */
  private static Optional<FieldPath> httpField(JsonNode spec) {
    JsonNode rules = spec.path("rules");
    FieldPath base = FieldPath.root().field("spec").field("rules");
    for (int i = 0; i < rules.size(); i++) {
      JsonNode rule = rules.get(i);
      FieldPath at = base.index(i);
      for (int j = 0; j < rule.path("from").size(); j++) {
        JsonNode source = rule.path("from").get(j).path("source");
        for (String f : HTTP_SOURCE) {
          if (source.has(f)) {
            return Optional.of(at.field("from").index(j).field("source").field(f));
          }
        }
      }
      for (int j = 0; j < rule.path("to").size(); j++) {
        JsonNode operation = rule.path("to").get(j).path("operation");
        for (String f : HTTP_OPERATION) {
          if (operation.has(f)) {
            return Optional.of(at.field("to").index(j).field("operation").field(f));
          }
        }
      }
      for (int j = 0; j < rule.path("when").size(); j++) {
        String key = rule.path("when").get(j).path("key").asText();
        if (key.startsWith("request.")) {
          return Optional.of(at.field("when").index(j).field("key"));
        }
      }
    }
    return Optional.empty();
  }
}
