package dev.sailplan.core.plan.render;

import dev.sailplan.core.Manifests;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.plan.Change;
import dev.sailplan.core.plan.Plan;
import dev.sailplan.core.plan.Revisions;
import java.util.List;

/**
 * A whole plan as one multi-document YAML stream, for reading or for tools that take a single file.
 * Comments mark where each stage starts and what it deletes; the documents are what the stages
 * apply, in order:
 *
 * <pre>{@code
 * # Plan reviews-canary
 * # Stage 001 (step add-canary-subset): DestinationRule bookinfo/reviews is updated — then propagation
 * apiVersion: networking.istio.io/v1
 * kind: DestinationRule
 * ...
 * ---
 * # Stage 002 (step add-canary-subset): ... — then none
 * # delete: VirtualService bookinfo/old
 * apiVersion: ...
 * }</pre>
 *
 * <p>Applying the stream in one go ({@code kubectl apply -f}) gives up the barriers between stages,
 * and the deletions are comments only: use {@link PlanWriter}'s {@code apply.sh} to roll a plan
 * out.
 */
public final class PlanStream {
  private PlanStream() {}

  /** The plan as one stream; the same plan always gives the same text. */
  public static String render(Plan plan) {
    StringBuilder out = new StringBuilder();
    Text.appendComment(out, "Plan " + plan.name());
    boolean documents = false;
    for (Layout.Entry e : Layout.of(plan)) {
      List<Resource> applies = e.stage().applies();
      if (documents && !applies.isEmpty()) {
        out.append("---\n");
      }
      Text.appendComment(
          out,
          "Stage "
              + e.nnn()
              + " (step "
              + e.step().name()
              + "): "
              + e.stage().reason()
              + " — then "
              + e.stage().then().value());
      for (Change d : e.deletes()) {
        Text.appendComment(out, "delete: " + d.key());
      }
      for (Resource r : applies) {
        Revisions.tagOf(r)
            .ifPresent(
                tag ->
                    Text.appendComment(
                        out,
                        "run, not apply: istioctl tag set "
                            + tag
                            + " --revision "
                            + Revisions.tagRevision(r)
                            + " --overwrite (a revision tag's webhooks come from the revision's"
                            + " injector)"));
      }
      if (!applies.isEmpty()) {
        out.append(Manifests.toYaml(applies));
        documents = true;
      }
    }
    return out.toString();
  }
}
