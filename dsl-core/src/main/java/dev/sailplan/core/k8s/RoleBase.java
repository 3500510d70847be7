package dev.sailplan.core.k8s;

import dev.sailplan.core.meta.ObjectMeta;
import java.util.List;
import org.immutables.value.Value;

/**
 * Factories of {@link Role}, called on the kind (the generated {@code AbstractRole} extends this
 * class), and the API server's check that a namespaced role has no non-resource URLs.
 *
 * <pre>{@code
 * Role reader =
 *     Role.of("bookinfo/config-reader",
 *         PolicyRule.of("networking.istio.io", List.of("virtualservices"), PolicyRule.READ));
 * }</pre>
 */
public abstract class RoleBase {
  RoleBase() {}

  /**
   * A role from a {@code namespace/name} reference and its rules.
   *
   * @throws IllegalArgumentException when the reference is malformed
   */
  public static Role of(String namespaceSlashName, PolicyRule... rules) {
    return Role.builder().metadata(ObjectMeta.ref(namespaceSlashName)).addRules(rules).build();
  }

  /** The rules (declared by the generated type). */
  public abstract List<PolicyRule> rules();

  /** Rejects a rule on non-resource URLs: only a ClusterRole may grant them. */
  @Value.Check
  protected void checkRules() {
    for (PolicyRule r : rules()) {
      if (!r.nonResourceURLs().isEmpty()) {
        throw new IllegalStateException(
            "a Role cannot grant nonResourceURLs (namespaced rules); use a ClusterRole");
      }
    }
  }
}
