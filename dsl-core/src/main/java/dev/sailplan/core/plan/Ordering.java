package dev.sailplan.core.plan;

import dev.sailplan.core.meta.Resource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The ordering algorithm for one pair of states: stages formed greedily, a change joining a stage
 * only if, whatever order the stage's changes reach the proxies in, everything it requires is
 * provided by objects that provide it both before and after the stage, nothing still in use loses a
 * fact it relies on, and no excluded facts meet (BRIEF rule 5).
 *
 * <p>One instance per call: it holds the call's {@link Progress}. Every check looks facts up in
 * {@link FactIndex}es, so a stage costs time in proportion to the changes and the facts they touch,
 * not to the size of the states.
 */
final class Ordering {
  /** A stage and whether its reason says something specific about ordering. */
  record Planned(Stage stage, boolean specific) {}

  private final Progress progress;

  /** Facts some version in the plan provides; requirements on anything else do not bind order. */
  private final FactIndex known = new FactIndex();

  // The facts of each pending object's next version: the candidate moves of the stage being formed.
  private final FactIndex nextProvides = new FactIndex();
  private final FactIndex nextRequires = new FactIndex();
  private final FactIndex nextExcludes = new FactIndex();
  private final FactBook facts;

  /** Which pods something in the plan runs, for the reasons' warnings. */
  private final Reasons.Runs runs;

  private Ordering(FactBook facts, State from, State to) {
    this.facts = facts;
    Map<ResourceKey, Deque<Optional<Resource>>> chains = Progress.chains(facts, from, to);
    // The desired state needs no look-up of its own: what it changes ends a chain, and what it
    // keeps equals the version in from, with the same facts.
    from.asMap().forEach((k, r) -> known.addAll(facts.of(r).provides(), k));
    chains.forEach((k, chain) -> chain.forEach(v -> known.addAll(facts.of(v).provides(), k)));
    this.progress = new Progress(facts, from, chains, f -> !known.covering(f).isEmpty());
    this.runs = new Reasons.Runs(f -> !known.covering(f).isEmpty(), known.hasType(Pods.TYPE));
  }

  /**
   * The stages from {@code from} to {@code to}, each followed by a propagation barrier.
   *
   * @throws PlanningException when no safe order exists
   */
  static List<Planned> stages(FactBook facts, State from, State to) {
    return new Ordering(facts, from, to).run();
  }

  private List<Planned> run() {
    List<Planned> stages = new ArrayList<>();
    while (!progress.done()) {
      indexNextVersions();
      Map<ResourceKey, Optional<Resource>> moves = safeMoves();
      if (moves.isEmpty()) {
        throw blocked();
      }
      List<Change> found = new ArrayList<>();
      moves.forEach((k, next) -> found.add(new Change(k, progress.current(k), next)));
      List<Change> changes = KindOrder.sorted(found);
      Reasons.Reason reason = Reasons.of(progress, facts, changes, runs);
      progress.apply(changes);
      Barrier then =
          Revisions.needRestart(changes)
              ? Barrier.RESTART
              : Workloads.rolledOut(changes).isEmpty() ? Barrier.PROPAGATION : Barrier.ROLLOUT;
      Stage stage = new Stage(Labels.of(changes), changes, then, reason.text());
      stages.add(new Planned(stage, reason.specific()));
    }
    return stages;
  }

  private void indexNextVersions() {
    for (FactIndex index : List.of(nextProvides, nextRequires, nextExcludes)) {
      index.clear();
    }
    progress
        .pending()
        .forEach(
            (k, chain) -> {
              Facts next = facts.of(chain.peekFirst());
              nextProvides.addAll(next.provides(), k);
              nextRequires.addAll(next.requires(), k);
              nextExcludes.addAll(next.excludes(), k);
            });
  }

  /**
   * The largest set of next moves found safe together; when none is, the first move safe on its own
   * (two moves can each be safe alone and unsafe together).
   */
  private Map<ResourceKey, Optional<Resource>> safeMoves() {
    Map<ResourceKey, Optional<Resource>> moves = new TreeMap<>();
    progress.pending().forEach((k, chain) -> moves.put(k, chain.peekFirst()));
    boolean changed = true;
    while (changed && !moves.isEmpty()) {
      changed = false;
      for (ResourceKey k : List.copyOf(moves.keySet())) {
        if (violation(k, moves).isPresent()) {
          moves.remove(k);
          changed = true;
        }
      }
    }
    if (!moves.isEmpty()) {
      return moves;
    }
    for (Map.Entry<ResourceKey, Deque<Optional<Resource>>> e : progress.pending().entrySet()) {
      Map<ResourceKey, Optional<Resource>> single = Map.of(e.getKey(), e.getValue().peekFirst());
      if (violation(e.getKey(), single).isEmpty()) {
        return new TreeMap<>(single);
      }
    }
    return Map.of();
  }

