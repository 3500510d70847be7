package dev.sailplan.core.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Shared inputs and readers for the renderer tests. */
final class YamlTestSupport {
  static final ObjectMapper JSON = new ObjectMapper();
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Strings that trip up YAML writers, and fragments that combine into more of them. */
  static final List<String> TRICKY_TOKENS =
      List.of(
          "true",
          "True",
          "on",
          "yes",
          "y",
          "N",
          "off",
          "null",
          "~",
          "",
          " ",
          "\t",
          "\n",
          "\r",
          "1.10",
          "0755",
          "0x1F",
          "0b101",
          "0o17",
          "1:20",
          "1_000",
          "1e3",
          ".5",
          ".inf",
          ".NaN",
          "1.2.3",
          "2001-12-14",
          "<<",
          "=",
          "*",
          ":",
          "#",
          "-",
          "--- ",
          "...",
          "?",
          ",",
          "[",
          "]",
          "{",
          "}",
          "@",
          "`",
          "%",
          "!",
          "&",
          "|",
          ">",
          "'",
          "\"",
          "\\",
          "_",
          "+",
          ".",
          "e",
          "E",
          "0",
          "9",
          "\u0000",
          "\u0007",
          "\u001b",
          "\u007f",
          "\u0085",
          "\u00a0",
          "\u2028",
          "\u2029",
          "\ufeff",
          "\ufffe",
          "\ud800",
          "\udc00",
          "\ud83d\ude00",
          "héllo",
          "日本",
          "30s",
          "v1",
          "GET",
          "a",
          "reviews.prod.svc.cluster.local",
          "${X}");

  private YamlTestSupport() {}

  /** Any string: fully random, token mixes, and a dense alphabet of YAML-significant chars. */
  static Arbitrary<String> anyString() {
    Arbitrary<String> mixes =
        Arbitraries.of(TRICKY_TOKENS).list().ofMaxSize(6).map(parts -> String.join("", parts));
    Arbitrary<String> dense =
        Arbitraries.strings().withChars(" \t\n:#-.0123456789_+eExobO'\"?!*&,|>%~").ofMaxLength(8);
    return Arbitraries.oneOf(Arbitraries.strings().all(), mixes, dense);
  }

  /** Random JSON trees: objects and arrays up to depth 4 over strings, numbers, bools, nulls. */
  static Arbitrary<JsonNode> anyTree() {
    return Arbitraries.recursive(YamlTestSupport::leaf, YamlTestSupport::container, 0, 4);
  }

  private static Arbitrary<JsonNode> leaf() {
    return Arbitraries.oneOf(
        anyString().map(NODES::textNode),
        Arbitraries.longs().map(NODES::numberNode),
        Arbitraries.doubles().map(NODES::numberNode),
        Arbitraries.of(-0.0, 1e-7, 1e21, 1e15, 123456.789, Double.MAX_VALUE, Double.MIN_VALUE)
            .map(NODES::numberNode),
        Arbitraries.of(true, false).map(NODES::booleanNode),
        Arbitraries.just(NODES.nullNode()));
  }

  private static Arbitrary<JsonNode> container(Arbitrary<JsonNode> inner) {
    Arbitrary<JsonNode> arrays =
        inner.list().ofMaxSize(4).map(items -> (JsonNode) NODES.arrayNode().addAll(items));
    Arbitrary<JsonNode> objects =
        Arbitraries.maps(anyString(), inner)
            .ofMaxSize(4)
            .map(
                entries -> {
                  ObjectNode object = NODES.objectNode();
                  entries.forEach(object::set);
                  return object;
                });
    return Arbitraries.oneOf(arrays, objects);
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode readYaml(String text) {
    try {
      return YAML.readTree(text);
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode object(String key, JsonNode value) {
    ObjectNode object = NODES.objectNode();
    object.set(key, value);
    return object;
  }

  static ArrayNode array(JsonNode... items) {
    return NODES.arrayNode().addAll(List.of(items));
  }

  /** Tree equality where numbers compare by value, so 10.0 equals 10. */
  static boolean sameTree(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    if (a.getNodeType() != b.getNodeType()) {
      return false;
    }
    if (a.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!sameTree(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a.isObject()) {
      if (a.size() != b.size()) {
        return false;
      }
      Iterator<Map.Entry<String, JsonNode>> left = a.properties().iterator();
      Iterator<Map.Entry<String, JsonNode>> right = b.properties().iterator();
      while (left.hasNext()) {
        Map.Entry<String, JsonNode> l = left.next();
        Map.Entry<String, JsonNode> r = right.next();
        if (!l.getKey().equals(r.getKey()) || !sameTree(l.getValue(), r.getValue())) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }
}
