package dev.sailplan.core.k8s;

import dev.sailplan.core.generic.GenericObject;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.plan.DependencyModel;
import dev.sailplan.core.plan.Fact;
import dev.sailplan.core.plan.Pods;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Ordering rules of the Kubernetes core kinds: a Namespace exists before what lives in it (and goes
 * after it); a Service provides {@code service NS/NAME} for routes to require; a NetworkPolicy that
 * restricts egress comes after the namespace's {@code REGISTRY_ONLY} Sidecar ({@code registry-only
 * NS}), the last act of an egress lockdown (BRIEF rule 3).
 *
 * <p>Of the kinds read generically ({@link GenericObject}): a workload provides the {@link Pods}
 * facts of its pod labels, for what routes to them; a ConfigMap or Secret provides {@code config
 * NS/KIND/NAME}, which a workload whose pods mount it or read it into their environment requires.
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
    } else if (r instanceof GenericObject g && g.isWorkload()) {
      out.addAll(Pods.provided(g.metadata().namespace().orElse(""), g.podLabels()));
    } else if (r instanceof GenericObject g && isConfig(g)) {
      out.add(config(g.metadata().namespace().orElse(""), g.kind(), name));
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
    if (r instanceof GenericObject g && g.isWorkload()) {
      String ns = g.metadata().namespace().orElse("");
      ConfigRefs.of(g).forEach((kind, names) -> names.forEach(n -> out.add(config(ns, kind, n))));
    }
    return out;
  }

  @Override
  public Map<Fact, Set<Fact>> passesOn(Resource r) {
    // A route to a Service reaches the pods it selects: they run before the route takes traffic
    // there, and stop only after it has left. The Service itself keeps its place before them.
    if (r instanceof Service s) {
      Map<String, String> selector = s.spec().map(ServiceSpec::selector).orElse(Map.of());
      if (!selector.isEmpty()) {
        String ns = r.metadata().namespace().orElse("");
        return Map.of(
            new Fact("service", ns + "/" + r.metadata().name().orElse("")),
            Set.of(Pods.required(ns, selector)));
      }
    }
    return Map.of();
  }

  private static boolean isConfig(GenericObject g) {
    return g.group().isEmpty() && (g.kind().equals("ConfigMap") || g.kind().equals("Secret"));
  }

  private static Fact config(String namespace, String kind, String name) {
    return new Fact("config", namespace + "/" + kind + "/" + name);
  }

  private static boolean restrictsEgress(NetworkPolicy np) {
    return np.spec()
        .map(s -> s.policyTypes().contains("Egress") || !s.egress().isEmpty())
        .orElse(false);
  }
}
