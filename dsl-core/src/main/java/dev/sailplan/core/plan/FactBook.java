package dev.sailplan.core.plan;

import dev.sailplan.core.meta.Resource;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The facts of each resource version, asked of the models once per planning call. Not safe to share
 * between threads: each call of the {@link Planner} makes its own.
 */
final class FactBook {
  private final List<DependencyModel> models;
  // By identity: the states of one call share their resource objects, and equal-but-distinct
  // versions only cost a second look-up.
  private final IdentityHashMap<Resource, Facts> cache = new IdentityHashMap<>();

  // What requiring a fact also requires (DependencyModel.passesOn), over every version of the
  // call's states; and which fact each passed-on one came through, for the reasons.
  private final Map<Fact, Set<Fact>> passedOn = new HashMap<>();
  private final Map<Fact, Fact> through = new HashMap<>();

  /** The facts of the versions in {@code states}, and of those put between them. */
  FactBook(List<DependencyModel> models, List<State> states) {
    this.models = models;
    for (State state : states) {
      for (Resource r : state.resources()) {
        for (DependencyModel m : models) {
          m.passesOn(r)
              .forEach(
                  (f, more) -> {
                    passedOn.computeIfAbsent(f, x -> new TreeSet<>()).addAll(more);
                    more.forEach(g -> through.putIfAbsent(g, f));
                  });
        }
      }
    }
  }

  /** The facts of a version, or none when the object does not exist. */
  Facts of(Optional<Resource> r) {
    return r.isPresent() ? of(r.get()) : Facts.NONE;
  }

  /** The facts of a version. */
  Facts of(Resource r) {
    Facts known = cache.get(r);
    if (known != null) {
      return known;
    }
    List<Fact> requires = union(m -> m.requires(r));
    if (!passedOn.isEmpty()) {
      TreeSet<Fact> all = new TreeSet<>(requires);
      requires.forEach(f -> all.addAll(passedOn.getOrDefault(f, Set.of())));
      requires = all.size() == requires.size() ? requires : List.copyOf(all);
    }
    Facts facts = new Facts(union(m -> m.provides(r)), requires, union(m -> m.excludes(r)));
    cache.put(r, facts);
    return facts;
  }

  /** What every model answers, sorted; most versions have none of a sort and share one list. */
  private List<Fact> union(Function<DependencyModel, Set<Fact>> question) {
    TreeSet<Fact> all = null;
    for (DependencyModel m : models) {
      Set<Fact> answer = question.apply(m);
      if (answer.isEmpty()) {
        continue;
      }
      if (all == null) {
        all = new TreeSet<>(answer);
      } else {
        all.addAll(answer);
      }
    }
    return all == null ? List.of() : List.copyOf(all);
  }

  /** The versions the first model that has any puts between {@code from} and {@code to}. */
  List<Resource> intermediates(Resource from, Resource to) {
    for (DependencyModel m : models) {
      List<Resource> between = m.intermediates(from, to);
      if (!between.isEmpty()) {
        return between;
      }
    }
    return List.of();
  }

  /** How the first model that can put it describes {@code r}'s requirement {@code required}. */
  Optional<String> describe(Resource r, Fact required) {
    return describe(r, required, true);
  }

  /**
   * How the first model that can put it describes {@code r}'s requirement {@code required}; with
   * {@code passedOn}, a requirement passed on reads as the fact it came through when no model
   * describes it.
   */
  Optional<String> describe(Resource r, Fact required, boolean passedOn) {
    for (DependencyModel m : models) {
      Optional<String> said = m.describe(r, required);
      if (said.isPresent()) {
        return said;
      }
    }
    if (!passedOn) {
      return Optional.empty();
    }
    // A requirement passed on (the pods behind a Service) reads as what it came through.
    return Optional.ofNullable(through.get(required))
        .filter(f -> of(r).requires().contains(f))
        .map(Fact::toString);
  }
}
