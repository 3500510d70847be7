package dev.sailplan.istio.rollout;

import static dev.sailplan.istio.Traffic.exact;
import static dev.sailplan.istio.Traffic.matchHeader;

import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.plan.Barrier;
import dev.sailplan.core.plan.Planner;
import dev.sailplan.core.plan.Rollout;
import dev.sailplan.core.plan.State;
import dev.sailplan.core.rollout.StepWeights;
import dev.sailplan.core.rollout.SteppedRollout;
import dev.sailplan.core.value.ResourceNames;
import dev.sailplan.istio.networking.v1.DestinationRule;
import dev.sailplan.istio.networking.v1.HTTPRoute;
import dev.sailplan.istio.networking.v1.HTTPRouteDestination;
import dev.sailplan.istio.networking.v1.VirtualService;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A canary rollout of one service between two subsets: the DestinationRule gains the canary subset,
 * the VirtualService shifts weight step by step (a gate after each), and finally the stable subset
 * goes away. Optionally, requests with a header go to the canary from the start, so testers can
 * reach it.
 *
 * <pre>{@code
 * CanaryRollout canary = CanaryRollout.of("bookinfo/reviews")
 *     .stable("v1")
 *     .canary("v2")          // without stable and canary there is no build(): it does not compile
 *     .steps(10, 25, 50, 100)
 *     .headerOverride("x-canary", "true")
 *     .build();
 * Plan plan = canary.plan();                 // add-canary-subset, shift-10, …, drop-stable-subset
 * Plan back = canary.rollbackFrom("shift-25").plan(); // from shift-25 back to v1 only
 * }</pre>
 *
 * <p>Subsets select pods by the {@code version} label (see {@link Options#versionLabel}); the
 * DestinationRule and VirtualService are named after the host.
 */
public final class CanaryRollout extends SteppedRollout {
  private static final Pattern HEADER = Pattern.compile("[a-z0-9][-a-z0-9_.]*");

  private final SubsetService service;
  private final ServiceObjects objects;
  private final String stable;
  private final String canary;
  private final List<Integer> weights;
  private final Optional<String[]> header;

  private CanaryRollout(Builder b, SubsetService service) {
    super(b, service.host() + "-canary");
    this.service = service;
    this.objects = b.objects(service, b.stable, b.canary);
    this.stable = b.stable;
    this.canary = b.canary;
    this.weights = b.weights;
    this.header = Optional.ofNullable(b.header);
  }

  /** Starts a canary rollout of the service {@code namespace/host}. */
  public static StableStep of(String serviceRef) {
    return new Builder(serviceRef);
  }

  /** The first required part: the subset serving traffic now. */
  public interface StableStep {
    /** The stable subset, e.g. {@code v1}. */
    CanaryStep stable(String subset);
  }

  /** The second required part: the subset being rolled out. */
  public interface CanaryStep {
    /** The canary subset, e.g. {@code v2}. */
    Options canary(String subset);
  }

  /** Optional parts, then {@link #build()}. */
  public interface Options {
    /**
     * The canary's share of traffic at each step, strictly increasing, within 1..100, ending at
     * 100. Default: 10, 25, 50, 100.
     */
    Options steps(int... percentages);

    /** Requests carrying {@code header: value} go to the canary from the first step. */
    Options headerOverride(String header, String value);

    /** The pod label that subsets select on, a label key. Default: {@code version}. */
    Options versionLabel(String label);

    /**
     * Starts from the objects running now: the service's DestinationRule gains the canary subset
     * (and loses the stable one at the end) and keeps everything else; every HTTP route sending
     * traffic to the stable subset changes only its destinations and weights. Without it, the
     * DestinationRule and VirtualService are created, named after the host.
     */
    Options from(Collection<? extends Resource> current);

    /** The plan's name. Default: {@code <host>-canary}. */
    Options name(String planName);

    /**
     * The rollout, checked.
     *
     * @throws IllegalArgumentException naming what is wrong: equal subsets, bad weights, a bad
     *     header, version label or name
     */
    CanaryRollout build();
  }

  private static final class Builder extends SubsetService.Builder<Options>
      implements StableStep, CanaryStep, Options {
    private String stable;
    private String canary;
    private List<Integer> weights = StepWeights.DEFAULT;
    private String[] header;

    Builder(String serviceRef) {
      super(Options.class, serviceRef);
    }

    @Override
    public CanaryStep stable(String subset) {
      this.stable = subset;
      return this;
    }

    @Override
    public Options canary(String subset) {
      this.canary = subset;
      return this;
    }

    @Override
    public Options steps(int... percentages) {
      this.weights = StepWeights.of(percentages);
      return this;
    }

    @Override
    public Options headerOverride(String name, String value) {
      this.header = new String[] {name, value};
      return this;
    }

    @Override
    public CanaryRollout build() {
      ResourceNames.label("stable subset", stable);
      ResourceNames.label("canary subset", canary);
      if (stable.equals(canary)) {
        throw new IllegalArgumentException(
            "stable and canary are the same subset '" + stable + "'");
      }
      StepWeights.check(weights);
      if (header != null) {
        if (!HEADER.matcher(header[0]).matches()) {
          throw new IllegalArgumentException(
              "header '" + header[0] + "' is not a valid lower-case header name");
        }
        if (header[1].isEmpty()) {
          throw new IllegalArgumentException("header " + header[0] + " needs a value to match");
        }
      }
      return new CanaryRollout(this, service());
    }
  }

  /**
   * Before the rollout: the objects of {@link Options#from}, or the stable subset alone taking all
   * traffic.
   */
  @Override
  public State current() {
    return State.of(objects.current());
  }

  @Override
  public List<Planner.Target> targets() {
    List<Planner.Target> out = new ArrayList<>();
    out.add(
        new Planner.Target(
            "add-canary-subset",
            objects.state(rule(stable, canary), routes(0, true)),
            Barrier.GATE,
            header
                .map(
                    h ->
                        "route requests with "
                            + h[0]
                            + ": "
                            + h[1]
                            + " to "
                            + canary
                            + "; all others stay on "
                            + stable)
                .orElse("define subset " + canary + "; all traffic stays on " + stable)));
    String host = service.host();
    for (int w : weights) {
      String shift =
          w == 100
              ? "send all " + host + " traffic to " + canary
              : "send "
                  + w
                  + "% of "
                  + host
                  + " traffic to "
                  + canary
                  + ", "
                  + (100 - w)
                  + "% to "
                  + stable;
      out.add(
          new Planner.Target(
              StepWeights.stepName(w),
              objects.state(rule(stable, canary), routes(w, w < 100)),
              Barrier.GATE,
              shift));
    }
    out.add(
        new Planner.Target(
            "drop-stable-subset",
            objects.state(objects.rule(List.of(canary), List.of(stable)), routes(100, false)),
            Barrier.NONE,
            "remove subset " + stable + " now that no route uses it"));
    return out;
  }

  /**
   * A rollout from the state after the step {@code stepName} back to the stable subset alone: all
   * traffic back first, then the canary subset goes. The steps are {@link #stepNames()}: {@code
   * add-canary-subset}, {@code shift-10}, …, {@code drop-stable-subset}.
   *
   * @throws IllegalArgumentException when there is no such step, naming the steps there are
   */
  public Rollout rollbackFrom(String stepName) {
    return rollbackFromStep(
        stepName,
        List.of(
            new Planner.Target(
                "return-to-" + stable,
                objects.state(rule(stable, canary), routes(0, false)),
                Barrier.GATE,
                "send all " + service.host() + " traffic back to " + stable),
            new Planner.Target(
                "drop-canary-subset",
                current(),
                Barrier.NONE,
                "remove subset " + canary + " now that no route uses it")));
  }

  private DestinationRule rule(String... subsets) {
    return objects.rule(List.of(subsets), List.of());
  }

  /** Routes giving the canary {@code canaryWeight} percent, plus the header override when asked. */
  private List<VirtualService> routes(int canaryWeight, boolean withOverride) {
    Optional<Function<HTTPRouteDestination, HTTPRoute>> override =
        withOverride
            ? header.map(
                h ->
                    to ->
                        HTTPRoute.builder()
                            .name("canary-override")
                            .addMatch(matchHeader(h[0], exact(h[1])))
                            .addRoute(to)
                            .build())
            : Optional.empty();
    return objects.routes(canary, canaryWeight, override);
  }
}
