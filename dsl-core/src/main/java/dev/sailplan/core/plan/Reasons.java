package dev.sailplan.core.plan;

import dev.sailplan.core.meta.Resource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Why a stage comes where it does, in words for people reading the plan: what it provides to whom,
 * what it stops using before whom, or only that objects change.
 */
final class Reasons {
  /** Clauses shown before "and N more". */
  private static final int SHOWN = 3;

  private Reasons() {}

  /**
   * A stage's reason and whether any of its clauses is specific (a fact provided, given up or
   * cleared), rather than only that objects change.
   */
  record Reason(String text, boolean specific) {}

  /**
   * The reason of a stage about to be applied: {@code changes} are its changes, {@code progress}
   * where the plan stands before it.
   */
  static Reason of(Progress progress, FactBook facts, List<Change> changes, Runs runs) {
    Later later = new Later(progress, facts, changes);
    List<String> clauses = new ArrayList<>();
    int rolledOut = 0;
    boolean specific = false;
    for (Change c : changes) {
      Facts before = facts.of(c.before());
      Facts after = facts.of(c.after());
      Optional<String> clause = rollout(c, after, later, facts);
      if (clause.isEmpty()) {
        clause = ordering(c, before, after, later, runs);
      }
      specific |= clause.isPresent();
      String text =
          clause.orElseGet(
              () ->
                  c.key()
                      + (c.isCreate()
                          ? " is created"
                          : c.isDelete() ? " is deleted" : " is updated")
                      + (isRolledOut(c) ? "; waits for its rollout" : ""));
      // A rollout to wait for is said first, where "and N more" cannot hide it.
      clauses.add(
          isRolledOut(c) ? rolledOut++ : clauses.size(),
          text + missingPods(c, before, after, facts, runs));
    }
    int shown = Math.min(SHOWN, clauses.size());
    String text = String.join("; ", clauses.subList(0, shown));
    return new Reason(
        clauses.size() > shown ? text + "; and " + (clauses.size() - shown) + " more" : text,
        specific);
  }

  /**
   * Which {@link Pods} facts something in the plan provides.
   *
   * @param provided whether some version in the plan provides a fact
   * @param anyWorkload whether the plan's states hold any workload at all: without one, the input
   *     is mesh configuration alone and says nothing about what runs, so there is nothing to warn
   *     about
   */
  record Runs(Predicate<Fact> provided, boolean anyWorkload) {}

  private static boolean isRolledOut(Change c) {
    return !Workloads.rolledOut(List.of(c)).isEmpty();
  }

  /**
   * For a workload that is rolled out: the first thing still to come that routes traffic to its
   * pods, in words.
   */
  private static Optional<String> rollout(Change c, Facts after, Later later, FactBook facts) {
    if (!isRolledOut(c)) {
      return Optional.empty();
    }
    // What selects the pods itself (a subset) is named before what passes traffic on to them.
    for (boolean passedOn : new boolean[] {false, true}) {
      for (Fact f : after.provides()) {
        if (!f.type().equals(Pods.TYPE)) {
          continue;
        }
        for (ResourceKey user : later.requires.coveredBy(f)) {
          Optional<String> what =
              later.upcoming.getOrDefault(user, List.of()).stream()
                  .map(v -> facts.describe(v, f, passedOn))
                  .flatMap(Optional::stream)
                  .findFirst();
          if (what.isPresent() || passedOn) {
            return Optional.of(
                "applies "
                    + c.key()
                    + " before "
                    + what.orElse("the pods " + user + " selects")
                    + " receives traffic; waits for its rollout");
          }
        }
      }
    }
    return Optional.empty();
  }

  /**
   * A warning when {@code c} starts selecting pods that nothing in the input runs, while the input
   * does hold workloads; empty otherwise.
   */
  private static String missingPods(
      Change c, Facts before, Facts after, FactBook facts, Runs runs) {
    if (!runs.anyWorkload() || c.isDelete()) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (Fact f : after.requires()) {
      if (f.type().equals(Pods.TYPE)
          && !before.requires().contains(f)
          && !runs.provided().test(f)) {
        String what = facts.describe(c.after().orElseThrow(), f).orElse("pods " + f.subject());
        out.append("; nothing in the input runs ")
            .append(what)
            .append(" (no workload's pod labels match ")
            .append(Pods.labels(f))
            .append(')');
      }
    }
    return out.toString();
  }

