package dev.sailplan.testing;

import dev.sailplan.istio.networking.v1.VirtualService;
import dev.sailplan.testing.internal.Routes;
import dev.sailplan.testing.internal.Routes.DefaultRoute;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on where a VirtualService sends a host's requests that no match picks out (its first
 * HTTP route without a {@code match}).
 *
 * <pre>{@code
 * assertThat(virtualService).routes("reviews", "v2").withWeight(10);
 * }</pre>
 */
public final class VirtualServiceAssert
    extends AbstractAssert<VirtualServiceAssert, VirtualService> {

  VirtualServiceAssert(VirtualService actual) {
    super(actual, VirtualServiceAssert.class);
  }

  /**
   * Verifies that the default route sends some of the host's requests to the subset.
   *
   * @param host the destination host, short ({@code reviews}) or fully qualified
   * @param subset the DestinationRule subset, {@code ""} for a destination without one
   * @return the assertion on that share, for {@link WeightAssert#withWeight(int)}
   */
  public WeightAssert routes(String host, String subset) {
    isNotNull();
    DefaultRoute route = defaultRoute(host);
    if (route.weightOf(subset) == 0) {
      failWithMessage(
          "expected %s to route %s to subset %s, but the routes of %s send it %s",
          Routes.describe(actual), host, subset, route.path(), route.describe());
    }
    return new WeightAssert(this, host, subset, route);
  }

  private DefaultRoute defaultRoute(String host) {
    return Routes.defaultRoute(actual, host)
        .orElseThrow(
            () ->
                failure(
                    "expected %s to route %s, but it has no HTTP route without a match",
                    Routes.describe(actual), host));
  }

  /** The share of a host's requests that the default route sends to one subset. */
  public static final class WeightAssert {
    private final VirtualServiceAssert outer;
    private final String host;
    private final String subset;
    private final DefaultRoute route;

    WeightAssert(VirtualServiceAssert outer, String host, String subset, DefaultRoute route) {
      this.outer = outer;
      this.host = host;
      this.subset = subset;
      this.route = route;
    }

    /**
     * Verifies the percentage of the host's requests that go to the subset.
     *
     * @param percent the expected weight, 0 to 100
     * @return the VirtualService's assertion, to go on with another host or subset
     */
    public VirtualServiceAssert withWeight(int percent) {
      if (route.weightOf(subset) != percent) {
        throw outer.failure(
            "expected %s to route %d%% of %s to subset %s, but the routes of %s send %d%% (%s)",
            Routes.describe(outer.actual),
            percent,
            host,
            subset,
            route.path(),
            route.weightOf(subset),
            route.describe());
      }
      return outer;
    }
  }
}
