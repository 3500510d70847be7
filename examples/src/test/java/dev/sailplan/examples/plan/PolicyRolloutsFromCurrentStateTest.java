package dev.sailplan.examples.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sailplan.core.Manifests;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.plan.Plan;
import dev.sailplan.core.plan.ResourceKey;
import dev.sailplan.core.plan.Stage;
import dev.sailplan.core.plan.State;
import dev.sailplan.istio.rollout.EgressLockdown;
import dev.sailplan.istio.rollout.ExternalHost;
import dev.sailplan.istio.rollout.StrictMtlsMigration;
import dev.sailplan.testing.plan.MakeBeforeBreakChecker;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * StrictMtlsMigration and EgressLockdown started from random current objects with random extra
 * fields: every object of every stage equals its current version outside the paths the rollout
 * owns, and the plan is make-before-break.
 */
class PolicyRolloutsFromCurrentStateTest {
  private static final Set<String> LOCKDOWN_HOSTS =
      Set.of("./*", "istio-system/*", "*/api.stripe.com", "*/db.example.com");

  @Property(tries = 100)
  void strictMtlsChangesOnlyModesExceptedPortsAndPlaintextSettings(@ForAll long seed) {
    Random random = new Random(seed);
    List<Resource> current = Manifests.parse(randomMtlsState(random), "random.yaml");
    Plan plan =
        StrictMtlsMigration.mesh("istio-system")
            .namespaces("orders", "payments")
            .serverFirstPort("orders", "app", "mysql", 3306)
            .from(State.of(current))
            .build()
            .plan();
    assertEquals(List.of(), MakeBeforeBreakChecker.check(plan));
    assertOnlyOwnedPathsChange(plan, current, PolicyRolloutsFromCurrentStateTest::mtlsOwned);
  }

  @Property(tries = 100)
  void egressLockdownChangesOnlyTheSidecarsModeAndHostsAndItsEntries(@ForAll long seed) {
    Random random = new Random(seed);
    List<Resource> current = Manifests.parse(randomEgressState(random), "random.yaml");
    Plan plan =
        EgressLockdown.forNamespace("payments")
            .allow(ExternalHost.https("api.stripe.com"), ExternalHost.tcp("db.example.com", 5432))
            .from(State.of(current))
            .build()
            .plan();
    assertEquals(List.of(), MakeBeforeBreakChecker.check(plan));
    assertOnlyOwnedPathsChange(plan, current, PolicyRolloutsFromCurrentStateTest::egressOwned);
  }

  private static String randomMtlsState(Random random) {
    StringBuilder b = new StringBuilder();
    b.append(
        """
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata:
          name: %s
          namespace: orders
          labels: {team: orders-%d}
        spec:
          mtls: {mode: %s}
        """
            .formatted(
                random.nextBoolean() ? "default" : "namespace-wide",
                random.nextInt(100),
                random.nextBoolean() ? "PERMISSIVE" : "DISABLE"));
    if (random.nextBoolean()) {
      b.append(
          """
          ---
          apiVersion: security.istio.io/v1
          kind: PeerAuthentication
          metadata:
            name: %s
            namespace: orders
            annotations: {reason: "exporter %d"}
          spec:
            selector: {matchLabels: {app: mysql}}
            mtls: {mode: PERMISSIVE}
            portLevelMtls:
              "9104": {mode: %s}
          """
              .formatted(
                  random.nextBoolean() ? "mysql-server-first" : "mysql-ports",
                  random.nextInt(100),
                  random.nextBoolean() ? "PERMISSIVE" : "DISABLE"));
    }
    if (random.nextBoolean()) {
      b.append(
          """
          ---
          apiVersion: security.istio.io/v1
          kind: PeerAuthentication
          metadata: {name: api, namespace: payments}
          spec:
            selector: {matchLabels: {app: api}}
            mtls: {mode: PERMISSIVE}
          """);
    }
    int rules = random.nextInt(3);
    for (int i = 0; i < rules; i++) {
      String ns = random.nextBoolean() ? "orders" : "payments";
      b.append(
          """
          ---
          apiVersion: networking.istio.io/v1
          kind: DestinationRule
          metadata: {name: legacy-%d, namespace: shop, labels: {owner: shop}}
          spec:
            host: legacy-%d.%s.svc.cluster.local
            trafficPolicy:
              tls: {mode: DISABLE}
          """
              .formatted(i, i, ns));
      if (random.nextBoolean()) {
        b.append(
            "    connectionPool: {tcp: {maxConnections: %d}}\n".formatted(1 + random.nextInt(500)));
      }
      if (random.nextBoolean()) {
        b.append(
            """
                portLevelSettings:
                - port: {number: 8443}
                  tls: {mode: SIMPLE}
            """);
      }
    }
    return b.toString();
  }

