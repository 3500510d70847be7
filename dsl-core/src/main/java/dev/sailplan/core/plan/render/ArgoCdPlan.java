package dev.sailplan.core.plan.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sailplan.core.CanonicalYaml;
import dev.sailplan.core.Manifests;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.plan.Barrier;
import dev.sailplan.core.plan.Change;
import dev.sailplan.core.plan.Plan;
import dev.sailplan.core.plan.ResourceKey;
import dev.sailplan.core.plan.Revisions;
import dev.sailplan.core.plan.Stage;
import dev.sailplan.core.plan.Step;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One step of a plan as Argo CD sync waves: multi-document streams in which every applied resource
 * carries {@code argocd.argoproj.io/sync-wave: "N"}, N being the stage's index within its sync
 * (from 0). Commit one step at a time; the gate between steps is the review of the next commit.
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
 * <p>Argo CD applies one version of an object per sync, so a step in which an object changes in
 * more than one stage (a DestinationRule that gains a subset, then loses the old one once no route
 * uses it; a delete and a re-create) cannot be one sync. {@link #syncs} renders such a step as
 * consecutive syncs: each is a run of consecutive stages in which no object occurs twice, and a new
 * one starts at the first stage that changes an object already in the current one. Each sync is a
 * separate commit: commit sync 1, wait until Argo CD reports it synced and healthy and the
 * configuration has reached the proxies ({@code istioctl proxy-status} shows no proxy STALE), then
 * commit sync 2, and so on. Every sync's stream says so in its header. {@link #write} writes every
 * sync of every step to its own file.
 *
 * <p>Limitations, stated in the streams' headers too:
 *
 * <ul>
 *   <li>Between waves Argo CD waits for the resources to be healthy, which for Istio and Gateway
 *       API configuration means accepted by the API server, not propagated to the proxies; a stage
 *       can reach the mesh before the previous one has. Use {@code apply.sh} ({@link PlanWriter})
 *       where that matters, or a PostSync check of {@code istioctl proxy-status}.
 *   <li>Deletions are comments ({@code # delete before wave N: Kind ns/name}): Argo CD prunes what
 *       the repository no longer holds, after the waves, when pruning is enabled.
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
   * Step {@code stepIndex} (from 0) of the plan as one annotated stream, for a step that fits in
   * one sync: the only element of {@link #syncs}.
   *
   * @throws IndexOutOfBoundsException when the plan has no such step
   * @throws IllegalArgumentException when an object changes in more than one stage of the step
   */
  public static String render(Plan plan, int stepIndex) {
    Step step = step(plan, stepIndex);
    List<Sync> syncs = split(step);
    if (syncs.size() > 1) {
      Sync second = syncs.get(1);
      ResourceKey again = second.again().get(0);
      throw new IllegalArgumentException(
          "step "
              + step.name()
              + " changes "
              + again
              + " in waves "
              + syncs.get(0).firstStageOf(again)
              + " and "
              + second.first()
              + ": Argo CD syncs one version of an object at a time; render the step as "
              + syncs.size()
              + " syncs (ArgoCdPlan.syncs) or use apply.sh");
    }
    return render(plan, stepIndex, syncs, 0);
  }

  /**
   * Step {@code stepIndex} (from 0) of the plan as the Argo CD syncs it needs, in order: one stream
   * per sync, each to be committed on its own once the one before is synced and has reached the
   * proxies. A step in which no object changes twice is one sync, the same text as {@link #render}.
   *
   * @throws IndexOutOfBoundsException when the plan has no such step
   * @throws IllegalArgumentException when one stage changes an object twice (no split can help)
   */
  public static List<String> syncs(Plan plan, int stepIndex) {
    List<Sync> syncs = split(step(plan, stepIndex));
    List<String> texts = new ArrayList<>(syncs.size());
    for (int i = 0; i < syncs.size(); i++) {
      texts.add(render(plan, stepIndex, syncs, i));
    }
    return List.copyOf(texts);
  }

  /**
   * Writes every step's {@link #syncs} to {@code outDir/<plan name>/}, one file per sync, named by
   * step and sync number: {@code 01-add-canary-subset-sync-1.yaml}, {@code
   * 02-shift-10-sync-1.yaml}, ... File names sort in commit order. The folder is written as {@link
   * PlanWriter} writes a plan folder: complete in a hidden folder first, then swapped in by one
   * atomic rename; only a folder Sailplan wrote is ever replaced.
   *
   * @return the folder
   * @throws java.nio.file.FileAlreadyExistsException when something Sailplan did not write has the
   *     plan's name; its reason says what
   * @throws IOException when the folder cannot be written; nothing was changed then
   * @throws IllegalArgumentException when the plan's name cannot be a folder name, or one stage
   *     changes an object twice
   */
  public static Path write(Plan plan, Path outDir) throws IOException {
    String name = Text.folderName(plan.name());
    Map<String, String> files = new LinkedHashMap<>();
    int steps = plan.steps().size();
    for (int s = 0; s < steps; s++) {
      List<String> syncs = syncs(plan, s);
      for (int i = 0; i < syncs.size(); i++) {
        files.put(
            padded(s + 1, Math.max(2, digits(steps)))
                + "-"
                + Text.fileSegment(plan.steps().get(s).name())
                + "-sync-"
                + padded(i + 1, digits(syncs.size()))
                + ".yaml",
            syncs.get(i));
      }
    }
    return PlanFolder.write(
        outDir,
        name,
        dir -> {
          for (Map.Entry<String, String> f : files.entrySet()) {
            Files.writeString(dir.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
          }
        });
  }

  private static int digits(int n) {
    return Integer.toString(n).length();
  }

  private static String padded(int n, int width) {
    return String.format(Locale.ROOT, "%0" + width + "d", n);
  }

  private static Step step(Plan plan, int stepIndex) {
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
    return plan.steps().get(stepIndex);
  }

  /**
   * A run of consecutive stages that Argo CD can apply in one sync.
   *
   * @param first the index in the step of its first stage
   * @param stages the stages, its waves
   * @param again the objects of its first stage that the sync before it changes too (why it is a
   *     new sync); empty for the first sync
   */
  private record Sync(int first, List<Stage> stages, List<ResourceKey> again) {
    /** The index in the step of the stage of this sync that changes {@code key}. */
    int firstStageOf(ResourceKey key) {
      for (int i = 0; i < stages.size(); i++) {
        for (Change c : stages.get(i).changes()) {
          if (c.key().equals(key)) {
            return first + i;
          }
        }
      }
      throw new IllegalArgumentException(key + " is not in this sync");
    }
  }

  /** The step's stages cut into syncs: a new one at each stage that changes an object again. */
  private static List<Sync> split(Step step) {
    List<Sync> syncs = new ArrayList<>();
    Set<ResourceKey> inSync = new HashSet<>();
    int first = 0;
    List<ResourceKey> again = List.of();
    for (int i = 0; i < step.stages().size(); i++) {
      Stage stage = step.stages().get(i);
      Set<ResourceKey> keys = new LinkedHashSet<>();
      for (Change c : stage.changes()) {
        if (!keys.add(c.key())) {
          throw new IllegalArgumentException(
              "stage "
                  + (i + 1)
                  + " of step "
                  + step.name()
                  + " changes "
                  + c.key()
                  + " twice: no Argo CD sync can hold both versions");
        }
      }
      List<ResourceKey> repeated = keys.stream().filter(inSync::contains).toList();
      if (!repeated.isEmpty()) {
        syncs.add(new Sync(first, step.stages().subList(first, i), again));
        first = i;
        again = repeated;
        inSync.clear();
      }
      inSync.addAll(keys);
    }
    syncs.add(new Sync(first, step.stages().subList(first, step.stages().size()), again));
    return syncs;
  }

  /** Sync {@code index} of the step's syncs as one annotated stream. */
  private static String render(Plan plan, int stepIndex, List<Sync> syncs, int index) {
    Step step = plan.steps().get(stepIndex);
    Sync sync = syncs.get(index);
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
    if (syncs.size() > 1) {
      Text.appendComment(out, syncHeader(syncs, index));
    }
    Text.appendComment(
        out,
        "Argo CD waits for health between waves, not for the configuration to reach the"
            + " proxies; deletions are listed as comments and left to pruning.");
    boolean documents = false;
    for (int wave = 0; wave < sync.stages().size(); wave++) {
      Stage stage = sync.stages().get(wave);
      // A revision tag is not a document: istioctl writes it (see the comment below).
      List<Resource> synced =
          stage.applies().stream().filter(r -> Revisions.tagOf(r).isEmpty()).toList();
      if (documents && !synced.isEmpty()) {
        out.append("---\n");
      }
      Text.appendComment(
          out, "Wave " + wave + ": " + stage.reason() + " — then " + stage.then().value());
      for (Change c : stage.changes()) {
        if (c.isDelete()) {
          Text.appendComment(out, "delete before wave " + wave + ": " + c.key());
        }
      }
      for (Resource r : stage.applies()) {
        Optional<String> tag = Revisions.tagOf(r);
        if (tag.isPresent()) {
          Text.appendComment(
              out,
              "run at wave "
                  + wave
                  + ": istioctl tag set "
                  + tag.get()
                  + " --revision "
                  + Revisions.tagRevision(r)
                  + " --overwrite (a revision tag's webhooks come from the revision's"
                  + " injector; Argo CD cannot write them)");
        }
      }
      if (stage.then() == Barrier.RESTART) {
        for (String ns : Revisions.restarted(stage.changes())) {
          Text.appendComment(
              out,
              "restart after wave "
                  + wave
                  + ": kubectl rollout restart deployment,statefulset,daemonset -n "
                  + ns
                  + " (pods are injected when created; Argo CD does not restart them)");
        }
        for (Resource t : Revisions.movedTags(stage.changes())) {
          Text.appendComment(
              out,
              "restart after wave "
                  + wave
                  + ": the workloads of every namespace labelled istio.io/rev="
                  + Revisions.tagOf(t).orElseThrow());
        }
      }
      boolean first = true;
      for (Resource r : synced) {
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

  /** Says that the sync is a commit of its own, when to make it, and why it is not one sync. */
  private static String syncHeader(List<Sync> syncs, int index) {
    String position = "Sync " + (index + 1) + " of " + syncs.size();
    if (index == 0) {
      return position
          + ": commit this first; each next sync is a separate commit, made once the one before"
          + " is synced (Argo CD applies one version of an object per sync).";
    }
    List<Stage> before = syncs.get(index - 1).stages();
    Barrier then = before.isEmpty() ? Barrier.NONE : before.get(before.size() - 1).then();
    String wait =
        switch (then) {
          case PROPAGATION -> "synced and propagated";
          case GATE -> "synced and its gate is passed";
          case ROLLOUT -> "synced and its workloads are healthy (rolled out) and propagated";
          case RESTART -> "synced, its restarts done and rolled out, and its gate passed";
          case NONE -> "synced";
        };
    List<ResourceKey> again = syncs.get(index).again();
    return position
        + ": a separate commit, after sync "
        + index
        + " is "
        + wait
        + "; "
        + again.stream().map(ResourceKey::toString).collect(Collectors.joining(", "))
        + (again.size() == 1 ? " changes" : " change")
        + " again, and Argo CD applies one version of an object per sync.";
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
