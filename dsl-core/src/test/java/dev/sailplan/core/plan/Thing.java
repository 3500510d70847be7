package dev.sailplan.core.plan;

import dev.sailplan.core.meta.ObjectMeta;
import dev.sailplan.core.meta.Resource;
import java.util.Arrays;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * A resource that states its own facts, for planner tests that need no real kind: {@code
 * thing("Rule", "a/dr").provides("subset r/v1")}. {@link FakeModel} reads them back.
 *
 * @param kind the kind, e.g. {@code Rule}
 * @param ref {@code namespace/name}
 * @param provides the facts it provides
 * @param requires the facts it requires
 * @param excludes the facts it excludes
 */
record Thing(String kind, String ref, Set<Fact> provides, Set<Fact> requires, Set<Fact> excludes)
    implements Resource {
  /** A thing with no facts. */
  static Thing thing(String kind, String ref) {
    return new Thing(kind, ref, Set.of(), Set.of(), Set.of());
  }

  /** This thing providing {@code facts} ({@code "type subject"} each) instead. */
  Thing provides(String... facts) {
    return new Thing(kind, ref, parse(facts), requires, excludes);
  }

  /** This thing requiring {@code facts} instead. */
  Thing requires(String... facts) {
    return new Thing(kind, ref, provides, parse(facts), excludes);
  }

  /** This thing excluding {@code facts} instead. */
  Thing excludes(String... facts) {
    return new Thing(kind, ref, provides, requires, parse(facts));
  }

  @Override
  public String apiVersion() {
    return "test.sailplan.dev/v1";
  }

  @Override
  public ObjectMeta metadata() {
    return ObjectMeta.ref(ref);
  }

  private static Set<Fact> parse(String... facts) {
    Set<Fact> out = new TreeSet<>();
    Arrays.stream(facts).map(f -> f.split(" ", 2)).forEach(p -> out.add(new Fact(p[0], p[1])));
    return Collections.unmodifiableSet(out);
  }
}
