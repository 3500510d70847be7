package dev.sailplan.core.plan.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sailplan.core.k8s.LabelSelector;
import dev.sailplan.core.k8s.Namespace;
import dev.sailplan.core.k8s.NetworkPolicy;
import dev.sailplan.core.k8s.NetworkPolicySpec;
import dev.sailplan.core.k8s.Service;
import dev.sailplan.core.k8s.ServicePort;
import dev.sailplan.core.k8s.ServiceSpec;
import dev.sailplan.core.meta.ObjectMeta;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.plan.Barrier;
import dev.sailplan.core.plan.Change;
import dev.sailplan.core.plan.Plan;
import dev.sailplan.core.plan.ResourceKey;
import dev.sailplan.core.plan.Stage;
import dev.sailplan.core.plan.State;
import dev.sailplan.core.plan.Step;
import java.util.List;
import java.util.Optional;

/** A hand-built plan over core kinds: three steps, four stages, every barrier, deletions. */
final class Fixtures {
  static final String LONG_REASON =
      "NetworkPolicy shop/deny-all is created; NetworkPolicy shop/old-deny is"
          + " deleted because the new default-deny policy replaces it entirely";

  static final Namespace SHOP = Namespace.named("shop");
  static final Service WEB_V1 = web(80);
  static final Service WEB_V2 = web(8080);
  static final Service LEGACY =
      Service.builder()
          .metadata(ObjectMeta.ref("shop/legacy"))
          .spec(ServiceSpec.builder().addPorts(ServicePort.of("http", 80)).build())
          .build();
  static final NetworkPolicy OLD_DENY = policy("old-deny");
  static final NetworkPolicy DENY_ALL = policy("deny-all");

  private Fixtures() {}

  /**
   * A resource of a kind dsl-core does not model, rendered from its fields in order: Istio kinds
   * for renderer tests.
   *
   * @param apiVersion the apiVersion
   * @param kind the kind
   * @param metadata the metadata
   * @param spec the spec
   */
  record Manifest(String apiVersion, String kind, ObjectMeta metadata, JsonNode spec)
      implements Resource {}

  /** DestinationRule bookinfo/reviews with one subset per version, selected by label. */
  static Manifest rule(String... versions) {
    ObjectNode spec = JsonNodeFactory.instance.objectNode().put("host", "reviews");
    ArrayNode subsets = spec.putArray("subsets");
    for (String v : versions) {
      subsets.addObject().put("name", v).putObject("labels").put("version", v);
    }
    return new Manifest(
        "networking.istio.io/v1", "DestinationRule", ObjectMeta.ref("bookinfo/reviews"), spec);
  }

  /** VirtualService bookinfo/reviews sending everything to one subset. */
  static Manifest route(String subset) {
    ObjectNode spec = JsonNodeFactory.instance.objectNode();
    spec.putArray("hosts").add("reviews");
    spec.putArray("http")
        .addObject()
        .putArray("route")
        .addObject()
        .putObject("destination")
        .put("host", "reviews")
        .put("subset", subset);
    return new Manifest(
        "networking.istio.io/v1", "VirtualService", ObjectMeta.ref("bookinfo/reviews"), spec);
  }

  /**
   * reviews-swap, one step from subset v1 to v2: the DestinationRule gains v2 (expand), the route
   * moves to v2, the DestinationRule loses v1 (contract).
   */
  static Plan expandContract() {
    Step step =
        new Step(
            "apply",
            State.of(rule("v2"), route("v2")),
            List.of(
                new Stage(
                    "destinationrules",
                    List.of(update(rule("v1"), rule("v1", "v2"))),
                    Barrier.PROPAGATION,
                    "DestinationRule bookinfo/reviews provides subset v2 before VirtualService"
                        + " bookinfo/reviews uses it"),
                new Stage(
                    "virtualservices",
                    List.of(update(route("v1"), route("v2"))),
                    Barrier.PROPAGATION,
                    "VirtualService bookinfo/reviews stops using subset v1"),
                new Stage(
                    "destinationrules",
                    List.of(update(rule("v1", "v2"), rule("v2"))),
                    Barrier.NONE,
                    "DestinationRule bookinfo/reviews drops subset v1 now that nothing uses it")));
    return new Plan("reviews-swap", State.of(rule("v1"), route("v1")), List.of(step));
  }

  /**
   * recreate, one step: Service shop/legacy is deleted, Namespace shop created (then a gate), and
   * Service shop/legacy created again.
   */
  static Plan deleteAndRecreate() {
    Step step =
        new Step(
            "recreate",
            State.of(SHOP, LEGACY),
            List.of(
                new Stage(
                    "delete-services",
                    List.of(delete(LEGACY)),
                    Barrier.PROPAGATION,
                    "Service shop/legacy is deleted"),
                new Stage(
                    "namespaces", List.of(create(SHOP)), Barrier.GATE, "Namespace shop is created"),
                new Stage(
                    "services",
                    List.of(create(LEGACY)),
                    Barrier.NONE,
                    "Service shop/legacy is created again")));
    return new Plan("recreate", State.of(LEGACY), List.of(step));
  }

  private static Service web(int port) {
    return Service.builder()
        .metadata(ObjectMeta.ref("shop/web"))
        .spec(
            ServiceSpec.builder()
                .putSelector("app", "web")
                .addPorts(ServicePort.of("http", port))
                .build())
        .build();
  }

  private static NetworkPolicy policy(String name) {
    return NetworkPolicy.builder()
        .metadata(ObjectMeta.ref("shop/" + name))
        .spec(
            NetworkPolicySpec.builder()
                .podSelector(LabelSelector.all())
                .addPolicyTypes("Ingress")
                .build())
        .build();
  }

  static Change create(Resource r) {
    return new Change(ResourceKey.of(r), Optional.empty(), Optional.of(r));
  }

  static Change update(Resource from, Resource to) {
    return new Change(ResourceKey.of(to), Optional.of(from), Optional.of(to));
  }

  static Change delete(Resource r) {
    return new Change(ResourceKey.of(r), Optional.of(r), Optional.empty());
  }

  /**
   * demo: prepare (001 namespaces, propagation; 002 services, gate), lockdown (003 networkpolicies
   * with a deletion, propagation; 004 delete-only, none), finish (no stages).
   */
  static Plan demo() {
    State current = State.of(WEB_V1, LEGACY, OLD_DENY);
    State prepared = State.of(SHOP, WEB_V2, LEGACY, OLD_DENY);
    State locked = State.of(SHOP, WEB_V2, DENY_ALL);
    Step prepare =
        new Step(
            "prepare",
            prepared,
            List.of(
                new Stage(
                    "namespaces",
                    List.of(create(SHOP)),
                    Barrier.PROPAGATION,
                    "Namespace shop is created"),
                new Stage(
                    "services",
                    List.of(update(WEB_V1, WEB_V2)),
                    Barrier.GATE,
                    "Service shop/web is updated")));
    Step lockdown =
        new Step(
            "lockdown",
            locked,
            List.of(
                new Stage(
                    "networkpolicies",
                    List.of(create(DENY_ALL), delete(OLD_DENY)),
                    Barrier.PROPAGATION,
                    LONG_REASON),
                new Stage(
                    "delete-services",
                    List.of(delete(LEGACY)),
                    Barrier.NONE,
                    "Service shop/legacy is deleted")));
    Step finish = new Step("finish", locked, List.of());
    return new Plan("demo", current, List.of(prepare, lockdown, finish));
  }
}
