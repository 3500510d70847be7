package dev.sailplan.gatewayapi.internal.analysis;

import dev.sailplan.core.k8s.Service;
import dev.sailplan.core.k8s.ServicePort;
import dev.sailplan.core.validation.Analyzer;
import dev.sailplan.core.validation.FieldPath;
import dev.sailplan.core.validation.Level;
import dev.sailplan.core.validation.Mesh;
import dev.sailplan.core.validation.Reports;
import dev.sailplan.gatewayapi.v1.AllowedRoutes;
import dev.sailplan.gatewayapi.v1.FromNamespaces;
import dev.sailplan.gatewayapi.v1.Gateway;
import dev.sailplan.gatewayapi.v1.Listener;
import dev.sailplan.gatewayapi.v1.ListenerSet;
import dev.sailplan.gatewayapi.v1.ParentReference;
import dev.sailplan.gatewayapi.v1.RouteGroupKind;
import dev.sailplan.gatewayapi.v1.RouteNamespaces;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether each route attaches where its {@code parentRefs} say, by the Gateway API's rules: the
 * parent exists (SP5001), the sectionName and port select a listener (SP5002), and at least one
 * selected listener admits the route by namespace (SP5003), kind (SP5004) and hostname (SP5005). A
 * route that one of several selected listeners admits is attached, as the spec says, so nothing is
 * reported about the others. The listeners each route attaches to feed the conflict rule (SP5009).
 */
final class AttachmentAnalysis implements Analyzer {
  private static final FieldPath PARENTS = FieldPath.root().field("spec").field("parentRefs");
  private static final FieldPath HOSTNAMES = FieldPath.root().field("spec").field("hostnames");

  @Override
  public void analyze(Mesh mesh, Reports reports) {
    Topology topology = new Topology(mesh);
    Map<String, ListenerSet> listenerSets = new LinkedHashMap<>();
    for (ListenerSet s : mesh.all(ListenerSet.class)) {
      listenerSets.putIfAbsent(Topology.id(s), s);
    }
    RouteConflicts conflicts = new RouteConflicts();
    for (Route route : Route.all(mesh)) {
      List<ParentReference> parents = route.parents();
      Served served = new Served();
      for (int i = 0; i < parents.size(); i++) {
        parent(
            topology,
            listenerSets,
            route,
            parents.get(i),
            PARENTS.index(i),
            reports,
            conflicts,
            served);
      }
      ignoredHostnames(route, served, reports);
    }
    conflicts.report(reports);
  }

  /** The route's hostnames that the listeners it attaches to serve, and whether all are known. */
  private static final class Served {
    boolean attached;
    boolean unknown;
    final Set<String> hostnames = new HashSet<>();
  }

  /**
   * A route attached to its listeners whose hostname matches none of theirs: the spec says such
   * hostnames are ignored, so requests for them do not reach this route.
   */
  private static void ignoredHostnames(Route route, Served served, Reports reports) {
    if (!served.attached || served.unknown) {
      return;
    }
    List<String> hostnames = route.hostnames();
    for (int k = 0; k < hostnames.size(); k++) {
      if (!served.hostnames.contains(hostnames.get(k))) {
        reports
            .on(route.resource())
            .add(
                "SP5005",
                "",
                Level.WARNING,
                HOSTNAMES.index(k),
                "",
                "hostname "
                    + hostnames.get(k)
                    + " matches no hostname of the listeners "
                    + route.label()
                    + " attaches to; the Gateway ignores it");
      }
    }
  }

