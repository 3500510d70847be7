package dev.sailplan.istio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sailplan.core.fixture.ParsePaths;
import dev.sailplan.core.fixture.Trees;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.problem.ManifestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Differential fuzzing of the direct parsing paths (the event reader parsing uses, and the tree
 * reader validation uses) against the full Jackson path.
 *
 * <p>Valid multi-document Istio manifests are mutated line by line (a scalar replaced by a tricky
 * one, a line duplicated, deleted, swapped with the next or re-indented). Whatever comes out, the
 * contract of {@link ParsePaths} must hold: a direct result equals the full path's result, and a
 * text the full path rejects gets no direct result. Unmutated seeds must all take the direct path.
 */
class DirectReaderPropertiesTest {
  private static final ParsePaths PARSER = ParsePaths.discovered();

  /** Routing: a VirtualService with matches, retries and timeouts, and its DestinationRule. */
  private static final String TRAFFIC =
      """
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata:
        name: reviews
        namespace: bookinfo
        labels:
          app: reviews
        creationTimestamp: "2024-05-01T10:00:00Z"
        generation: 3
        resourceVersion: "12345"
      spec:
        hosts:
        - reviews
        gateways: [mesh]
        http:
        - name: canary
          match:
          - headers:
              end-user:
                exact: jason
            uri:
              prefix: /api
          retries:
            attempts: 3
            perTryTimeout: 2s
            retryOn: connect-failure,refused-stream
            retryRemoteLocalities: true
          route:
          - destination:
              host: reviews
              subset: v2
              port:
                number: 9080
            weight: 90
          - destination:
              host: reviews
              subset: v1
            weight: 10
          mirrorPercentage:
            value: 12.5
          timeout: 10s
      ---
      apiVersion: networking.istio.io/v1beta1
      kind: DestinationRule
      metadata:
        name: reviews
        namespace: bookinfo
      spec:
        host: reviews
        trafficPolicy:
          connectionPool:
            tcp:
              maxConnections: 100
              connectTimeout: 30ms
            http:
              http1MaxPendingRequests: 10
              maxRequestsPerConnection: 1
          outlierDetection:
            consecutive5xxErrors: 7
            interval: 5m
            baseEjectionTime: 15m
          loadBalancer:
            simple: LEAST_REQUEST
          tls:
            mode: ISTIO_MUTUAL
            sni: reviews.bookinfo.svc
        subsets:
        - name: v1
          labels:
            version: v1
        - name: v2
          labels:
            version: v2
          trafficPolicy:
            loadBalancer:
              simple: ROUND_ROBIN
      status:
        observedGeneration: 3
        conditions:
        - type: Reconciled
          status: "True"
          lastTransitionTime: 2024-05-01T10:00:00Z
      """;

  /** Security and ingress: an AuthorizationPolicy with rules, a Gateway, a PeerAuthentication. */
  private static final String EDGE =
      """
      # ingress for bookinfo
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata:
        name: ratings-policy
        namespace: bookinfo
      spec:
        action: ALLOW
        rules:
        - from:
          - source:
              principals:
              - cluster.local/ns/bookinfo/sa/reviews
              notNamespaces: ["dev", 'test']
          to:
          - operation:
              methods:
              - GET
              paths:
              - /ratings/*
              ports: ["8080"]
          when:
          - key: request.auth.claims[iss]
            values:
            - https://accounts.example.com
        selector:
          matchLabels:
            app: ratings
      ---
      kind: Gateway
      apiVersion: networking.istio.io/v1
      metadata:
        name: bookinfo-gateway
        namespace: bookinfo
        annotations:
          note: |
            managed by sailplan
      spec:
        selector:
          istio: ingressgateway
        servers:
        - hosts:
          - bookinfo.example.com
          port:
            name: http
            number: 80
            protocol: HTTP
          tls:
            httpsRedirect: true
        - hosts: [bookinfo.example.com]
          port: {name: https, number: 443, protocol: HTTPS, targetPort: 8443}
          tls:
            credentialName: bookinfo-credential
            mode: SIMPLE
      ---
      apiVersion: security.istio.io/v1
      kind: PeerAuthentication
      metadata:
        name: default
        namespace: istio-system
      spec:
        mtls:
          mode: STRICT
      ---
      """;

