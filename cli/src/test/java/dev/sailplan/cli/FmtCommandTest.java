package dev.sailplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

class FmtCommandTest {
  @TempDir Path dir;

  /** What one run printed. */
  record Run(int status, String out, String err) {}

  static Run sailplan(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Sailplan.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(status, out.toString(), err.toString());
  }

  private Path file(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  private static final String MESSY =
      """
      kind: VirtualService   # kind before apiVersion, flow style, comments
      apiVersion: networking.istio.io/v1beta1
      metadata: {namespace: bookinfo, name: reviews}
      spec:
        http:
        - route: [{destination: {host: reviews, subset: v1}, weight: 100}]
          timeout: '10s'
        hosts: ['reviews']
      """;

  private static final String CANONICAL =
      """
      apiVersion: networking.istio.io/v1beta1
      kind: VirtualService
      metadata:
        name: reviews
        namespace: bookinfo
      spec:
        hosts:
        - reviews
        http:
        - route:
          - destination:
              host: reviews
              subset: v1
            weight: 100
          timeout: 10s
      """;

  @Test
  void printsCanonicalYamlKeepingTheApiVersion() throws IOException {
    Run r = sailplan("fmt", file("vs.yaml", MESSY).toString());
    assertEquals(new Run(0, CANONICAL, ""), r);
  }

  @Test
  void isIdempotentAndByteStable() throws IOException {
    Path once = file("once.yaml", sailplan("fmt", file("vs.yaml", MESSY).toString()).out());
    Run twice = sailplan("fmt", once.toString());
    assertEquals(CANONICAL, twice.out());
    assertEquals(twice, sailplan("fmt", once.toString()));
  }

  @Test
  void trickyStringsComeBackIdenticalThroughAYaml11Reader() throws IOException {
    List<String> tricky =
        List.of(
            "true",
            "on",
            "yes",
            "1.10",
            "0755",
            "*",
            ": x",
            "#x",
            "  leading",
            "a\nb",
            "trailing ",
            "ünïcödé ☃",
            "1e3",
            "~",
            "null",
            "2001-12-14",
            "- x");
    StringBuilder in =
        new StringBuilder(
            "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: tricky\n  annotations:\n");
    for (int i = 0; i < tricky.size(); i++) {
      in.append("    k")
          .append(i)
          .append(": \"")
          .append(tricky.get(i).replace("\n", "\\n"))
          .append("\"\n");
    }
    Run r = sailplan("fmt", file("ns.yaml", in.toString()).toString());
    assertEquals(0, r.status(), r.err());
    Map<?, ?> doc = new Yaml().load(r.out());
    Map<?, ?> annotations = (Map<?, ?>) ((Map<?, ?>) doc.get("metadata")).get("annotations");
    for (int i = 0; i < tricky.size(); i++) {
      assertEquals(tricky.get(i), annotations.get("k" + i), "k" + i);
    }
  }

  @Test
  void badInputGetsOneLinePerProblemAndNoOutput() throws IOException {
    Path bad =
        file(
            "bad.yaml",
            """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: reviews}
        spec:
          http:
          - route:
            - destination: {host: reviews}
              weight: ten
        ---
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata: {name: default}
        spec:
          mtls: {mode: STRICTER}
        ---
        apiVersion: networking.istio.io/v1
        kind: Gatewy
        metadata: {name: gw}
        """);
    Run r = sailplan("fmt", bad.toString());
    assertEquals(1, r.status());
    assertEquals("", r.out());
    assertEquals(
        String.join(
                "\n",
                bad
                    + ": document 1, line 8: spec.http[0].route[0].weight: expected an integer, not a string",
                bad
                    + ": document 2, line 14: spec.mtls.mode: invalid value 'STRICTER' (expected one of: UNSET, DISABLE,"
                    + " PERMISSIVE, STRICT)",
                bad
                    + ": document 3, line 16: apiVersion: unknown kind Gatewy (apiVersion networking.istio.io/v1)")
            + "\n",
        r.err());
  }

  @Test
  void mixedInputIsFormattedAndCheckedWithUnknownMeshKindsStillRefused() throws IOException {
    Path mixed =
        file(
            "mixed.yaml",
            """
            kind: ConfigMap
            apiVersion: v1
            metadata: {namespace: bookinfo, name: reviews}
            data: {b: "2", a: "1"}
            ---
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: {name: reviews, namespace: bookinfo}
            spec: {host: reviews}
            """);
    String canonical =
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: reviews
          namespace: bookinfo
        data:
          a: "1"
          b: "2"
        ---
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: reviews
          namespace: bookinfo
        spec:
          host: reviews
        """;
    assertEquals(new Run(0, canonical, ""), sailplan("fmt", mixed.toString()));
    assertEquals(new Run(1, mixed + "\n", ""), sailplan("fmt", "--check", mixed.toString()));
    Path clean = file("clean.yaml", canonical);
    assertEquals(new Run(0, "", ""), sailplan("fmt", "--check", clean.toString()));
    Path meshTypo =
        file(
            "typo.yaml",
            "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoutes\nmetadata: {name: a}\n");
    assertEquals(
        new Run(
            1,
            "",
            meshTypo
                + ": document 1, line 1: apiVersion: unknown kind HTTPRoutes (apiVersion"
                + " gateway.networking.k8s.io/v1)\n"),
        sailplan("fmt", meshTypo.toString()));
  }

  @Test
  void unknownFieldsMalformedYamlAndMissingFilesAreReported() throws IOException {
    Path unknown =
        file(
            "u.yaml",
            """
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: {name: r}
            spec:
              host: r
              trafficPolicy:
                loadBalancer:
                  simpel: ROUND_ROBIN
            """);
    Path malformed = file("m.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: [x\n");
    Run r =
        sailplan(
            "fmt", unknown.toString(), malformed.toString(), dir.resolve("none.yaml").toString());
    assertEquals(1, r.status());
    String[] lines = r.err().lines().toArray(String[]::new);
    assertEquals(3, lines.length, r.err());
    assertTrue(
        lines[0].startsWith(
            unknown
                + ": document 1, line 8: spec.trafficPolicy.loadBalancer.simpel: unknown field"),
        lines[0]);
    assertTrue(lines[1].startsWith(malformed + ": document 1, line 5: malformed YAML:"), lines[1]);
    assertEquals(dir.resolve("none.yaml") + ": no such file", lines[2]);
    assertFalse(r.err().contains("Exception"), r.err());
    assertFalse(r.err().contains("\tat "), r.err());
  }

  @Test
  void anAliasBombIsRejectedWithinSeconds() throws IOException {
    StringBuilder bomb =
        new StringBuilder(
            """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: x
              annotations:
                a: &a "lol"
            """);
    for (char c = 'b'; c <= 'z'; c++) {
      bomb.append("    ")
          .append(c)
          .append(": &")
          .append(c)
          .append(" [*")
          .append((char) (c - 1))
          .append(", *")
          .append((char) (c - 1))
          .append("]\n");
    }
    Path p = file("bomb.yaml", bomb.toString());
    Run r =
        Assertions.assertTimeoutPreemptively(
            Duration.ofSeconds(5), () -> sailplan("fmt", p.toString()));
    assertEquals(1, r.status());
    assertEquals(
        p
            + ": document 1, line 7: metadata.annotations.b[0]: YAML aliases are not supported (*a):"
            + " write the value out in full\n",
        r.err());
  }

  @Test
  void checkListsFilesThatAreNotCanonical() throws IOException {
    Path messy = file("messy.yaml", MESSY);
    Path clean = file("clean.yaml", CANONICAL);
    assertEquals(
        new Run(1, messy + "\n", ""),
        sailplan("fmt", "--check", messy.toString(), clean.toString()));
    assertEquals(new Run(0, "", ""), sailplan("fmt", "--check", clean.toString()));
  }

  @Test
  void writeRewritesInPlaceAndLeavesBadFilesAlone() throws IOException {
    Path messy = file("messy.yaml", MESSY);
    assertEquals(new Run(0, "", ""), sailplan("fmt", "--write", messy.toString()));
    assertEquals(CANONICAL, Files.readString(messy));
    Path bad = file("bad.yaml", "apiVersion: v1\nkind: Nope\n");
    Path other = file("other.yaml", MESSY);
    assertEquals(1, sailplan("fmt", "--write", other.toString(), bad.toString()).status());
    assertEquals(MESSY, Files.readString(other), "nothing is written when any input is invalid");
  }

  @Test
  void severalFilesPrintAsOneStream() throws IOException {
    Path a = file("a.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n");
    Path b = file("b.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: b}\n");
    assertEquals(
        """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: a
        ---
        apiVersion: v1
        kind: Namespace
        metadata:
          name: b
        """,
        sailplan("fmt", a.toString(), b.toString()).out());
  }

  @Test
  void everyCommandHasHelpAndUsageErrorsExitTwo() {
    Run top = sailplan("--help");
    assertEquals(0, top.status());
    assertTrue(top.out().contains("Usage: sailplan"), top.out());
    assertTrue(top.out().contains("fmt"), top.out());
    Run fmt = sailplan("fmt", "--help");
    assertEquals(0, fmt.status());
    assertTrue(fmt.out().contains("Usage: sailplan fmt"), fmt.out());
    assertTrue(fmt.out().contains("--check"), fmt.out());
    assertEquals(
        new Run(
            2, "", "sailplan fmt: Missing required parameter: 'FILE' (see sailplan fmt --help)\n"),
        sailplan("fmt"));
    assertEquals(
        new Run(
            2, "", "sailplan: Unmatched argument at index 0: 'frobnicate' (see sailplan --help)\n"),
        sailplan("frobnicate"));
    assertEquals(
        new Run(
            2,
            "",
            "sailplan: missing command (fmt, import, plan, rollout or validate) (see sailplan --help)\n"),
        sailplan());
  }

  @Test
  void anObjectDefinedTwiceInAFileIsOneProblemNamingBothDocuments() throws IOException {
    Path twice = file("twice.yaml", CANONICAL + "---\n" + MESSY);
    Run r = sailplan("fmt", twice.toString());
    assertEquals(
        new Run(
            1,
            "",
            twice
                + ": document 2, line 17: VirtualService bookinfo/reviews is already defined in"
                + " document 1, line 1\n"),
        r);
    assertEquals(new Run(1, "", r.err()), sailplan("fmt", "--check", twice.toString()));
    Path other = file("other.yaml", CANONICAL.replace("namespace: bookinfo", "namespace: other"));
    assertEquals(
        0,
        sailplan("fmt", file("one.yaml", CANONICAL).toString(), other.toString()).status(),
        "the same name in another namespace, or in another file, is another object");
  }

  @Test
  void writeRefusesStandardInputInsteadOfDoingNothing() throws IOException {
    Path messy = file("messy.yaml", MESSY);
    Run r = sailplan("fmt", "--write", messy.toString(), "-");
    assertEquals(
        new Run(
            2,
            "",
            "sailplan fmt: --write cannot rewrite standard input (-): name the files, or leave"
                + " out --write to print (see sailplan fmt --help)\n"),
        r);
    assertEquals(MESSY, Files.readString(messy), "nothing is written on wrong usage");
  }

  @Test
  void aFolderIsReportedWithItsPathAndTheReason() {
    assertEquals(
        new Run(1, "", dir + ": cannot read: is a directory\n"), sailplan("fmt", dir.toString()));
  }

  @Test
  void outputWithoutALineEndIsFlushedBeforeRunReturns() throws IOException {
    // main exits right after run: what sits in a writer's buffer then is lost. The other tests use
    // auto-flushing writers, which hid that.
    Path vs = file("vs.yaml", MESSY);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        Sailplan.run(
            new String[] {"fmt", vs.toString()},
            new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)),
            new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8)));
    assertEquals(
        new Run(0, CANONICAL, ""),
        new Run(
            status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)));
  }
}