  private static void parent(
      Topology topology,
      Map<String, ListenerSet> listenerSets,
      Route route,
      ParentReference ref,
      FieldPath at,
      Reports reports,
      RouteConflicts conflicts,
      Served served) {
    String group = ref.group().orElse(Topology.GROUP);
    String kind = ref.kind().orElse("Gateway");
    String namespace = ref.namespace().orElse(route.namespace());
    String name = ref.name();
    if (!group.equals(Topology.GROUP) || !kind.equals("Gateway")) {
      served.unknown = true; // hostnames are matched by that parent's own rules
    }
    if (group.isEmpty() && kind.equals("Service")) {
      serviceParent(topology, route, ref, namespace, at, reports);
      return;
    }
    if (!group.equals(Topology.GROUP)) {
      return; // an implementation's own parent kind: its rules are its own
    }
    if (kind.equals("ListenerSet")) {
      if (!listenerSets.isEmpty()
          && !listenerSets.containsKey(namespace + "/" + name)
          && !topology.mesh.isExternal(kind, namespace, name)) {
        missing(route, at, reports, "ListenerSet " + namespace + "/" + name, "");
      }
      return;
    }
    if (!kind.equals("Gateway")) {
      return;
    }
    Optional<Gateway> found = topology.gateway(namespace, name);
    if (found.isEmpty()) {
      served.unknown = true;
      if (topology.judgesMissingGateway(namespace, name)) {
        boolean istio =
            topology.mesh.find("networking.istio.io", "Gateway", namespace, name).isPresent();
        missing(
            route,
            at,
            reports,
            "Gateway " + namespace + "/" + name,
            istio
                ? " (an Istio networking.istio.io Gateway has that name; routes attach only to"
                    + " gateway.networking.k8s.io Gateways)"
                : "");
      }
      return;
    }
    Gateway gateway = found.get();
    String gatewayId = "Gateway " + namespace + "/" + name;
    List<Listener> candidates = new ArrayList<>();
    for (Listener l : gateway.spec().listeners()) {
      if (ref.sectionName().map(s -> s.equals(l.name())).orElse(true)
          && (ref.port().isEmpty() || ref.port().getAsInt() == l.port())) {
        candidates.add(l);
      }
    }
    if (candidates.isEmpty()) {
      noListener(route, ref, at, gateway, gatewayId, reports);
      return;
    }
    boolean maybe = false;
    boolean attached = false;
    Map<String, List<String>> refusals = new LinkedHashMap<>();
    for (Listener l : candidates) {
      Topology.Match byNamespace = admitsNamespace(topology, l, namespace, route.namespace());
      boolean byKind = admitsKind(l, route.kind());
      List<String> hosts =
          usesHostnames(route.kind(), l.protocol())
              ? Hostnames.served(route.hostnames(), l.hostname())
              : List.of(Hostnames.ANY);
      if (byNamespace == Topology.Match.YES && byKind && !hosts.isEmpty()) {
        // One admitting listener attaches the route to the Gateway; every admitting one serves it.
        conflicts.attach(route, gatewayId + " listener " + l.name(), hosts);
        attached = true;
        served.attached = true;
        for (String h : route.hostnames()) {
          if (!usesHostnames(route.kind(), l.protocol())
              || !Hostnames.served(List.of(h), l.hostname()).isEmpty()) {
            served.hostnames.add(h);
          }
        }
        continue;
      }
      if (byNamespace == Topology.Match.UNKNOWN && byKind && !hosts.isEmpty()) {
        maybe = true;
        served.unknown = true;
        continue;
      }
      if (byNamespace == Topology.Match.NO) {
        refusals
            .computeIfAbsent("SP5003", k -> new ArrayList<>())
            .add(namespaceRefusal(l, namespace, route.namespace()));
      }
      if (!byKind) {
        refusals
            .computeIfAbsent("SP5004", k -> new ArrayList<>())
            .add(
                "listener "
                    + l.name()
                    + " ("
                    + l.protocol()
                    + ") admits "
                    + String.join(", ", admitted(l)));
      }
      if (hosts.isEmpty()) {
        refusals
            .computeIfAbsent("SP5005", k -> new ArrayList<>())
            .add("listener " + l.name() + " hostname " + l.hostname().orElse(""));
      }
    }
    if (attached) {
      return;
    }
    if (maybe) {
      for (Listener l : candidates) {
        if (admitsNamespace(topology, l, namespace, route.namespace()) == Topology.Match.UNKNOWN) {
          reports
              .on(route.resource())
              .add(
                  "SP5003",
                  "",
                  Level.INFO,
                  at,
                  "",
                  gatewayId
                      + " listener "
                      + l.name()
                      + " admits routes from namespaces its allowedRoutes.namespaces.selector"
                      + " matches, and the input does not define Namespace "
                      + route.namespace()
                      + ": whether "
                      + route.label()
                      + " attaches cannot be checked");
          return;
        }
      }
    }
    for (Map.Entry<String, List<String>> e : refusals.entrySet()) {
      String why = String.join("; ", e.getValue());
      String message =
          switch (e.getKey()) {
            case "SP5003" ->
                gatewayId
                    + " does not admit routes from namespace "
                    + route.namespace()
                    + ": "
                    + why
                    + "; the route is not attached";
            case "SP5004" ->
                gatewayId
                    + " does not admit "
                    + route.kind()
                    + ": "
                    + why
                    + "; the route is not attached";
            default ->
                "no hostname of "
                    + route.label()
                    + " ("
                    + String.join(", ", route.hostnames())
                    + ") intersects "
                    + gatewayId
                    + " "
                    + why
                    + "; the route is not attached";
          };
      reports
          .on(route.resource())
          .add(
              e.getKey(),
              "",
              Level.ERROR,
              e.getKey().equals("SP5005") ? HOSTNAMES : at,
              "",
              message);
    }
  }

