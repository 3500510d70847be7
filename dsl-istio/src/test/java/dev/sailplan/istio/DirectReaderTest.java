package dev.sailplan.istio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.sailplan.core.Manifests;
import dev.sailplan.core.fixture.ParsePaths;
import dev.sailplan.core.k8s.Service;
import dev.sailplan.core.kind.KindInfo;
import dev.sailplan.core.kind.KindRegistry;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.problem.ManifestException;
import dev.sailplan.core.value.Duration;
import dev.sailplan.istio.kinds.IstioKinds;
import dev.sailplan.istio.networking.v1.DestinationRule;
import dev.sailplan.istio.networking.v1.Gateway;
import dev.sailplan.istio.networking.v1.HTTPRetry;
import dev.sailplan.istio.networking.v1.HTTPRoute;
import dev.sailplan.istio.networking.v1.Location;
import dev.sailplan.istio.networking.v1.Port;
import dev.sailplan.istio.networking.v1.Resolution;
import dev.sailplan.istio.networking.v1.ServerTLSMode;
import dev.sailplan.istio.networking.v1.ServiceEntry;
import dev.sailplan.istio.networking.v1.ServicePort;
import dev.sailplan.istio.networking.v1.SimpleLB;
import dev.sailplan.istio.networking.v1.Subset;
import dev.sailplan.istio.networking.v1.VirtualService;
import dev.sailplan.istio.networking.v1alpha3.EnvoyFilter;
import dev.sailplan.istio.networking.v1alpha3.PatchOperation;
import dev.sailplan.istio.security.v1.Action;
import dev.sailplan.istio.security.v1.AuthorizationPolicy;
import dev.sailplan.istio.security.v1.Operation;
import dev.sailplan.istio.security.v1.Source;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The direct parsing path (SnakeYAML events into the generated {@code readYaml} methods) against
 * the full Jackson path.
 *
 * <p>Contract: whenever {@link ParsePaths#direct} returns resources, {@link ParsePaths#full}
 * succeeds with equal ones; whenever the full path rejects a text, the direct path is empty, so
 * {@link Manifests#parse} reports exactly what the full path reports. The direct path must also
 * actually be taken for the forms real manifests use, or it saves nothing.
 */
class DirectReaderTest {
  private static final ParsePaths PARSER = ParsePaths.discovered();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  // ---- helpers -------------------------------------------------------------------------------

  /** What one path made of a text: the resources, or the problem report. */
  private record Outcome(List<Resource> resources, String error) {
    static Outcome of(Supplier<List<Resource>> parse) {
      try {
        return new Outcome(parse.get(), null);
      } catch (ManifestException e) {
        return new Outcome(null, e.getMessage());
      }
    }
  }

  /**
   * The resources of {@code yaml}, asserting that the direct path took it and the full path agrees.
   */
  private static List<Resource> direct(String yaml) {
    Optional<List<Resource>> direct = PARSER.direct(yaml);
    assertTrue(direct.isPresent(), () -> "the direct path fell back on:\n" + yaml);
    assertEquals(
        PARSER.full(yaml, "in.yaml"), direct.get(), () -> "the paths disagree on:\n" + yaml);
    return direct.get();
  }

  /** The one resource of {@code yaml}, of type {@code type}, read through the direct path. */
  private static <T extends Resource> T directOne(String yaml, Class<T> type) {
    List<Resource> all = direct(yaml);
    assertEquals(1, all.size(), () -> "documents in:\n" + yaml);
    return assertInstanceOf(type, all.get(0));
  }

  private static HTTPRoute firstRoute(VirtualService vs) {
    return vs.spec().orElseThrow().http().get(0);
  }

  // ---- every kind is read directly ------------------------------------------------------------

  @Test
  void everyIstioKindHasAReader() {
    List<KindInfo> kinds = new IstioKinds().kinds();
    assertFalse(kinds.isEmpty());
    for (KindInfo info : kinds) {
      assertTrue(info.reader().isPresent(), info.kind() + " has no direct reader");
      // Manifests.parse resolves through the discovered registry: its entries must carry the reader
      // too.
      for (String apiVersion : info.apiVersions()) {
        KindInfo found = KindRegistry.discover().find(apiVersion, info.kind()).orElseThrow();
        assertTrue(found.reader().isPresent(), apiVersion + " " + info.kind());
      }
    }
  }

  /** The least spec each kind's required fields allow; {@code {}} for the kinds not listed. */
  private static final Map<String, String> MINIMAL_SPECS =
      Map.of(
          "WasmPlugin", "{url: oci://registry/plugin}",
          "DestinationRule", "{host: reviews}",
          "ServiceEntry", "{hosts: [api.example.com]}",
          "WorkloadGroup", "{template: {}}");

  @Test
  void aMinimalManifestOfEveryKindAndServedVersionTakesTheDirectPath() {
    for (KindInfo info : new IstioKinds().kinds()) {
      for (String apiVersion : info.apiVersions()) {
        Resource r =
            directOne(
                "apiVersion: "
                    + apiVersion
                    + "\nkind: "
                    + info.kind()
                    + "\nmetadata:\n  name: m\n"
                    + "spec: "
                    + MINIMAL_SPECS.getOrDefault(info.kind(), "{}")
                    + "\n",
                info.type());
        assertEquals(apiVersion, r.apiVersion());
        assertEquals(info.kind(), r.kind());
      }
    }
  }

  // ---- the common forms take the direct path --------------------------------------------------

  private static final String RETRY_POLICY =
      """
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata:
        name: retry-policy
        namespace: default
      spec:
        hosts:
        - payment.default.svc.cluster.local
        http:
        - retries:
            attempts: 3
            perTryTimeout: 2.5s
            retryOn: connect-failure,refused-stream
          route:
          - destination:
              host: payment.default.svc.cluster.local
              port:
                number: 8080
            weight: 100
          timeout: 10s
      """;

  @Test
  void aVirtualServiceWithRetriesAndDurations() {
    VirtualService vs = directOne(RETRY_POLICY, VirtualService.class);
    HTTPRoute route = firstRoute(vs);
    assertEquals(Optional.of(Duration.parse("10s")), route.timeout());
    assertEquals(java.time.Duration.ofSeconds(10), route.timeout().orElseThrow().toJava());
    HTTPRetry retries = route.retries().orElseThrow();
    assertEquals(3, retries.attempts().getAsInt());
    // 2.5s is not the "digits and a unit" fast form: it takes Duration's general parser.
    assertEquals(java.time.Duration.ofMillis(2500), retries.perTryTimeout().orElseThrow().toJava());
    assertEquals("2.5s", retries.perTryTimeout().orElseThrow().toString());
    assertEquals(Optional.of("connect-failure,refused-stream"), retries.retryOn());
    assertEquals(
        8080L, route.route().get(0).destination().port().orElseThrow().number().getAsLong());
    assertEquals(100, route.route().get(0).weight().getAsInt());
    assertEquals("networking.istio.io/v1", vs.apiVersion());
  }

  @Test
  void keysInNonCanonicalOrderReadAsTheCanonicalOnes() {
    String shuffled =
        """
        kind: VirtualService
        apiVersion: networking.istio.io/v1
        spec:
          http:
          - timeout: 10s
            route:
            - weight: 100
              destination:
                port:
                  number: 8080
                host: payment.default.svc.cluster.local
            retries:
              retryOn: connect-failure,refused-stream
              perTryTimeout: 2.5s
              attempts: 3
          hosts:
          - payment.default.svc.cluster.local
        metadata:
          namespace: default
          name: retry-policy
        """;
    assertEquals(direct(RETRY_POLICY), direct(shuffled));
  }

  @Test
  void kindBeforeApiVersion() {
    VirtualService vs =
        directOne(
            "kind: VirtualService\napiVersion: networking.istio.io/v1\nmetadata: {name: r}\n",
            VirtualService.class);
    assertEquals("r", vs.metadata().name().orElseThrow());
  }

  @Test
  void anOlderServedApiVersionIsKeptOnTheObject() {
    VirtualService vs =
        directOne(
            RETRY_POLICY.replace("networking.istio.io/v1\n", "networking.istio.io/v1beta1\n"),
            VirtualService.class);
    assertEquals("networking.istio.io/v1beta1", vs.apiVersion());
    assertEquals(Optional.of(Duration.parse("10s")), firstRoute(vs).timeout());
    AuthorizationPolicy ap =
        directOne(
            """
            apiVersion: security.istio.io/v1beta1
            kind: AuthorizationPolicy
            metadata: {name: deny-all}
            spec: {}
            """,
            AuthorizationPolicy.class);
    assertEquals("security.istio.io/v1beta1", ap.apiVersion());
  }

  @Test
  void labelsAndAnnotations() {
    VirtualService vs =
        directOne(
            """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: reviews
          labels:
            app: reviews
            app.kubernetes.io/part-of: bookinfo
          annotations:
            sidecar.istio.io/inject: "false"
            note: two words, a comma
        """,
            VirtualService.class);
    assertEquals(
        Map.of("app", "reviews", "app.kubernetes.io/part-of", "bookinfo"), vs.metadata().labels());
    assertEquals(
        Map.of("sidecar.istio.io/inject", "false", "note", "two words, a comma"),
        vs.metadata().annotations());
  }

  @Test
  void nestedListsAndAnEnum() {
    AuthorizationPolicy ap =
        directOne(
            """
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata:
          name: ratings-policy
          namespace: bookinfo
        spec:
          action: DENY
          rules:
          - from:
            - source:
                principals:
                - cluster.local/ns/bookinfo/sa/reviews
                - cluster.local/ns/bookinfo/sa/productpage
            - source:
                namespaces: [istio-system]
            to:
            - operation:
                methods:
                - GET
                paths:
                - /ratings/*
            when:
            - key: request.headers[version]
              values: [v1, v2]
          selector:
            matchLabels:
              app: ratings
        """,
            AuthorizationPolicy.class);
    var spec = ap.spec().orElseThrow();
    assertEquals(Optional.of(Action.DENY), spec.action());
    var rule = spec.rules().get(0);
    Source first = rule.from().get(0).source().orElseThrow();
    assertEquals(
        List.of("cluster.local/ns/bookinfo/sa/reviews", "cluster.local/ns/bookinfo/sa/productpage"),
        first.principals());
    assertEquals(List.of("istio-system"), rule.from().get(1).source().orElseThrow().namespaces());
    Operation op = rule.to().get(0).operation().orElseThrow();
    assertEquals(List.of("GET"), op.methods());
    assertEquals(List.of("/ratings/*"), op.paths());
    assertEquals("request.headers[version]", rule.when().get(0).key());
    assertEquals(List.of("v1", "v2"), rule.when().get(0).values());
    assertEquals(Map.of("app", "ratings"), spec.selector().orElseThrow().matchLabels());
  }

  /**
   * Istio has no int-or-string field (ports are plain integers in every generated type), so the
   * port forms are checked as the integers they are: number, targetPort, and the enums beside them.
   */
  @Test
  void portsAndEnumsOfAServiceEntry() {
    ServiceEntry se =
        directOne(
            """
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata:
          name: external-api
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
        """,
            ServiceEntry.class);
    assertEquals(Optional.of(Location.MESH_EXTERNAL), se.spec().location());
    assertEquals(Optional.of(Resolution.DNS), se.spec().resolution());
    ServicePort port = se.spec().ports().get(0);
    assertEquals(443L, port.number());
    assertEquals(8443L, port.targetPort().getAsLong());
    assertEquals(Optional.of("TLS"), port.protocol());
  }

  @Test
  void aGatewayWithPortsAndTls() {
    Gateway gw =
        directOne(
            """
        apiVersion: networking.istio.io/v1
        kind: Gateway
        metadata:
          name: bookinfo-gateway
        spec:
          selector:
            istio: ingressgateway
          servers:
          - hosts: [bookinfo.example.com]
            port: {name: https, number: 443, protocol: HTTPS, targetPort: 8443}
            tls:
              credentialName: bookinfo-credential
              mode: SIMPLE
        """,
            Gateway.class);
    Port port = gw.spec().orElseThrow().servers().get(0).port();
    assertEquals(443L, port.number());
    assertEquals(8443L, port.targetPort().getAsLong());
    assertEquals(
        Optional.of(ServerTLSMode.SIMPLE),
        gw.spec().orElseThrow().servers().get(0).tls().orElseThrow().mode());
  }

  @Test
  void anIntegerInAFloatField() {
    VirtualService vs =
        directOne(
            """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: mirror}
        spec:
          http:
          - mirrorPercentage: {value: 100}
          - mirrorPercentage: {value: 12.5}
        """,
            VirtualService.class);
    List<HTTPRoute> http = vs.spec().orElseThrow().http();
    assertEquals(100.0, http.get(0).mirrorPercentage().orElseThrow().value().getAsDouble());
    assertEquals(12.5, http.get(1).mirrorPercentage().orElseThrow().value().getAsDouble());
  }

  @Test
  void freeFormPatchValueAndStatus() {
    EnvoyFilter f =
        directOne(
            """
        apiVersion: networking.istio.io/v1alpha3
        kind: EnvoyFilter
        metadata:
          name: lua
        spec:
          configPatches:
          - applyTo: HTTP_FILTER
            patch:
              operation: INSERT_BEFORE
              value:
                name: envoy.filters.http.lua
                typed_config:
                  "@type": type.googleapis.com/envoy.extensions.filters.http.lua.v3.Lua
                  enabled: true
                  ports: [80, 443]
                  big: 4294967296
                  empty: {}
                  none: []
        status:
          validationMessages:
          - documentationUrl: https://istio.io
            type: {code: IST0101}
        """,
            EnvoyFilter.class);
    var patch = f.spec().orElseThrow().configPatches().get(0).patch().orElseThrow();
    assertEquals(Optional.of(PatchOperation.INSERT_BEFORE), patch.operation());
    JsonNode config = patch.value().orElseThrow().path("typed_config");
    assertEquals(
        NODES.textNode("type.googleapis.com/envoy.extensions.filters.http.lua.v3.Lua"),
        config.get("@type"));
    assertEquals(NODES.booleanNode(true), config.get("enabled"));
    assertEquals(NODES.arrayNode().add(80).add(443), config.get("ports"));
    // Past int range the node is a long, as Jackson's readTree makes it.
    assertEquals(NODES.numberNode(4294967296L), config.get("big"));
    assertEquals(NODES.objectNode(), config.get("empty"));
    assertEquals(NODES.arrayNode(), config.get("none"));
    assertEquals(
        "IST0101",
        f.status()
            .orElseThrow()
            .path("validationMessages")
            .path(0)
            .path("type")
            .path("code")
            .textValue());
  }

  @Test
  void multipleDocumentsCommentsAndAnEmptyTrailingDocument() {
    List<Resource> all =
        direct(
            """
        # bookinfo traffic
        ---
        apiVersion: networking.istio.io/v1 # trailing comment
        kind: DestinationRule
        metadata:
          name: reviews  # the service
        spec:
          host: reviews
          # subsets follow
          subsets:
          - name: v1
            labels: {version: v1}
          trafficPolicy:
            loadBalancer:
              simple: LEAST_REQUEST
        ---
        # a comment-only line before the document
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: reviews}
        spec: {hosts: [reviews]}
        ---
        """);
    assertEquals(2, all.size());
    DestinationRule dr = assertInstanceOf(DestinationRule.class, all.get(0));
    Subset v1 = dr.spec().orElseThrow().subsets().get(0);
    assertEquals("v1", v1.name());
    assertEquals(Map.of("version", "v1"), v1.labels());
    assertEquals(
        Optional.of(SimpleLB.LEAST_REQUEST),
        dr.spec()
            .orElseThrow()
            .trafficPolicy()
            .orElseThrow()
            .loadBalancer()
            .orElseThrow()
            .simple());
    assertEquals(
        List.of("reviews"),
        assertInstanceOf(VirtualService.class, all.get(1)).spec().orElseThrow().hosts());
  }

  @Test
  void aStreamOfOnlyCommentsAndSeparatorsIsEmpty() {
    assertEquals(List.of(), direct("# nothing here\n---\n---\n"));
    assertEquals(List.of(), direct(""));
  }

  @Test
  void quotedAndBlockStrings() {
    VirtualService vs =
        directOne(
            """
        apiVersion: "networking.istio.io/v1"
        kind: 'VirtualService'
        metadata:
          name: "quoted"
          annotations:
            double: "tab\\there \\"q\\" \\u00e9"
            single: 'it''s'
            literal: |
              line one
                indented
            folded: >
              folded
              text
            stripped: |-
              no newline
        """,
            VirtualService.class);
    Map<String, String> a = vs.metadata().annotations();
    assertEquals("quoted", vs.metadata().name().orElseThrow());
    assertEquals("tab\there \"q\" \u00e9", a.get("double"));
    assertEquals("it's", a.get("single"));
    assertEquals("line one\n  indented\n", a.get("literal"));
    assertEquals("folded text\n", a.get("folded"));
    assertEquals("no newline", a.get("stripped"));
  }

  @Test
  void emptyFlowCollections() {
    VirtualService vs =
        directOne(
            """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: empty, labels: {}, annotations: {}}
        spec:
          hosts: []
          http:
          - match: []
            route: []
            retries: {}
        """,
            VirtualService.class);
    assertEquals(Map.of(), vs.metadata().labels());
    assertEquals(List.of(), vs.spec().orElseThrow().hosts());
    HTTPRoute route = firstRoute(vs);
    assertEquals(List.of(), route.match());
    assertEquals(Optional.of(HTTPRetry.builder().build()), route.retries());
  }

  @Test
  void quotedScalarsThatLookLikeNumbersOrBooleansAreStrings() {
    VirtualService vs =
        directOne(
            """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: "8080"
          labels:
            port: "8080"
            enabled: "true"
            legacy: 'yes'
            nothing: 'null'
            tilde: "~"
            float: '1.5'
            octal: "007"
          annotations:
            date: 2024-01-01
            time: "12:30"
        spec:
          http:
          - retries:
              retryOn: "true"
        """,
            VirtualService.class);
    assertEquals("8080", vs.metadata().name().orElseThrow());
    assertEquals(
        Map.of(
            "port", "8080", "enabled", "true", "legacy", "yes", "nothing", "null", "tilde", "~",
            "float", "1.5", "octal", "007"),
        vs.metadata().labels());
    // An unquoted date is a timestamp to YAML 1.1, but both paths read it as the string written.
    assertEquals(Map.of("date", "2024-01-01", "time", "12:30"), vs.metadata().annotations());
    assertEquals(Optional.of("true"), firstRoute(vs).retries().orElseThrow().retryOn());
  }

  // ---- everything else falls back, and parse() then is the full path --------------------------

  private static final String VS_HEAD =
      "apiVersion: networking.istio.io/v1\nkind: VirtualService\n";

  /** A VirtualService whose one HTTP route has {@code routeBody} (one flow mapping's content). */
  private static String route(String routeBody) {
    return VS_HEAD + "metadata: {name: r}\nspec:\n  http:\n  - " + routeBody + "\n";
  }

  private static String retries(String retriesBody) {
    return route("retries: {" + retriesBody + "}");
  }

  private static String envoyValue(String value) {
    return "apiVersion: networking.istio.io/v1alpha3\nkind: EnvoyFilter\nmetadata: {name: f}\n"
        + "spec:\n  configPatches:\n  - patch:\n      value: "
        + value
        + "\n";
  }

  private static String authz(String action) {
    return "apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: {name: a}\n"
        + "spec: {action: "
        + action
        + "}\n";
  }

  /** In place of an expected problem: the full path accepts the case. */
  private static final String ACCEPTED = null;

  /** In place of an expected problem: the full path may accept or reject the case. */
  private static final String EITHER = "(either)";

  private static Arguments fallback(String name, String yaml, String error) {
    return Arguments.of(name, yaml, error);
  }

  /**
   * Forms the direct path leaves to the full one, with what the full path makes of them: {@link
   * #ACCEPTED}, a fragment of its problem report, or {@link #EITHER}.
   */
  static Stream<Arguments> fallbacks() {
    return Stream.of(
        fallback("null value ~", route("timeout: ~"), ACCEPTED),
        fallback("null value null", route("timeout: null"), ACCEPTED),
        fallback("empty value", VS_HEAD + "metadata:\n  name: r\nspec:\n", ACCEPTED),
        fallback("null document", "~\n", ACCEPTED),
        fallback(
            "null list item", VS_HEAD + "metadata: {name: r}\nspec: {hosts: [a, ~]}\n", "hosts"),
        fallback("tag !!str", VS_HEAD + "metadata: {name: !!str 5}\n", ACCEPTED),
        fallback("tag !!int on a quoted number", retries("attempts: !!int \"3\""), ACCEPTED),
        fallback("tag on a mapping", VS_HEAD + "metadata: !!map {name: r}\n", ACCEPTED),
        fallback("anchor", VS_HEAD + "metadata: {name: &n r}\n", ACCEPTED),
        fallback(
            "anchor and alias",
            VS_HEAD + "metadata: {name: &n r, labels: {app: *n}}\n",
            "aliases are not supported"),
        fallback("unknown key", VS_HEAD + "metadata: {name: r}\nspec: {hostz: [a]}\n", "hostz"),
        fallback("unknown key in metadata", VS_HEAD + "metadata: {nmae: r}\n", "nmae"),
        fallback("unknown top-level key", VS_HEAD + "metadata: {name: r}\nspecs: {}\n", "specs"),
        fallback("repeated key", VS_HEAD + "metadata: {name: r, name: s}\n", "name"),
        fallback(
            "repeated top-level key",
            VS_HEAD + "metadata: {name: r}\nmetadata: {name: s}\n",
            "metadata"),
        fallback(
            "repeated key in a map", VS_HEAD + "metadata: {name: r, labels: {a: x, a: y}}\n", "a"),
        fallback("repeated key in free-form tree", envoyValue("{a: 1, a: 2}"), "a"),
        fallback(
            "repeated apiVersion", VS_HEAD.replace("kind", "apiVersion: x\nkind"), "apiVersion"),
        fallback("boolean yes", retries("retryRemoteLocalities: yes"), ACCEPTED),
        fallback("boolean on", retries("retryRemoteLocalities: on"), ACCEPTED),
        fallback("boolean No", retries("retryRemoteLocalities: No"), ACCEPTED),
        fallback("boolean True", retries("retryRemoteLocalities: True"), ACCEPTED),
        fallback("boolean yes in free-form tree", envoyValue("{a: yes}"), ACCEPTED),
        fallback("quoted number for an int", retries("attempts: \"3\""), "attempts"),
        fallback(
            "quoted boolean for a boolean",
            retries("retryRemoteLocalities: \"true\""),
            "retryRemoteLocalities"),
        fallback("float for an int", retries("attempts: 1.5"), "attempts"),
        fallback("int beyond int range", retries("attempts: 2147483648"), "attempts"),
        fallback(
            "int beyond long range",
            VS_HEAD + "metadata: {name: r, generation: 9223372036854775808}\n",
            "generation"),
        fallback("hex int", retries("attempts: 0x1F"), ACCEPTED),
        fallback("octal int", retries("attempts: 010"), ACCEPTED),
        fallback("int with underscores", retries("attempts: 1_000"), ACCEPTED),
        fallback("int with a plus sign", retries("attempts: +5"), ACCEPTED),
        fallback("sexagesimal int", retries("attempts: 1:30"), "expected an integer"),
        fallback("int for a string", retries("retryOn: 5"), "retryOn"),
        fallback("boolean for a string", VS_HEAD + "metadata: {name: true}\n", "name"),
        fallback("float for a string", VS_HEAD + "metadata: {name: 1.5}\n", "name"),
        fallback(
            "int for a string in a map",
            VS_HEAD + "metadata: {name: r, labels: {port: 8080}}\n",
            "port"),
        fallback("int for a duration", route("timeout: 10"), "timeout"),
        fallback("float with an exponent", route("mirrorPercentage: {value: 1e1}"), ACCEPTED),
        fallback("float without a leading digit", route("mirrorPercentage: {value: .5}"), ACCEPTED),
        fallback("float .inf", route("mirrorPercentage: {value: .inf}"), "Malformed numeric value"),
        fallback("float in free-form tree", envoyValue("{ratio: 0.25}"), ACCEPTED),
        fallback("unknown enum value", authz("PERMIT"), "PERMIT"),
        fallback("enum in lower case", authz("allow"), "allow"),
        fallback("int for an enum", authz("1"), "action"),
        fallback(
            "failed one-of check",
            """
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: {name: r}
            spec:
              host: r
              trafficPolicy:
                loadBalancer:
                  simple: ROUND_ROBIN
                  consistentHash: {httpHeaderName: x}
            """,
            "at most one of simple, consistentHash may be set"),
        fallback(
            "missing required field",
            """
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: {name: r}
            spec: {subsets: []}
            """,
            "host"),
        fallback("missing metadata", VS_HEAD + "spec: {}\n", "metadata"),
        fallback("invalid duration", route("timeout: ten seconds"), "ten seconds"),
        fallback(
            "document starting with metadata",
            "metadata: {name: r}\napiVersion: networking.istio.io/v1\nkind: VirtualService\n",
            ACCEPTED),
        fallback(
            "apiVersion and kind apart",
            "apiVersion: networking.istio.io/v1\nmetadata: {name: r}\nkind: VirtualService\n",
            ACCEPTED),
        fallback(
            "missing kind",
            "apiVersion: networking.istio.io/v1\nmetadata: {name: r}\n",
            "missing kind"),
        fallback(
            "a v1 List of Istio kinds",
            """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: networking.istio.io/v1
              kind: VirtualService
              metadata: {name: r}
            """,
            ACCEPTED),
        fallback(
            "unknown kind",
            "apiVersion: networking.istio.io/v1\nkind: VirtualMachine\nmetadata: {name: r}\n",
            "unknown kind VirtualMachine"),
        fallback(
            "unknown apiVersion of a known kind",
            "apiVersion: networking.istio.io/v2\nkind: VirtualService\nmetadata: {name: r}\n",
            "unknown apiVersion"),
        fallback("a scalar document", "just text\n", "must be a mapping"),
        fallback("a list document", "- a\n- b\n", "must be a mapping"),
        fallback(
            "syntax error: unclosed flow sequence",
            VS_HEAD + "metadata: {name: r}\nspec: {hosts: [a}\n",
            "malformed YAML"),
        fallback(
            "syntax error: bad indentation",
            VS_HEAD + "metadata:\n  name: r\n   namespace: x\n",
            "malformed YAML"),
        fallback(
            "syntax error: tab indentation", VS_HEAD + "metadata:\n\tname: r\n", "malformed YAML"),
        fallback(
            "a %YAML directive", "%YAML 1.1\n---\n" + VS_HEAD + "metadata: {name: r}\n", ACCEPTED),
        fallback("a complex key", VS_HEAD + "metadata: {name: r, labels: {? [a] : b}}\n", ""),
        fallback(
            "a later document falls back the whole stream",
            VS_HEAD + "metadata: {name: a}\n---\n" + retries("retryRemoteLocalities: yes"),
            ACCEPTED),
        fallback(
            "a later document's error rejects the whole stream",
            VS_HEAD + "metadata: {name: a}\n---\n" + retries("attempts: \"3\""),
            "document 2"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fallbacks")
  void fallsBackAndParseIsTheFullPath(String name, String yaml, String error) {
    assertEquals(Optional.empty(), PARSER.direct(yaml), () -> "the direct path took:\n" + yaml);
    Outcome full = Outcome.of(() -> PARSER.full(yaml, "in.yaml"));
    assertEquals(full, Outcome.of(() -> Manifests.parse(yaml, "in.yaml")));
    if (EITHER.equals(error)) {
      return;
    }
    if (error == null) {
      assertNull(full.error(), () -> "the full path rejected:\n" + yaml);
      assertNotNull(full.resources());
    } else {
      assertNotNull(full.error(), () -> "the full path accepted:\n" + yaml);
      assertTrue(full.error().startsWith("in.yaml"), full.error());
      assertTrue(full.error().contains(error), () -> full.error() + "\ndoes not mention " + error);
    }
  }

  // ---- forms either path may take, as long as both agree ------------------------------------

  /**
   * Forms outside the plain ones that the direct path may read after all (it does today) without
   * breaking the contract; only agreement is checked, so the direct path may grow or shrink here.
   */
  static Stream<Arguments> eitherPath() {
    return Stream.of(
        Arguments.of("null in free-form tree", envoyValue("{a: ~, b: [~]}")),
        Arguments.of(
            "kubectl's creationTimestamp: null",
            VS_HEAD + "metadata: {name: r, creationTimestamp: null}\n"),
        Arguments.of(
            "kind without a generated reader (core v1 Service)",
            """
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec:
              ports:
              - name: http
                port: 80
            """),
        Arguments.of(
            "core Namespace between Istio kinds",
            "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n" + "---\n" + RETRY_POLICY),
        Arguments.of(
            "core kind with a bad field",
            "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\nspek: {}\n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("eitherPath")
  void eitherPathGivesTheSameResult(String name, String yaml) {
    assertAgree(PARSER, yaml);
  }

  @Test
  void aKindRegisteredWithoutAReaderAgreesWithTheFullPath() {
    // The same VirtualService type, registered by hand without a reader (as a user's kind may be).
    KindInfo istio =
        KindRegistry.discover().find("networking.istio.io/v1", "VirtualService").orElseThrow();
    KindInfo bare =
        new KindInfo(
            istio.group(), istio.kind(), istio.versions(), istio.namespaced(), istio.type());
    ParsePaths parser = ParsePaths.of(KindRegistry.of(List.of(bare)));
    assertAgree(parser, RETRY_POLICY);
    assertAgree(parser, retries("attempts: \"3\""));
    assertEquals(direct(RETRY_POLICY), parser.parse(RETRY_POLICY, "in.yaml"));
  }

  /**
   * The contract itself: a direct result equals the full one, and a full-path error means no direct
   * result.
   */
  private static void assertAgree(ParsePaths parser, String yaml) {
    Optional<List<Resource>> direct = parser.direct(yaml);
    Outcome full = Outcome.of(() -> parser.full(yaml, "in.yaml"));
    if (direct.isPresent()) {
      assertEquals(new Outcome(direct.get(), null), full, () -> "the paths disagree on:\n" + yaml);
    }
    assertEquals(full, Outcome.of(() -> parser.parse(yaml, "in.yaml")));
  }

  // ---- what the full path makes of a few fallbacks, to show they are not just tolerated -------

  @Test
  void aNullValueIsAnAbsentField() {
    VirtualService vs = Manifests.parse(route("timeout: ~"), VirtualService.class);
    assertEquals(Optional.empty(), firstRoute(vs).timeout());
  }

  @Test
  void yesIsTrueAndHexIsAnInteger() {
    VirtualService vs =
        Manifests.parse(
            retries("retryRemoteLocalities: yes, attempts: 0x1F"), VirtualService.class);
    HTTPRetry retries = firstRoute(vs).retries().orElseThrow();
    assertEquals(Optional.of(true), retries.retryRemoteLocalities());
    assertEquals(31, retries.attempts().getAsInt());
  }

  @Test
  void aCoreServiceIsReadByTheFullPath() {
    List<Resource> all =
        Manifests.parse("apiVersion: v1\nkind: Service\nmetadata: {name: web}\n", "svc.yaml");
    assertEquals(
        "web", assertInstanceOf(Service.class, all.get(0)).metadata().name().orElseThrow());
  }

  @Test
  void anIntegerForAStringIsReportedWithItsLine() {
    ManifestException e =
        assertThrows(
            ManifestException.class, () -> Manifests.parse(retries("retryOn: 5"), "vs.yaml"));
    assertTrue(
        e.getMessage().startsWith("vs.yaml: document 1, line 6: spec.http[0].retries.retryOn"),
        e.getMessage());
  }
}
