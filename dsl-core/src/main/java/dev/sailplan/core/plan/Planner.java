package dev.sailplan.core.plan;

import dev.sailplan.core.meta.Resource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Computes make-before-break stages between two states.
 *
 * <p>Every object's change becomes a chain of versions (the {@link DependencyModel}s may insert
 * intermediate ones, e.g. a DestinationRule holding both the old and the new subsets). Stages are
 * then formed greedily: a change joins a stage only if, whatever order the stage's changes reach
 * the proxies in, everything it requires is provided by objects that provide it both before and
 * after the stage, nothing still in use loses a fact it relies on, and no excluded facts meet.
 *
 * <pre>{@code
 * Planner planner = Planner.discover();          // every DependencyModel on the class path
 * Plan plan = planner.plan("reviews-canary", current,
 *     List.of(new Planner.Target("add-canary-subset", desired, Barrier.GATE)));
 * }</pre>
 */
public final class Planner {
  private final List<DependencyModel> models;
  private final Map<Resource, Facts> facts = new IdentityHashMap<>();
  /** Facts some version in the plan provides; requirements on anything else do not bind order. */
  private Set<Fact> known = Set.of();

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
    List<Step> steps = new ArrayList<>();
    State at = current;
    for (int t = 0; t < targets.size(); t++) {
      Target target = targets.get(t);
      List<Stage> stages = new ArrayList<>();
      for (Planned p : planned(at, target.desired())) {
        boolean describe = !p.specific() && !target.description().isEmpty();
        Stage st = p.stage();
        stages.add(describe
            ? new Stage(st.label(), st.changes(), st.then(), target.description() + " (" + st.reason() + ")")
            : st);
      }
      if (!stages.isEmpty()) {
        int last = stages.size() - 1;
        boolean lastOfPlan = t == targets.size() - 1;
        stages.set(last, stages.get(last).then(lastOfPlan ? Barrier.NONE : target.after()));
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
    return planned(from, to).stream().map(Planned::stage).toList();
  }

  /**
   * A stage and whether its reason says something specific about ordering (a fact provided,
   * given up or cleared), rather than only that objects change.
   */
  private record Planned(Stage stage, boolean specific) {}

  /** A stage's reason and whether any of its clauses is specific. */
  private record Reason(String text, boolean specific) {}

  private List<Planned> planned(State from, State to) {
    Map<ResourceKey, Deque<Optional<Resource>>> pending = chains(from, to);
    Set<Fact> universe = new TreeSet<>();
    from.resources().forEach(r -> universe.addAll(facts(r).provides));
    to.resources().forEach(r -> universe.addAll(facts(r).provides));
    pending.values().forEach(chain -> chain.forEach(v -> universe.addAll(facts(v).provides)));
    known = universe;
    List<Planned> stages = new ArrayList<>();
    State at = from;
    while (!pending.isEmpty()) {
      Map<ResourceKey, Optional<Resource>> moves = safeMoves(at, pending);
      if (moves.isEmpty()) {
        throw blocked(at, pending);
      }
      List<Change> changes = new ArrayList<>();
      for (Map.Entry<ResourceKey, Optional<Resource>> m : moves.entrySet()) {
        changes.add(new Change(m.getKey(), at.get(m.getKey()), m.getValue()));
      }
      Reason reason = reason(at, changes, pending);
      for (Change c : changes) {
        at = at.with(c.key(), c.after());
        Deque<Optional<Resource>> chain = pending.get(c.key());
        chain.removeFirst();
        if (chain.isEmpty()) {
          pending.remove(c.key());
        }
      }
      stages.add(new Planned(new Stage(label(changes), changes, Barrier.PROPAGATION, reason.text()), reason.specific()));
    }
    return stages;
  }

  /** Per changed key, the versions it passes through after {@code from}'s, ending at {@code to}'s. */
  private Map<ResourceKey, Deque<Optional<Resource>>> chains(State from, State to) {
    TreeSet<ResourceKey> keys = new TreeSet<>(from.keys());
    keys.addAll(to.keys());
    Map<ResourceKey, Deque<Optional<Resource>>> chains = new TreeMap<>();
    for (ResourceKey k : keys) {
      Optional<Resource> a = from.get(k);
      Optional<Resource> b = to.get(k);
      if (a.equals(b)) {
        continue;
      }
      Deque<Optional<Resource>> chain = new ArrayDeque<>();
      if (a.isPresent() && b.isPresent()) {
        for (DependencyModel m : models) {
          List<Resource> between = m.intermediates(a.get(), b.get());
          if (!between.isEmpty()) {
            between.forEach(r -> chain.add(Optional.of(r)));
            break;
          }
        }
      }
      chain.add(b);
      chains.put(k, chain);
    }
    return chains;
  }

  /**
   * The largest set of next moves found safe together; when none is, the first move safe on its
   * own (two moves can each be safe alone and unsafe together).
   */
  private Map<ResourceKey, Optional<Resource>> safeMoves(State at, Map<ResourceKey, Deque<Optional<Resource>>> pending) {
    Map<ResourceKey, Optional<Resource>> moves = new TreeMap<>();
    pending.forEach((k, chain) -> moves.put(k, chain.peekFirst()));
    boolean changed = true;
    while (changed && !moves.isEmpty()) {
      changed = false;
      for (ResourceKey k : List.copyOf(moves.keySet())) {
        if (violation(k, moves, at).isPresent()) {
          moves.remove(k);
          changed = true;
        }
      }
    }
    if (!moves.isEmpty()) {
      return moves;
    }
    for (Map.Entry<ResourceKey, Deque<Optional<Resource>>> e : pending.entrySet()) {
      Map<ResourceKey, Optional<Resource>> single = new TreeMap<>();
      single.put(e.getKey(), e.getValue().peekFirst());
      if (violation(e.getKey(), single, at).isEmpty()) {
        return single;
      }
    }
    return Map.of();
  }

  /** Why moving {@code k} to its next version together with {@code moves} is unsafe, if it is. */
  private Optional<String> violation(ResourceKey k, Map<ResourceKey, Optional<Resource>> moves, State at) {
    Facts before = facts(at.get(k));
    Facts after = facts(moves.get(k));
    for (Fact f : after.requires) {
      if (known.stream().anyMatch(p -> p.covers(f)) && !stablyProvided(f, k, moves, at)) {
        return Optional.of("needs " + f + (providedLater(f, k, moves, at) ? ", which arrives in the same stage" : ""));
      }
    }
    for (Fact f : before.provides) {
      if (after.provides.contains(f) || stablyProvided(f, k, moves, at)) {
        continue;
      }
      Optional<ResourceKey> user = firstOther(k, moves, at,
          (x) -> x.requires.stream().anyMatch(r -> f.covers(r) && !stablyProvided(r, k, moves, at)));
      if (user.isPresent()) {
        return Optional.of("would remove " + f + " while " + user.get() + " uses it");
      }
    }
    for (Fact f : after.excludes) {
      Optional<ResourceKey> other = firstOther(k, moves, at, (x) -> x.provides.stream().anyMatch(p -> clash(f, p)));
      if (other.isPresent()) {
        return Optional.of("cannot coexist with " + other.get() + " (" + f + ")");
      }
    }
    for (Fact f : after.provides) {
      Optional<ResourceKey> other = firstOther(k, moves, at, (x) -> x.excludes.stream().anyMatch(e -> clash(e, f)));
      if (other.isPresent()) {
        return Optional.of("cannot coexist with " + other.get() + " (" + f + ")");
      }
    }
    return Optional.empty();
  }

  /** Provided by another object both before and after this stage, whatever order it lands in. */
  private boolean stablyProvided(Fact f, ResourceKey self, Map<ResourceKey, Optional<Resource>> moves, State at) {
    for (Map.Entry<ResourceKey, Resource> e : at.asMap().entrySet()) {
      ResourceKey j = e.getKey();
      if (j.equals(self) || !covered(facts(Optional.of(e.getValue())).provides, f)) {
        continue;
      }
      if (!moves.containsKey(j) || covered(facts(moves.get(j)).provides, f)) {
        return true;
      }
    }
    return false;
  }

  private boolean providedLater(Fact f, ResourceKey self, Map<ResourceKey, Optional<Resource>> moves, State at) {
    return moves.entrySet().stream().anyMatch(e -> !e.getKey().equals(self) && covered(facts(e.getValue()).provides, f));
  }

  /** An excluded fact meets a provided one when either is a wildcard over the other. */
  private static boolean clash(Fact excluded, Fact provided) {
    return excluded.covers(provided) || provided.covers(excluded);
  }

  private static boolean covered(Set<Fact> provided, Fact required) {
    for (Fact p : provided) {
      if (p.covers(required)) {
        return true;
      }
    }
    return false;
  }

  /** The first other object whose current or next version matches. */
  private Optional<ResourceKey> firstOther(ResourceKey self, Map<ResourceKey, Optional<Resource>> moves, State at,
      java.util.function.Predicate<Facts> test) {
    for (Map.Entry<ResourceKey, Resource> e : at.asMap().entrySet()) {
      if (!e.getKey().equals(self) && test.test(facts(Optional.of(e.getValue())))) {
        return Optional.of(e.getKey());
      }
    }
    for (Map.Entry<ResourceKey, Optional<Resource>> e : moves.entrySet()) {
      if (!e.getKey().equals(self) && test.test(facts(e.getValue()))) {
        return Optional.of(e.getKey());
      }
    }
    return Optional.empty();
  }

  private PlanningException blocked(State at, Map<ResourceKey, Deque<Optional<Resource>>> pending) {
    List<String> lines = new ArrayList<>();
    for (Map.Entry<ResourceKey, Deque<Optional<Resource>>> e : pending.entrySet()) {
      Map<ResourceKey, Optional<Resource>> single = new TreeMap<>();
      single.put(e.getKey(), e.getValue().peekFirst());
      String verb = at.get(e.getKey()).isEmpty() ? "create" : e.getValue().peekFirst().isEmpty() ? "delete" : "update";
      lines.add(verb + " " + e.getKey() + ": " + violation(e.getKey(), single, at).orElse("waits for another blocked change"));
    }
    return new PlanningException("no safe order exists for " + pending.size() + " change"
        + (pending.size() == 1 ? "" : "s") + " (a dependency cycle, or something nothing provides)", lines);
  }

  /** Why this stage comes here, in words: what it provides to whom, what it stops using. */
  private Reason reason(State at, List<Change> changes, Map<ResourceKey, Deque<Optional<Resource>>> pending) {
    Map<ResourceKey, Set<Fact>> laterRequires = new LinkedHashMap<>();
    Map<ResourceKey, Set<Fact>> laterLoses = new LinkedHashMap<>();
    Map<ResourceKey, Set<Fact>> laterExcludes = new LinkedHashMap<>();
    Set<ResourceKey> inStage = new LinkedHashSet<>();
    changes.forEach(c -> inStage.add(c.key()));
    pending.forEach((k, chain) -> {
      List<Optional<Resource>> versions = new ArrayList<>(chain);
      Set<Fact> req = new TreeSet<>();
      Set<Fact> lost = new TreeSet<>();
      // The versions still to come: for a key in this stage, after its first move.
      Optional<Resource> prev = inStage.contains(k) ? versions.get(0) : at.get(k);
      for (int i = inStage.contains(k) ? 1 : 0; i < versions.size(); i++) {
        Facts now = facts(versions.get(i));
        req.addAll(now.requires);
        laterExcludes.computeIfAbsent(k, x -> new TreeSet<>()).addAll(now.excludes);
        facts(prev).provides.stream().filter(f -> !now.provides.contains(f)).forEach(lost::add);
        prev = versions.get(i);
      }
      laterRequires.put(k, req);
      laterLoses.put(k, lost);
    });
    List<String> clauses = new ArrayList<>();
    boolean specific = false;
    for (Change c : changes) {
      Facts before = facts(c.before());
      Facts after = facts(c.after());
      String clause = null;
      for (Fact f : after.provides) {
        if (before.provides.contains(f)) {
          continue;
        }
        Optional<ResourceKey> user = laterRequires.entrySet().stream()
            .filter(e -> !inStage.contains(e.getKey()) && e.getValue().stream().anyMatch(f::covers))
            .map(Map.Entry::getKey).findFirst();
        if (user.isPresent()) {
          clause = c.key() + " provides " + f + " before " + user.get() + " uses it";
          break;
        }
      }
      if (clause == null) {
        for (Fact f : before.requires) {
          if (after.requires.contains(f)) {
            continue;
          }
          Optional<ResourceKey> provider = laterLoses.entrySet().stream()
              .filter(e -> !inStage.contains(e.getKey()) && e.getValue().stream().anyMatch(p -> p.covers(f)))
              .map(Map.Entry::getKey).findFirst();
          if (provider.isPresent()) {
            clause = c.key() + " stops using " + f + " before " + provider.get() + " removes it";
            break;
          }
        }
      }
      if (clause == null) {
        for (Fact f : before.provides) {
          if (after.provides.contains(f)) {
            continue;
          }
          Optional<ResourceKey> excluder = laterExcludes.entrySet().stream()
              .filter(e -> !inStage.contains(e.getKey()) && e.getValue().stream().anyMatch(x -> clash(x, f)))
              .map(Map.Entry::getKey).findFirst();
          if (excluder.isPresent()) {
            clause = c.key() + (c.isDelete() ? " is deleted" : " drops " + f) + " before " + excluder.get()
                + " forbids " + f;
            break;
          }
        }
      }
      if (clause == null && !c.isCreate() && !c.isDelete()) {
        List<String> started = after.requires.stream().filter(f -> !before.requires.contains(f)).map(Fact::toString).toList();
        if (!started.isEmpty()) {
          clause = c.key() + " starts using " + String.join(", ", started);
        }
      }
      if (clause == null && !c.isDelete()) {
        List<String> dropped = before.provides.stream().filter(f -> !after.provides.contains(f)).map(Fact::toString).toList();
        if (!dropped.isEmpty()) {
          clause = c.key() + " drops " + String.join(", ", dropped) + " now that nothing uses "
              + (dropped.size() == 1 ? "it" : "them");
        }
      }
      if (clause == null) {
        clause = c.key() + (c.isCreate() ? " is created" : c.isDelete() ? " is deleted" : " is updated");
      } else {
        specific = true;
      }
      clauses.add(clause);
    }
    int shown = Math.min(3, clauses.size());
    String text = String.join("; ", clauses.subList(0, shown));
    return new Reason(clauses.size() > shown ? text + "; and " + (clauses.size() - shown) + " more" : text, specific);
  }

  /** A file-name label: the kinds changed, e.g. {@code destinationrules} or {@code delete-virtualservices}. */
  static String label(List<Change> changes) {
    TreeSet<String> kinds = new TreeSet<>();
    boolean allDeletes = true;
    for (Change c : changes) {
      kinds.add(plural(c.key().kind().toLowerCase(java.util.Locale.ROOT)));
      allDeletes &= c.isDelete();
    }
    String label = kinds.size() <= 2 ? String.join("-", kinds) : "resources";
    return allDeletes ? "delete-" + label : label;
  }

  private static String plural(String word) {
    if (word.endsWith("y") && word.length() > 1 && "aeiou".indexOf(word.charAt(word.length() - 2)) < 0) {
      return word.substring(0, word.length() - 1) + "ies";
    }
    return word.endsWith("s") ? word + "es" : word + "s";
  }

  private Facts facts(Optional<Resource> r) {
    return r.map(this::facts).orElse(Facts.NONE);
  }

  private synchronized Facts facts(Resource r) {
    return facts.computeIfAbsent(r, x -> {
      Set<Fact> provides = new TreeSet<>();
      Set<Fact> requires = new TreeSet<>();
      Set<Fact> excludes = new TreeSet<>();
      for (DependencyModel m : models) {
        provides.addAll(m.provides(x));
        requires.addAll(m.requires(x));
        excludes.addAll(m.excludes(x));
      }
      return new Facts(provides, requires, excludes);
    });
  }

  /** The facts of one resource version. */
  private record Facts(Set<Fact> provides, Set<Fact> requires, Set<Fact> excludes) {
    static final Facts NONE = new Facts(Set.of(), Set.of(), Set.of());
  }
}
