package dev.sailplan.testing;

import static dev.sailplan.testing.SailplanAssertions.assertThat;

import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.plan.Plan;
import dev.sailplan.istio.networking.v1.DestinationRule;
import dev.sailplan.istio.networking.v1.VirtualService;
import dev.sailplan.istio.rollout.CanaryRollout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's "Test your mesh" example, run as written: the code between {@code // README:
 * test-your-mesh} and {@code // README end} is the README's {@code java} block of that section.
 */
class ReadmeTestKitTest {
  private final DestinationRule rule = Mesh.rule();
  private final VirtualService route = Mesh.route();
  private final DestinationRule ruleWithoutV2 = Mesh.ruleWithoutV2();
  private final Plan plan =
      CanaryRollout.of("bookinfo/reviews")
          .stable("v1")
          .canary("v2")
          .from(Mesh.parse(PlanAssertTest.CURRENT))
          .steps(10, 100)
          .build()
          .plan();
  private final List<Resource> resources =
      Mesh.parse(
          String.join("---\n", MtlsAssertTest.MESH_STRICT, RequestAssertTest.RATINGS_POLICY));

  @Test
  void theReadmeExample() {
    // spotless:off
    // README: test-your-mesh
assertThat(List.of(rule, route)).hasNoFindings();
assertThat(List.of(ruleWithoutV2, route))
    .hasFinding("SP1001").on("VirtualService bookinfo/reviews")
    .at("spec.http[0].route[0].destination.subset");
assertThat(route).routes("reviews", "v2").withWeight(10);
assertThat(rule).hasSubsets("v1", "v2");
assertThat(plan).isMakeBeforeBreak().stage(1).applies("DestinationRule bookinfo/reviews");
assertThat(resources).mtls().forWorkload("bookinfo", Map.of("app", "reviews")).onPort(9080).isStrict();
assertThat(resources).request().from("cluster.local/ns/bookinfo/sa/productpage")
    .to("bookinfo", Map.of("app", "reviews")).get("/reviews/1").isAllowed();
Snapshots.verify(List.of(rule, route)); // src/test/resources/<package>/<Test>.<method>.approved.yaml
    // README end
    // spotless:on
  }

  @Test
  void theReadmeShowsTheExampleAsWritten() throws IOException {
    String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
    String section = readme.substring(readme.indexOf("## Test your mesh"));
    Matcher block = Pattern.compile("```java\n(.*?)\n```", Pattern.DOTALL).matcher(section);
    String self =
        Files.readString(
            Path.of("src/test/java/dev/sailplan/testing/ReadmeTestKitTest.java"),
            StandardCharsets.UTF_8);
    Matcher snippet =
        Pattern.compile("// README: test-your-mesh\n(.*?)\n *// README end", Pattern.DOTALL)
            .matcher(self);
    org.assertj.core.api.Assertions.assertThat(block.find()).as("a java block").isTrue();
    org.assertj.core.api.Assertions.assertThat(snippet.find()).as("the marked snippet").isTrue();
    org.assertj.core.api.Assertions.assertThat(block.group(1)).isEqualTo(snippet.group(1));
  }
}
