package dev.sailplan.gatewayapi.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.sailplan.core.fixture.CelDifferential;
import dev.sailplan.core.fixture.Mutants;
import dev.sailplan.gatewayapi.internal.rules.GatewayApiRules;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every compiled Gateway API rule agrees with dev.cel's interpreter, on seed objects and thousands
 * of their mutants: same verdict, same message, same path.
 */
class GatewayApiRulesDifferentialTest {
  static List<JsonNode> seeds() throws Exception {
    List<JsonNode> out = new ArrayList<>();
    try (InputStream in =
        GatewayApiRulesDifferentialTest.class.getResourceAsStream("/cel/gatewayapi-seeds.yaml")) {
      new ObjectMapper(new YAMLFactory())
          .readerFor(JsonNode.class)
          .<JsonNode>readValues(in)
          .forEachRemaining(out::add);
    }
    return out;
  }

  /** Routes at the limit of 128 matches and an annotation key with a long prefix. */
  static List<JsonNode> generated() {
    List<JsonNode> out = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    for (String kind : List.of("HTTPRoute", "GRPCRoute")) {
      for (int matches : new int[] {8, 9}) {
        ObjectNode route = json.createObjectNode();
        route.put("apiVersion", "gateway.networking.k8s.io/v1").put("kind", kind);
        route.putObject("metadata").put("name", "many").put("namespace", "shop");
        ArrayNode rules = route.putObject("spec").putArray("rules");
        for (int r = 0; r < 16; r++) {
          ArrayNode m = rules.addObject().putArray("matches");
          for (int i = 0; i < matches; i++) {
            if (kind.equals("HTTPRoute")) {
              m.addObject().putObject("path").put("type", "PathPrefix").put("value", "/p" + i);
            } else {
              m.addObject().putObject("method").put("service", "s" + i);
            }
          }
        }
        out.add(route);
      }
    }
    ObjectNode gateway = json.createObjectNode();
    gateway.put("apiVersion", "gateway.networking.k8s.io/v1").put("kind", "Gateway");
    gateway.putObject("metadata").put("name", "long").put("namespace", "infra");
    ObjectNode spec = gateway.putObject("spec").put("gatewayClassName", "istio");
    spec.putObject("infrastructure")
        .putObject("annotations")
        .put("a".repeat(253) + "/x", "y")
        .put("a".repeat(252) + "/x", "y");
    spec.putArray("listeners")
        .addObject()
        .put("name", "http")
        .put("port", 80)
        .put("protocol", "HTTP");
    out.add(gateway);
    return out;
  }

  @Test
  void compiledRulesAgreeWithDevCel() throws Exception {
    CelDifferential d = new CelDifferential(GatewayApiRules.all(), GatewayApiRules.sources());
    List<JsonNode> seeds = seeds();
    seeds.forEach(d::compare);
    generated().forEach(d::compare);
    new Mutants(seeds, 20261203L).next(4000).forEach(d::compare);
    System.out.print(d.report());
    assertEquals(List.of(), d.mismatches().stream().limit(5).toList());
    // dev.cel has no Kubernetes IP library: this rule is compared in GatewayApiRulesTest instead.
    assertEquals(Set.of("self.all(h, !isIP(h))"), d.excluded());
    int compared = GatewayApiRules.sources().size() - d.excluded().size();
    assertEquals(compared, d.outcomes().size(), "every other rule is evaluated");
    long bothWays = d.outcomes().values().stream().filter(c -> c[0] > 0 && c[1] > 0).count();
    // Transitions are compared against an unchanged object: GatewayClass's immutable
    // controllerName is then always kept (GatewayApiRulesTest changes it).
    assertEquals(compared - 1, bothWays, "rules seen both true and false");
    assertEquals(0, d.outcomes().get("self == oldSelf")[1]);
    assertTrue(d.evaluations() > 25_000, "evaluations: " + d.evaluations());
  }
}
