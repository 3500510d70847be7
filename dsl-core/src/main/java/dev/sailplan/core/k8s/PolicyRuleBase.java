package dev.sailplan.core.k8s;

import java.util.List;
import org.immutables.value.Value;

/**
 * Factories of {@link PolicyRule}, called on the type (the generated {@code AbstractPolicyRule}
 * extends this class), and the API server's checks of a rule, which the schema cannot express.
 *
 * <pre>{@code
 * PolicyRule edit =
 *     PolicyRule.of("networking.istio.io", List.of("virtualservices"), PolicyRule.EDIT);
 * }</pre>
 */
public abstract class PolicyRuleBase {
  PolicyRuleBase() {}

  /** The verbs that read: {@code get}, {@code list}, {@code watch}. */
  public static final List<String> READ = List.of("get", "list", "watch");

  /** The verbs that read and write, as Kubernetes' {@code edit} role grants them. */
  public static final List<String> EDIT =
      List.of("get", "list", "watch", "create", "update", "patch", "delete", "deletecollection");

  /** The verbs on the resources of one API group ({@code ""} is the core group). */
  public static PolicyRule of(String apiGroup, List<String> resources, List<String> verbs) {
    return PolicyRule.builder()
        .addApiGroups(apiGroup)
        .addAllResources(resources)
        .addAllVerbs(verbs)
        .build();
  }

  /** The API groups (declared by the generated type). */
  public abstract List<String> apiGroups();

  /** The resources (declared by the generated type). */
  public abstract List<String> resources();

  /** The non-resource URLs (declared by the generated type). */
  public abstract List<String> nonResourceURLs();

  /** The verbs (declared by the generated type). */
  public abstract List<String> verbs();

  /**
   * Rejects what the API server rejects: a rule without verbs, a resource rule without API groups
   * or resources, and a rule on both resources and non-resource URLs.
   */
  @Value.Check
  protected void checkRule() {
    if (verbs().isEmpty()) {
      throw new IllegalStateException("PolicyRule needs at least one verb");
    }
    if (!nonResourceURLs().isEmpty()) {
      if (!resources().isEmpty()) {
        throw new IllegalStateException(
            "PolicyRule may not apply to both resources and nonResourceURLs");
      }
      return;
    }
    if (apiGroups().isEmpty() || resources().isEmpty()) {
      throw new IllegalStateException(
          "PolicyRule on resources needs apiGroups and resources (\"\" is the core group)");
    }
  }
}
