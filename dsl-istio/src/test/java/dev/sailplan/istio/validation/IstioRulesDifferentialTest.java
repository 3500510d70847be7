package dev.sailplan.istio.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.sailplan.core.fixture.CelDifferential;
import dev.sailplan.core.fixture.Mutants;
import dev.sailplan.istio.internal.rules.IstioRules;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every compiled Istio rule agrees with dev.cel's interpreter, on seed objects and thousands of
 * their mutants: same verdict, same message, same path.
 */
class IstioRulesDifferentialTest {
  static List<JsonNode> seeds() throws Exception {
    List<JsonNode> out = new ArrayList<>();
    try (InputStream in =
        IstioRulesDifferentialTest.class.getResourceAsStream("/cel/istio-seeds.yaml")) {
      new ObjectMapper(new YAMLFactory())
          .readerFor(JsonNode.class)
          .<JsonNode>readValues(in)
          .forEachRemaining(out::add);
    }
    return out;
  }

  @Test
  void compiledRulesAgreeWithDevCel() throws Exception {
    CelDifferential d = new CelDifferential(IstioRules.all(), IstioRules.sources());
    List<JsonNode> seeds = seeds();
    seeds.forEach(d::compare);
    new Mutants(seeds, 20261203L).next(4000).forEach(d::compare);
    System.out.print(d.report());
    assertEquals(List.of(), d.mismatches().stream().limit(5).toList());
    // dev.cel has no Kubernetes URL library: these rules are compared in IstioRulesTest instead.
    assertEquals(
        Set.of(
            IstioRules.sources().stream().filter(s -> s.startsWith("url(self)")).findFirst().get(),
            IstioRules.sources().stream()
                .filter(s -> s.startsWith("isURL(self)") && s.contains("\"oci\", \"file\"]"))
                .findFirst()
                .get(),
            IstioRules.sources().stream()
                .filter(s -> s.startsWith("isURL(self)") && s.contains("\"file\", \"oci\"]"))
                .findFirst()
                .get()),
        d.excluded());
    int compared = IstioRules.sources().size() - d.excluded().size();
    assertEquals(compared, d.outcomes().size(), "every other rule is evaluated");
    long bothWays = d.outcomes().values().stream().filter(c -> c[0] > 0 && c[1] > 0).count();
    assertEquals(compared, bothWays, "rules seen both true and false");
    assertTrue(d.evaluations() > 25_000, "evaluations: " + d.evaluations());
  }
}
