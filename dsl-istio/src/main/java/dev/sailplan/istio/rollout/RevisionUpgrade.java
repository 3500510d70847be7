package dev.sailplan.istio.rollout;

import dev.sailplan.core.generic.GenericObject;
import dev.sailplan.core.k8s.Namespace;
import dev.sailplan.core.meta.ObjectMeta;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.plan.Barrier;
import dev.sailplan.core.plan.Planner;
import dev.sailplan.core.plan.ResourceKey;
import dev.sailplan.core.plan.Revisions;
import dev.sailplan.core.plan.Rollout;
import dev.sailplan.core.plan.State;
import dev.sailplan.core.rollout.SteppedRollout;
import dev.sailplan.core.value.ResourceNames;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The canary upgrade of the control plane as a plan: with the new revision installed next to the
 * old one, namespaces move from the old revision to the new one, one step per namespace (or group),
 * and a revision tag, when the namespaces use one, moves last.
 *
 * <pre>{@code
 * RevisionUpgrade upgrade = RevisionUpgrade.from(current)  // Namespaces (and workloads) as they are
 *     .fromRevision("1-29-0")
 *     .toRevision("1-30-3")
 *     .step("bookinfo")                   // first alone,
 *     .step("payments", "ledger")         // then these two together
 *     .tag("prod-stable")                 // namespaces labelled istio.io/rev=prod-stable: last
 *     .build();
 * Plan plan = upgrade.plan();             // move-bookinfo, move-payments-ledger, move-tag-prod-stable
 * Plan back = upgrade.rollbackFrom("move-payments-ledger").plan(); // back to 1-29-0
 * }</pre>
 *
 * <p>Each namespace step relabels its namespaces: {@code istio-injection} goes (it takes precedence
 * over {@code istio.io/rev}) and {@code istio.io/rev} names the new revision; every other label and
 * field is kept. The planner follows such a stage with {@code then: restart}: {@code apply.sh}
 * restarts the namespace's Deployments, StatefulSets and DaemonSets ({@code kubectl rollout
 * restart}, then {@code kubectl rollout status}) so that their pods are injected by the new
 * revision, waits for propagation and stops at a gate. A namespace without workloads is still moved
 * (pods created later get the new revision) and its restart finds nothing to do.
 *
 * <p>The tag step points the tag at the new revision. A revision tag is a
 * MutatingWebhookConfiguration {@code istio-revision-tag-<tag>} whose webhooks {@code istioctl tag
 * set} copies from the revision's injector, so the plan holds it by its labels only ({@link
 * Revisions#tag}) and {@code apply.sh} runs {@code istioctl tag set TAG --revision NEW --overwrite}
 * for it, then restarts every namespace labelled with the tag. When the current state has no such
 * object, the tag is taken to point at the old revision (and the plan's current state shows it so).
 *
 * <p>A namespace given with {@link Namespaces#step} must be in the current state, on the old
 * revision ({@code istio.io/rev=<from>}, or {@code istio-injection=enabled}: the default revision
 * is taken to be the old one), not ambient and not on a revision tag; anything else is refused
 * naming the namespace.
 */
public final class RevisionUpgrade extends SteppedRollout {
  private static final String AMBIENT_LABEL = "istio.io/dataplane-mode";
  private static final int LONGEST_STEP_NAME = 50;

  private final State current;
  private final String from;
  private final String to;
  private final List<List<String>> groups;
  private final Optional<String> tag;

  private RevisionUpgrade(Builder b, State current, List<List<String>> groups) {
    super(b, "revision-upgrade-" + b.to);
    this.current = current;
    this.from = b.from;
    this.to = b.to;
    this.groups = groups;
    this.tag = Optional.ofNullable(b.tag);
  }

  /** Starts an upgrade of the namespaces of {@code current}: the cluster as it is. */
  public static FromRevision from(State current) {
    return new Builder(Objects.requireNonNull(current, "current"));
  }

  /** The required part: the revision the namespaces are on. */
  public interface FromRevision {
    /** The old revision, as in {@code istio.io/rev}, e.g. {@code 1-29-0}. */
    ToRevision fromRevision(String revision);
  }

  /** The required part: the revision to move to. */
  public interface ToRevision {
    /** The new revision, already installed, e.g. {@code 1-30-3}. */
    Namespaces toRevision(String revision);
  }

  /** The required part: which namespaces move, and in which steps. */
  public interface Namespaces {
    /** The next step: these namespaces move together (one or more). Repeat for the next steps. */
    Options step(String... namespaces);

    /**
     * Every namespace of the current state on the old revision (not those using a revision tag),
     * one per step, by name.
     */
    Finish oneAtATime();

    /** No namespace is relabelled: only the tag moves (its namespaces restart). */
    Finish tagOnly(String tag);
  }

  /** More steps, or the optional parts. */
  public interface Options extends Finish {
    /** The next step: these namespaces move together. */
    Options step(String... namespaces);
  }

  /** The optional parts, then {@link #build()}. */
  public interface Finish {
    /**
     * The revision tag to move to the new revision last, in a step of its own: the namespaces
     * labelled {@code istio.io/rev=<tag>} are not relabelled, they follow the tag.
     */
    Finish tag(String tag);

    /** The plan's name. Default: {@code revision-upgrade-<to>}. */
    Finish name(String planName);

    /**
     * The upgrade, checked.
     *
     * @throws IllegalArgumentException naming what is wrong: bad or equal revisions, a namespace
     *     not in the current state, listed twice, ambient, on a tag, already on the new revision or
     *     on another one; a tag pointing at another revision
     */
    RevisionUpgrade build();
  }

  private static final class Builder extends SteppedRollout.Builder<Finish>
      implements FromRevision, ToRevision, Namespaces, Options {
    private final State current;
    private String from;
    private String to;
    private final List<List<String>> steps = new ArrayList<>();
    private boolean all;
    private String tag;

    Builder(State current) {
      super(Finish.class);
      this.current = current;
    }

    @Override
    public ToRevision fromRevision(String revision) {
      this.from = revision;
      return this;
    }

    @Override
    public Namespaces toRevision(String revision) {
      this.to = revision;
      return this;
    }

    @Override
    public Options step(String... namespaces) {
      steps.add(List.of(namespaces));
      return this;
    }

    @Override
    public Finish oneAtATime() {
      this.all = true;
      return this;
    }

    @Override
    public Finish tagOnly(String tag) {
      return tag(tag);
    }

    @Override
    public Finish tag(String tag) {
      this.tag = tag;
      return this;
    }

    @Override
    public RevisionUpgrade build() {
      ResourceNames.label("old revision", from);
      ResourceNames.label("new revision", to);
      if (from.equals(to)) {
        throw new IllegalArgumentException(
            "the old and the new revision are both " + from + ": nothing to upgrade");
      }
      if (tag != null) {
        ResourceNames.label("revision tag", tag);
        if (tag.equals(from) || tag.equals(to)) {
          throw new IllegalArgumentException(
              "revision tag " + tag + " has the name of a revision: a tag must differ from both");
        }
      }
      List<List<String>> groups = all ? onOldRevision() : List.copyOf(steps);
      Set<String> seen = new LinkedHashSet<>();
      for (List<String> group : groups) {
        if (group.isEmpty()) {
          throw new IllegalArgumentException("a step needs at least one namespace");
        }
        for (String ns : group) {
          ResourceNames.label("namespace", ns);
          if (!seen.add(ns)) {
            throw new IllegalArgumentException("namespace " + ns + " is listed twice");
          }
          check(ns);
        }
      }
      if (groups.isEmpty() && tag == null) {
        throw new IllegalArgumentException(
            "no namespace of the current state is on revision " + from + ", and no tag is given");
      }
      State start = current;
      if (tag != null) {
        ResourceKey key = ResourceKey.of(Revisions.tag(tag, from));
        Optional<Resource> there = current.get(key);
        if (there.isPresent()) {
          String points = Revisions.tagRevision(there.get());
          if (!points.equals(from)) {
            throw new IllegalArgumentException(
                "revision tag " + tag + " points at revision " + points + ", not " + from);
          }
        } else {
          start = current.with(key, Optional.of(Revisions.tag(tag, from)));
        }
      }
      return new RevisionUpgrade(this, start, groups);
    }

    /** Refuses a namespace that this upgrade cannot move, naming it and why. */
    private void check(String ns) {
      Resource n =
          current
              .get(new ResourceKey("", "Namespace", "", ns))
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "namespace " + ns + " is not in the current state"));
      Map<String, String> labels = n.metadata().labels();
      if ("ambient".equals(labels.get(AMBIENT_LABEL))) {
        throw new IllegalArgumentException(
            "namespace "
                + ns
                + " is ambient ("
                + AMBIENT_LABEL
                + "=ambient): its pods have no sidecar to re-inject; ztunnel and waypoints are"
                + " upgraded on their own");
      }
      String injection = labels.getOrDefault(Revisions.INJECTION, "");
      if (injection.equals("disabled")) {
        throw new IllegalArgumentException(
            "namespace " + ns + " is not injected (" + Revisions.INJECTION + "=disabled)");
      }
      if (injection.equals("enabled")) {
        return;
      }
      String rev = labels.getOrDefault(Revisions.REV, "");
      if (rev.equals(to)) {
        throw new IllegalArgumentException("namespace " + ns + " is already on revision " + to);
      }
      if (tag != null && rev.equals(tag)) {
        throw new IllegalArgumentException(
            "namespace "
                + ns
                + " uses revision tag "
                + tag
                + ": it moves with the tag, in the last step");
      }
      if (rev.isEmpty()) {
        throw new IllegalArgumentException(
            "namespace "
                + ns
                + " has neither "
                + Revisions.REV
                + " nor "
                + Revisions.INJECTION
                + "=enabled: no revision injects its pods");
      }
      if (!rev.equals(from)) {
        throw new IllegalArgumentException(
            "namespace " + ns + " is on revision " + rev + ", not " + from);
      }
    }

    /** Every namespace on the old revision, one per step, by name (skipping ambient ones). */
    private List<List<String>> onOldRevision() {
      List<List<String>> out = new ArrayList<>();
      for (Resource r : current.resources()) {
        if (!r.kind().equals("Namespace") || !r.group().isEmpty()) {
          continue;
        }
        Map<String, String> labels = r.metadata().labels();
        boolean ambient = "ambient".equals(labels.get(AMBIENT_LABEL));
        boolean old =
            labels.getOrDefault(Revisions.INJECTION, "").equals("enabled")
                || (!labels.containsKey(Revisions.INJECTION)
                    && labels.getOrDefault(Revisions.REV, "").equals(from));
        if (old && !ambient) {
          out.add(List.of(r.metadata().name().orElseThrow()));
        }
      }
      return out;
    }
  }

  /** The state the upgrade starts from: the given one, with the tag when it was not in it. */
  @Override
  public State current() {
    return current;
  }

  /** The old revision. */
  public String fromRevision() {
    return from;
  }

  /** The new revision. */
  public String toRevision() {
    return to;
  }

  /** The namespaces of each namespace step, in order (the tag step is not among them). */
  public List<List<String>> groups() {
    return groups;
  }

  @Override
  public List<Planner.Target> targets() {
    List<Planner.Target> out = new ArrayList<>();
    State at = current;
    int steps = groups.size() + (tag.isPresent() ? 1 : 0);
    for (List<String> group : groups) {
      for (String ns : group) {
        at = with(at, moved(at.get(namespaceKey(ns)).orElseThrow(), to));
      }
      out.add(
          new Planner.Target(
              stepName("move-", group),
              at,
              out.size() + 1 < steps ? Barrier.GATE : Barrier.NONE,
              "move "
                  + namespaces(group)
                  + " to revision "
                  + to
                  + " and restart "
                  + (group.size() == 1 ? "its" : "their")
                  + " workloads"));
    }
    if (tag.isPresent()) {
      Resource t = at.get(tagKey()).orElseThrow();
      at = with(at, retagged(t, to));
      out.add(
          new Planner.Target(
              "move-tag-" + tag.get(),
              at,
              Barrier.NONE,
              "point revision tag "
                  + tag.get()
                  + " at revision "
                  + to
                  + " and restart the workloads of the namespaces using it"));
    }
    return out;
  }

  /**
   * A rollback from the state after the step {@code stepName} ({@code move-bookinfo}, …, {@code
   * move-tag-<tag>}; see {@link #stepNames()}): the tag, when it moved, goes back first, then the
   * namespaces moved so far go back to the old revision with their original labels, one step each
   * in reverse order, each restarting its workloads and stopping at a gate. The rollback ends in
   * {@link #current()}.
   *
   * @throws IllegalArgumentException when there is no such step, naming the steps there are
   */
  public Rollout rollbackFrom(String stepName) {
    List<Planner.Target> steps = targets();
    int index = stepNames().indexOf(stepName);
    if (index < 0) {
      return rollbackFromStep(stepName, List.of());
    }
    List<Planner.Target> back = new ArrayList<>();
    State at = steps.get(index).desired();
    for (int i = index; i >= 0; i--) {
      boolean tagStep = i == groups.size();
      if (tagStep) {
        at = with(at, current.get(tagKey()).orElseThrow());
        back.add(
            new Planner.Target(
                "return-tag-" + tag.orElseThrow(),
                at,
                i > 0 ? Barrier.GATE : Barrier.NONE,
                "point revision tag "
                    + tag.orElseThrow()
                    + " back at revision "
                    + from
                    + " and restart the workloads of the namespaces using it"));
        continue;
      }
      List<String> group = groups.get(i);
      for (String ns : group) {
        at = with(at, current.get(namespaceKey(ns)).orElseThrow());
      }
      back.add(
          new Planner.Target(
              stepName("return-", group),
              at,
              i > 0 ? Barrier.GATE : Barrier.NONE,
              "move "
                  + namespaces(group)
                  + " back to revision "
                  + from
                  + " and restart "
                  + (group.size() == 1 ? "its" : "their")
                  + " workloads"));
    }
    return rollbackFromStep(stepName, back);
  }

  /** A rollback from each step, in the order of {@link #stepNames()}. */
  public List<Rollout> rollbacks() {
    return stepNames().stream().map(this::rollbackFrom).toList();
  }

  private ResourceKey tagKey() {
    return ResourceKey.of(Revisions.tag(tag.orElseThrow(), from));
  }

  private static ResourceKey namespaceKey(String ns) {
    return new ResourceKey("", "Namespace", "", ns);
  }

  private static String namespaces(List<String> group) {
    return (group.size() == 1 ? "namespace " : "namespaces ") + String.join(", ", group);
  }

  /** {@code move-bookinfo}, {@code move-payments-ledger}; a long group by its first and count. */
  private static String stepName(String prefix, List<String> group) {
    String joined = prefix + String.join("-", group);
    if (joined.length() <= LONGEST_STEP_NAME) {
      return joined;
    }
    String first = group.get(0);
    return prefix
        + first.substring(0, Math.min(first.length(), 30))
        + "-and-"
        + (group.size() - 1)
        + "-more";
  }

  private static State with(State state, Resource r) {
    return state.with(ResourceKey.of(r), Optional.of(r));
  }

  /** The namespace on {@code revision}: no {@code istio-injection}, {@code istio.io/rev} set. */
  private static Resource moved(Resource ns, String revision) {
    TreeMap<String, String> labels = new TreeMap<>(ns.metadata().labels());
    labels.remove(Revisions.INJECTION);
    labels.put(Revisions.REV, revision);
    return relabelled(ns, labels);
  }

  /** The tag's object pointing at {@code revision}, everything else kept. */
  private static Resource retagged(Resource tag, String revision) {
    TreeMap<String, String> labels = new TreeMap<>(tag.metadata().labels());
    labels.put(Revisions.REV, revision);
    return relabelled(tag, labels);
  }

  private static Resource relabelled(Resource r, Map<String, String> labels) {
    ObjectMeta meta = r.metadata().withLabels(labels);
    if (r instanceof Namespace n) {
      return n.withMetadata(meta);
    }
    if (r instanceof GenericObject g) {
      return GenericObject.of(g.apiVersion(), g.kind(), meta, g.fields());
    }
    throw new IllegalArgumentException(
        ResourceKey.of(r) + " is neither a Namespace nor a generic object");
  }
}