  /**
   * A stage's reason for a step described in words: the description first, the generic reason after
   * it in parentheses.
   */
  static String described(String description, String reason) {
    return description + " (" + reason + ")";
  }

  /** What {@code c} does for the order, when it does something specific. */
  private static Optional<String> ordering(
      Change c, Facts before, Facts after, Later later, Runs runs) {
    for (Fact f : after.provides()) {
      if (!before.provides().contains(f)) {
        Optional<ResourceKey> user = later.outside(later.requires.coveredBy(f));
        if (user.isPresent()) {
          return Optional.of(c.key() + " provides " + f + " before " + user.get() + " uses it");
        }
      }
    }
    for (Fact f : before.requires()) {
      if (!after.requires().contains(f)) {
        Optional<ResourceKey> provider = later.outside(later.loses.covering(f));
        if (provider.isPresent()) {
          return Optional.of(
              c.key() + " stops using " + f + " before " + provider.get() + " removes it");
        }
      }
    }
    for (Fact f : before.provides()) {
      if (!after.provides().contains(f)) {
        Optional<ResourceKey> excluder = later.outside(later.excludes.clashing(f));
        if (excluder.isPresent()) {
          return Optional.of(
              c.key()
                  + (c.isDelete() ? " is deleted" : " drops " + f)
                  + " before "
                  + excluder.get()
                  + " forbids "
                  + f);
        }
      }
    }
    if (!c.isCreate() && !c.isDelete()) {
      List<String> started =
          after.requires().stream()
              .filter(f -> !before.requires().contains(f))
              // Pods nothing in the plan runs are a warning of their own, not an ordering.
              .filter(f -> !f.type().equals(Pods.TYPE) || runs.provided().test(f))
              .map(Fact::toString)
              .toList();
      if (!started.isEmpty()) {
        return Optional.of(c.key() + " starts using " + String.join(", ", started));
      }
    }
    if (!c.isDelete()) {
      List<String> dropped =
          before.provides().stream()
              .filter(f -> !after.provides().contains(f))
              .map(Fact::toString)
              .toList();
      if (!dropped.isEmpty()) {
        return Optional.of(
            c.key()
                + " drops "
                + String.join(", ", dropped)
                + " now that nothing uses "
                + (dropped.size() == 1 ? "it" : "them"));
      }
    }
    return Optional.empty();
  }

  /**
   * What the versions still to come after the stage require, lose and exclude, by object: for an
   * object in the stage, its versions after this move; for any other pending one, all of them.
   */
  private static final class Later {
    final FactIndex requires = new FactIndex();
    final FactIndex loses = new FactIndex();
    final FactIndex excludes = new FactIndex();
    final Set<ResourceKey> inStage = new HashSet<>();

    /** The versions still to come of each pending object (after this stage's move). */
    final Map<ResourceKey, List<Resource>> upcoming = new HashMap<>();

    Later(Progress progress, FactBook facts, List<Change> changes) {
      changes.forEach(c -> inStage.add(c.key()));
      progress
          .pending()
          .forEach(
              (k, chain) -> {
                Iterator<Optional<Resource>> versions = chain.iterator();
                Optional<Resource> prev =
                    inStage.contains(k) ? versions.next() : progress.current(k);
                while (versions.hasNext()) {
                  Optional<Resource> version = versions.next();
                  Facts now = facts.of(version);
                  version.ifPresent(
                      v -> upcoming.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
                  requires.addAll(now.requires(), k);
                  excludes.addAll(now.excludes(), k);
                  for (Fact f : facts.of(prev).provides()) {
                    if (!now.provides().contains(f)) {
                      loses.add(f, k);
                    }
                  }
                  prev = version;
                }
              });
    }

    /** The first of {@code keys} (in key order) that is not in the stage. */
    Optional<ResourceKey> outside(Iterable<ResourceKey> keys) {
      for (ResourceKey k : keys) {
        if (!inStage.contains(k)) {
          return Optional.of(k);
        }
      }
      return Optional.empty();
    }
  }
}
