package dev.sailplan.core.plan.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sailplan.core.CanonicalYaml;
import dev.sailplan.core.Manifests;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.plan.Change;
import dev.sailplan.core.plan.Plan;
import dev.sailplan.core.plan.ResourceKey;
import dev.sailplan.core.plan.Stage;
import dev.sailplan.core.plan.Step;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One step of a plan as Argo CD sync waves: a single multi-document stream in which every applied
 * resource carries {@code argocd.argoproj.io/sync-wave: "N"}, N being the stage's index within the
 * step (from 0). Commit one step's stream at a time; the gate between steps is the review of the
 * next commit.
 *
 * <pre>{@code
 * # Plan reviews-canary, step 1 of 3: add-canary-subset (Argo CD sync waves)
 * # ...
 * # Wave 0: DestinationRule bookinfo/reviews provides subset ... — then propagation
 * apiVersion: networking.istio.io/v1
 * kind: DestinationRule
 * metadata:
 *   name: reviews
 *   namespace: bookinfo
 *   annotations:
 *     argocd.argoproj.io/sync-wave: "0"
 * }</pre>
 *
 * <p>Limitations, stated in the stream's header too:
 *
 * <ul>
 *   <li>Between waves Argo CD waits for the resources to be healthy, which for Istio and Gateway
 *       API configuration means accepted by the API server, not propagated to the proxies; a stage
 *       can reach the mesh before the previous one has. Use {@code apply.sh} ({@link PlanWriter})
 *       where that matters, or a PostSync check of {@code istioctl proxy-status}.
 *   <li>Deletions are comments ({@code # delete before wave N: Kind ns/name}): Argo CD prunes what
 *       the stream no longer holds, after the waves, when pruning is enabled.
 *   <li>Argo CD syncs one version of an object per sync, so an object that changes in more than one
 *       stage of the step (an intermediate version, or a delete and a re-create) cannot be
 *       rendered: split the step, or use {@code apply.sh}.
 * </ul>
 */
public final class ArgoCdPlan {
  /** The annotation Argo CD orders a sync by. */
  public static final String SYNC_WAVE = "argocd.argoproj.io/sync-wave";

  /** Where annotations go among the metadata fields: after these (the canonical order). */
  private static final Set<String> BEFORE_ANNOTATIONS =
      Set.of("name", "generateName", "namespace", "labels");

  private ArgoCdPlan() {}

  /**
   * Step {@code stepIndex} (from 0) of the plan as one annotated stream.
   *
   * @throws IndexOutOfBoundsException when the plan has no such step
   * @throws IllegalArgumentException when an object changes in more than one stage of the step
   */
  public static String render(Plan plan, int stepIndex) {
    if (stepIndex < 0 || stepIndex >= plan.steps().size()) {
      throw new IndexOutOfBoundsException(
          "plan "
              + plan.name()
              + " has "
              + plan.steps().size()
              + " step"
              + (plan.steps().size() == 1 ? "" : "s")
              + "; there is no step "
              + stepIndex);
    }
    Step step = plan.steps().get(stepIndex);
    checkOneChangePerObject(step);
    StringBuilder out = new StringBuilder();
    Text.appendComment(
        out,
        "Plan "
            + plan.name()
            + ", step "
            + (stepIndex + 1)
            + " of "
            + plan.steps().size()
            + ": "
            + step.name()
            + " (Argo CD sync waves)");
    Text.appendComment(
        out,
        "Argo CD waits for health between waves, not for the configuration to reach the"
            + " proxies; deletions are listed as comments and left to pruning.");
    boolean documents = false;
    for (int wave = 0; wave < step.stages().size(); wave++) {
      Stage stage = step.stages().get(wave);
      if (documents && !stage.applies().isEmpty()) {
        out.append("---\n");
      }
      Text.appendComment(
          out, "Wave " + wave + ": " + stage.reason() + " — then " + stage.then().value());
      for (Change c : stage.changes()) {
        if (c.isDelete()) {
          Text.appendComment(out, "delete before wave " + wave + ": " + c.key());
        }
      }
      boolean first = true;
      for (Resource r : stage.applies()) {
        if (!first) {
          out.append("---\n");
        }
        CanonicalYaml.write(withWave(Manifests.toTree(r), wave), out);
        first = false;
        documents = true;
      }
    }
    return out.toString();
  }

  private static void checkOneChangePerObject(Step step) {
    Map<ResourceKey, Integer> firstStage = new LinkedHashMap<>();
    for (int i = 0; i < step.stages().size(); i++) {
      for (Change c : step.stages().get(i).changes()) {
        Integer seen = firstStage.putIfAbsent(c.key(), i);
        if (seen != null && seen != i) {
          throw new IllegalArgumentException(
              "step "
                  + step.name()
                  + " changes "
                  + c.key()
                  + " in waves "
                  + seen
                  + " and "
                  + i
                  + ": Argo CD syncs one version of an object at a time; split the step or use"
                  + " apply.sh");
        }
      }
    }
  }

  /**
   * The resource's tree with the wave annotation, annotations sorted, metadata in canonical order.
   */
  private static JsonNode withWave(JsonNode tree, int wave) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    ObjectNode doc = nodes.objectNode();
    JsonNode meta = tree.path("metadata");
    TreeMap<String, JsonNode> annotations = new TreeMap<>();
    for (Map.Entry<String, JsonNode> f : meta.path("annotations").properties()) {
      annotations.put(f.getKey(), f.getValue());
    }
    annotations.put(SYNC_WAVE, nodes.textNode(Integer.toString(wave)));
    ObjectNode annotationNode = nodes.objectNode();
    annotations.forEach(annotationNode::set);

    ObjectNode rebuilt = nodes.objectNode();
    boolean placed = false;
    for (Map.Entry<String, JsonNode> f : meta.properties()) {
      if (f.getKey().equals("annotations")) {
        continue;
      }
      if (!placed && !BEFORE_ANNOTATIONS.contains(f.getKey())) {
        rebuilt.set("annotations", annotationNode);
        placed = true;
      }
      rebuilt.set(f.getKey(), f.getValue().deepCopy());
    }
    if (!placed) {
      rebuilt.set("annotations", annotationNode);
    }
    boolean metaSet = false;
    for (Map.Entry<String, JsonNode> f : tree.properties()) {
      if (f.getKey().equals("metadata")) {
        doc.set("metadata", rebuilt);
        metaSet = true;
      } else {
        if (!metaSet && !f.getKey().equals("apiVersion") && !f.getKey().equals("kind")) {
          doc.set("metadata", rebuilt);
          metaSet = true;
        }
        doc.set(f.getKey(), f.getValue().deepCopy());
      }
    }
    if (!metaSet) {
      doc.set("metadata", rebuilt);
    }
    return doc;
  }
}
