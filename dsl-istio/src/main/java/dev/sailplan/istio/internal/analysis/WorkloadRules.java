package dev.sailplan.istio.internal.analysis;

import dev.sailplan.core.k8s.Service;
import dev.sailplan.core.k8s.ServicePort;
import dev.sailplan.core.k8s.ServiceSpec;
import dev.sailplan.core.validation.Analyzer;
import dev.sailplan.core.validation.FieldPath;
import dev.sailplan.core.validation.KubeObject;
import dev.sailplan.core.validation.Level;
import dev.sailplan.core.validation.Mesh;
import dev.sailplan.core.validation.Reports;
import dev.sailplan.core.value.IntOrString;
import dev.sailplan.istio.networking.v1.DestinationRule;
import dev.sailplan.istio.networking.v1.DestinationRuleSpec;
import dev.sailplan.istio.networking.v1.Sidecar;
import dev.sailplan.istio.networking.v1.SidecarSpec;
import dev.sailplan.istio.networking.v1.Subset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules that match selectors against the pods of the input's workloads, judged only when the
 * input holds workloads: subsets selecting no pod (SP1017), Sidecar selectors selecting no pod or
 * the same pods (SP1018, SP1019), workloads no Service selects (SP1020) and Service target ports
 * that the selected containers do not declare (SP1021), one port number under two protocols
 * (SP1025) and one target port reached through two port numbers (SP1026).
 */
final class WorkloadRules implements Analyzer {
  /** Namespaces outside the mesh. */
  private static final Set<String> SYSTEM =
      Set.of("kube-system", "kube-public", "kube-node-lease", "local-path-storage");

  @Override
  public void analyze(Mesh mesh, Reports reports) {
    if (!Hosts.hasWorkloads(mesh)) {
      return;
    }
    PodIndex pods = new PodIndex(mesh);
    DestinationIndex services = new DestinationIndex(mesh);
    subsets(mesh, reports, pods, services);
    sidecars(mesh, reports, pods);
    serviceSelection(mesh, reports, pods);
  }

  /** SP1017: a subset's pods are the Service's pods that also carry the subset's labels. */
  private static void subsets(
      Mesh mesh, Reports reports, PodIndex pods, DestinationIndex services) {
    for (DestinationRule dr : mesh.all(DestinationRule.class)) {
      Optional<DestinationRuleSpec> spec = dr.spec();
      if (spec.isEmpty()) {
        continue;
      }
      String host = Hosts.fqdn(spec.get().host(), dr);
      Optional<Service> service = services.service(host);
      if (service.isEmpty() || mesh.isAssumed(service.get())) {
        continue;
      }
      Map<String, String> selector =
          service.get().spec().map(ServiceSpec::selector).orElse(Map.of());
      if (selector.isEmpty()) {
        continue; // endpoints managed by hand: no pods to compare
      }
      String ns = Hosts.namespace(service.get());
      List<Subset> subsets = spec.get().subsets();
      for (int i = 0; i < subsets.size(); i++) {
        Map<String, String> labels = new java.util.TreeMap<>(selector);
        labels.putAll(subsets.get(i).labels());
        if (pods.select(ns, labels).isEmpty()) {
          reports
              .on(dr)
              .add(
                  "SP1017",
                  "IST0173",
                  Level.WARNING,
                  FieldPath.root().field("spec").field("subsets").index(i),
                  "",
                  "subset "
                      + subsets.get(i).name()
                      + " selects no pod: no workload in "
                      + ns
                      + " has pods labelled "
                      + labels
                      + " (Service "
                      + service.get().qualifiedName()
                      + "'s selector and the subset's labels); traffic routed to it fails with"
                      + " 503 (no healthy upstream)");
        }
      }
    }
  }