  private static void missing(
      Route route, FieldPath at, Reports reports, String what, String hint) {
    reports
        .on(route.resource())
        .add(
            "SP5001",
            "",
            Level.ERROR,
            at,
            "",
            "parentRef names "
                + what
                + ", which the input does not define; "
                + route.label()
                + " is not attached to it"
                + hint);
  }

  private static void noListener(
      Route route,
      ParentReference ref,
      FieldPath at,
      Gateway gateway,
      String gatewayId,
      Reports reports) {
    String listeners =
        gateway.spec().listeners().stream()
            .map(l -> l.name() + " (port " + l.port() + ")")
            .collect(Collectors.joining(", "));
    String wanted =
        ref.sectionName().map(s -> "sectionName " + s).orElse("")
            + (ref.sectionName().isPresent() && ref.port().isPresent() ? " and " : "")
            + (ref.port().isPresent() ? "port " + ref.port().getAsInt() : "");
    reports
        .on(route.resource())
        .add(
            "SP5002",
            "",
            Level.ERROR,
            at.field(ref.sectionName().isPresent() ? "sectionName" : "port"),
            "",
            wanted
                + " selects no listener of "
                + gatewayId
                + " (listeners: "
                + listeners
                + "); "
                + route.label()
                + " is not attached to it");
  }

  /** A parentRef to a Service (a mesh route, GAMMA): the Service and its named port exist. */
  private static void serviceParent(
      Topology topology,
      Route route,
      ParentReference ref,
      String namespace,
      FieldPath at,
      Reports reports) {
    Optional<Service> service = topology.service(namespace, ref.name());
    if (service.isEmpty()) {
      if (topology.judgesMissingService(namespace, ref.name())) {
        missing(route, at, reports, "Service " + namespace + "/" + ref.name(), "");
      }
      return;
    }
    List<ServicePort> ports = Topology.ports(service.get());
    boolean named =
        ref.sectionName()
            .map(s -> ports.stream().anyMatch(p -> p.name().orElse("").equals(s)))
            .orElse(true);
    boolean numbered =
        ref.port().isEmpty() || ports.stream().anyMatch(p -> p.port() == ref.port().getAsInt());
    if (!named || !numbered) {
      String wanted =
          !named ? "sectionName " + ref.sectionName().get() : "port " + ref.port().getAsInt();
      reports
          .on(route.resource())
          .add(
              "SP5002",
              "",
              Level.ERROR,
              at.field(!named ? "sectionName" : "port"),
              "",
              wanted
                  + " names no port of Service "
                  + namespace
                  + "/"
                  + ref.name()
                  + " (ports: "
                  + ports.stream()
                      .map(p -> p.name().orElse("") + " " + p.port())
                      .map(String::strip)
                      .collect(Collectors.joining(", "))
                  + "); "
                  + route.label()
                  + " is not attached to it");
    }
  }

