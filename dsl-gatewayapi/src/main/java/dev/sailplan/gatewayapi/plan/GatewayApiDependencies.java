package dev.sailplan.gatewayapi.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sailplan.core.Manifests;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.plan.DependencyModel;
import dev.sailplan.core.plan.Fact;
import dev.sailplan.core.plan.Pods;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Gateway API's ordering rules as facts (BRIEF rule 2): a Gateway provides {@code gateway NS/NAME},
 * which the routes and ListenerSets attached to it require, a route also the pods of its deployment
 * (labelled {@code gateway.networking.k8s.io/gateway-name: NAME}); a route's backend Service is
 * required as {@code service NS/NAME}; a backend in another namespace also requires {@code grant
 * ROUTE_NS/ROUTE_KIND BACKEND_NS/Service/NAME}, which a ReferenceGrant in the backend's namespace
 * provides ({@code …/*} when it names no object).
 *
 * <p>References are read from the resource's JSON form, so every route kind (HTTPRoute, GRPCRoute,
 * TCPRoute, TLSRoute, UDPRoute) is handled by the same code.
 */
public final class GatewayApiDependencies implements DependencyModel {
  private static final String GROUP = "gateway.networking.k8s.io";

  /** The pod label of a Gateway's deployment, naming the Gateway. */
  static final String GATEWAY_NAME_LABEL = GROUP + "/gateway-name";

  private static final Set<String> ROUTES =
      Set.of("HTTPRoute", "GRPCRoute", "TCPRoute", "TLSRoute", "UDPRoute");

  /** Called by {@code ServiceLoader}. */
  public GatewayApiDependencies() {}

  @Override
  public Set<Fact> provides(Resource r) {
    Set<Fact> out = new TreeSet<>();
    if (!GROUP.equals(r.group())) {
      return out;
    }
    String ns = r.metadata().namespace().orElse("");
    if (r.kind().equals("Gateway")) {
      out.add(new Fact("gateway", ns + "/" + r.metadata().name().orElse("")));
    } else if (r.kind().equals("ReferenceGrant")) {
      JsonNode spec = Manifests.toTree(r).path("spec");
      for (JsonNode from : spec.path("from")) {
        for (JsonNode to : spec.path("to")) {
          String target = to.path("name").asText("");
          out.add(
              new Fact(
                  "grant",
                  from.path("namespace").asText()
                      + "/"
                      + from.path("kind").asText()
                      + " "
                      + ns
                      + "/"
                      + to.path("kind").asText()
                      + "/"
                      + (target.isEmpty() ? "*" : target)));
        }
      }
    }
    return out;
  }

  @Override
  public Set<Fact> requires(Resource r) {
    Set<Fact> out = new TreeSet<>();
    if (!GROUP.equals(r.group())
        || !(ROUTES.contains(r.kind()) || r.kind().equals("ListenerSet"))) {
      return out;
    }
    String ns = r.metadata().namespace().orElse("");
    JsonNode spec = Manifests.toTree(r).path("spec");
    if (r.kind().equals("ListenerSet")) {
      gatewayRef(spec.path("parentRef"), ns, out);
      return out;
    }
    spec.path("parentRefs").forEach(p -> gatewayRef(p, ns, out));
    for (JsonNode rule : spec.path("rules")) {
      rule.path("backendRefs").forEach(b -> backend(b, r.kind(), ns, out));
      for (JsonNode filter : rule.path("filters")) {
        backend(filter.path("requestMirror").path("backendRef"), r.kind(), ns, out);
      }
      for (JsonNode b : rule.path("backendRefs")) {
        for (JsonNode filter : b.path("filters")) {
          backend(filter.path("requestMirror").path("backendRef"), r.kind(), ns, out);
        }
      }
    }
    return out;
  }

  private static void gatewayRef(JsonNode ref, String ns, Set<Fact> out) {
    if (ref.isMissingNode()
        || !ref.path("kind").asText("Gateway").equals("Gateway")
        || !ref.path("group").asText(GROUP).equals(GROUP)) {
      return;
    }
    String gatewayNs = ref.path("namespace").asText(ns);
    String name = ref.path("name").asText();
    out.add(new Fact("gateway", gatewayNs + "/" + name));
    // The gateway's deployment runs before a route attaches to it: Istio labels the pods of the
    // one it deploys so, and a Deployment of the input labelled so is taken for it.
    out.add(Pods.required(gatewayNs, Map.of(GATEWAY_NAME_LABEL, name)));
  }

  @Override
  public Optional<String> describe(Resource r, Fact required) {
    if (!GROUP.equals(r.group()) || !required.type().equals(Pods.TYPE)) {
      return Optional.empty();
    }
    String subject = required.subject();
    String prefix = "/" + GATEWAY_NAME_LABEL + "=";
    int at = subject.indexOf(prefix);
    if (at < 0) {
      return Optional.empty();
    }
    return Optional.of(
        "Gateway " + subject.substring(0, at) + "/" + subject.substring(at + prefix.length()));
  }

  private static void backend(JsonNode ref, String routeKind, String ns, Set<Fact> out) {
    if (ref.isMissingNode()
        || !ref.path("kind").asText("Service").equals("Service")
        || !ref.path("group").asText("").isEmpty()) {
      return;
    }
    String backendNs = ref.path("namespace").asText(ns);
    String name = ref.path("name").asText();
    out.add(new Fact("service", backendNs + "/" + name));
    if (!backendNs.equals(ns)) {
      out.add(new Fact("grant", ns + "/" + routeKind + " " + backendNs + "/Service/" + name));
    }
  }
}
