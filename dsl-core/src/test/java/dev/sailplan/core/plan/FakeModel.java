package dev.sailplan.core.plan;

import dev.sailplan.core.meta.Resource;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The facts a {@link Thing} states about itself; a thing that swaps provided facts (gains some,
 * loses others) passes through a version providing both, as a DestinationRule swapping subsets does
 * (expand, then contract).
 */
final class FakeModel implements DependencyModel {
  @Override
  public Set<Fact> provides(Resource r) {
    return r instanceof Thing t ? t.provides() : Set.of();
  }

  @Override
  public Set<Fact> requires(Resource r) {
    return r instanceof Thing t ? t.requires() : Set.of();
  }

  @Override
  public Set<Fact> excludes(Resource r) {
    return r instanceof Thing t ? t.excludes() : Set.of();
  }

  @Override
  public List<Resource> intermediates(Resource from, Resource to) {
    if (from instanceof Thing a
        && to instanceof Thing b
        && !b.provides().containsAll(a.provides())
        && !a.provides().containsAll(b.provides())) {
      Set<Fact> both = new TreeSet<>(a.provides());
      both.addAll(b.provides());
      Set<Fact> provides = Collections.unmodifiableSet(both);
      return List.of(new Thing(b.kind(), b.ref(), provides, b.requires(), b.excludes()));
    }
    return List.of();
  }
}