  /** Egress: a ServiceEntry, and an EnvoyFilter with a free-form patch. */
  private static final String EGRESS =
      """
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry
      metadata:
        name: external-api
        namespace: default
      spec:
        hosts:
        - api.example.com
        location: MESH_EXTERNAL
        resolution: DNS
        ports:
        - number: 443
          name: https
          protocol: TLS
          targetPort: 8443
        exportTo: ["."]
      ---
      apiVersion: networking.istio.io/v1alpha3
      kind: EnvoyFilter
      metadata:
        name: lua
        namespace: istio-config
      spec:
        workloadSelector:
          labels:
            app: reviews
        priority: 10
        configPatches:
        - applyTo: HTTP_FILTER
          match:
            context: SIDECAR_INBOUND
            listener:
              portNumber: 9080
          patch:
            operation: INSERT_BEFORE
            value:
              name: envoy.filters.http.lua
              typed_config:
                "@type": type.googleapis.com/envoy.extensions.filters.http.lua.v3.Lua
                inlineCode: |
                  function envoy_on_request(handle)
                    handle:headers():add("x-lua", "1")
                  end
                enabled: true
                ports:
                - 80
                - 443
                limits: {max: 2147483648, min: -1}
                tags: []
      """;

  private static final List<String> SEEDS = List.of(TRAFFIC, EDGE, EGRESS);

  /** Scalars that YAML 1.1, Jackson or the generated readers treat specially. */
  private static final List<String> TRICKY =
      List.of(
          "~",
          "null",
          "",
          "\"\"",
          "''",
          "yes",
          "No",
          "on",
          "y",
          "true",
          "False",
          "0",
          "-0",
          "007",
          "0x1F",
          "0o17",
          "1_000",
          "+5",
          "1.5",
          "-0.0",
          ".5",
          "1e3",
          "1.0e+3",
          ".inf",
          "-.inf",
          ".nan",
          "12:30",
          "2024-01-01",
          "2024-01-01T10:00:00Z",
          "\"10\"",
          "'x'",
          "\"true\"",
          "'yes'",
          "\"a\\tb\"",
          "&a x",
          "*a",
          "!!str 5",
          "!!int \"5\"",
          "!!float 1",
          "! x",
          "[]",
          "{}",
          "[a, b]",
          "{a: b}",
          "|\n  block",
          "9223372036854775807",
          "9223372036854775808",
          "-9223372036854775808",
          "2147483647",
          "2147483648",
          "-2147483648",
          "-2147483649",
          "10s",
          "1h30m",
          "0.5s",
          "10",
          "-10s",
          "abc",
          "ALLOW",
          "DENY",
          "SIMPLE",
          "a: b",
          "- a",
          "#",
          "x # comment",
          "\"unterminated",
          "'",
          "\t",
          "@at",
          "`tick",
          "%pct",
          "x".repeat(300));

  // ---- mutations -----------------------------------------------------------------------------

  /** One edit of a text's lines; positions wrap around the line count, so any int is valid. */
  sealed interface Mutation {
    void apply(List<String> lines);

    /** Replaces the scalar after a line's {@code ": "} or leading {@code "- "}. */
    record ReplaceScalar(int line, String value) implements Mutation {
      @Override
      public void apply(List<String> lines) {
        int i = Math.floorMod(line, lines.size());
        int start = scalarStart(lines.get(i));
        if (start >= 0) {
          lines.set(i, lines.get(i).substring(0, start) + value);
        }
      }
    }

    record DuplicateLine(int line) implements Mutation {
      @Override
      public void apply(List<String> lines) {
        int i = Math.floorMod(line, lines.size());
        lines.add(i, lines.get(i));
      }
    }

