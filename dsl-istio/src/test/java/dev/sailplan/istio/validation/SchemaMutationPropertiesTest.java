package dev.sailplan.istio.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.sailplan.core.validation.Finding;
import dev.sailplan.core.validation.Validation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * A value of the wrong type put anywhere in a valid object is found at that place and nowhere else:
 * the schema check neither misses it nor blames its neighbours.
 */
class SchemaMutationPropertiesTest {
  private static final List<String> VALID =
      List.of(
          """
          apiVersion: networking.istio.io/v1
          kind: VirtualService
          metadata: {name: reviews, namespace: default}
          spec:
            hosts: [reviews]
            gateways: [mesh]
            http:
            - name: primary
              match:
              - uri: {prefix: /api}
                ignoreUriCase: true
              route:
              - destination: {host: reviews, subset: v1, port: {number: 9080}}
                weight: 90
              - destination: {host: reviews, subset: v2}
                weight: 10
              timeout: 5s
              retries: {attempts: 3, perTryTimeout: 2s, retryOn: 5xx}
              fault:
                delay: {percentage: {value: 10.0}, fixedDelay: 1s}
            tcp:
            - match: [{port: 3306}]
              route: [{destination: {host: mysql}}]
          """,
          """
          apiVersion: networking.istio.io/v1
          kind: DestinationRule
          metadata: {name: reviews, namespace: default}
          spec:
            host: reviews
            trafficPolicy:
              loadBalancer: {simple: LEAST_REQUEST}
              connectionPool:
                tcp: {maxConnections: 100, connectTimeout: 1s}
                http: {http1MaxPendingRequests: 10, maxRetries: 2}
              outlierDetection:
                consecutive5xxErrors: 5
                interval: 10s
                baseEjectionTime: 30s
                maxEjectionPercent: 50
              tls: {mode: ISTIO_MUTUAL}
            subsets:
            - name: v1
              trafficPolicy:
                portLevelSettings:
                - port: {number: 9080}
                  loadBalancer: {simple: ROUND_ROBIN}
          """);

  private static final ObjectMapper YAML = new YAMLMapper();
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A path in the object, as findings print it, and the node there. */
  private record Leaf(String path, JsonNode parent, Object step) {}

  @Test
  void theValidObjectsHaveNoAdmissionFinding() throws Exception {
    // Admission only: the analyses may well advise on these objects (a fault beside retries).
    for (String yaml : VALID) {
      assertEquals(
          List.of(),
          Validation.standard().validate(yaml, "mesh.yaml").stream()
              .filter(f -> f.code().startsWith("SP0"))
              .toList());
    }
  }

  @Property(tries = 300)
  void aWrongTypeIsFoundWhereItIs(
      @ForAll @IntRange(min = 0, max = 1) int document,
      @ForAll @IntRange(min = 0, max = 10_000) int pick,
      @ForAll @IntRange(min = 0, max = 2) int replacement)
      throws Exception {
    JsonNode tree = YAML.readTree(VALID.get(document));
    List<Leaf> leaves = new ArrayList<>();
    collect(tree.get("spec"), "spec", leaves);
    Leaf leaf = leaves.get(pick % leaves.size());
    JsonNode old = value(leaf);
    JsonNode wrong = wrongFor(old, replacement);
    if (leaf.step() instanceof String field) {
      ((ObjectNode) leaf.parent()).set(field, wrong);
    } else {
      ((ArrayNode) leaf.parent()).set((Integer) leaf.step(), wrong);
    }
    List<Finding> found =
        Validation.standard().validate(JSON.writeValueAsString(tree), "mesh.yaml").all();
    assertFalse(found.isEmpty(), () -> leaf.path() + " = " + wrong + " went unseen");
    for (Finding f : found) {
      assertEquals(leaf.path(), f.path(), f::toString);
      assertEquals("SP0006", f.code(), f::toString);
    }
  }

  private static JsonNode value(Leaf leaf) {
    return leaf.step() instanceof String field
        ? leaf.parent().get(field)
        : leaf.parent().get((Integer) leaf.step());
  }

  /** A value of another JSON type than {@code old}. */
  private static JsonNode wrongFor(JsonNode old, int choice) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (old.isBoolean()) {
      return choice == 0 ? TextNode.valueOf("yes") : f.objectNode().put("a", 1);
    }
    return switch (choice) {
      case 0 -> BooleanNode.TRUE;
      case 1 -> f.objectNode().put("a", 1);
      default -> f.arrayNode().add(1);
    };
  }

  private static void collect(JsonNode node, String path, List<Leaf> out) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        String p = path + "." + e.getKey();
        if (e.getValue().isContainerNode()) {
          collect(e.getValue(), p, out);
        } else {
          out.add(new Leaf(p, node, e.getKey()));
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        String p = path + "[" + i + "]";
        if (node.get(i).isContainerNode()) {
          collect(node.get(i), p, out);
        } else {
          out.add(new Leaf(p, node, i));
        }
      }
    }
  }
}