  /** SP1018 and SP1019 for the Sidecars with a workloadSelector. */
  private static void sidecars(Mesh mesh, Reports reports, PodIndex pods) {
    IdentityHashMap<KubeObject, List<Sidecar>> selecting = new IdentityHashMap<>();
    List<KubeObject> order = new ArrayList<>();
    for (Sidecar s : mesh.all(Sidecar.class)) {
      Map<String, String> labels =
          s.spec().flatMap(SidecarSpec::workloadSelector).map(w -> w.labels()).orElse(Map.of());
      if (labels.isEmpty()) {
        continue;
      }
      String ns = Hosts.namespace(s);
      List<KubeObject> selected = pods.select(ns, labels);
      if (selected.isEmpty()) {
        reports
            .on(s)
            .add(
                "SP1018",
                "IST0101",
                Level.WARNING,
                FieldPath.root().field("spec").field("workloadSelector").field("labels"),
                "",
                "workloadSelector "
                    + new java.util.TreeMap<>(labels)
                    + " selects no pod in "
                    + ns
                    + ": the Sidecar applies to no workload");
      }
      for (KubeObject w : selected) {
        if (!selecting.containsKey(w)) {
          order.add(w);
        }
        selecting.computeIfAbsent(w, k -> new ArrayList<>()).add(s);
      }
    }
    // One finding per Sidecar, naming the first workload it shares.
    Set<Sidecar> reported = Collections.newSetFromMap(new IdentityHashMap<>());
    for (KubeObject w : order) {
      List<Sidecar> all = selecting.get(w);
      if (all.stream().map(Hosts::name).distinct().count() < 2) {
        continue;
      }
      for (Sidecar s : all) {
        if (!reported.add(s)) {
          continue;
        }
        List<String> others =
            all.stream()
                .map(Hosts::name)
                .filter(n -> !n.equals(Hosts.name(s)))
                .distinct()
                .sorted()
                .toList();
        reports
            .on(s)
            .add(
                "SP1019",
                "IST0110",
                Level.ERROR,
                FieldPath.root().field("spec").field("workloadSelector"),
                "",
                "the pods of "
                    + w.kind()
                    + " "
                    + w.namespace()
                    + "/"
                    + w.name()
                    + " are also selected by Sidecar "
                    + String.join(", ", others)
                    + ": which one applies is undefined; make the selectors disjoint");
      }
    }
  }

  /** SP1020 and SP1021: the Services that select each workload, and their target ports. */
  private static void serviceSelection(Mesh mesh, Reports reports, PodIndex pods) {
    IdentityHashMap<KubeObject, List<Service>> selected = new IdentityHashMap<>();
    for (Service s : mesh.all(Service.class)) {
      Map<String, String> selector = s.spec().map(ServiceSpec::selector).orElse(Map.of());
      if (selector.isEmpty()) {
        continue;
      }
      List<KubeObject> workloads = pods.select(Hosts.namespace(s), selector);
      for (KubeObject w : workloads) {
        selected.computeIfAbsent(w, k -> new ArrayList<>()).add(s);
      }
      targetPorts(reports, s, workloads);
    }
    for (KubeObject w : mesh.objects()) {
      if (w.isWorkload() && w.kind().equals("Deployment") && selected.containsKey(w)) {
        protocolsPerPort(reports, w, selected.get(w));
        portsPerTargetPort(reports, w, selected.get(w));
      }
      if (!w.isWorkload()
          || selected.containsKey(w)
          || SYSTEM.contains(w.namespace())
          || !w.kind().equals("Deployment")
          || "false".equals(w.podAnnotations().get("sidecar.istio.io/inject"))
          || "false".equals(w.podLabels().get("sidecar.istio.io/inject"))) {
        continue;
      }
      reports
          .on(w)
          .add(
              "SP1020",
              "IST0117",
              Level.WARNING,
              FieldPath.root().field("spec").field("template").field("metadata").field("labels"),
              "",
              "no Service selects the pods of this Deployment: the mesh has no host for it, so"
                  + " routes, DestinationRules and authorization by service do not reach it");
    }
  }

