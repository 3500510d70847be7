package dev.sailplan.gatewayapi.internal.analysis;

import dev.sailplan.core.k8s.Service;
import dev.sailplan.core.k8s.ServicePort;
import dev.sailplan.core.validation.Analyzer;
import dev.sailplan.core.validation.FieldPath;
import dev.sailplan.core.validation.Level;
import dev.sailplan.core.validation.Mesh;
import dev.sailplan.core.validation.Reports;
import dev.sailplan.gatewayapi.v1.BackendTLSPolicy;
import dev.sailplan.gatewayapi.v1.Gateway;
import dev.sailplan.gatewayapi.v1.Listener;
import dev.sailplan.gatewayapi.v1.ListenerTLSConfig;
import dev.sailplan.gatewayapi.v1.LocalPolicyTargetReferenceWithSectionName;
import dev.sailplan.gatewayapi.v1.SecretObjectReference;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What routes and policies refer to: a backendRef's Service and port exist (SP5006); a reference
 * into another namespace — a route's backendRef, a listener's certificateRef — has a ReferenceGrant
 * there that allows it (SP5007); a BackendTLSPolicy's targetRefs exist (SP5010). parentRefs across
 * namespaces are not here: the Gateway's allowedRoutes governs them, not ReferenceGrants.
 */
final class BackendAnalysis implements Analyzer {
  @Override
  public void analyze(Mesh mesh, Reports reports) {
    Topology topology = new Topology(mesh);
    for (Route route : Route.all(mesh)) {
      for (Route.Backend b : route.backends()) {
        backend(topology, route, b, reports);
      }
    }
    for (Gateway g : mesh.all(Gateway.class)) {
      certificates(topology, g, reports);
    }
    for (BackendTLSPolicy p : mesh.all(BackendTLSPolicy.class)) {
      policy(topology, p, reports);
    }
  }

  private static void backend(Topology topology, Route route, Route.Backend b, Reports reports) {
    String group = b.group().orElse("");
    String kind = b.kind().orElse("Service");
    if (!group.isEmpty() || !kind.equals("Service")) {
      return; // an implementation's backend kind (e.g. Istio's Hostname): its rules are its own
    }
    String namespace = b.namespace().orElse(route.namespace());
    String service = namespace + "/" + b.name();
    if (!namespace.equals(route.namespace())
        && !topology.granted(
            Topology.GROUP, route.kind(), route.namespace(), namespace, "", "Service", b.name())) {
      reports
          .on(route.resource())
          .add(
              "SP5007",
              "",
              Level.ERROR,
              b.path().field("namespace"),
              "",
              "backendRef to Service "
                  + service
                  + " in another namespace, and no ReferenceGrant in "
                  + namespace
                  + " allows "
                  + route.kind()
                  + " from "
                  + route.namespace()
                  + " to refer to it; requests for this backend fail");
    }
    Optional<Service> found = topology.service(namespace, b.name());
    if (found.isEmpty()) {
      if (topology.judgesMissingService(namespace, b.name())) {
        reports
            .on(route.resource())
            .add(
                "SP5006",
                "",
                Level.ERROR,
                b.path().field("name"),
                "",
                "backendRef names Service "
                    + service
                    + ", which the input does not define; requests for this backend fail");
      }
      return;
    }
    if (b.port().isPresent()) {
      int port = b.port().getAsInt();
      List<ServicePort> ports = Topology.ports(found.get());
      if (ports.stream().noneMatch(p -> p.port() == port)) {
        reports
            .on(route.resource())
            .add(
                "SP5006",
                "",
                Level.ERROR,
                b.path().field("port"),
                "",
                "Service "
                    + service
                    + " has no port "
                    + port
                    + " (ports: "
                    + ports.stream()
                        .map(p -> String.valueOf(p.port()))
                        .collect(Collectors.joining(", "))
                    + "); requests for this backend fail");
      }
    }
  }

  /** A listener's certificate Secret in another namespace needs a grant from the Gateway. */
  private static void certificates(Topology topology, Gateway g, Reports reports) {
    String namespace = Topology.namespace(g);
    List<Listener> listeners = g.spec().listeners();
    for (int i = 0; i < listeners.size(); i++) {
      List<SecretObjectReference> refs =
          listeners.get(i).tls().map(ListenerTLSConfig::certificateRefs).orElse(List.of());
      for (int j = 0; j < refs.size(); j++) {
        SecretObjectReference r = refs.get(j);
        String to = r.namespace().orElse(namespace);
        if (r.group().orElse("").isEmpty()
            && r.kind().orElse("Secret").equals("Secret")
            && !to.equals(namespace)
            && !topology.granted(
                Topology.GROUP, "Gateway", namespace, to, "", "Secret", r.name())) {
          reports
              .on(g)
              .add(
                  "SP5007",
                  "",
                  Level.ERROR,
                  FieldPath.root()
                      .field("spec")
                      .field("listeners")
                      .index(i)
                      .field("tls")
                      .field("certificateRefs")
                      .index(j)
                      .field("namespace"),
                  "",
                  "certificateRef to Secret "
                      + to
                      + "/"
                      + r.name()
                      + " in another namespace, and no ReferenceGrant in "
                      + to
                      + " allows Gateway from "
                      + namespace
                      + " to refer to it; listener "
                      + listeners.get(i).name()
                      + " is not programmed");
        }
      }
    }
  }

  private static void policy(Topology topology, BackendTLSPolicy p, Reports reports) {
    String namespace = Topology.namespace(p);
    List<LocalPolicyTargetReferenceWithSectionName> targets = p.spec().targetRefs();
    for (int i = 0; i < targets.size(); i++) {
      LocalPolicyTargetReferenceWithSectionName t = targets.get(i);
      if (!t.group().isEmpty() || !t.kind().equals("Service")) {
        continue;
      }
      FieldPath at = FieldPath.root().field("spec").field("targetRefs").index(i);
      Optional<Service> found = topology.service(namespace, t.name());
      if (found.isEmpty()) {
        if (topology.judgesMissingService(namespace, t.name())) {
          reports
              .on(p)
              .add(
                  "SP5010",
                  "",
                  Level.WARNING,
                  at.field("name"),
                  "",
                  "targetRef names Service "
                      + namespace
                      + "/"
                      + t.name()
                      + ", which the input does not define; the policy applies to nothing");
        }
        continue;
      }
      if (t.sectionName().isPresent()) {
        String port = t.sectionName().get();
        List<ServicePort> ports = Topology.ports(found.get());
        if (ports.stream().noneMatch(x -> x.name().orElse("").equals(port))) {
          reports
              .on(p)
              .add(
                  "SP5010",
                  "",
                  Level.WARNING,
                  at.field("sectionName"),
                  "",
                  "sectionName "
                      + port
                      + " names no port of Service "
                      + namespace
                      + "/"
                      + t.name()
                      + " (ports: "
                      + ports.stream()
                          .map(x -> x.name().orElse(String.valueOf(x.port())))
                          .collect(Collectors.joining(", "))
                      + "); the policy applies to nothing");
        }
      }
    }
  }
}
