package dev.sailplan.testing;

import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.plan.Plan;
import dev.sailplan.istio.networking.v1.DestinationRule;
import dev.sailplan.istio.networking.v1.VirtualService;
import java.util.List;

/**
 * The entry point of Sailplan's assertions, in the style of AssertJ's {@code Assertions}: import
 * {@code assertThat} statically beside AssertJ's own (the overloads here are the more specific).
 *
 * <pre>{@code
 * import static dev.sailplan.testing.SailplanAssertions.assertThat;
 *
 * assertThat(List.of(route, rule)).hasNoFindings();
 * assertThat(route).routes("reviews", "v2").withWeight(10);
 * assertThat(rule).hasSubsets("v1", "v2");
 * assertThat(plan).isMakeBeforeBreak();
 * assertThatYaml(rendered).isSemanticallyEqualTo(expected);
 * }</pre>
 */
public final class SailplanAssertions {
  private SailplanAssertions() {}

  /**
   * Assertions on a set of resources: validation findings, contents.
   *
   * @param resources the objects, as a mesh (cross-resource analyzers see all of them)
   * @return the assertion
   */
  public static ResourcesAssert assertThat(List<? extends Resource> resources) {
    return new ResourcesAssert(resources);
  }

  /**
   * Assertions on where a VirtualService sends traffic.
   *
   * @param virtualService the object
   * @return the assertion
   */
  public static VirtualServiceAssert assertThat(VirtualService virtualService) {
    return new VirtualServiceAssert(virtualService);
  }

  /**
   * Assertions on the subsets a DestinationRule defines.
   *
   * @param destinationRule the object
   * @return the assertion
   */
  public static DestinationRuleAssert assertThat(DestinationRule destinationRule) {
    return new DestinationRuleAssert(destinationRule);
  }

  /**
   * Assertions on a plan's stages and its safety.
   *
   * @param plan the plan
   * @return the assertion
   */
  public static PlanAssert assertThat(Plan plan) {
    return new PlanAssert(plan);
  }

  /**
   * Assertions on manifests' YAML compared as data (see {@link
   * dev.sailplan.core.diff.SemanticDiff}).
   *
   * @param yaml one or more YAML documents
   * @return the assertion
   */
  public static YamlAssert assertThatYaml(String yaml) {
    return new YamlAssert(yaml);
  }
}