  private static Topology.Match admitsNamespace(
      Topology topology, Listener l, String gatewayNamespace, String routeNamespace) {
    Optional<RouteNamespaces> ns = l.allowedRoutes().flatMap(AllowedRoutes::namespaces);
    FromNamespaces from = ns.flatMap(RouteNamespaces::from).orElse(FromNamespaces.SAME);
    return switch (from) {
      case ALL -> Topology.Match.YES;
      case SAME -> gatewayNamespace.equals(routeNamespace) ? Topology.Match.YES : Topology.Match.NO;
      case SELECTOR ->
          ns.flatMap(RouteNamespaces::selector)
              .map(s -> topology.selects(s, routeNamespace))
              .orElse(Topology.Match.NO);
    };
  }

  private static String namespaceRefusal(Listener l, String gatewayNamespace, String routeNs) {
    Optional<RouteNamespaces> ns = l.allowedRoutes().flatMap(AllowedRoutes::namespaces);
    Optional<FromNamespaces> from = ns.flatMap(RouteNamespaces::from);
    if (from.orElse(FromNamespaces.SAME) == FromNamespaces.SAME) {
      return "listener "
          + l.name()
          + " allowedRoutes.namespaces.from is Same"
          + (from.isEmpty() ? " (the default)" : "")
          + ", only "
          + gatewayNamespace;
    }
    return "listener "
        + l.name()
        + " allowedRoutes.namespaces.selector does not match Namespace "
        + routeNs;
  }

  /** The route kinds a listener admits: its allowedRoutes.kinds, else its protocol's. */
  static List<String> kinds(Listener l) {
    List<RouteGroupKind> listed = l.allowedRoutes().map(AllowedRoutes::kinds).orElse(List.of());
    if (!listed.isEmpty()) {
      return listed.stream()
          .filter(k -> k.group().orElse(Topology.GROUP).equals(Topology.GROUP))
          .map(RouteGroupKind::kind)
          .toList();
    }
    return defaultKinds(l.protocol());
  }

  /** The spec's route kinds for a protocol; empty for a protocol of an implementation. */
  static List<String> defaultKinds(String protocol) {
    return switch (protocol) {
      case "HTTP", "HTTPS" -> List.of("HTTPRoute", "GRPCRoute");
      case "TLS" -> List.of("TLSRoute");
      case "TCP" -> List.of("TCPRoute");
      case "UDP" -> List.of("UDPRoute");
      default -> List.of();
    };
  }

  /** The kinds a listener admits and its protocol carries, as the refusal names them. */
  private static List<String> admitted(Listener l) {
    List<String> carried = carriedKinds(l.protocol());
    List<String> out = kinds(l).stream().filter(carried::contains).toList();
    return out.isEmpty() ? List.of("no route kind") : out;
  }

  /**
   * The route kinds a protocol can carry: its default kinds, and TCPRoute on TLS too (a TLS
   * listener that terminates hands the stream to a TCPRoute); empty for an implementation's
   * protocol.
   */
  static List<String> carriedKinds(String protocol) {
    return protocol.equals("TLS") ? List.of("TLSRoute", "TCPRoute") : defaultKinds(protocol);
  }

  private static boolean admitsKind(Listener l, String kind) {
    List<String> carried = carriedKinds(l.protocol());
    if (carried.isEmpty()) {
      return true; // a protocol Sailplan does not know (example.com/proto): nobody here can judge
    }
    // A listed kind the protocol cannot carry is dropped by the listener (InvalidRouteKinds).
    return kinds(l).contains(kind) && carried.contains(kind);
  }

  private static boolean usesHostnames(String routeKind, String protocol) {
    return (routeKind.equals("HTTPRoute")
            || routeKind.equals("GRPCRoute")
            || routeKind.equals("TLSRoute"))
        && (protocol.equals("HTTP") || protocol.equals("HTTPS") || protocol.equals("TLS"));
  }
}
