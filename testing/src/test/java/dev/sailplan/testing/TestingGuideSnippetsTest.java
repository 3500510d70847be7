package dev.sailplan.testing;

import static dev.sailplan.testing.SailplanAssertions.assertThat;
import static dev.sailplan.testing.SailplanAssertions.assertThatYaml;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.sailplan.core.Manifests;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.plan.Plan;
import dev.sailplan.core.validation.Level;
import dev.sailplan.istio.networking.v1.DestinationRule;
import dev.sailplan.istio.networking.v1.VirtualService;
import dev.sailplan.istio.rollout.CanaryRollout;
import dev.sailplan.istio.security.v1.MutualTLSMode;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The Java snippets of docs/testing.md, each between a {@code // docs: NAME} comment and {@code //
 * end}, so that every snippet of the guide compiles and passes; {@link TestingGuideTest} checks the
 * guide shows them as written here.
 */
class TestingGuideSnippetsTest {
  private final DestinationRule rule = Mesh.rule();
  private final VirtualService route = Mesh.route();
  private final DestinationRule ruleWithoutV2 = Mesh.ruleWithoutV2();
  private final List<Resource> current = Mesh.parse(PlanAssertTest.CURRENT);
  private final List<Resource> resources =
      Mesh.parse(
          String.join(
              "---\n",
              MtlsAssertTest.MESH_STRICT,
              MtlsAssertTest.LEGACY,
              RequestAssertTest.RATINGS_POLICY,
              RequestAssertTest.READ_ONLY));
  private final String handWrittenYaml = Manifests.toYaml(resources);

  private record Example(String name, List<Resource> resources) {}

  private final List<Example> examples =
      List.of(
          new Example("reviews", List.of(rule, route)),
          new Example("ratings-policy", Mesh.parse(RequestAssertTest.RATINGS_POLICY)));

  @Test
  void findings() {
    // docs: findings
    assertThat(List.of(rule, route)).hasNoFindings();

    assertThat(List.of(ruleWithoutV2, route))
        .hasFinding("SP1001")
        .on("VirtualService bookinfo/reviews")
        .at("spec.http[0].route[0].destination.subset")
        .withLevel(Level.ERROR)
        .withMessageContaining("v2");

    assertThat(List.of(rule, route)).contains("DestinationRule", "bookinfo/reviews");
    // end
  }

  @Test
  void routes() {
    // docs: routes
    assertThat(route)
        .routes("reviews", "v1")
        .withWeight(90)
        .routes("reviews.bookinfo.svc.cluster.local", "v2")
        .withWeight(10);
    // end
  }

  @Test
  void subsets() {
    // docs: subsets
    assertThat(rule).hasSubsets("v1", "v2").hasSubset("v2");
    // end
  }

  @Test
  void plans() {
    // docs: plans
    Plan plan =
        CanaryRollout.of("bookinfo/reviews")
            .stable("v1")
            .canary("v2")
            .from(current)
            .steps(10, 100)
            .build()
            .plan();

    assertThat(plan)
        .isMakeBeforeBreak()
        .hasStages("destinationrules", "virtualservices", "virtualservices", "destinationrules")
        .stage(1)
        .applies("DestinationRule bookinfo/reviews")
        .deletes()
        .and()
        .stage(2)
        .applies("VirtualService bookinfo/reviews");
    // end
  }

  @Test
  void mtls() {
    // docs: mtls
    assertThat(resources).mtls().inNamespace("bookinfo").isStrict();
    assertThat(resources)
        .mtls()
        .forWorkload("default", Map.of("app", "legacy-app"))
        .onPort(8080)
        .isDisabled();

    MutualTLSMode mode =
        assertThat(resources)
            .mtls()
            .withRootNamespace("istio-config")
            .inNamespace("bookinfo")
            .mode();
    // end
    org.assertj.core.api.Assertions.assertThat(mode).isEqualTo(MutualTLSMode.PERMISSIVE);
  }

  @Test
  void requests() {
    // docs: requests
    assertThat(resources)
        .request()
        .from("cluster.local/ns/bookinfo/sa/reviews")
        .to("bookinfo", Map.of("app", "ratings"))
        .get("/ratings/0")
        .isAllowed();

    assertThat(resources)
        .request()
        .to("default", Map.of("app", "database-api"))
        .method("DELETE", "/rows/1")
        .isDenied();
    // end
  }

  @Test
  void yaml() {
    // docs: yaml
    assertThatYaml(Manifests.toYaml(resources)).isSemanticallyEqualTo(handWrittenYaml);
    // end
  }

  // docs: snapshots
  @Test
  void bookinfo() {
    // src/test/resources/dev/sailplan/testing/TestingGuideSnippetsTest.bookinfo.approved.yaml
    Snapshots.verify(List.of(rule, route));
  }

  @TestFactory
  Stream<DynamicTest> everyExample() {
    // one file per name: TestingGuideSnippetsTest.<name>.approved.yaml
    return examples.stream()
        .map(e -> dynamicTest(e.name(), () -> Snapshots.verify(e.name(), e.resources())));
  }
  // end
}
