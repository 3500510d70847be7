package dev.sailplan.core.yaml;

import static dev.sailplan.core.yaml.YamlTestSupport.NODES;
import static dev.sailplan.core.yaml.YamlTestSupport.object;
import static dev.sailplan.core.yaml.YamlTestSupport.readYaml;
import static dev.sailplan.core.yaml.YamlTestSupport.sameTree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sailplan.core.CanonicalYaml;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.yaml.snakeyaml.Yaml;

/** Round trips through a YAML 1.1 reader (SnakeYAML) and Jackson's YAML reader. */
class CanonicalYamlPropertiesTest {

  @Provide
  Arbitrary<String> strings() {
    return YamlTestSupport.anyString();
  }

  @Provide
  Arbitrary<JsonNode> trees() {
    return YamlTestSupport.anyTree();
  }

  /** Strings that are often plain-safe, so that property (d) is not vacuous. */
  @Provide
  Arbitrary<String> plainish() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars("ab019.:-_+ #/eExo~!?").ofMinLength(1).ofMaxLength(8),
        Arbitraries.strings().alpha().numeric().withChars(".-/:=").ofMinLength(1).ofMaxLength(12));
  }

  @Property
  void anyStringValueReadsBackAsThatString(@ForAll("strings") String s) {
    String yaml = CanonicalYaml.toYaml(object("k", NODES.textNode(s)));
    assertEquals(Map.of("k", s), new Yaml().load(yaml), yaml);
    JsonNode read = readYaml(yaml);
    assertEquals(1, read.size(), yaml);
    assertTrue(read.get("k").isTextual(), yaml);
    assertEquals(s, read.get("k").textValue(), yaml);
  }

  @Property
  void anyStringKeyReadsBackAsThatString(@ForAll("strings") String s) {
    String yaml = CanonicalYaml.toYaml(object(s, NODES.textNode("v")));
    assertEquals(Map.of(s, "v"), new Yaml().load(yaml), yaml);
    JsonNode read = readYaml(yaml);
    assertEquals(1, read.size(), yaml);
    assertEquals(s, read.properties().iterator().next().getKey(), yaml);
    assertEquals("v", read.get(s).textValue(), yaml);
  }

  @Property
  void treesRoundTripThroughJacksonYaml(@ForAll("trees") JsonNode tree) {
    String yaml = CanonicalYaml.toYaml(tree);
    JsonNode read = readYaml(yaml);
    assertTrue(sameTree(tree, read), () -> yaml + "\nread back as\n" + read);
  }

  @Property
  void treesRoundTripThroughJson(@ForAll("trees") JsonNode tree) {
    String json = CanonicalYaml.toJson(tree);
    JsonNode read = YamlTestSupport.json(json);
    assertTrue(sameTree(tree, read), () -> json + "\nread back as\n" + read);
    assertTrue(json.endsWith("\n") && !json.endsWith("\n\n"), json);
  }

  @Property
  void renderingIsDeterministicAndTidy(@ForAll("trees") JsonNode tree) {
    String yaml = CanonicalYaml.toYaml(tree);
    JsonNode copy = tree.deepCopy();
    assertEquals(yaml, CanonicalYaml.toYaml(copy));
    assertTrue(yaml.endsWith("\n") && !yaml.endsWith("\n\n"), yaml);
    assertFalse(yaml.contains("\r"), yaml);
    for (String line : yaml.split("\n", -1)) {
      assertFalse(line.endsWith(" ") || line.endsWith("\t"), () -> "trailing blank in:\n" + yaml);
    }
  }

  @Property
  void plainSafeStringsReadBackAsStrings(@ForAll("plainish") String s) {
    if (!CanonicalYaml.isPlainSafe(s)) {
      return;
    }
    Yaml snake = new Yaml();
    assertEquals(s, snake.load(s), "as a document");
    assertEquals(Map.of("k", s), snake.load("k: " + s), "as a value");
    assertEquals(Map.of(s, "v"), snake.load(s + ": v"), "as a key");
    assertEquals(java.util.List.of(s), snake.load("- " + s), "as an item");
  }

  @Property
  void plainSafeRandomStringsReadBackAsStrings(@ForAll("strings") String s) {
    plainSafeStringsReadBackAsStrings(s);
  }
}
