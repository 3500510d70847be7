package dev.sailplan.core.yaml;

import static dev.sailplan.core.yaml.YamlTestSupport.NODES;
import static dev.sailplan.core.yaml.YamlTestSupport.object;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sailplan.core.CanonicalYaml;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/** The exact rendering of strings that YAML writers commonly get wrong. */
class TrickyStringsTest {

  static Stream<Arguments> table() {
    return Stream.of(
        quoted("true"),
        quoted("True"),
        quoted("on"),
        quoted("yes"),
        quoted("y"),
        quoted("N"),
        quoted("off"),
        quoted("null"),
        quoted("~"),
        quoted(""),
        quoted(" lead"),
        quoted("trail "),
        quoted("1.10"),
        quoted("0755"),
        quoted("0x1F"),
        quoted("0b101"),
        quoted("0o17"),
        quoted("1:20"),
        quoted("1_000"),
        quoted("1e3"),
        quoted(".5"),
        quoted(".inf"),
        quoted("-.inf"),
        quoted(".NaN"),
        quoted("1.2.3"),
        quoted("2001-12-14"),
        quoted("2001-12-14 21:59:43.10 -5"),
        quoted("<<"),
        quoted("="),
        quoted("*"),
        quoted("*.example.com"),
        quoted(": x"),
        quoted("a: b"),
        quoted("a:"),
        quoted("#x"),
        quoted("x #y"),
        plain("x#y"),
        quoted("- x"),
        quoted("-x"),
        quoted("[a]"),
        quoted("{a}"),
        plain("a,b"),
        plain("5xx,reset,connect-failure"),
        plain("a[0]{x}"),
        quoted("[a]"),
        plain("${X}"),
        quoted("@x"),
        quoted("`x"),
        quoted("%x"),
        quoted("!x"),
        quoted("&x"),
        quoted("|x"),
        quoted(">x"),
        quoted("'x"),
        quoted("?x"),
        quoted("..."),
        quoted("... x"),
        row("\"x", "\"\\\"x\""),
        row("\"back\\slash", "\"\\\"back\\\\slash\""),
        row("tab\there", "\"tab\\there\""),
        row("nul\0", "\"nul\\0\""),
        row("bell\u0007", "\"bell\\a\""),
        row("esc\u001b", "\"esc\\e\""),
        row("vt\u000b ff\u000c bs\u0008", "\"vt\\v ff\\f bs\\b\""),
        row("soh\u0001", "\"soh\\x01\""),
        row("del\u007f", "\"del\\x7F\""),
        row("c1\u0080", "\"c1\\x80\""),
        row("nel\u0085", "\"nel\\N\""),
        row("ls\u2028", "\"ls\\L\""),
        row("ps\u2029", "\"ps\\P\""),
        row("bom\ufeff", "\"bom\\uFEFF\""),
        row("nonchar\uffff", "\"nonchar\\uFFFF\""),
        row("lone\ud800", "\"lone\\uD800\""),
        row("cr\r", "\"cr\\r\""),
        plain("\u00a0nbsp é 😀 x"),
        plain("héllo"),
        plain("日本"),
        plain("😀"),
        plain("30s"),
        plain("0.5s"),
        plain("v1"),
        plain("GET"),
        plain("reviews.prod.svc.cluster.local"),
        plain("/api/v1"),
        plain("app=foo"),
        plain("x-canary"),
        plain("istio-system/public-gateway"),
        plain("https://example.com/x"),
        plain("a:b"),
        plain("x..."),
        plain("back\\slash"),
        plain("it's"),
        plain("say \"hi\""),
        plain("0x"),
        plain("_1"),
        plain("1.2.3-beta"),
        plain("1e"),
        plain("yes please"));
  }

  @ParameterizedTest
  @MethodSource("table")
  void valueRendering(String value, String expected) {
    assertEquals("k: " + expected + "\n", CanonicalYaml.toYaml(object("k", NODES.textNode(value))));
    assertEquals(expected.equals(value), CanonicalYaml.isPlainSafe(value));
  }

  @ParameterizedTest
  @MethodSource("table")
  void keyRendering(String key, String expected) {
    assertEquals(expected + ": v\n", CanonicalYaml.toYaml(object(key, NODES.textNode("v"))));
  }

  @ParameterizedTest
  @MethodSource("table")
  void snakeYamlReadsTheValueBack(String value, String expected) {
    Object loaded = new Yaml().load("k: " + expected + "\n");
    assertEquals(Map.of("k", value), loaded);
  }

  private static Arguments plain(String s) {
    return row(s, s);
  }

  private static Arguments quoted(String s) {
    return row(s, "\"" + s + "\"");
  }

  private static Arguments row(String s, String rendering) {
    return Arguments.of(s, rendering);
  }
}
