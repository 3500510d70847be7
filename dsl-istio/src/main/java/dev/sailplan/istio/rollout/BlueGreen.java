package dev.sailplan.istio.rollout;

import static dev.sailplan.istio.Traffic.destinationRule;
import static dev.sailplan.istio.Traffic.routeTo;
import static dev.sailplan.istio.Traffic.subset;
import static dev.sailplan.istio.Traffic.virtualService;

import dev.sailplan.core.plan.Barrier;
import dev.sailplan.core.plan.Planner;
import dev.sailplan.core.plan.Rollout;
import dev.sailplan.core.plan.State;
import dev.sailplan.core.value.ResourceNames;
import dev.sailplan.istio.networking.v1.DestinationRule;
import dev.sailplan.istio.networking.v1.DestinationRuleSpec;
import dev.sailplan.istio.networking.v1.HTTPRoute;
import dev.sailplan.istio.networking.v1.VirtualService;
import dev.sailplan.istio.networking.v1.VirtualServiceSpec;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A blue/green switch of one service between two subsets: the DestinationRule gains the next
 * subset (a gate follows, to check the idle version), then the VirtualService sends all traffic to
 * it at once. The live subset stays defined, so switching back is one VirtualService change
 * ({@link #rollback()}); {@link #finish()} drops it once the switch has proven itself.
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
public final class BlueGreen implements Rollout {
  /** A Kubernetes label key: an optional DNS-1123 subdomain prefix and a name of at most 63 characters. */
  private static final Pattern LABEL_KEY = Pattern.compile(
      "([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?");

  private final String namespace;
  private final String host;
  private final String live;
  private final String next;
  private final String versionLabel;
  private final String name;

  private BlueGreen(Builder b) {
    this.namespace = b.namespace;
    this.host = b.host;
    this.live = b.live;
    this.next = b.next;
    this.versionLabel = b.versionLabel;
    this.name = b.name != null ? b.name : host + "-blue-green";
  }

  /** Starts a blue/green switch of the service {@code namespace/host}. */
  public static LiveStep of(String serviceRef) {
    String[] parts = ResourceNames.namespaced("service", serviceRef);
    return new Builder(parts[0], parts[1]);
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
    /** The pod label that subsets select on. Default: {@code version}. */
    Options versionLabel(String label);

    /** The plan's name. Default: {@code <host>-blue-green}. */
    Options name(String planName);

    /**
     * The switch, checked.
     *
     * @throws IllegalArgumentException naming what is wrong: equal subsets, bad names, a bad label
     */
    BlueGreen build();
  }

  private static final class Builder implements LiveStep, NextStep, Options {
    private final String namespace;
    private final String host;
    private String live;
    private String next;
    private String versionLabel = "version";
    private String name;

    Builder(String namespace, String host) {
      this.namespace = namespace;
      this.host = host;
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
    public Options versionLabel(String label) {
      this.versionLabel = label;
      return this;
    }

    @Override
    public Options name(String planName) {
      this.name = planName;
      return this;
    }

    @Override
    public BlueGreen build() {
      ResourceNames.label("live subset", live);
      ResourceNames.label("next subset", next);
      if (live.equals(next)) {
        throw new IllegalArgumentException("live and next are the same subset '" + live + "'");
      }
      if (versionLabel == null || !LABEL_KEY.matcher(versionLabel).matches() || versionLabel.indexOf('/') > 253) {
        throw new IllegalArgumentException("version label '" + versionLabel + "' is not a valid label key");
      }
      if (name != null) {
        ResourceNames.label("plan name", name);
      }
      return new BlueGreen(this);
    }
  }

  @Override
  public String name() {
    return name;
  }

  /** Before the switch: only the live subset exists and takes all traffic. */
  @Override
  public State current() {
    return State.of(rule(live), routes(live));
  }

  /**
   * {@code add-<next>-subset} (both subsets defined, traffic unchanged; a gate follows), then
   * {@code switch-to-<next>} (all traffic to the next subset).
   */
  @Override
  public List<Planner.Target> targets() {
    return List.of(
        new Planner.Target("add-" + next + "-subset", State.of(rule(live, next), routes(live)), Barrier.GATE),
        new Planner.Target("switch-to-" + next, switched(), Barrier.NONE));
  }

  /** The names of the steps, in order: {@code add-<next>-subset}, {@code switch-to-<next>}. */
  public List<String> stepNames() {
    return targets().stream().map(Planner.Target::name).toList();
  }

  /** After the switch: both subsets defined, all traffic to the next one. */
  public State switched() {
    return State.of(rule(live, next), routes(next));
  }

  /**
   * A rollout from {@link #switched()} back to the live subset: one VirtualService change
   * ({@code switch-back-to-<live>}); both subsets stay defined, so the switch can be retried.
   */
  public Rollout rollback() {
    return rollout(name + "-rollback", List.of(new Planner.Target("switch-back-to-" + live,
        State.of(rule(live, next), routes(live)), Barrier.NONE)));
  }

  /**
   * A rollout from {@link #switched()} that drops the old live subset from the DestinationRule
   * ({@code drop-<live>-subset}), leaving the next subset alone.
   */
  public Rollout finish() {
    return rollout(name + "-finish", List.of(new Planner.Target("drop-" + live + "-subset",
        State.of(rule(next), routes(next)), Barrier.NONE)));
  }

  private Rollout rollout(String rolloutName, List<Planner.Target> steps) {
    State from = switched();
    return Rollout.of(rolloutName, from, steps);
  }

  private DestinationRule rule(String... subsets) {
    DestinationRuleSpec.Builder spec = DestinationRuleSpec.builder().host(host);
    for (String s : subsets) {
      spec.addSubsets(subset(s, versionLabel, s));
    }
    return destinationRule(namespace + "/" + host, spec.build());
  }

  /** All traffic to one subset. */
  private VirtualService routes(String subset) {
    return virtualService(namespace + "/" + host, VirtualServiceSpec.builder().addHosts(host)
        .addHttp(HTTPRoute.builder().name("primary").addRoute(routeTo(host, subset)).build())
        .build());
  }
}