  /**
   * SP1025: one port number of a workload's Services under two L4 protocols; the mesh keys its
   * inbound listeners by port, so the pods cannot serve both.
   */
  private static void protocolsPerPort(Reports reports, KubeObject w, List<Service> services) {
    Map<Integer, Map<String, Set<String>>> byPort = new java.util.TreeMap<>();
    for (Service s : services) {
      for (ServicePort p : s.spec().map(ServiceSpec::ports).orElse(List.of())) {
        String protocol = p.protocol().map(dev.sailplan.core.k8s.Protocol::value).orElse("TCP");
        byPort
            .computeIfAbsent(p.port(), k -> new java.util.TreeMap<>())
            .computeIfAbsent(protocol, k -> new java.util.TreeSet<>())
            .add(s.qualifiedName());
      }
    }
    byPort.forEach(
        (port, protocols) -> {
          if (protocols.size() < 2) {
            return;
          }
          List<String> parts = new ArrayList<>();
          protocols.forEach(
              (protocol, names) -> parts.add(protocol + ": " + String.join(", ", names)));
          reports
              .on(w)
              .add(
                  "SP1025",
                  "IST0116",
                  Level.WARNING,
                  FieldPath.root().field("metadata").field("name"),
                  "",
                  "the Services of this Deployment use port "
                      + port
                      + " with different protocols ("
                      + String.join("; ", parts)
                      + "): its pods cannot be associated with one port under two protocols;"
                      + " use another port number for one of them");
        });
  }

  /**
   * SP1026: one target port of a workload reached through two Service port numbers; Istio requires
   * the Services that select the same pods to send a target port from one port only.
   */
  private static void portsPerTargetPort(Reports reports, KubeObject w, List<Service> services) {
    Map<String, Map<Integer, Set<String>>> byTarget = new java.util.TreeMap<>();
    for (Service s : services) {
      for (ServicePort p : s.spec().map(ServiceSpec::ports).orElse(List.of())) {
        // An unset (or zero) targetPort is the port itself, as Kubernetes defaults it.
        String target =
            p.targetPort()
                .filter(t -> !(t.isInt() && t.intValue() == 0))
                .map(Object::toString)
                .orElse(String.valueOf(p.port()));
        byTarget
            .computeIfAbsent(target, k -> new java.util.TreeMap<>())
            .computeIfAbsent(p.port(), k -> new java.util.TreeSet<>())
            .add(s.qualifiedName());
      }
    }
    byTarget.forEach(
        (target, ports) -> {
          if (ports.size() < 2) {
            return;
          }
          List<String> parts = new ArrayList<>();
          ports.forEach((port, names) -> parts.add(port + " (" + String.join(", ", names) + ")"));
          reports
              .on(w)
              .add(
                  "SP1026",
                  "IST0137",
                  Level.WARNING,
                  FieldPath.root().field("metadata").field("name"),
                  "",
                  "the Services of this Deployment send ports "
                      + String.join(" and ", parts)
                      + " to targetPort "
                      + target
                      + ": Services selecting the same pods must reach a target port through one"
                      + " port number, or the sidecar's inbound configuration for one of them is"
                      + " lost; use the same port, or another targetPort");
        });
  }

  /** SP1021: a target port that no container of the selected workloads declares. */
  private static void targetPorts(Reports reports, Service s, List<KubeObject> workloads) {
    // Containers need not declare ports; judge only workloads that declare some.
    List<KubeObject> declaring = workloads.stream().filter(w -> !w.ports().isEmpty()).toList();
    if (declaring.isEmpty() || declaring.size() != workloads.size()) {
      return;
    }
    List<ServicePort> ports = s.spec().map(ServiceSpec::ports).orElse(List.of());
    for (int i = 0; i < ports.size(); i++) {
      ServicePort p = ports.get(i);
      Optional<IntOrString> target = p.targetPort();
      boolean named = target.isPresent() && !target.get().isInt();
      boolean found = false;
      for (KubeObject w : declaring) {
        for (KubeObject.ContainerPort c : w.ports()) {
          if (named
              ? c.name().equals(target.get().stringValue())
              : c.port() == target.map(t -> (int) t.intValue()).orElse(p.port())) {
            found = true;
          }
        }
      }
      if (!found) {
        String t = target.map(Object::toString).orElse(String.valueOf(p.port()));
        reports
            .on(s)
            .add(
                "SP1021",
                "",
                named ? Level.ERROR : Level.WARNING,
                FieldPath.root().field("spec").field("ports").index(i).field("targetPort"),
                "",
                "targetPort "
                    + t
                    + " is declared by no container of the selected workloads ("
                    + String.join(
                        ", ", declaring.stream().map(w -> w.kind() + " " + w.name()).toList())
                    + ")"
                    + (named
                        ? ": a named port that no container has gives the Service no endpoint"
                        : ": check the port the application listens on"));
      }
    }
  }
}
