package dev.sailplan.core.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SarifTest {
  @Test
  void rulesAreTheCodesWithTheirPagesAndResultsPointAtFileAndLine() {
    Path base = Path.of("project").toAbsolutePath();
    Findings findings =
        Findings.of(
            List.of(
                new Finding(
                    "SP1001",
                    "IST0101",
                    Level.ERROR,
                    "VirtualService bookinfo/reviews",
                    base.resolve("src/main/k8s/mesh.yaml").toString(),
                    14,
                    "spec.http[0].route[0].destination.subset",
                    "",
                    "subset v3 is not defined")));
    JsonNode log = Sarif.log(findings, "1.2.3", base);
    assertEquals("2.1.0", log.path("version").asText());
    JsonNode driver = log.at("/runs/0/tool/driver");
    assertEquals("1.2.3", driver.path("version").asText());
    assertEquals("SP1001", driver.at("/rules/0/id").asText());
    assertEquals("https://sailplan.dev/docs/rules/SP1001", driver.at("/rules/0/helpUri").asText());
    assertEquals("IST0101", driver.at("/rules/0/properties/istioCode").asText());
    JsonNode result = log.at("/runs/0/results/0");
    assertEquals("error", result.path("level").asText());
    assertEquals("subset v3 is not defined", result.at("/message/text").asText());
    JsonNode physical = result.at("/locations/0/physicalLocation");
    assertEquals("src/main/k8s/mesh.yaml", physical.at("/artifactLocation/uri").asText());
    assertEquals(14, physical.at("/region/startLine").asInt());
  }

  @Test
  void urisAreRelativeWithForwardSlashesAndEncoded() {
    Path here = Path.of("").toAbsolutePath();
    assertEquals("mesh/my%20file.yaml", Sarif.uri("mesh/my file.yaml", here));
    assertEquals("a/b.yaml", Sarif.uri(Path.of("a", "b.yaml").toAbsolutePath().toString(), here));
    Path elsewhere = here.resolve("sub");
    String outside = here.resolve("c.yaml").toString();
    assertEquals(Path.of(outside).toUri().toString(), Sarif.uri(outside, elsewhere));
  }
}
