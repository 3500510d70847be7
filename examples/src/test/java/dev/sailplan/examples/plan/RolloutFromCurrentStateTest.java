package dev.sailplan.examples.plan;

import static dev.sailplan.testing.SailplanAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sailplan.core.Manifests;
import dev.sailplan.core.generic.GenericObject;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.plan.Plan;
import dev.sailplan.core.plan.ResourceKey;
import dev.sailplan.core.plan.Stage;
import dev.sailplan.istio.networking.v1.DestinationRule;
import dev.sailplan.istio.networking.v1.VirtualService;
import dev.sailplan.istio.rollout.BlueGreen;
import dev.sailplan.istio.rollout.CanaryRollout;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * Rollouts that start from the objects running now change only what they own: the subsets of the
 * service's DestinationRule and the destinations and weights of the routes to its stable subset.
 */
class RolloutFromCurrentStateTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A team's reviews service: circuit breaker, pool, exportTo, extra subset, several routes. */
  private static final String CURRENT =
      """
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata:
        name: reviews
        namespace: bookinfo
        labels: {team: reviews}
        annotations: {owner: reviews-team}
      spec:
        host: reviews
        exportTo: [".", "istio-ingress"]
        trafficPolicy:
          connectionPool:
            tcp: {maxConnections: 100}
            http: {http1MaxPendingRequests: 50}
          outlierDetection:
            consecutive5xxErrors: 5
            interval: 30s
            baseEjectionTime: 30s
        subsets:
        - name: legacy
          labels: {version: v0}
        - name: v1
          labels: {version: v1}
          trafficPolicy:
            loadBalancer: {simple: LEAST_REQUEST}
      ---
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata:
        name: reviews
        namespace: bookinfo
      spec:
        hosts: [reviews]
        http:
        - name: api
          match:
          - uri: {prefix: /api}
          timeout: 10s
          retries: {attempts: 3, perTryTimeout: 2s, retryOn: "5xx,reset"}
          route:
          - destination: {host: reviews, subset: v1, port: {number: 9080}}
        - name: legacy-clients
          match:
          - headers:
              user-agent: {prefix: legacy}
          route:
          - destination: {host: reviews, subset: legacy}
        - name: default
          mirror: {host: reviews-shadow}
          mirrorPercentage: {value: 5}
          route:
          - destination: {host: reviews, subset: v1}
            weight: 80
          - destination: {host: reviews-fallback}
            weight: 20
      ---
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata:
        name: public
        namespace: istio-ingress
      spec:
        hosts: [bookinfo.example.com]
        gateways: [istio-ingress/public]
        http:
        - route:
          - destination: {host: reviews.bookinfo.svc.cluster.local, subset: v1}
      ---
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata:
        name: ratings
        namespace: bookinfo
      spec:
        hosts: [ratings]
        http:
        - route:
          - destination: {host: ratings, subset: v1}
      """;

  private static List<Resource> current() {
    return Manifests.parse(CURRENT, "current.yaml");
  }

  private static String yaml(Resource r) {
    return Manifests.toYaml(r);
  }

  @Test
  void aCanaryChangesOnlyTheSubsetsAndTheRoutesToTheStableSubset() {
    Plan plan =
        CanaryRollout.of("bookinfo/reviews")
            .stable("v1")
            .canary("v2")
            .from(current())
            .steps(50, 100)
            .headerOverride("x-canary", "true")
            .build()
            .plan();
    assertThat(plan).isMakeBeforeBreak();
    assertOnlyOwnedPathsChange(plan, current());
    Map<ResourceKey, Resource> last = plan.desired().asMap();
    assertEquals(
        """
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: reviews
          namespace: bookinfo
          labels:
            team: reviews
          annotations:
            owner: reviews-team
        spec:
          exportTo:
          - "."
          - istio-ingress
          host: reviews
          subsets:
          - labels:
              version: v0
            name: legacy
          - labels:
              version: v2
            name: v2
          trafficPolicy:
            connectionPool:
              http:
                http1MaxPendingRequests: 50
              tcp:
                maxConnections: 100
            outlierDetection:
              baseEjectionTime: 30s
              consecutive5xxErrors: 5
              interval: 30s
        """,
        yaml(find(last, "DestinationRule", "bookinfo", "reviews")));
    assertEquals(
        """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: reviews
          namespace: bookinfo
        spec:
          hosts:
          - reviews
          http:
          - match:
            - uri:
                prefix: /api
            name: api
            retries:
              attempts: 3
              perTryTimeout: 2s
              retryOn: 5xx,reset
            route:
            - destination:
                host: reviews
                port:
                  number: 9080
                subset: v2
            timeout: 10s
          - match:
            - headers:
                user-agent:
                  prefix: legacy
            name: legacy-clients
            route:
            - destination:
                host: reviews
                subset: legacy
          - mirror:
              host: reviews-shadow
            mirrorPercentage:
              value: 5
            name: default
            route:
            - destination:
                host: reviews
                subset: v2
              weight: 80
            - destination:
                host: reviews-fallback
              weight: 20
        """,
        yaml(find(last, "VirtualService", "bookinfo", "reviews")));
    assertEquals(
        "reviews.bookinfo.svc.cluster.local v2",
        destinations(find(last, "VirtualService", "istio-ingress", "public")));
    // Halfway, every route to v1 splits its own share; the override comes first in both.
    Map<ResourceKey, Resource> half = plan.steps().get(1).desired().asMap();
    assertEquals(
        "canary-override: reviews v2 (port 9080) | api: reviews v1 50 (port 9080), reviews v2 50"
            + " (port 9080) | legacy-clients: reviews legacy | default: reviews v1 40, reviews v2"
            + " 40, reviews-fallback 20",
        routes(find(half, "VirtualService", "bookinfo", "reviews")));
    assertEquals(
        "canary-override: reviews.bookinfo.svc.cluster.local v2 | :"
            + " reviews.bookinfo.svc.cluster.local v1 50, reviews.bookinfo.svc.cluster.local v2 50",
        routes(find(half, "VirtualService", "istio-ingress", "public")));
    // The ratings VirtualService is not the rollout's: no stage touches it.
    assertTrue(
        plan.stages().stream()
            .flatMap(s -> s.applies().stream())
            .noneMatch(r -> r.metadata().name().orElse("").equals("ratings")));
  }

  @Test
  void aBlueGreenSwitchKeepsTheSameParts() {
    BlueGreen bg = BlueGreen.of("bookinfo/reviews").live("v1").next("v2").from(current()).build();
    Plan plan = bg.plan();
    assertThat(plan).isMakeBeforeBreak();
    assertOnlyOwnedPathsChange(plan, current());
    assertEquals(
        "api: reviews v2 (port 9080) | legacy-clients: reviews legacy | default: reviews v2 80,"
            + " reviews-fallback 20",
        routes(find(plan.desired().asMap(), "VirtualService", "bookinfo", "reviews")));
    Plan finish = bg.finish().plan();
    assertEquals(
        List.of("legacy", "v2"),
        ((DestinationRule) find(finish.desired().asMap(), "DestinationRule", "bookinfo", "reviews"))
            .spec().orElseThrow().subsets().stream().map(s -> s.name()).toList());
  }

  @Test
  void aHostWithoutSubsetsGetsThemBeforeAnyRouteUsesThem() {
    List<Resource> current =
        Manifests.parse(
            """
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: {name: reviews, namespace: bookinfo}
            spec:
              host: reviews
              trafficPolicy: {tls: {mode: ISTIO_MUTUAL}}
            ---
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: reviews, namespace: bookinfo}
            spec:
              hosts: [reviews]
              http:
              - timeout: 5s
                route:
                - destination: {host: reviews}
            """,
            "current.yaml");
    Plan plan =
        CanaryRollout.of("bookinfo/reviews")
            .stable("v1")
            .canary("v2")
            .from(current)
            .steps(100)
            .build()
            .plan();
    assertThat(plan).isMakeBeforeBreak();
    Map<ResourceKey, Resource> first = plan.steps().get(0).desired().asMap();
    assertEquals(
        List.of("v1", "v2"),
        ((DestinationRule) find(first, "DestinationRule", "bookinfo", "reviews"))
            .spec().orElseThrow().subsets().stream().map(s -> s.name()).toList());
    assertEquals(": reviews v1", routes(find(first, "VirtualService", "bookinfo", "reviews")));
    // The DestinationRule with the subsets is applied in an earlier stage than the routes to them.
    Stage firstStage = plan.stages().get(0);
    assertEquals(
        List.of("DestinationRule"), firstStage.applies().stream().map(Resource::kind).toList());
  }

  @Test
  void noRouteToTheStableSubsetSaysWhy() {
    List<Resource> current =
        Manifests.parse(
            """
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: {name: reviews, namespace: bookinfo}
            spec:
              host: reviews
              subsets:
              - {name: v3, labels: {version: v3}}
            ---
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: reviews, namespace: bookinfo}
            spec:
              hosts: [reviews]
              http:
              - route:
                - destination: {host: reviews, subset: v3}
            """,
            "current.yaml");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                CanaryRollout.of("bookinfo/reviews")
                    .stable("v1")
                    .canary("v2")
                    .from(current)
                    .build());
    assertEquals(
        "no route sends traffic to reviews subset v1: VirtualService bookinfo/reviews routes"
            + " reviews elsewhere; the rollout needs the stable version to be routed to",
        e.getMessage());
  }

  @Test
  void twoDestinationRulesForTheHostAreRefused() {
    List<Resource> current = new ArrayList<>(current());
    current.addAll(
        Manifests.parse(
            """
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: {name: reviews-tls, namespace: bookinfo}
            spec:
              host: reviews.bookinfo.svc.cluster.local
            """,
            "more.yaml"));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                CanaryRollout.of("bookinfo/reviews")
                    .stable("v1")
                    .canary("v2")
                    .from(current)
                    .build());
    assertEquals(
        "two DestinationRules in bookinfo are for host reviews (reviews, reviews-tls): Istio"
            + " applies only one of them; merge them first",
        e.getMessage());
  }

  @Test
  void anHttpRouteCanaryChangesOnlyTheBackendsOfTheRulesToTheStableService() {
    List<Resource> current =
        Manifests.parse(
            """
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata:
              name: api
              namespace: web
              labels: {team: web}
            spec:
              parentRefs:
              - {name: public, namespace: istio-ingress, sectionName: https}
              hostnames: [api.example.com]
              rules:
              - matches:
                - path: {type: PathPrefix, value: /v1}
                filters:
                - type: RequestHeaderModifier
                  requestHeaderModifier:
                    set: [{name: x-api, value: v1}]
                timeouts: {request: 10s}
                backendRefs:
                - {name: api-v1, port: 8080}
              - matches:
                - path: {type: PathPrefix, value: /static}
                backendRefs:
                - {name: static, port: 80}
              - backendRefs:
                - {name: api-v1, port: 8080, weight: 3}
                - {name: api-legacy, port: 8080, weight: 1}
            """,
            "current.yaml");
    Plan plan =
        dev.sailplan.gatewayapi.rollout.HttpRouteCanary.of("web/api")
            .parent("istio-ingress/public")
            .stable("api-v1", 8080)
            .canary("api-v2", 8080)
            .from(current)
            .steps(50, 100)
            .build()
            .plan();
    assertThat(plan).isMakeBeforeBreak();
    Map<ResourceKey, Resource> half = plan.steps().get(0).desired().asMap();
    Map<ResourceKey, Resource> last = plan.desired().asMap();
    assertEquals(
        "api-v1:8080 50, api-v2:8080 50 | static:80 | api-v1:8080 150, api-v2:8080 150,"
            + " api-legacy:8080 100",
        backends(find(half, "HTTPRoute", "web", "api")));
    assertEquals(
        "api-v2:8080 | static:80 | api-v2:8080 300, api-legacy:8080 100",
        backends(find(last, "HTTPRoute", "web", "api")));
    JsonNode before = Manifests.toTree(current.get(0)).deepCopy();
    for (Stage stage : plan.stages()) {
      for (Resource r : stage.applies()) {
        JsonNode now = Manifests.toTree(r).deepCopy();
        for (JsonNode t : List.of(before, now)) {
          for (JsonNode rule : t.path("spec").path("rules")) {
            ((ObjectNode) rule).remove("backendRefs");
          }
        }
        assertEquals(before, now);
      }
    }
  }

  private static String backends(Resource route) {
    List<String> rules = new ArrayList<>();
    for (var rule : ((dev.sailplan.gatewayapi.v1.HTTPRoute) route).spec().rules()) {
      List<String> refs = new ArrayList<>();
      for (var ref : rule.backendRefs()) {
        refs.add(
            ref.name()
                + ":"
                + ref.port().orElseThrow()
                + (ref.weight().isPresent() ? " " + ref.weight().getAsInt() : ""));
      }
      rules.add(String.join(", ", refs));
    }
    return String.join(" | ", rules);
  }

  /** Random current DestinationRules and VirtualServices with random extra fields. */
  @Property(tries = 150)
  void everyStageEqualsTheCurrentObjectsOutsideTheOwnedPaths(@ForAll long seed) {
    Random random = new Random(seed);
    List<Resource> current = Manifests.parseMixed(randomCurrent(random), "random.yaml");
    int[] steps = random.nextBoolean() ? new int[] {100} : new int[] {10, 50, 100};
    Plan plan =
        CanaryRollout.of("shop/api")
            .stable("v1")
            .canary("v2")
            .from(current)
            .steps(steps)
            .build()
            .plan();
    assertThat(plan).isMakeBeforeBreak();
    assertOnlyOwnedPathsChange(plan, current);
    assertWorkloadsComeFirst(plan, current, "v2");
    BlueGreen bg = BlueGreen.of("shop/api").live("v1").next("v2").from(current).build();
    for (Plan p : List.of(bg.plan(), bg.finish().plan(), bg.rollback().plan())) {
      assertThat(p).isMakeBeforeBreak();
      assertWorkloadsComeFirst(p, current, "v2");
    }
    for (Resource r : plan.desired().resources()) {
      if (r instanceof VirtualService vs) {
        for (var route : vs.spec().orElseThrow().http()) {
          for (var d : route.route()) {
            boolean api = d.destination().host().startsWith("api");
            assertTrue(
                !api || d.destination().subset().orElse("").matches("v2|other"),
                () -> "still routed to the stable subset: " + yaml(vs));
          }
        }
      }
    }
  }

  private static String randomCurrent(Random random) {
    StringBuilder b = new StringBuilder();
    b.append(
        """
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: {name: api, namespace: shop}
        spec:
          host: api
        """);
    if (random.nextBoolean()) {
      b.append("  exportTo: [\".\"]\n");
    }
    if (random.nextBoolean()) {
      b.append("  trafficPolicy: {outlierDetection: {consecutive5xxErrors: 3, interval: 10s}}\n");
    }
    b.append("  subsets:\n  - {name: v1, labels: {version: v1}}\n");
    if (random.nextBoolean()) {
      b.append(
          "  - {name: other, labels: {version: other}, trafficPolicy: {tls: {mode: DISABLE}}}\n");
    }
    b.append(
        """
        ---
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: api, namespace: shop}
        spec:
          hosts: [api]
          http:
        """);
    int routes = 1 + random.nextInt(4);
    for (int i = 0; i < routes; i++) {
      b.append("  - name: r").append(i).append('\n');
      if (i < routes - 1) {
        b.append("    match: [{uri: {prefix: /p").append(i).append("}}]\n");
      }
      if (random.nextBoolean()) {
        b.append("    timeout: ").append(1 + random.nextInt(20)).append("s\n");
      }
      if (random.nextBoolean()) {
        b.append("    retries: {attempts: ").append(1 + random.nextInt(4)).append("}\n");
      }
      if (random.nextBoolean()) {
        b.append("    headers: {request: {set: {x-route: r").append(i).append("}}}\n");
      }
      b.append("    route:\n");
      switch (random.nextInt(3)) {
        case 0 -> b.append("    - destination: {host: api, subset: v1}\n");
        case 1 ->
            b.append(
                """
                    - destination: {host: api, subset: v1}
                      weight: 70
                    - destination: {host: fallback}
                      weight: 30
                """);
        default -> b.append("    - destination: {host: other-service}\n");
      }
    }
    if (random.nextBoolean()) {
      b.append(
          """
          ---
          apiVersion: networking.istio.io/v1
          kind: VirtualService
          metadata: {name: edge, namespace: istio-ingress}
          spec:
            hosts: [shop.example.com]
            gateways: [istio-ingress/public]
            http:
            - route:
              - destination: {host: api.shop.svc.cluster.local, subset: v1, port: {number: 80}}
          """);
    }
    for (String version : List.of("v1", "v2", "other")) {
      if (random.nextInt(3) > 0) {
        b.append(
            """
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: api-%1$s, namespace: shop, labels: {app: api}}
            spec:
              replicas: %2$d
              selector: {matchLabels: {app: api, version: %1$s}}
              template:
                metadata: {labels: {app: api, version: %1$s, team: shop}}
                spec: {containers: [{name: api, image: "registry.example.com/api:%1$s"}]}
            status: {replicas: %2$d, readyReplicas: %2$d}
            """
                .formatted(version, 1 + random.nextInt(3)));
      }
    }
    // At least one route to the stable subset, or the rollout is refused.
    b.append(
        """
        ---
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: api-internal, namespace: shop}
        spec:
          hosts: [api-internal]
          http:
          - route:
            - destination: {host: api, subset: v1}
        """);
    return b.toString();
  }

  /**
   * The Deployments of the current state run in every state of the plan, untouched, so they come
   * before any stage routes to the subsets that select them; a plan whose canary subset no
   * Deployment runs says so in the reason of the stage that adds the subset.
   */
  private static void assertWorkloadsComeFirst(Plan plan, List<Resource> current, String canary) {
    List<Resource> workloads =
        current.stream().filter(r -> r instanceof GenericObject g && g.isWorkload()).toList();
    for (var step : plan.steps()) {
      for (Resource w : workloads) {
        assertEquals(w, step.desired().get(ResourceKey.of(w)).orElse(null), step.name());
      }
    }
    for (Stage stage : plan.stages()) {
      assertTrue(
          stage.changes().stream().noneMatch(c -> c.key().kind().equals("Deployment")),
          stage.reason());
    }
    boolean runsCanary =
        workloads.stream()
            .anyMatch(w -> ((GenericObject) w).podLabels().get("version").equals(canary));
    boolean warned =
        plan.stages().stream()
            .anyMatch(
                s ->
                    s.reason()
                        .contains(
                            "nothing in the input runs subset "
                                + canary
                                + " of api (no workload's pod labels match version="
                                + canary
                                + ")"));
    boolean addsCanary =
        plan.stages().stream()
            .flatMap(s -> s.changes().stream())
            .anyMatch(
                c ->
                    c.after().orElse(null) instanceof DestinationRule dr
                        && dr.spec().orElseThrow().subsets().stream()
                            .anyMatch(x -> x.name().equals(canary))
                        && !(c.before().orElse(null) instanceof DestinationRule was
                            && was.spec().orElseThrow().subsets().stream()
                                .anyMatch(x -> x.name().equals(canary))));
    assertEquals(addsCanary && !workloads.isEmpty() && !runsCanary, warned, plan.name());
  }

  /**
   * Every object every stage applies equals its current version with the owned paths left out:
   * DestinationRule subsets, and the destinations of routes (and routes the rollout adds).
   */
  private static void assertOnlyOwnedPathsChange(Plan plan, List<Resource> current) {
    Map<ResourceKey, Resource> before = new HashMap<>();
    current.forEach(r -> before.put(ResourceKey.of(r), r));
    for (Stage stage : plan.stages()) {
      for (Resource r : stage.applies()) {
        Resource was = before.get(ResourceKey.of(r));
        if (was == null) {
          continue; // created by the rollout
        }
        assertEquals(
            withoutOwned(was),
            withoutOwned(r),
            () -> "changed outside its owned paths: " + yaml(r));
      }
    }
  }

  private static JsonNode withoutOwned(Resource r) {
    ObjectNode tree = (ObjectNode) Manifests.toTree(r).deepCopy();
    ObjectNode spec = (ObjectNode) tree.path("spec");
    if (r instanceof DestinationRule) {
      spec.remove("subsets");
    }
    if (r instanceof VirtualService && spec.has("http")) {
      ArrayNode kept = JSON.createArrayNode();
      for (JsonNode route : spec.get("http")) {
        if (!route.path("name").asText().equals("canary-override")) {
          kept.add(((ObjectNode) route.deepCopy()).without("route"));
        }
      }
      spec.set("http", kept);
    }
    return tree;
  }

  private static Resource find(
      Map<ResourceKey, Resource> state, String kind, String namespace, String name) {
    return state.entrySet().stream()
        .filter(
            e ->
                e.getKey().kind().equals(kind)
                    && e.getKey().namespace().equals(namespace)
                    && e.getKey().name().equals(name))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " " + namespace + "/" + name));
  }

  /** {@code name: host subset weight (port), …} per route, routes joined by {@code |}. */
  private static String routes(Resource vs) {
    List<String> out = new ArrayList<>();
    for (var route : ((VirtualService) vs).spec().orElseThrow().http()) {
      List<String> to = new ArrayList<>();
      for (var d : route.route()) {
        to.add(
            d.destination().host()
                + d.destination().subset().map(s -> " " + s).orElse("")
                + (d.weight().isPresent() ? " " + d.weight().getAsInt() : "")
                + d.destination()
                    .port()
                    .map(p -> " (port " + p.number().orElseThrow() + ")")
                    .orElse(""));
      }
      out.add(route.name().orElse("") + ": " + String.join(", ", to));
    }
    return String.join(" | ", out);
  }

  private static String destinations(Resource vs) {
    return routes(vs).replaceFirst("^: ", "");
  }
}
