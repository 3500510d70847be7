package dev.sailplan.core.rollout;

import dev.sailplan.core.plan.Planner;
import dev.sailplan.core.plan.Rollout;
import dev.sailplan.core.plan.State;
import dev.sailplan.core.value.ResourceNames;
import java.util.List;
import java.util.Objects;

/**
 * What every composite rollout shares: a checked plan name with a default, named steps, and the
 * rollouts that follow it (a rollback from one of its steps, a finishing step). A composite
 * supplies its starting state and its steps; its staged builder extends {@link Builder} for the
 * plan name, or {@link FromStateBuilder} to start from the cluster as it is.
 *
 * <pre>{@code
 * public final class Drain extends SteppedRollout {
 *   public interface Options {
 *     Options name(String planName);          // implemented by SteppedRollout.Builder
 *     Drain build();
 *   }
 *
 *   private static final class Builder extends SteppedRollout.Builder<Options> implements Options {
 *     private final String host;
 *     Builder(String host) {
 *       super(Options.class);
 *       this.host = host;
 *     }
 *     public Drain build() {
 *       return new Drain(this);
 *     }
 *   }
 *
 *   private Drain(Builder b) {
 *     super(b, b.host + "-drain");            // the plan name, given or by default
 *   }
 *
 *   public State current() { ... }
 *   public List<Planner.Target> targets() { ... }   // steps "cordon", "evict"
 *
 *   public Rollout rollbackFrom(String stepName) {   // from "cordon" or "evict" back to current()
 *     return rollbackFromStep(stepName, List.of(
 *         new Planner.Target("uncordon", current(), Barrier.NONE)));
 *   }
 * }
 * }</pre>
 */
public abstract class SteppedRollout implements Rollout {
  private final String name;

  /**
   * A rollout named as its builder says, else {@code defaultName}.
   *
   * @throws IllegalArgumentException when the given name is not a DNS-1123 label (a plan's name is
   *     its folder's name)
   */
  protected SteppedRollout(Builder<?> builder, String defaultName) {
    this.name =
        builder.planName == null ? defaultName : ResourceNames.label("plan name", builder.planName);
  }

  @Override
  public final String name() {
    return name;
  }

  /** The names of the steps, in order. */
  public final List<String> stepNames() {
    return targets().stream().map(Planner.Target::name).toList();
  }

  /**
   * A rollout that follows this one, named {@code <name>-<suffix>}: e.g. {@code rollback} from the
   * state this one ends in.
   */
  protected final Rollout followUp(String suffix, State from, List<Planner.Target> steps) {
    return Rollout.of(name + "-" + suffix, from, steps);
  }

  /**
   * A rollout from the state after the step {@code stepName} through {@code back}, named {@code
   * <name>-rollback-from-<stepName>}.
   *
   * @throws IllegalArgumentException when there is no such step, naming the steps there are
   */
  protected final Rollout rollbackFromStep(String stepName, List<Planner.Target> back) {
    List<Planner.Target> steps = targets();
    for (Planner.Target t : steps) {
      if (t.name().equals(stepName)) {
        return followUp("rollback-from-" + stepName, t.desired(), back);
      }
    }
    throw new IllegalArgumentException(
        name + " has no step '" + stepName + "'; its steps are " + String.join(", ", stepNames()));
  }

  /**
   * The part of a composite's builder that every composite takes: the plan's name. A composite's
   * builder extends it and implements its own staged interfaces, whose {@code name} method this
   * implements.
   *
   * @param <O> the composite's interface of optional parts, which {@link #name} returns
   */
  public abstract static class Builder<O> {
    private final O self;
    private String planName;

    /**
     * A builder that returns itself as {@code options}.
     *
     * @param options the composite's interface of optional parts, which the builder implements
     */
    protected Builder(Class<O> options) {
      this.self = options.cast(this);
    }

    /** The plan's name; by default the composite's own. Checked when the rollout is built. */
    public final O name(String planName) {
      this.planName = planName;
      return self;
    }

    /** This builder as the composite's interface of optional parts, for setters to return. */
    protected final O self() {
      return self;
    }
  }

  /**
   * A builder for a composite that starts from the cluster as it is, e.g. a migration that changes
   * what exists: the plan name, and the current state ({@code from}).
   *
   * @param <O> the composite's interface of optional parts, which {@link #from} returns
   */
  public abstract static class FromStateBuilder<O> extends Builder<O> {
    private State current = State.empty();

    /**
     * A builder that returns itself as {@code options}.
     *
     * @param options the composite's interface of optional parts, which the builder implements
     */
    protected FromStateBuilder(Class<O> options) {
      super(options);
    }

    /** The cluster's current state. Default: nothing exists. */
    public final O from(State current) {
      this.current = Objects.requireNonNull(current, "current");
      return self();
    }

    /** The state given with {@link #from}, or nothing. */
    public final State current() {
      return current;
    }
  }
}
