package dev.sailplan.testing;

import dev.sailplan.core.Manifests;
import dev.sailplan.istio.networking.v1.DestinationRule;
import dev.sailplan.testing.internal.Routes;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on the subsets a DestinationRule defines.
 *
 * <pre>{@code
 * assertThat(destinationRule).hasSubsets("v1", "v2");
 * }</pre>
 */
public final class DestinationRuleAssert
    extends AbstractAssert<DestinationRuleAssert, DestinationRule> {

  DestinationRuleAssert(DestinationRule actual) {
    super(actual, DestinationRuleAssert.class);
  }

  /**
   * Verifies that the rule defines exactly these subsets, in this order.
   *
   * @param names the subsets' names
   * @return this assertion
   */
  public DestinationRuleAssert hasSubsets(String... names) {
    isNotNull();
    List<String> found = subsets();
    if (!found.equals(List.of(names))) {
      failWithMessage(
          "expected %s to define subsets %s, but it defines %s",
          Routes.describe(actual), List.of(names), found);
    }
    return this;
  }

  /**
   * Verifies that the rule defines this subset (among others).
   *
   * @param name the subset's name
   * @return this assertion
   */
  public DestinationRuleAssert hasSubset(String name) {
    isNotNull();
    List<String> found = subsets();
    if (!found.contains(name)) {
      failWithMessage(
          "expected %s to define subset %s, but it defines %s",
          Routes.describe(actual), name, found);
    }
    return this;
  }

  private List<String> subsets() {
    List<String> out = new ArrayList<>();
    Manifests.toTree(actual)
        .path("spec")
        .path("subsets")
        .forEach(s -> out.add(s.path("name").asText()));
    return out;
  }
}
