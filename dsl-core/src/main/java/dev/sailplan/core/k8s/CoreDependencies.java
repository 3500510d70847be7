package dev.sailplan.core.k8s;

import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.plan.DependencyModel;
import dev.sailplan.core.plan.Fact;
import java.util.Set;
import java.util.TreeSet;

/**
 * Ordering rules of the Kubernetes core kinds: a Namespace exists before what lives in it (and goes
 * after it); a Service provides {@code service NS/NAME} for routes to require; a NetworkPolicy that
 * restricts egress comes after the namespace's {@code REGISTRY_ONLY} Sidecar ({@code registry-only
 * NS}), the last act of an egress lockdown (BRIEF rule 3).
 */
public final class CoreDependencies implements DependencyModel {
  /** Called by {@code ServiceLoader}. */
  public CoreDependencies() {}

  @Override
  public Set<Fact> provides(Resource r) {
    Set<Fact> out = new TreeSet<>();
    String name = r.metadata().name().orElse("");
    if (r instanceof Namespace) {
      out.add(new Fact("namespace", name));
    } else if (r instanceof Service) {
      out.add(new Fact("service", r.metadata().namespace().orElse("") + "/" + name));
    }
    return out;
  }

  @Override
  public Set<Fact> requires(Resource r) {
    Set<Fact> out = new TreeSet<>();
    r.metadata()
        .namespace()
        .filter(ns -> !ns.isEmpty())
        .ifPresent(ns -> out.add(new Fact("namespace", ns)));
    if (r instanceof NetworkPolicy np && restrictsEgress(np)) {
      out.add(new Fact("registry-only", r.metadata().namespace().orElse("")));
    }
    return out;
  }

  private static boolean restrictsEgress(NetworkPolicy np) {
    return np.spec()
        .map(s -> s.policyTypes().contains("Egress") || !s.egress().isEmpty())
        .orElse(false);
  }
}
