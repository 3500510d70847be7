package dev.sailplan.core.yaml;

import static dev.sailplan.core.yaml.YamlTestSupport.NODES;
import static dev.sailplan.core.yaml.YamlTestSupport.array;
import static dev.sailplan.core.yaml.YamlTestSupport.json;
import static dev.sailplan.core.yaml.YamlTestSupport.object;
import static dev.sailplan.core.yaml.YamlTestSupport.readYaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sailplan.core.CanonicalYaml;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class CanonicalYamlTest {

  @Test
  void nestedManifestUsesKubectlStyleSequences() {
    JsonNode tree =
        json(
            "{\"spec\":{\"hosts\":[\"reviews\"],\"http\":[{\"match\":[{\"uri\":{\"prefix\":\"/api\"}}],"
                + "\"route\":[{\"destination\":{\"host\":\"reviews\"},\"weight\":90}]}]}}");
    assertEquals(
        """
        spec:
          hosts:
          - reviews
          http:
          - match:
            - uri:
                prefix: /api
            route:
            - destination:
                host: reviews
              weight: 90
        """,
        CanonicalYaml.toYaml(tree));
  }

  @Test
  void emptyContainersAreFlow() {
    JsonNode tree =
        json("{\"metadata\":{\"labels\":{}},\"rules\":[{}],\"list\":[],\"items\":[[],{}]}");
    assertEquals(
        """
        metadata:
          labels: {}
        rules:
        - {}
        list: []
        items:
        - []
        - {}
        """,
        CanonicalYaml.toYaml(tree));
    assertEquals("{}\n", CanonicalYaml.toYaml(NODES.objectNode()));
    assertEquals("[]\n", CanonicalYaml.toYaml(NODES.arrayNode()));
  }

  @Test
  void nestedSequencesStartOnTheDashLine() {
    JsonNode tree = json("{\"m\":[[\"a\",\"b\"],[[\"c\"]],[{\"k\":\"v\",\"k2\":[\"w\"]}]]}");
    assertEquals(
        """
        m:
        - - a
          - b
        - - - c
        - - k: v
            k2:
            - w
        """,
        CanonicalYaml.toYaml(tree));
  }

  @Test
  void nonObjectRootsAreWritten() {
    assertEquals(
        """
        - 1
        - x
        - a: 1
          b:
          - 2
        """,
        CanonicalYaml.toYaml(json("[1,\"x\",{\"a\":1,\"b\":[2]}]")));
    assertEquals("hello\n", CanonicalYaml.toYaml(NODES.textNode("hello")));
    assertEquals("\"true\"\n", CanonicalYaml.toYaml(NODES.textNode("true")));
    assertEquals("|-\n  a\n  b\n", CanonicalYaml.toYaml(NODES.textNode("a\nb")));
    assertEquals("42\n", CanonicalYaml.toYaml(NODES.numberNode(42)));
    assertEquals("null\n", CanonicalYaml.toYaml(NODES.nullNode()));
  }

  @Test
  void numbers() {
    ObjectNode tree = NODES.objectNode();
    tree.put("int", 10);
    tree.put("integralDouble", 10.0);
    tree.put("half", 0.5);
    tree.put("tiny", 1e-7);
    tree.put("huge", 1e21);
    tree.put("limit", 1e15);
    tree.put("belowLimit", 999999999999999.0);
    tree.put("negative", -3);
    tree.put("negativeFraction", -2.5);
    tree.put("negativeZero", -0.0);
    tree.put("float", 0.1f);
    tree.put("big", new java.math.BigInteger("123456789012345678901234567890"));
    tree.put("decimal", new BigDecimal("1.50"));
    tree.put("integralDecimal", new BigDecimal("2.000"));
    tree.put("nan", Double.NaN);
    tree.put("inf", Double.POSITIVE_INFINITY);
    tree.put("negInf", Double.NEGATIVE_INFINITY);
    assertEquals(
        """
        int: 10
        integralDouble: 10
        half: 0.5
        tiny: 0.0000001
        huge: 1000000000000000000000.0
        limit: 1000000000000000.0
        belowLimit: 999999999999999
        negative: -3
        negativeFraction: -2.5
        negativeZero: 0
        float: 0.1
        big: 123456789012345678901234567890
        decimal: 1.5
        integralDecimal: 2
        nan: .nan
        inf: .inf
        negInf: -.inf
        """,
        CanonicalYaml.toYaml(tree));
  }

  @Test
  void hugeDecimalExponentsStayCompact() {
    assertEquals(
        "x: 1.5e+1000\n",
        CanonicalYaml.toYaml(object("x", NODES.numberNode(new BigDecimal("1.5e1000")))));
    assertEquals(
        "x: -2.0e-999\n",
        CanonicalYaml.toYaml(object("x", NODES.numberNode(new BigDecimal("-2e-999")))));
  }

  @Test
  void booleansAndNull() {
    assertEquals(
        "enabled: true\ndisabled: false\nmissing: null\n\"n\": null\n",
        CanonicalYaml.toYaml(
            json("{\"enabled\":true,\"disabled\":false,\"missing\":null,\"n\":null}")));
  }

  @Test
  void literalBlockScalars() {
    ObjectNode tree = NODES.objectNode();
    tree.put("clip", "line one\nline two\n");
    tree.put("strip", "line one\n  indented\n\nafter empty");
    tree.put("tabs", "a\tb\n\tc");
    tree.set("items", array(NODES.textNode("x\ny\n"), object("script", NODES.textNode("a\nb"))));
    assertEquals(
        """
        clip: |
          line one
          line two
        strip: |-
          line one
            indented

          after empty
        tabs: |-
          a\tb
          \tc
        items:
        - |
          x
          y
        - script: |-
            a
            b
        """,
        CanonicalYaml.toYaml(tree));
  }

  @Test
  void multiLineStringsThatABlockWouldChangeAreQuoted() {
    assertEquals("k: \" lead\\nx\"\n", render(" lead\nx"));
    assertEquals("k: \"\\tlead\\nx\"\n", render("\tlead\nx"));
    assertEquals("k: \"a\\n\\n\"\n", render("a\n\n"));
    assertEquals("k: \"a\\nb\\n\\n\\n\"\n", render("a\nb\n\n\n"));
    assertEquals("k: \"a\\r\\nb\\r\\n\"\n", render("a\r\nb\r\n"));
    assertEquals("k: \"\\nfirst line empty\"\n", render("\nfirst line empty"));
    assertEquals("k: \"trail \\nx\"\n", render("trail \nx"));
    assertEquals("k: \"a\\n  \\nb\"\n", render("a\n  \nb"));
    assertEquals("k: \"a\\nb\\x01\"\n", render("a\nb\u0001"));
  }

  @Test
  void keysThatNeedQuotes() {
    ObjectNode tree = NODES.objectNode();
    tree.put("8080", 1);
    tree.put("on", true);
    tree.put("a: b", "c");
    tree.put("", "empty");
    tree.put("multi\nline\n", "x");
    tree.put("plain-key", "w");
    assertEquals(
        """
        "8080": 1
        "on": true
        "a: b": c
        "": empty
        "multi\\nline\\n": x
        plain-key: w
        """,
        CanonicalYaml.toYaml(tree));
  }

  @Test
  void overlongKeysUseTheExplicitForm() {
    String longKey = "k".repeat(1001);
    ObjectNode item = NODES.objectNode();
    item.put(longKey, "v");
    item.set("b", array(NODES.textNode("c")));
    ObjectNode tree = object("list", array(item));
    String yaml = CanonicalYaml.toYaml(tree);
    assertEquals("list:\n- ? " + longKey + "\n  : v\n  b:\n  - c\n", yaml);
    assertTrue(YamlTestSupport.sameTree(tree, readYaml(yaml)));
    String shortEnough = "k".repeat(1000);
    assertEquals(
        shortEnough + ": v\n", CanonicalYaml.toYaml(object(shortEnough, NODES.textNode("v"))));
  }

  @Test
  void documents() {
    List<JsonNode> documents = List.of(json("{\"a\":1}"), json("{\"b\":\"x\\ny\\n\"}"));
    assertEquals("a: 1\n---\nb: |\n  x\n  y\n", CanonicalYaml.toYaml(documents));
    assertEquals("a: 1\n", CanonicalYaml.toYaml(List.of(json("{\"a\":1}"))));
    assertEquals("", CanonicalYaml.toYaml(List.<JsonNode>of()));
  }

  @Test
  void writeAppends() {
    StringBuilder out = new StringBuilder("# head\n");
    CanonicalYaml.write(json("{\"a\":[1]}"), out);
    assertEquals("# head\na:\n- 1\n", out.toString());
  }

  @Test
  void prettyJson() {
    JsonNode tree =
        json(
            "{\"a\":1,\"b\":[1,2.5,10.0,\"x\"],\"c\":{},\"d\":[],\"e\":null,\"f\":true,"
                + "\"g\":\"q\\\"\\n\\u0001\",\"h\":{\"i\":[{}]}}");
    assertEquals(
        """
        {
          "a": 1,
          "b": [
            1,
            2.5,
            10,
            "x"
          ],
          "c": {},
          "d": [],
          "e": null,
          "f": true,
          "g": "q\\"\\n\\u0001",
          "h": {
            "i": [
              {}
            ]
          }
        }
        """,
        CanonicalYaml.toJson(tree));
    assertEquals("[]\n", CanonicalYaml.toJson(NODES.arrayNode()));
    assertEquals("\"NaN\"\n", CanonicalYaml.toJson(NODES.numberNode(Double.NaN)));
    assertEquals("\"\\ud800\"\n", CanonicalYaml.toJson(NODES.textNode("\ud800")));
  }

  private static String render(String value) {
    return CanonicalYaml.toYaml(object("k", NODES.textNode(value)));
  }
}