    record DeleteLine(int line) implements Mutation {
      @Override
      public void apply(List<String> lines) {
        if (lines.size() > 1) {
          lines.remove(Math.floorMod(line, lines.size()));
        }
      }
    }

    record SwapWithNext(int line) implements Mutation {
      @Override
      public void apply(List<String> lines) {
        if (lines.size() > 1) {
          int i = Math.floorMod(line, lines.size() - 1);
          lines.set(i, lines.set(i + 1, lines.get(i)));
        }
      }
    }

    /** Shifts a line by {@code by} spaces (negative: removes up to that many leading spaces). */
    record Reindent(int line, int by) implements Mutation {
      @Override
      public void apply(List<String> lines) {
        int i = Math.floorMod(line, lines.size());
        String l = lines.get(i);
        if (by >= 0) {
          lines.set(i, " ".repeat(by) + l);
        } else {
          int indent = l.length() - l.stripLeading().length();
          lines.set(i, l.substring(Math.min(indent, -by)));
        }
      }
    }
  }

  /**
   * Where a line's value starts: after its first {@code ": "}, else after its leading {@code "- "};
   * -1 when it has none (a bare key opening a block, a comment, a separator).
   */
  static int scalarStart(String line) {
    int colon = line.indexOf(": ");
    if (colon >= 0 && !line.stripLeading().startsWith("#")) {
      return colon + 2;
    }
    String rest = line.stripLeading();
    return rest.startsWith("- ") ? line.length() - rest.length() + 2 : -1;
  }

  /** A seed and the mutations applied to it, in order. */
  record Mutant(int seed, List<Mutation> mutations) {
    String yaml() {
      List<String> lines = new ArrayList<>(List.of(SEEDS.get(seed).split("\n", -1)));
      for (Mutation m : mutations) {
        m.apply(lines);
      }
      return String.join("\n", lines);
    }

    @Override
    public String toString() {
      return mutations + " on seed " + seed + ":\n" + yaml();
    }
  }

  @Provide
  Arbitrary<Mutant> mutants() {
    Arbitrary<Integer> line = Arbitraries.integers().between(0, 200);
    Arbitrary<Mutation> mutation =
        Arbitraries.frequencyOf(
            // Most weight on scalars: they exercise the typing rules, the rest mostly breaks
            // structure.
            Tuple.of(
                6,
                Combinators.combine(line, Arbitraries.of(TRICKY)).as(Mutation.ReplaceScalar::new)),
            Tuple.of(1, line.map(Mutation.DuplicateLine::new)),
            Tuple.of(1, line.map(Mutation.DeleteLine::new)),
            Tuple.of(1, line.map(Mutation.SwapWithNext::new)),
            Tuple.of(
                1,
                Combinators.combine(line, Arbitraries.of(-4, -2, -1, 1, 2, 4))
                    .as(Mutation.Reindent::new)));
    return Combinators.combine(
            Arbitraries.integers().between(0, SEEDS.size() - 1),
            mutation.list().ofMinSize(1).ofMaxSize(3))
        .as(Mutant::new);
  }

  // ---- the contract --------------------------------------------------------------------------

  /** What the full path made of a text: the resources, or the problem report. */
  private record Outcome(List<Resource> resources, String error) {
    static Outcome full(String yaml) {
      try {
        return new Outcome(PARSER.full(yaml, "fuzz.yaml"), null);
      } catch (ManifestException e) {
        return new Outcome(null, e.getMessage());
      }
    }
  }

  /**
   * Checks the contract on one text.
   *
   * @return which path read it, for statistics
   */
  private static String assertContract(String yaml) {
    Outcome full = Outcome.full(yaml);
    if (full.resources() != null) {
      // What validation checks a built resource against: the written tree is Jackson's.
      for (Resource r : full.resources()) {
        assertEquals(Trees.jackson(r), Trees.written(r), () -> "the trees disagree on:\n" + yaml);
      }
    }
    assertContract(yaml, PARSER.tree(yaml), full);
    return assertContract(yaml, PARSER.direct(yaml), full);
  }

