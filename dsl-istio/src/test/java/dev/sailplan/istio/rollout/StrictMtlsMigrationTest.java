package dev.sailplan.istio.rollout;

import static dev.sailplan.istio.Security.mtls;
import static dev.sailplan.istio.Security.peerAuthentication;
import static dev.sailplan.istio.Traffic.destinationRule;
import static dev.sailplan.istio.Traffic.loadBalancer;
import static dev.sailplan.istio.Traffic.portSelector;
import static dev.sailplan.istio.Traffic.versionSubset;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sailplan.core.Manifests;
import dev.sailplan.core.fixture.Javac;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.plan.Barrier;
import dev.sailplan.core.plan.Change;
import dev.sailplan.core.plan.Plan;
import dev.sailplan.core.plan.ResourceKey;
import dev.sailplan.core.plan.Stage;
import dev.sailplan.core.plan.State;
import dev.sailplan.core.plan.Step;
import dev.sailplan.istio.networking.v1.ClientTLSMode;
import dev.sailplan.istio.networking.v1.ClientTLSSettings;
import dev.sailplan.istio.networking.v1.DestinationRuleSpec;
import dev.sailplan.istio.networking.v1.PortTrafficPolicy;
import dev.sailplan.istio.networking.v1.SimpleLB;
import dev.sailplan.istio.networking.v1.TrafficPolicy;
import dev.sailplan.istio.security.v1.MutualTLSMode;
import dev.sailplan.istio.security.v1.PeerAuthentication;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class StrictMtlsMigrationTest {
  private static final ClientTLSSettings DISABLE =
      ClientTLSSettings.builder().mode(ClientTLSMode.DISABLE).build();

  /** Only sends plaintext to payments: deleted before payments turns STRICT. */
  private static final Resource PLAINTEXT_TO_PAYMENTS =
      destinationRule(
          "web/legacy-plaintext",
          DestinationRuleSpec.builder()
              .host("api.payments.svc.cluster.local")
              .trafficPolicy(TrafficPolicy.builder().tls(DISABLE).build())
              .build());

  /** Subsets and load balancing besides plaintext on 3306: kept, without the DISABLE. */
  private static final Resource ORDERS_DB =
      destinationRule(
          "orders/db",
          DestinationRuleSpec.builder()
              .host("db")
              .addSubsets(versionSubset("v1"))
              .trafficPolicy(
                  TrafficPolicy.builder()
                      .loadBalancer(loadBalancer(SimpleLB.ROUND_ROBIN))
                      .addPortLevelSettings(
                          PortTrafficPolicy.builder().port(portSelector(3306)).tls(DISABLE).build())
                      .build())
              .build());

  private static StrictMtlsMigration migration() {
    return StrictMtlsMigration.mesh("istio-config")
        .namespaces("payments", "orders")
        .serverFirstPort("orders", "app", "mysql", 3306)
        .from(State.of(PLAINTEXT_TO_PAYMENTS, ORDERS_DB))
        .build();
  }

  /** Each stage as "label: +key, -key, ~key -> barrier". */
  private static List<String> outline(Step step) {
    return step.stages().stream()
        .map(
            s ->
                s.label()
                    + ": "
                    + String.join(
                        ", ",
                        s.changes().stream()
                            .map(c -> (c.isDelete() ? "-" : c.isCreate() ? "+" : "~") + c.key())
                            .toList())
                    + " -> "
                    + s.then().value())
        .toList();
  }

  private static Step step(Plan plan, String name) {
    return plan.steps().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  private static String message(Supplier<?> build) {
    return assertThrows(IllegalArgumentException.class, build::get).getMessage();
  }

  private static Optional<MutualTLSMode> mode(State state, String ref) {
    String[] p = ref.split("/", -1);
    return state
        .get(new ResourceKey("security.istio.io", "PeerAuthentication", p[0], p[1]))
        .map(
            r ->
                ((PeerAuthentication) r)
                    .spec()
                    .orElseThrow()
                    .mtls()
                    .orElseThrow()
                    .mode()
                    .orElseThrow());
  }

  @Test
  void stepsGoPermissiveThenEachNamespaceThenTheMesh() {
    StrictMtlsMigration m = migration();
    assertEquals("strict-mtls-migration", m.name());
    assertEquals(
        List.of("mesh-permissive", "strict-payments", "strict-orders", "mesh-strict"),
        m.stepNames());
    Plan plan = m.plan();
    assertEquals(m.stepNames(), plan.steps().stream().map(Step::name).toList());
    assertEquals(State.of(PLAINTEXT_TO_PAYMENTS, ORDERS_DB), plan.current());
  }

  @Test
  void stagesAndBarriers() {
    Plan plan = migration().plan();
    assertEquals(
        List.of(
            "peerauthentications: +PeerAuthentication istio-config/default, +PeerAuthentication orders/mysql-server-first -> gate"),
        outline(step(plan, "mesh-permissive")));
    assertEquals(
        List.of(
            "delete-destinationrules: -DestinationRule web/legacy-plaintext -> propagation",
            "peerauthentications: +PeerAuthentication payments/default -> gate"),
        outline(step(plan, "strict-payments")));
    assertEquals(
        List.of(
            "destinationrules-peerauthentications: ~DestinationRule orders/db, ~PeerAuthentication orders/mysql-server-first"
                + " -> propagation",
            "peerauthentications: +PeerAuthentication orders/default -> gate"),
        outline(step(plan, "strict-orders")));
    assertEquals(
        List.of("peerauthentications: ~PeerAuthentication istio-config/default -> none"),
        outline(step(plan, "mesh-strict")));
    assertEquals(Barrier.NONE, plan.stages().get(plan.stages().size() - 1).then());
  }

  @Test
  void theMeshIsPermissiveFirstThenStrict() {
    Plan plan = migration().plan();
    assertEquals(
        Optional.of(MutualTLSMode.PERMISSIVE),
        mode(step(plan, "mesh-permissive").desired(), "istio-config/default"));
    assertEquals(
        Optional.of(MutualTLSMode.PERMISSIVE),
        mode(step(plan, "strict-orders").desired(), "istio-config/default"));
    assertEquals(
        Optional.of(MutualTLSMode.STRICT),
        mode(step(plan, "mesh-strict").desired(), "istio-config/default"));
    assertEquals(
        Optional.empty(), mode(step(plan, "mesh-permissive").desired(), "payments/default"));
    assertEquals(
        Optional.of(MutualTLSMode.STRICT),
        mode(step(plan, "strict-payments").desired(), "payments/default"));
    assertEquals(Optional.empty(), mode(step(plan, "strict-payments").desired(), "orders/default"));
  }

  @Test
  void theServerFirstExceptionIsThereWhilePermissiveAndStaysWhenStrict() {
    Plan plan = migration().plan();
    String permissive =
        """
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata:
          name: mysql-server-first
          namespace: orders
        spec:
          mtls:
            mode: PERMISSIVE
          portLevelMtls:
            "3306":
              mode: DISABLE
          selector:
            matchLabels:
              app: mysql
        """;
    Resource early =
        step(plan, "mesh-permissive")
            .desired()
            .get(
                new ResourceKey(
                    "security.istio.io", "PeerAuthentication", "orders", "mysql-server-first"))
            .orElseThrow();
    assertEquals(permissive, Manifests.toYaml(early));
    Resource last =
        plan.desired()
            .get(
                new ResourceKey(
                    "security.istio.io", "PeerAuthentication", "orders", "mysql-server-first"))
            .orElseThrow();
    assertEquals(permissive.replace("PERMISSIVE", "STRICT"), Manifests.toYaml(last));
  }

  @Test
  void portsOfOneWorkloadShareOnePolicy() {
    StrictMtlsMigration m =
        StrictMtlsMigration.mesh("istio-system")
            .namespaces("data")
            .serverFirstPort("data", "app", "mongo", 27017)
            .serverFirstPort("data", "app", "mongo", 25)
            .serverFirstPort("data", "app.kubernetes.io/name", "smtp", 25)
            .build();
    assertEquals(
        """
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata:
          name: mongo-server-first
          namespace: data
        spec:
          mtls:
            mode: STRICT
          portLevelMtls:
            "25":
              mode: DISABLE
            "27017":
              mode: DISABLE
          selector:
            matchLabels:
              app: mongo
        ---
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata:
          name: smtp-server-first
          namespace: data
        spec:
          mtls:
            mode: STRICT
          portLevelMtls:
            "25":
              mode: DISABLE
          selector:
            matchLabels:
              app.kubernetes.io/name: smtp
        """,
        Manifests.toYaml(
            m.plan().desired().resources().stream()
                .filter(r -> r.metadata().name().orElseThrow().endsWith("-server-first"))
                .toList()));
  }

  @Test
  void aPlaintextRuleIsRemovedInTheStageBeforeItsNamespaceTurnsStrictAndNeverMeetsIt() {
    Plan plan = migration().plan();
    List<Stage> stages = step(plan, "strict-payments").stages();
    int deleted = indexOf(stages, "DestinationRule web/legacy-plaintext", true);
    int strict = indexOf(stages, "PeerAuthentication payments/default", false);
    assertEquals(0, deleted);
    assertEquals(1, strict);
    // Walk every stage of the plan: the rule and a STRICT payments never exist together.
    State at = plan.current();
    List<String> seen = new ArrayList<>();
    for (Stage s : plan.stages()) {
      for (Change c : s.changes()) {
        at = at.with(c.key(), c.after());
      }
      boolean rule = at.get(ResourceKey.of(PLAINTEXT_TO_PAYMENTS)).isPresent();
      boolean strictPayments =
          mode(at, "payments/default").filter(MutualTLSMode.STRICT::equals).isPresent();
      assertFalse(rule && strictPayments, "after stage " + s.label());
      seen.add((rule ? "rule" : "-") + "/" + (strictPayments ? "strict" : "-"));
    }
    assertEquals(List.of("rule/-", "-/-", "-/strict", "-/strict", "-/strict", "-/strict"), seen);
    assertEquals(plan.desired(), at);
  }

  @Test
  void aRuleThatDoesMoreOnlyLosesItsDisable() {
    Resource db = migration().plan().desired().get(ResourceKey.of(ORDERS_DB)).orElseThrow();
    assertEquals(
        """
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: db
          namespace: orders
        spec:
          host: db
          subsets:
          - labels:
              version: v1
            name: v1
          trafficPolicy:
            loadBalancer:
              simple: ROUND_ROBIN
        """,
        Manifests.toYaml(db));
  }

  @Test
  void rulesThePlannerCannotSeeGoOneStepEarlierAndOthersBeforeTheMesh() {
    // *.local reaches every namespace; the composite removes it in mesh-permissive, before any
    // STRICT.
    Resource everywhere =
        destinationRule(
            "istio-config/plaintext-everywhere",
            DestinationRuleSpec.builder()
                .host("*.local")
                .trafficPolicy(TrafficPolicy.builder().tls(DISABLE).build())
                .build());
    // DISABLE only inside a subset, toward a namespace not migrated: in the last namespace's step.
    Resource subsetOnly =
        destinationRule(
            "legacy/subset-plaintext",
            DestinationRuleSpec.builder()
                .host("db")
                .addSubsets(
                    versionSubset("v1")
                        .withTrafficPolicy(TrafficPolicy.builder().tls(DISABLE).build()))
                .build());
    // Toward a namespace not migrated, seen by the planner: in mesh-strict, a stage before STRICT.
    Resource elsewhere =
        destinationRule(
            "legacy/plaintext",
            DestinationRuleSpec.builder()
                .host("app")
                .trafficPolicy(TrafficPolicy.builder().tls(DISABLE).build())
                .build());
    // Toward a host outside the cluster: none of the migration's business.
    Resource external =
        destinationRule(
            "web/external",
            DestinationRuleSpec.builder()
                .host("api.example.com")
                .trafficPolicy(TrafficPolicy.builder().tls(DISABLE).build())
                .build());
    Plan plan =
        StrictMtlsMigration.mesh("istio-config")
            .namespaces("payments")
            .from(State.of(everywhere, subsetOnly, elsewhere, external))
            .build()
            .plan();
    assertEquals(
        List.of(
            "destinationrules-peerauthentications: -DestinationRule istio-config/plaintext-everywhere,"
                + " +PeerAuthentication istio-config/default -> gate"),
        outline(step(plan, "mesh-permissive")));
    assertEquals(
        List.of(
            "destinationrules-peerauthentications: ~DestinationRule legacy/subset-plaintext,"
                + " +PeerAuthentication payments/default -> gate"),
        outline(step(plan, "strict-payments")));
    assertEquals(
        List.of(
            "delete-destinationrules: -DestinationRule legacy/plaintext -> propagation",
            "peerauthentications: ~PeerAuthentication istio-config/default -> none"),
        outline(step(plan, "mesh-strict")));
    assertEquals(
        State.of(
            external,
            destinationRule(
                "legacy/subset-plaintext",
                DestinationRuleSpec.builder().host("db").addSubsets(versionSubset("v1")).build()),
            peerAuthentication("istio-config/default", mtls(MutualTLSMode.STRICT)),
            peerAuthentication("payments/default", mtls(MutualTLSMode.STRICT))),
        plan.desired());
  }

  @Test
  void anExistingNamespacePolicyKeepsItsNameAndPassesThroughPermissive() {
    Resource existing = peerAuthentication("payments/default-mtls", mtls(MutualTLSMode.DISABLE));
    Plan plan =
        StrictMtlsMigration.mesh("istio-system")
            .namespaces("payments")
            .from(State.of(existing))
            .name("payments-mtls")
            .build()
            .plan();
    assertEquals("payments-mtls", plan.name());
    assertEquals(
        List.of(
            "peerauthentications: ~PeerAuthentication payments/default-mtls -> propagation",
            "peerauthentications: ~PeerAuthentication payments/default-mtls -> gate"),
        outline(step(plan, "strict-payments")));
    PeerAuthentication between =
        (PeerAuthentication) step(plan, "strict-payments").stages().get(0).applies().get(0);
    assertEquals(
        MutualTLSMode.PERMISSIVE,
        between.spec().orElseThrow().mtls().orElseThrow().mode().orElseThrow());
    assertEquals(Optional.empty(), mode(plan.desired(), "payments/default"));
    assertEquals(Optional.of(MutualTLSMode.STRICT), mode(plan.desired(), "payments/default-mtls"));
  }

  @Test
  void namespacesAreRequiredBeforeBuild() {
    assertEquals(
        List.of(Javac.noSuchMethod("build()", StrictMtlsMigration.NamespacesStep.class)),
        Javac.errors(
            "StrictMtlsMigration.mesh(\"istio-config\").build()", StrictMtlsMigration.class));
    assertEquals(
        List.of(
            Javac.noSuchMethod(
                "serverFirstPort(java.lang.String,java.lang.String,java.lang.String,int)",
                StrictMtlsMigration.NamespacesStep.class)),
        Javac.errors(
            "StrictMtlsMigration.mesh(\"istio-config\").serverFirstPort(\"orders\", \"app\", \"mysql\", 3306)",
            StrictMtlsMigration.class));
    assertEquals(
        List.of(),
        Javac.errors(
            "StrictMtlsMigration.mesh(\"istio-config\").namespaces(\"payments\").build()",
            StrictMtlsMigration.class));
    assertEquals(
        List.of(),
        Javac.errors(
            "StrictMtlsMigration.mesh(\"istio-config\").namespaces(\"orders\")"
                + ".serverFirstPort(\"orders\", \"app\", \"mysql\", 3306).from(State.empty()).name(\"m\").build()",
            StrictMtlsMigration.class,
            State.class));
  }

  @Test
  void badInputsAreRejectedWithClearMessages() {
    assertEquals(
        "root namespace 'Istio' is not a valid name (lower-case letters, digits and '-', at most 63,"
            + " starting and ending alphanumeric)",
        message(() -> StrictMtlsMigration.mesh("Istio").namespaces("a").build()));
    assertEquals(
        "root namespace 'mesh-root' is not one the planner treats as mesh-wide (istio-config, istio-system)",
        message(() -> StrictMtlsMigration.mesh("mesh-root").namespaces("a").build()));
    assertEquals(
        "a migration needs at least one namespace",
        message(() -> StrictMtlsMigration.mesh("istio-system").namespaces().build()));
    assertEquals(
        "namespace 'pay_ments' is not a valid name (lower-case letters, digits and '-', at most 63,"
            + " starting and ending alphanumeric)",
        message(() -> StrictMtlsMigration.mesh("istio-system").namespaces("pay_ments").build()));
    assertEquals(
        "namespace 'payments' is listed twice",
        message(
            () ->
                StrictMtlsMigration.mesh("istio-system")
                    .namespaces("payments", "orders", "payments")
                    .build()));
    assertEquals(
        "namespace 'istio-system' is the root namespace: its policy is the mesh-wide one, set in mesh-permissive"
            + " and mesh-strict",
        message(() -> StrictMtlsMigration.mesh("istio-system").namespaces("istio-system").build()));
    assertEquals(
        "server-first port 0 is not within 1..65535",
        message(
            () ->
                StrictMtlsMigration.mesh("istio-system")
                    .namespaces("orders")
                    .serverFirstPort("orders", "app", "mysql", 0)
                    .build()));
    assertEquals(
        "server-first port 65536 is not within 1..65535",
        message(
            () ->
                StrictMtlsMigration.mesh("istio-system")
                    .namespaces("orders")
                    .serverFirstPort("orders", "app", "mysql", 65536)
                    .build()));
    assertEquals(
        "server-first port 3306 of billing app=mysql is in a namespace that is not migrated"
            + " (namespaces: payments, orders)",
        message(
            () ->
                StrictMtlsMigration.mesh("istio-system")
                    .namespaces("payments", "orders")
                    .serverFirstPort("billing", "app", "mysql", 3306)
                    .build()));
    assertEquals(
        "server-first port 3306 of orders app=mysql is given twice",
        message(
            () ->
                StrictMtlsMigration.mesh("istio-system")
                    .namespaces("orders")
                    .serverFirstPort("orders", "app", "mysql", 3306)
                    .serverFirstPort("orders", "app", "mysql", 3306)
                    .build()));
    assertEquals(
        "server-first exceptions for orders app=mysql and orders tier=mysql would both be named"
            + " orders/mysql-server-first",
        message(
            () ->
                StrictMtlsMigration.mesh("istio-system")
                    .namespaces("orders")
                    .serverFirstPort("orders", "app", "mysql", 3306)
                    .serverFirstPort("orders", "tier", "mysql", 33060)
                    .build()));
    assertEquals(
        "label key 'app name' is not a valid label key",
        message(
            () ->
                StrictMtlsMigration.mesh("istio-system")
                    .namespaces("orders")
                    .serverFirstPort("orders", "app name", "mysql", 3306)
                    .build()));
    assertEquals(
        "plan name 'Strict' is not a valid name (lower-case letters, digits and '-', at most 63, starting and"
            + " ending alphanumeric)",
        message(
            () ->
                StrictMtlsMigration.mesh("istio-system")
                    .namespaces("orders")
                    .name("Strict")
                    .build()));
  }

  @Test
  void aMigrationWithNothingToDoInAStepHasAnEmptyStep() {
    Resource already = peerAuthentication("istio-system/default", mtls(MutualTLSMode.PERMISSIVE));
    Plan plan =
        StrictMtlsMigration.mesh("istio-system")
            .namespaces("payments")
            .from(State.of(already))
            .build()
            .plan();
    assertTrue(step(plan, "mesh-permissive").stages().isEmpty());
    assertEquals(
        List.of("peerauthentications: +PeerAuthentication payments/default -> gate"),
        outline(step(plan, "strict-payments")));
  }

  private static int indexOf(List<Stage> stages, String key, boolean delete) {
    for (int i = 0; i < stages.size(); i++) {
      for (Change c : stages.get(i).changes()) {
        if (c.key().toString().equals(key) && c.isDelete() == delete) {
          return i;
        }
      }
    }
    return -1;
  }
}
