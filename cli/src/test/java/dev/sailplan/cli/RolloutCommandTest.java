package dev.sailplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RolloutCommandTest {
  /** The shop namespace: circuit breakers, pools, retries, a mirror, several routes and matches. */
  static final Path SHOP = Path.of("src/test/resources/dev/sailplan/cli/rollout/shop-current.yaml");

  @TempDir Path dir;

  private FmtCommandTest.Run sailplan(String... args) {
    return FmtCommandTest.sailplan(args);
  }

  /** Every object every stage applies equals its current version outside the owned paths. */
  static void assertOnlyOwnedPathsChange(PlanFolderCheck plan) {
    Map<String, JsonNode> current = plan.states.get(0);
    for (List<JsonNode> stage : plan.applied) {
      for (JsonNode t : stage) {
        JsonNode was = current.get(PlanFolderCheck.key(t));
        if (was != null) {
          assertEquals(
              PlanFolderCheck.withoutSubsetRolloutPaths(was),
              PlanFolderCheck.withoutSubsetRolloutPaths(t),
              () -> PlanFolderCheck.key(t) + " changed outside the rollout's paths");
        }
      }
    }
  }

  @Test
  void aCanaryWritesASafePlanFolderThatChangesOnlyWhatItOwns() throws IOException {
    Path out = dir.resolve("plans");
    FmtCommandTest.Run r =
        sailplan(
            "rollout",
            "canary",
            "--current",
            SHOP.toString(),
            "--host",
            "checkout",
            "--stable",
            "v1",
            "--canary",
            "v2",
            "--steps",
            "25,100",
            "--header-override",
            "x-canary=true",
            "--out",
            out.toString());
    assertEquals(
        new FmtCommandTest.Run(
            0,
            "Plan checkout-canary: 4 steps, 5 stages from 10 resources, written to "
                + out.resolve("checkout-canary").toAbsolutePath()
                + "\n",
            ""),
        r);
    PlanFolderCheck plan = PlanFolderCheck.of(out.resolve("checkout-canary"));
    assertEquals(List.of(), plan.violations);
    assertOnlyOwnedPathsChange(plan);
    Map<String, JsonNode> last = plan.last();
    assertEquals(
        List.of(
            "checkout.shop.svc.cluster.local v2",
            "checkout.shop.svc.cluster.local v2",
            "checkout.shop.svc.cluster.local v2",
            "checkout-fallback.shop.svc.cluster.local "),
        PlanFolderCheck.destinations(last.get("VirtualService shop/checkout")));
    assertEquals(
        List.of("checkout.shop.svc.cluster.local v2", "catalog.shop.svc.cluster.local "),
        PlanFolderCheck.destinations(last.get("VirtualService istio-ingress/shop-edge")));
    // The extra subset the mirror uses stays; v1 is gone once nothing routes to it.
    assertEquals(
        "[{\"labels\":{\"version\":\"shadow\"},\"name\":\"canary-shadow\"},"
            + "{\"labels\":{\"version\":\"v2\"},\"name\":\"v2\"}]",
        last.get("DestinationRule shop/checkout").path("spec").path("subsets").toString());
    // At 25%, the weighted route splits its own 90: 22.5 rounds to 23.
    assertEquals(
        "[{\"destination\":{\"host\":\"checkout\",\"subset\":\"v1\"},\"weight\":67},"
            + "{\"destination\":{\"host\":\"checkout\",\"subset\":\"v2\"},\"weight\":23},"
            + "{\"destination\":{\"host\":\"checkout-fallback\"},\"weight\":10}]",
        plan.states
            .get(3)
            .get("VirtualService shop/checkout")
            .path("spec")
            .path("http")
            .get(3)
            .path("route")
            .toString());
  }

  @Test
  void aFolderWithMixedKindsAndAKindListIsOneCurrentState() throws IOException {
    Path out = dir.resolve("plans");
    FmtCommandTest.Run r =
        sailplan(
            "rollout",
            "canary",
            "--current",
            SHOP.getParent().toString(),
            "--host",
            "checkout.shop.svc.cluster.local",
            "--stable",
            "v1",
            "--canary",
            "v2",
            "--name",
            "checkout-v2",
            "--out",
            out.toString());
    assertEquals(0, r.status(), r.err());
    PlanFolderCheck plan = PlanFolderCheck.of(out.resolve("checkout-v2"));
    assertEquals(List.of(), plan.violations);
    assertOnlyOwnedPathsChange(plan);
    assertTrue(plan.states.get(0).containsKey("Service shop/checkout"));
    // The kubectl List's Deployments are read generically and kept, unchanged, in every state.
    for (Map<String, JsonNode> state : plan.states) {
      assertTrue(state.containsKey("Deployment shop/checkout-v1"), state.keySet().toString());
      assertTrue(state.containsKey("Deployment shop/checkout-v2"), state.keySet().toString());
    }
  }

  @Test
  void aBlueGreenSwitchSendsEveryRouteToTheNewSubsetAtOnce() throws IOException {
    Path out = dir.resolve("plans");
    FmtCommandTest.Run r =
        sailplan(
            "rollout",
            "blue-green",
            "--current",
            SHOP.toString(),
            "--host",
            "checkout",
            "--from",
            "v1",
            "--to",
            "v2",
            "--out",
            out.toString());
    assertEquals(0, r.status(), r.err());
    PlanFolderCheck plan = PlanFolderCheck.of(out.resolve("checkout-blue-green"));
    assertEquals(List.of(), plan.violations);
    assertOnlyOwnedPathsChange(plan);
    assertEquals(
        List.of(
            "checkout.shop.svc.cluster.local v2",
            "checkout.shop.svc.cluster.local v2",
            "checkout.shop.svc.cluster.local v2",
            "checkout-fallback.shop.svc.cluster.local "),
        PlanFolderCheck.destinations(plan.last().get("VirtualService shop/checkout")));
    try (var files = Files.list(out.resolve("checkout-blue-green"))) {
      assertEquals(
          List.of(
              "001-add-v2-subset-destinationrules.yaml", "002-switch-to-v2-virtualservices.yaml"),
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.matches("\\d{3}-.*"))
              .sorted()
              .toList());
    }
  }

  @Test
  void anHttpRouteCanaryKeepsMatchesFiltersAndOtherRules() throws IOException {
    Path current =
        Files.writeString(
            dir.resolve("web.yaml"),
            """
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: {name: api, namespace: web, labels: {team: web}}
            spec:
              parentRefs: [{name: public, namespace: istio-ingress}]
              hostnames: [api.example.com]
              rules:
              - matches: [{path: {type: PathPrefix, value: /v1}}]
                filters:
                - type: RequestHeaderModifier
                  requestHeaderModifier: {set: [{name: x-api, value: v1}]}
                timeouts: {request: 10s}
                backendRefs: [{name: api-v1, port: 8080}]
              - matches: [{path: {type: PathPrefix, value: /static}}]
                backendRefs: [{name: static, port: 80}]
            """);
    FmtCommandTest.Run r =
        sailplan(
            "rollout",
            "httproute-canary",
            "--current",
            current.toString(),
            "--route",
            "web/api",
            "--stable",
            "api-v1",
            "--canary",
            "api-v2",
            "--steps",
            "50,100",
            "--format",
            "stream");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().startsWith("# Plan api-canary\n"), r.out());
    assertTrue(
        r.out().contains("    - name: api-v1\n      port: 8080\n      weight: 50\n"), r.out());
    assertTrue(r.out().contains("      value: /static\n"), r.out());
  }

  @Test
  void strictMtlsKeepsTheFieldsOfThePeerAuthenticationsItChanges() throws IOException {
    Path current =
        Files.writeString(
            dir.resolve("orders.yaml"),
            """
            apiVersion: security.istio.io/v1
            kind: PeerAuthentication
            metadata: {name: default, namespace: orders, labels: {team: orders}}
            spec:
              mtls: {mode: PERMISSIVE}
            ---
            apiVersion: security.istio.io/v1
            kind: PeerAuthentication
            metadata: {name: mysql-server-first, namespace: orders, annotations: {why: db}}
            spec:
              selector: {matchLabels: {app: mysql}}
              mtls: {mode: PERMISSIVE}
              portLevelMtls:
                "9104": {mode: PERMISSIVE}
            """);
    Path out = dir.resolve("plans");
    FmtCommandTest.Run r =
        sailplan(
            "rollout",
            "strict-mtls",
            "--current",
            current.toString(),
            "--namespace",
            "orders",
            "--port-exception",
            "orders/mysql:3306",
            "--out",
            out.toString());
    assertEquals(0, r.status(), r.err());
    Map<String, JsonNode> last = PlanFolderCheck.of(out.resolve("strict-mtls-migration")).last();
    assertEquals(
        "{\"mtls\":{\"mode\":\"STRICT\"},\"portLevelMtls\":{\"3306\":{\"mode\":\"DISABLE\"},"
            + "\"9104\":{\"mode\":\"PERMISSIVE\"}},\"selector\":{\"matchLabels\":{\"app\":\"mysql\"}}}",
        last.get("PeerAuthentication orders/mysql-server-first").path("spec").toString());
    assertEquals(
        "{\"why\":\"db\"}",
        last.get("PeerAuthentication orders/mysql-server-first")
            .path("metadata")
            .path("annotations")
            .toString());
    assertEquals(
        "{\"team\":\"orders\"}",
        last.get("PeerAuthentication orders/default").path("metadata").path("labels").toString());
  }

  @Test
  void egressLockdownKeepsTheSidecarsIngressAndHosts() throws IOException {
    Path out = dir.resolve("plans");
    FmtCommandTest.Run r =
        sailplan(
            "rollout",
            "egress-lockdown",
            "--current",
            SHOP.toString(),
            "--namespace",
            "shop",
            "--allow",
            "api.stripe.com:443",
            "db.example.com:5432",
            "--out",
            out.toString());
    assertEquals(0, r.status(), r.err());
    PlanFolderCheck plan = PlanFolderCheck.of(out.resolve("shop-egress-lockdown"));
    assertEquals(List.of(), plan.violations);
    JsonNode sidecar = plan.last().get("Sidecar shop/default");
    assertEquals(
        "[{\"hosts\":[\"./*\",\"istio-system/*\",\"observability/*\",\"*/api.stripe.com\","
            + "\"*/db.example.com\"]}]",
        sidecar.path("spec").path("egress").toString());
    assertEquals(
        plan.states.get(0).get("Sidecar shop/default").path("spec").path("ingress"),
        sidecar.path("spec").path("ingress"));
    assertEquals(
        "REGISTRY_ONLY", sidecar.path("spec").path("outboundTrafficPolicy").path("mode").asText());
  }

  @Test
  void aCurrentStateThatMakesTheRolloutImpossibleSaysWhy() {
    FmtCommandTest.Run r =
        sailplan(
            "rollout",
            "canary",
            "--current",
            SHOP.toString(),
            "--host",
            "checkout",
            "--stable",
            "v3",
            "--canary",
            "v4",
            "--out",
            dir.toString());
    assertEquals(
        new FmtCommandTest.Run(
            1,
            "",
            "sailplan: --current "
                + SHOP
                + ": no VirtualService in the current state routes to checkout subset v3 (routes"
                + " to checkout go to subset v1)\n"),
        r);
    FmtCommandTest.Run unknown =
        sailplan(
            "rollout",
            "blue-green",
            "--current",
            SHOP.toString(),
            "--host",
            "reviews",
            "--from",
            "v1",
            "--to",
            "v2",
            "--out",
            dir.toString());
    assertEquals(
        new FmtCommandTest.Run(
            1,
            "",
            "sailplan: --current "
                + SHOP
                + ": no DestinationRule or VirtualService in the current state names host"
                + " reviews\n"),
        unknown);
  }

  @Test
  void badOptionsAreUsageErrors() {
    String[] base = {
      "rollout",
      "canary",
      "--current",
      SHOP.toString(),
      "--host",
      "checkout",
      "--stable",
      "v1",
      "--canary",
      "v2",
      "--out",
      dir.toString()
    };
    assertEquals(
        new FmtCommandTest.Run(
            2,
            "",
            "sailplan rollout canary: --steps '50,20': step weights must increase: 20 follows 50"
                + " (see sailplan rollout canary --help)\n"),
        sailplan(concat(base, "--steps", "50,20")));
    assertEquals(
        new FmtCommandTest.Run(
            2,
            "",
            "sailplan rollout canary: --steps '10,x': 'x' is not a whole percentage (see sailplan"
                + " rollout canary --help)\n"),
        sailplan(concat(base, "--steps", "10,x")));
    assertEquals(
        new FmtCommandTest.Run(
            2,
            "",
            "sailplan rollout canary: Unknown option: '--bogus' (see sailplan rollout canary"
                + " --help)\n"),
        sailplan(concat(base, "--bogus")));
    assertEquals(
        new FmtCommandTest.Run(
            2,
            "",
            "sailplan rollout canary: --header-override 'x-canary' must be NAME=VALUE (see"
                + " sailplan rollout canary --help)\n"),
        sailplan(concat(base, "--header-override", "x-canary")));
    assertEquals(
        new FmtCommandTest.Run(
            2,
            "",
            "sailplan rollout: missing rollout (canary, blue-green, httproute-canary, strict-mtls,"
                + " egress-lockdown or revision-upgrade) (see sailplan rollout --help)\n"),
        sailplan("rollout"));
    assertEquals(
        new FmtCommandTest.Run(
            2,
            "",
            "sailplan rollout egress-lockdown: --allow 'api.stripe.com' must be HOST:PORT, e.g."
                + " api.stripe.com:443 (see sailplan rollout egress-lockdown --help)\n"),
        sailplan(
            "rollout",
            "egress-lockdown",
            "--current",
            SHOP.toString(),
            "--namespace",
            "shop",
            "--allow",
            "api.stripe.com",
            "--format",
            "stream"));
  }

  @Test
  void helpListsTheRolloutsAndTheirOptions() {
    FmtCommandTest.Run help = sailplan("rollout", "--help");
    assertEquals(0, help.status());
    for (String sub :
        List.of(
            "canary",
            "blue-green",
            "httproute-canary",
            "strict-mtls",
            "egress-lockdown",
            "revision-upgrade")) {
      assertTrue(help.out().contains("\n  " + sub + " "), help.out());
    }
    FmtCommandTest.Run canary = sailplan("rollout", "canary", "--help");
    assertEquals(0, canary.status());
    assertTrue(canary.out().startsWith("Usage: sailplan rollout canary "), canary.out());
    for (String option :
        List.of(
            "--current=FILE",
            "--host=<host>",
            "--steps=PERCENT,...",
            "--header-override=NAME=VALUE",
            "--version-label=LABEL",
            "--format=<format>",
            "--name=NAME",
            "--out=DIR")) {
      assertTrue(canary.out().contains(option), option + " in " + canary.out());
    }
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = new String[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** A GitOps repository holding part of the mesh: the VirtualService's Gateway lives elsewhere. */
  private Path partOfTheMesh() throws IOException {
    return Files.writeString(
        dir.resolve("part.yaml"),
        """
        apiVersion: networking.istio.io/v1
        kind: Gateway
        metadata: {name: internal, namespace: istio-ingress}
        spec:
          selector: {istio: ingressgateway}
          servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*"]}]
        ---
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: {name: checkout, namespace: shop}
        spec:
          host: checkout
          subsets: [{name: v1, labels: {version: v1}}]
        ---
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: checkout, namespace: shop}
        spec:
          hosts: [checkout.example.com]
          gateways: [istio-ingress/public]
          http: [{route: [{destination: {host: checkout, subset: v1}}]}]
        """);
  }

  @Test
  void assumeExternalLetsARolloutReferToWhatLivesElsewhere() throws IOException {
    Path current = partOfTheMesh();
    String[] canary = {
      "rollout",
      "canary",
      "--current",
      current.toString(),
      "--host",
      "checkout",
      "--stable",
      "v1",
      "--canary",
      "v2",
      "--format",
      "stream"
    };
    FmtCommandTest.Run refused = sailplan(canary);
    assertEquals(1, refused.status(), refused.err());
    assertTrue(refused.err().contains("SP1012"), refused.err());
    assertTrue(refused.err().contains("Gateway istio-ingress/public"), refused.err());
    List<String> args = new java.util.ArrayList<>(List.of(canary));
    args.addAll(List.of("--assume-external", "Gateway istio-ingress/*"));
    FmtCommandTest.Run r = sailplan(args.toArray(String[]::new));
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("name: v2"), r.out());
    // The plan folder is checked with the same assumption.
    List<String> folder = new java.util.ArrayList<>(args.subList(0, canary.length - 2));
    folder.addAll(args.subList(canary.length, args.size()));
    folder.addAll(List.of("--out", dir.resolve("plans").toString()));
    FmtCommandTest.Run written = sailplan(folder.toArray(String[]::new));
    assertEquals(0, written.status(), written.err());
    assertTrue(Files.isRegularFile(dir.resolve("plans/checkout-canary/plan.yaml")));
  }

  @Test
  void assumeExternalIsParsedAsValidateParsesIt() throws IOException {
    Path current = partOfTheMesh();
    for (List<String> command :
        List.of(
            List.of("validate", current.toString()),
            List.of("plan", "--to", current.toString(), "--format", "stream"),
            List.of(
                "rollout",
                "blue-green",
                "--current",
                current.toString(),
                "--host",
                "checkout",
                "--from",
                "v1",
                "--to",
                "v2",
                "--format",
                "stream"))) {
      List<String> blank = new java.util.ArrayList<>(command);
      blank.addAll(List.of("--assume-external", " "));
      FmtCommandTest.Run r = sailplan(blank.toArray(String[]::new));
      assertEquals(2, r.status(), command + ": " + r.err());
      assertTrue(r.err().contains("--assume-external '' matches nothing"), r.err());
      List<String> assumed = new java.util.ArrayList<>(command);
      assumed.addAll(List.of("--assume-external", "Gateway istio-ingress/public"));
      FmtCommandTest.Run ok = sailplan(assumed.toArray(String[]::new));
      assertEquals(0, ok.status(), command + ": " + ok.err());
      FmtCommandTest.Run help =
          sailplan(
              command.get(0).equals("rollout")
                  ? new String[] {"rollout", "blue-green", "--help"}
                  : new String[] {command.get(0), "--help"});
      assertTrue(
          help.out().contains("--assume-external=GLOB")
              && help.out().contains("What lives outside the input"),
          help.out());
    }
  }

  @Test
  void aFinishedBlueGreenSwitchDropsTheOldSubsetAfterAGate() throws IOException {
    Path out = dir.resolve("plans");
    FmtCommandTest.Run r =
        sailplan(
            "rollout",
            "blue-green",
            "--current",
            SHOP.toString(),
            "--host",
            "checkout",
            "--from",
            "v1",
            "--to",
            "v2",
            "--finish",
            "--out",
            out.toString());
    assertEquals(0, r.status(), r.err());
    PlanFolderCheck plan = PlanFolderCheck.of(out.resolve("checkout-blue-green"));
    assertEquals(List.of(), plan.violations);
    assertOnlyOwnedPathsChange(plan);
    assertEquals(
        "[{\"labels\":{\"version\":\"shadow\"},\"name\":\"canary-shadow\"},"
            + "{\"labels\":{\"version\":\"v2\"},\"name\":\"v2\"}]",
        plan.last().get("DestinationRule shop/checkout").path("spec").path("subsets").toString());
    String index = Files.readString(out.resolve("checkout-blue-green/plan.yaml"));
    assertTrue(
        index.contains(
            "- name: switch-to-v2\n  stages:\n  - file: 002-switch-to-v2-virtualservices.yaml"),
        index);
    assertTrue(index.contains("- name: drop-v1-subset\n"), index);
    // A gate between the switch and the drop: someone looks at v2 taking traffic first.
    String switchStage =
        index.substring(index.indexOf("002-switch-to-v2"), index.indexOf("- name: drop-v1-subset"));
    assertTrue(switchStage.contains("then: gate"), switchStage);
    FmtCommandTest.Run help = sailplan("rollout", "blue-green", "--help");
    assertTrue(help.out().contains("--finish"), help.out());
  }
}