  private static String assertContract(String yaml, Optional<List<Resource>> direct, Outcome full) {
    if (direct.isEmpty()) {
      return full.error() == null ? "full, accepted" : "full, rejected";
    }
    if (full.error() != null) {
      fail(
          "the direct path accepted what the full path rejects ("
              + full.error()
              + "):\n"
              + yaml
              + "\ndirect read: "
              + direct.get());
    }
    assertEquals(full.resources(), direct.get(), () -> "the paths disagree on:\n" + yaml);
    return "direct";
  }

  @Property(tries = 2000)
  void theDirectPathNeverDisagreesWithTheFullPath(@ForAll("mutants") Mutant mutant) {
    Statistics.label("path").collect(assertContract(mutant.yaml()));
    // Were every mutant to fall back, the property would hold vacuously (about a fifth stay
    // direct).
    Statistics.label("path").coverage(c -> c.check("direct").percentage(p -> p >= 5.0));
  }

  /**
   * Every tricky scalar in every value position of every seed, once: random mutants reach a given
   * field and value together too rarely to cover the typing rules field by field.
   */
  @Example
  void everySingleScalarReplacementKeepsTheContract() {
    Map<String, Integer> paths = new TreeMap<>();
    // Document by document: the other documents of a stream would only be parsed again and again.
    for (String seed : SEEDS) {
      for (String document : seed.split("(?m)^---\n", -1)) {
        List<String> lines = List.of(document.split("\n", -1));
        for (int line = 0; line < lines.size(); line++) {
          if (scalarStart(lines.get(line)) < 0) {
            continue;
          }
          for (String value : TRICKY) {
            List<String> mutated = new ArrayList<>(lines);
            new Mutation.ReplaceScalar(line, value).apply(mutated);
            String path = assertContract(String.join("\n", mutated));
            paths.merge(path, 1, Integer::sum);
            Statistics.label("path").collect(path);
          }
        }
      }
    }
    // Not vacuous: plenty of replacements stay on the direct path, and plenty leave it.
    assertTrue(paths.getOrDefault("direct", 0) > 500, paths::toString);
    assertTrue(paths.getOrDefault("full, rejected", 0) > 500, paths::toString);
  }

  @Example
  void everySeedTakesTheDirectPathAndAgrees() {
    int direct = 0;
    for (String seed : SEEDS) {
      Optional<List<Resource>> read = PARSER.direct(seed);
      Optional<List<Resource>> tree = PARSER.tree(seed);
      if (read.isPresent() && tree.isPresent()) {
        direct++;
        assertEquals(PARSER.full(seed, "seed.yaml"), read.get(), seed);
        assertEquals(PARSER.full(seed, "seed.yaml"), tree.get(), seed);
      }
    }
    assertEquals(SEEDS.size(), direct, "seeds read by both direct paths");
  }

  @Example
  void theSeedsHoldEveryKindTheyName() {
    List<String> kinds =
        SEEDS.stream()
            .flatMap(s -> PARSER.full(s, "seed.yaml").stream())
            .map(Resource::kind)
            .toList();
    assertEquals(
        List.of(
            "VirtualService",
            "DestinationRule",
            "AuthorizationPolicy",
            "Gateway",
            "PeerAuthentication",
            "ServiceEntry",
            "EnvoyFilter"),
        kinds);
  }

  @Example
  void scalarStartFindsTheValue() {
    assertEquals("  timeout: ".length(), scalarStart("  timeout: 10s"));
    assertEquals("  - ".length(), scalarStart("  - reviews"));
    assertEquals(-1, scalarStart("  spec:"));
    assertEquals(-1, scalarStart("# note: a comment"));
    assertTrue(
        scalarStart("  - name: v1") > 4, "a key inside a list item: its value, not the item");
  }
}