  private static String randomEgressState(Random random) {
    StringBuilder b = new StringBuilder();
    if (random.nextBoolean()) {
      b.append(
          """
          apiVersion: networking.istio.io/v1
          kind: Sidecar
          metadata: {name: %s, namespace: payments, labels: {team: payments}}
          spec:
            ingress:
            - port: {number: 8080, protocol: HTTP, name: http}
              defaultEndpoint: 127.0.0.1:%d
            egress:
            - hosts: ["./*", "monitoring/*"]
          """
              .formatted(random.nextBoolean() ? "default" : "payments", 8000 + random.nextInt(99)));
      if (random.nextBoolean()) {
        b.append(
            """
              - port: {number: 9090, protocol: HTTP, name: metrics}
                hosts: ["monitoring/prometheus.monitoring.svc.cluster.local"]
            """);
      }
      if (random.nextBoolean()) {
        b.append("  outboundTrafficPolicy: {mode: ALLOW_ANY}\n");
      }
      b.append("---\n");
    }
    b.append(
        """
        apiVersion: networking.istio.io/v1
        kind: Sidecar
        metadata: {name: batch, namespace: payments}
        spec:
          workloadSelector: {labels: {app: batch}}
          egress:
          - hosts: ["./*"]
        """);
    if (random.nextBoolean()) {
      b.append(
          """
          ---
          apiVersion: networking.istio.io/v1
          kind: ServiceEntry
          metadata: {name: api-stripe-com, namespace: payments, annotations: {ticket: "SEC-%d"}}
          spec:
            hosts: [api.stripe.com]
            exportTo: ["."]
            location: MESH_EXTERNAL
            resolution: DNS
            ports:
            - {number: 443, name: tls, protocol: TLS}
          """
              .formatted(random.nextInt(1000)));
    }
    return b.toString();
  }

  /** A PeerAuthentication without its mode and excepted port; a DestinationRule without DISABLE. */
  private static void mtlsOwned(ObjectNode tree) {
    ObjectNode spec = (ObjectNode) tree.path("spec");
    if (tree.path("kind").asText().equals("PeerAuthentication")) {
      if (spec.path("mtls").isObject()) {
        ((ObjectNode) spec.get("mtls")).remove("mode");
      }
      if (spec.path("portLevelMtls").isObject()) {
        ((ObjectNode) spec.get("portLevelMtls")).remove("3306");
        if (spec.get("portLevelMtls").isEmpty()) {
          spec.remove("portLevelMtls");
        }
      }
    }
    if (tree.path("kind").asText().equals("DestinationRule") && spec.has("trafficPolicy")) {
      ObjectNode policy = (ObjectNode) spec.get("trafficPolicy");
      if (policy.path("tls").path("mode").asText().equals("DISABLE")) {
        policy.remove("tls");
      }
      if (policy.isEmpty()) {
        spec.remove("trafficPolicy");
      }
    }
  }

  /** A Sidecar without its outbound mode and the lockdown's hosts; an entry's own host and port. */
  private static void egressOwned(ObjectNode tree) {
    ObjectNode spec = (ObjectNode) tree.path("spec");
    if (tree.path("kind").asText().equals("Sidecar")) {
      if (spec.path("outboundTrafficPolicy").isObject()) {
        ((ObjectNode) spec.get("outboundTrafficPolicy")).remove("mode");
        if (spec.get("outboundTrafficPolicy").isEmpty()) {
          spec.remove("outboundTrafficPolicy");
        }
      }
      for (JsonNode listener : spec.path("egress")) {
        if (!listener.has("port")) {
          Iterator<JsonNode> hosts = ((ArrayNode) listener.path("hosts")).elements();
          while (hosts.hasNext()) {
            if (LOCKDOWN_HOSTS.contains(hosts.next().asText())) {
              hosts.remove();
            }
          }
        }
      }
    }
  }

  private interface Owned {
    void remove(ObjectNode tree);
  }

  private static void assertOnlyOwnedPathsChange(Plan plan, List<Resource> current, Owned owned) {
    Map<ResourceKey, Resource> before = new HashMap<>();
    current.forEach(r -> before.put(ResourceKey.of(r), r));
    for (Stage stage : plan.stages()) {
      for (Resource r : stage.applies()) {
        Resource was = before.get(ResourceKey.of(r));
        if (was == null) {
          continue; // created by the rollout
        }
        ObjectNode a = Manifests.toTree(was).deepCopy();
        ObjectNode b = Manifests.toTree(r).deepCopy();
        owned.remove(a);
        owned.remove(b);
        assertEquals(a, b, () -> "changed outside its owned paths: " + Manifests.toYaml(r));
      }
    }
  }
}
