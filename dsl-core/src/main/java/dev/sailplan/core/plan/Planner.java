package dev.sailplan.core.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Computes make-before-break stages between two states.
 *
 * <p>Every object's change becomes a chain of versions (the {@link DependencyModel}s may insert
 * intermediate ones, e.g. a DestinationRule holding both the old and the new subsets). Stages are
 * then formed greedily: a change joins a stage only if, whatever order the stage's changes reach
 * the proxies in, everything it requires is provided by objects that provide it both before and
 * after the stage, nothing still in use loses a fact it relies on, and no excluded facts meet. A
 * requirement that no version of either state (or in between) provides does not bind the order.
 *
 * <p>A planner is immutable and safe to share between threads, provided its models are (the bundled
 * ones are stateless). Planning takes time roughly linear in the size of the states: facts are
 * looked up by provider, not scanned.
 *
 * <pre>{@code
 * Planner planner = Planner.discover();          // every DependencyModel on the class path
 * Plan plan = planner.plan("reviews-canary", current,
 *     List.of(new Planner.Target("add-canary-subset", desired, Barrier.GATE)));
 * }</pre>
 */
public final class Planner {
  // The only field: a Planner is immutable and may be shared between threads; each call keeps
  // its own state (FactBook, Progress).
  private final List<DependencyModel> models;

  private Planner(List<DependencyModel> models) {
    this.models = List.copyOf(models);
  }

  /** A planner with exactly these models. */
  public static Planner of(List<DependencyModel> models) {
    return new Planner(models);
  }

  /** A planner with every {@link DependencyModel} registered on the class path. */
  public static Planner discover() {
    List<DependencyModel> found = new ArrayList<>();
    ServiceLoader.load(DependencyModel.class, Planner.class.getClassLoader()).forEach(found::add);
    return new Planner(found);
  }

  /**
   * One step of a plan to compute: reach {@code desired}, then {@code after}.
   *
   * @param name the step's name
   * @param desired the state to reach
   * @param after the barrier after the step's last stage (the plan's very last stage gets none)
   * @param description what the step does, in words ("send 10% of reviews traffic to v2"); the
   *     reason of a stage whose changes say nothing more specific, or empty
   */
  public record Target(String name, State desired, Barrier after, String description) {
    /** A step without a description. */
    public Target(String name, State desired, Barrier after) {
      this(name, desired, after, "");
    }
  }

  /**
   * A plan through the targets in order.
   *
   * @throws PlanningException when some target cannot be reached safely
   */
  public Plan plan(String name, State current, List<Target> targets) {
    List<State> states = new ArrayList<>(List.of(current));
    targets.forEach(t -> states.add(t.desired()));
    FactBook facts = new FactBook(models, states);
    List<Step> steps = new ArrayList<>();
    State at = current;
    for (int t = 0; t < targets.size(); t++) {
      Target target = targets.get(t);
      List<Stage> stages = new ArrayList<>();
      for (Ordering.Planned p : Ordering.stages(facts, at, target.desired())) {
        Stage st = p.stage();
        boolean describe = !p.specific() && !target.description().isEmpty();
        stages.add(
            describe
                ? new Stage(
                    st.label(),
                    st.changes(),
                    st.then(),
                    Reasons.described(target.description(), st.reason()))
                : st);
      }
      if (!stages.isEmpty()) {
        int last = stages.size() - 1;
        boolean lastOfPlan = t == targets.size() - 1;
        Barrier after = lastOfPlan ? Barrier.NONE : target.after();
        // A rollout is waited for even at the end of a plan or step (a gate does it too, in
        // apply.sh): what follows may route to its pods.
        // A restart is kept likewise, and it ends at a gate of its own.
        Barrier own = stages.get(last).then();
        boolean keepRollout = own == Barrier.ROLLOUT && after != Barrier.GATE;
        boolean keep = own == Barrier.RESTART || keepRollout;
        stages.set(last, stages.get(last).then(keep ? own : after));
      }
      steps.add(new Step(target.name(), target.desired(), stages));
      at = target.desired();
    }
    return new Plan(name, current, steps);
  }

  /**
   * The stages from {@code from} to {@code to}, each followed by a propagation barrier.
   *
   * @throws PlanningException when no safe order exists
   */
  public List<Stage> stages(State from, State to) {
    return Ordering.stages(new FactBook(models, List.of(from, to)), from, to).stream()
        .map(Ordering.Planned::stage)
        .toList();
  }
}