  /** Why moving {@code k} to its next version together with {@code moves} is unsafe, if it is. */
  private Optional<String> violation(ResourceKey k, Map<ResourceKey, Optional<Resource>> moves) {
    Facts before = progress.currentFacts(k);
    Facts after = facts.of(moves.get(k));
    for (Fact f : after.requires()) {
      if (!known.covering(f).isEmpty() && !stablyProvided(f, k, moves)) {
        return Optional.of(
            "needs " + f + (providedLater(f, k, moves) ? ", which arrives in the same stage" : ""));
      }
    }
    for (Fact f : before.provides()) {
      if (after.provides().contains(f) || stablyProvided(f, k, moves)) {
        continue;
      }
      Optional<ResourceKey> user =
          firstOther(
              k,
              moves,
              progress.requires().coveredBy(f),
              nextRequires.coveredBy(f),
              x ->
                  x.requires().stream().anyMatch(r -> f.covers(r) && !stablyProvided(r, k, moves)));
      if (user.isPresent()) {
        return Optional.of("would remove " + f + " while " + user.get() + " uses it");
      }
    }
    for (Fact f : after.excludes()) {
      Optional<ResourceKey> other =
          firstOther(
              k,
              moves,
              progress.provides().clashing(f),
              nextProvides.clashing(f),
              x -> x.provides().stream().anyMatch(p -> Facts.clash(f, p)));
      if (other.isPresent()) {
        return Optional.of("cannot coexist with " + other.get() + " (" + f + ")");
      }
    }
    for (Fact f : after.provides()) {
      Optional<ResourceKey> other =
          firstOther(
              k,
              moves,
              progress.excludes().clashing(f),
              nextExcludes.clashing(f),
              x -> x.excludes().stream().anyMatch(e -> Facts.clash(e, f)));
      if (other.isPresent()) {
        return Optional.of("cannot coexist with " + other.get() + " (" + f + ")");
      }
    }
    return Optional.empty();
  }

  /** Provided by another object both before and after this stage, whatever order it lands in. */
  private boolean stablyProvided(
      Fact f, ResourceKey self, Map<ResourceKey, Optional<Resource>> moves) {
    for (ResourceKey j : progress.provides().covering(f)) {
      if (!j.equals(self) && (!moves.containsKey(j) || facts.of(moves.get(j)).provides(f))) {
        return true;
      }
    }
    return false;
  }

  /** Whether another move of the stage provides {@code f} (said in the violation, not decisive). */
  private boolean providedLater(
      Fact f, ResourceKey self, Map<ResourceKey, Optional<Resource>> moves) {
    for (ResourceKey j : nextProvides.covering(f)) {
      if (!j.equals(self) && moves.containsKey(j)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The first other object whose current version matches, else the first other move whose next
   * version does; {@code current} and {@code next} are the candidates the indexes found, in key
   * order, a superset of the matches.
   */
  private Optional<ResourceKey> firstOther(
      ResourceKey self,
      Map<ResourceKey, Optional<Resource>> moves,
      Collection<ResourceKey> current,
      Collection<ResourceKey> next,
      Predicate<Facts> test) {
    for (ResourceKey j : current) {
      if (!j.equals(self) && test.test(progress.currentFacts(j))) {
        return Optional.of(j);
      }
    }
    for (ResourceKey j : next) {
      if (!j.equals(self) && moves.containsKey(j) && test.test(facts.of(moves.get(j)))) {
        return Optional.of(j);
      }
    }
    return Optional.empty();
  }

  private PlanningException blocked() {
    List<String> lines = new ArrayList<>();
    progress
        .pending()
        .forEach(
            (k, chain) -> {
              Optional<Resource> next = chain.peekFirst();
              String verb =
                  progress.current(k).isEmpty() ? "create" : next.isEmpty() ? "delete" : "update";
              lines.add(
                  verb
                      + " "
                      + k
                      + ": "
                      + violation(k, Map.of(k, next)).orElse("waits for another blocked change"));
            });
    int n = lines.size();
    return new PlanningException(
        "no safe order exists for "
            + n
            + " change"
            + (n == 1 ? "" : "s")
            + " (a dependency cycle, or something nothing provides)",
        lines);
  }
}
