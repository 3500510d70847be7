package dev.sailplan.istio.rollout;

import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.plan.Barrier;
import dev.sailplan.core.plan.Planner;
import dev.sailplan.core.plan.Rollout;
import dev.sailplan.core.plan.State;
import dev.sailplan.core.rollout.SteppedRollout;
import dev.sailplan.core.value.ResourceNames;
import dev.sailplan.istio.networking.v1.VirtualService;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A blue/green switch of one service between two subsets: the DestinationRule gains the next subset
 * (a gate follows, to check the idle version), then the VirtualService sends all traffic to it at
 * once. The live subset stays defined, so switching back is one VirtualService change ({@link
 * #rollback()}); {@link #finish()} drops it once the switch has proven itself.
 *
 * <pre>{@code
 * BlueGreen switchover = BlueGreen.of("bookinfo/reviews")
 *     .live("v1")
 *     .next("v2")            // without live and next there is no build(): it does not compile
 *     .build();
 * Plan plan = switchover.plan();              // add-v2-subset, switch-to-v2
 * Plan back = switchover.rollback().plan();   // switch-back-to-v1
 * Plan done = switchover.finish().plan();     // drop-v1-subset
 * }</pre>
 *
 * <p>Subsets select pods by the {@code version} label (see {@link Options#versionLabel}); the
 * DestinationRule and VirtualService are named after the host.
 */
public final class BlueGreen extends SteppedRollout {
  private final ServiceObjects objects;
  private final String live;
  private final String next;

  private BlueGreen(Builder b, SubsetService service) {
    super(b, service.host() + "-blue-green");
    this.objects = b.objects(service, b.live, b.next);
    this.live = b.live;
    this.next = b.next;
  }

  /** Starts a blue/green switch of the service {@code namespace/host}. */
  public static LiveStep of(String serviceRef) {
    return new Builder(serviceRef);
  }

  /** The first required part: the subset serving traffic now. */
  public interface LiveStep {
    /** The live subset, e.g. {@code v1}. */
    NextStep live(String subset);
  }

  /** The second required part: the subset to switch to. */
  public interface NextStep {
    /** The next subset, e.g. {@code v2}. */
    Options next(String subset);
  }

  /** Optional parts, then {@link #build()}. */
  public interface Options {
    /** The pod label that subsets select on, a label key. Default: {@code version}. */
    Options versionLabel(String label);

    /** The plan's name. Default: {@code <host>-blue-green}. */
    Options name(String planName);

    /**
     * Starts from the objects running now: the service's DestinationRule gains the next subset (and
     * loses the live one when finished) and keeps everything else; every HTTP route sending traffic
     * to the live subset changes only its destinations. Without it, the DestinationRule and
     * VirtualService are created, named after the host.
     */
    Options from(Collection<? extends Resource> current);

    /**
     * The switch, checked.
     *
     * @throws IllegalArgumentException naming what is wrong: equal subsets, bad names, a bad label
     */
    BlueGreen build();
  }

  private static final class Builder extends SubsetService.Builder<Options>
      implements LiveStep, NextStep, Options {
    private String live;
    private String next;

    Builder(String serviceRef) {
      super(Options.class, serviceRef);
    }

    @Override
    public NextStep live(String subset) {
      this.live = subset;
      return this;
    }

    @Override
    public Options next(String subset) {
      this.next = subset;
      return this;
    }

    @Override
    public BlueGreen build() {
      ResourceNames.label("live subset", live);
      ResourceNames.label("next subset", next);
      if (live.equals(next)) {
        throw new IllegalArgumentException("live and next are the same subset '" + live + "'");
      }
      return new BlueGreen(this, service());
    }
  }

  /** Before the switch: only the live subset exists and takes all traffic. */
  @Override
  public State current() {
    return State.of(objects.current());
  }

  /**
   * {@code add-<next>-subset} (both subsets defined, traffic unchanged; a gate follows), then
   * {@code switch-to-<next>} (all traffic to the next subset).
   */
  @Override
  public List<Planner.Target> targets() {
    return List.of(
        new Planner.Target("add-" + next + "-subset", bothDefined(live), Barrier.GATE),
        new Planner.Target("switch-to-" + next, switched(), Barrier.NONE));
  }

  /** After the switch: both subsets defined, all traffic to the next one. */
  public State switched() {
    return bothDefined(next);
  }

  /**
   * A rollout from {@link #switched()} back to the live subset: one VirtualService change ({@code
   * switch-back-to-<live>}); both subsets stay defined, so the switch can be retried.
   */
  public Rollout rollback() {
    return followUp(
        "rollback",
        switched(),
        List.of(new Planner.Target("switch-back-to-" + live, bothDefined(live), Barrier.NONE)));
  }

  /**
   * A rollout from {@link #switched()} that drops the old live subset from the DestinationRule
   * ({@code drop-<live>-subset}), leaving the next subset alone.
   */
  public Rollout finish() {
    return followUp(
        "finish",
        switched(),
        List.of(
            new Planner.Target(
                "drop-" + live + "-subset",
                objects.state(objects.rule(List.of(next), List.of(live)), routes(next)),
                Barrier.NONE)));
  }

  /** Both subsets defined, all traffic to {@code subset}. */
  private State bothDefined(String subset) {
    return objects.state(objects.rule(List.of(live, next), List.of()), routes(subset));
  }

  /** All of the live subset's traffic on {@code subset}. */
  private List<VirtualService> routes(String subset) {
    return objects.routes(next, subset.equals(next) ? 100 : 0, Optional.empty());
  }
}
