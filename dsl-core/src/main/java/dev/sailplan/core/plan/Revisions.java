package dev.sailplan.core.plan;

import dev.sailplan.core.generic.GenericObject;
import dev.sailplan.core.meta.ObjectMeta;
import dev.sailplan.core.meta.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which Istio control plane revision injects a namespace's pods, and the changes that move pods to
 * another one: what a {@link Barrier#RESTART} restarts.
 *
 * <p>A namespace names its revision with {@value #REV} (a revision such as {@code 1-30-3}, or a
 * revision tag such as {@code prod-stable}); {@value #INJECTION}{@code =enabled} means the {@code
 * default} tag and takes precedence over {@value #REV}. A revision tag is a
 * MutatingWebhookConfiguration {@code istio-revision-tag-<tag>} labelled {@value #TAG} and {@value
 * #REV}; {@code istioctl tag set} writes its webhooks from the revision's injector, so a plan
 * models it by those two labels only ({@link #tag}) and {@code apply.sh} moves it with {@code
 * istioctl tag set}, never with {@code kubectl apply}.
 *
 * <pre>{@code
 * Revisions.revisionOf(namespace);           // "1-29-0", "default" or "" (not injected)
 * Resource tag = Revisions.tag("prod-stable", "1-30-3");
 * Revisions.restarted(stage.changes());       // ["bookinfo"]: namespaces whose pods must restart
 * }</pre>
 */
public final class Revisions {
  /** The namespace label naming the revision (or tag) that injects its pods. */
  public static final String REV = "istio.io/rev";

  /** The namespace label of the default revision, which takes precedence over {@value #REV}. */
  public static final String INJECTION = "istio-injection";

  /** The label of a revision tag's MutatingWebhookConfiguration naming the tag. */
  public static final String TAG = "istio.io/tag";

  /** The name of a revision tag's MutatingWebhookConfiguration: this prefix and the tag. */
  public static final String TAG_PREFIX = "istio-revision-tag-";

  /** The revision {@value #INJECTION}{@code =enabled} stands for. */
  public static final String DEFAULT = "default";

  private static final String WEBHOOK_KIND = "MutatingWebhookConfiguration";
  private static final String WEBHOOK_API = "admissionregistration.k8s.io/v1";

  private Revisions() {}

  /**
   * The revision or tag that injects the namespace's pods: {@value #DEFAULT} for {@value
   * #INJECTION}{@code =enabled}, empty when its pods are not injected ({@value #INJECTION}{@code
   * =disabled}, or no label).
   */
  public static String revisionOf(Resource namespace) {
    Map<String, String> labels = namespace.metadata().labels();
    String injection = labels.getOrDefault(INJECTION, "");
    if (!injection.isEmpty()) {
      return injection.equals("enabled") ? DEFAULT : "";
    }
    return labels.getOrDefault(REV, "");
  }

  /**
   * A revision tag pointing at {@code revision}, as a plan holds it: the
   * MutatingWebhookConfiguration {@code istio-revision-tag-<tag>} with the labels {@value #TAG} and
   * {@value #REV}, and no webhooks ({@code istioctl tag set} writes them).
   */
  public static GenericObject tag(String tag, String revision) {
    return GenericObject.of(
        WEBHOOK_API,
        WEBHOOK_KIND,
        ObjectMeta.builder()
            .name(TAG_PREFIX + tag)
            .putLabels(TAG, tag)
            .putLabels(REV, revision)
            .build(),
        Map.of());
  }

  /** The tag the object is, when it is a revision tag's MutatingWebhookConfiguration. */
  public static Optional<String> tagOf(Resource r) {
    if (!r.kind().equals(WEBHOOK_KIND)
        || !r.apiVersion().startsWith("admissionregistration.k8s.io/")) {
      return Optional.empty();
    }
    String name = r.metadata().name().orElse("");
    String tag = r.metadata().labels().getOrDefault(TAG, "");
    return !tag.isEmpty() && name.equals(TAG_PREFIX + tag) ? Optional.of(tag) : Optional.empty();
  }

  /**
   * The namespaces whose pods {@code changes} move to another revision, in order: Namespaces that
   * existed before and whose {@link #revisionOf revision} changes. (A new namespace has no pods to
   * restart yet.)
   */
  public static List<String> restarted(List<Change> changes) {
    List<String> out = new ArrayList<>();
    for (Change c : changes) {
      if (c.key().kind().equals("Namespace")
          && c.key().group().isEmpty()
          && c.before().isPresent()
          && c.after().isPresent()
          && !revisionOf(c.before().get()).equals(revisionOf(c.after().get()))) {
        out.add(c.key().name());
      }
    }
    return out;
  }

  /**
   * The revision tags {@code changes} create or point at another revision, in order, as their
   * objects after the change: the namespaces labelled with them must restart too.
   */
  public static List<Resource> movedTags(List<Change> changes) {
    List<Resource> out = new ArrayList<>();
    for (Change c : changes) {
      if (c.isDelete() || tagOf(c.after().get()).isEmpty()) {
        continue;
      }
      String after = c.after().get().metadata().labels().getOrDefault(REV, "");
      String before = c.before().map(r -> r.metadata().labels().getOrDefault(REV, "")).orElse("");
      if (!after.equals(before)) {
        out.add(c.after().get());
      }
    }
    return out;
  }

  /** The revision a tag's object points at (its {@value #REV} label). */
  public static String tagRevision(Resource tag) {
    return tag.metadata().labels().getOrDefault(REV, "");
  }

  /** Whether the changes move pods to another revision: a {@link Barrier#RESTART} must follow. */
  public static boolean needRestart(List<Change> changes) {
    return !restarted(changes).isEmpty() || !movedTags(changes).isEmpty();
  }
}
