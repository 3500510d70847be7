package dev.sailplan.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Look-ups by fact answer exactly the objects {@link Fact#covers} would find by scanning. */
class FactIndexTest {
  private static final ResourceKey ALL = key("all");
  private static final ResourceKey API = key("api");
  private static final ResourceKey WEB = key("web");
  private static final ResourceKey OTHER = key("other");

  private final FactIndex index = new FactIndex();

  FactIndexTest() {
    index.add(new Fact("grant", "backends/*"), ALL);
    index.add(new Fact("grant", "backends/api"), API);
    index.add(new Fact("grant", "backends/web"), WEB);
    index.add(new Fact("grant", "backendsx/api"), OTHER);
    index.add(new Fact("service", "backends/api"), OTHER);
  }

  @Test
  void coveringFindsTheExactFactAndEveryWildcardOverIt() {
    assertEquals(List.of(ALL, API), covering("backends/api"));
    assertEquals(List.of(OTHER), covering("backendsx/api"));
    assertEquals(List.of(), covering("frontends/api"));
  }

  @Test
  void coveredByAWildcardIsEveryFactOfItsTypeWithThePrefix() {
    assertEquals(List.of(ALL, API, WEB), coveredBy("backends/*"));
    assertEquals(List.of(ALL, API, OTHER, WEB), coveredBy("*"));
    assertEquals(List.of(API), coveredBy("backends/api"));
  }

  @Test
  void clashingIsEitherDirection() {
    assertEquals(List.of(ALL, API, WEB), clashing("backends/*"));
    assertEquals(List.of(ALL, WEB), clashing("backends/web"));
  }

  @Test
  void aRemovedHolderIsNoLongerFound() {
    index.remove(new Fact("grant", "backends/*"), ALL);
    index.remove(new Fact("grant", "backends/api"), WEB);

    assertEquals(List.of(API), covering("backends/api"));
    assertEquals(List.of(API, WEB), coveredBy("backends/*"));
  }

  private List<ResourceKey> covering(String grant) {
    return List.copyOf(index.covering(new Fact("grant", grant)));
  }

  private List<ResourceKey> coveredBy(String grant) {
    return List.copyOf(index.coveredBy(new Fact("grant", grant)));
  }

  private List<ResourceKey> clashing(String grant) {
    return List.copyOf(index.clashing(new Fact("grant", grant)));
  }

  private static ResourceKey key(String name) {
    return new ResourceKey("", "Thing", "n", name);
  }
}
