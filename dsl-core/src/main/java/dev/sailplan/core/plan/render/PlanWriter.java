package dev.sailplan.core.plan.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sailplan.core.CanonicalYaml;
import dev.sailplan.core.Manifests;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.plan.Change;
import dev.sailplan.core.plan.Plan;
import dev.sailplan.core.plan.ResourceKey;
import dev.sailplan.core.plan.Revisions;
import dev.sailplan.core.plan.State;
import dev.sailplan.core.plan.Step;
import dev.sailplan.core.validation.Findings;
import dev.sailplan.core.validation.Validation;
import dev.sailplan.core.validation.ValidationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Objects;

/**
 * Writes a plan as a folder, in the documented on-disk format:
 *
 * <pre>
 * OUT/&lt;plan-name&gt;/
 *   plan.yaml                 the index: steps, stages, what each applies and deletes, barriers
 *   001-&lt;step&gt;-&lt;stage&gt;.yaml   one multi-document YAML per stage (what it applies)
 *   002-...
 *   apply.sh                  applies the stages in order with the barriers between them
 *   current.yaml              the state the plan starts from (empty when nothing exists)
 *   desired.yaml              the state the plan ends in
 * </pre>
 *
 * <p>{@code plan.yaml}:
 *
 * <pre>{@code
 * plan: reviews-canary
 * steps:
 * - name: add-canary-subset
 *   stages:
 *   - file: 001-add-canary-subset-destinationrules.yaml
 *     apply:
 *     - apiVersion: networking.istio.io/v1
 *       kind: DestinationRule
 *       namespace: bookinfo
 *       name: reviews
 *     delete: []
 *     then: propagation   # propagation | rollout | restart | gate | none
 *     reason: DestinationRule bookinfo/reviews provides subset ... before ... uses it
 * }</pre>
 *
 * <p>Stage files are numbered over the whole plan from 001. A stage file starts with comments (the
 * stage, its step, its reason and its barrier) followed by the canonical YAML of what the stage
 * applies; deletions are listed in {@code plan.yaml} and run by {@code apply.sh}, not in the stage
 * file.
 *
 * <p>{@code apply.sh [--yes] [--settle S] [--timeout S] [--context CTX] [--from N] [--dry-run]}
 * runs {@code kubectl apply -f} and {@code kubectl delete --ignore-not-found} per stage, then the
 * barrier: for {@code propagation} it polls {@code istioctl proxy-status} every 2 seconds until no
 * proxy is STALE (exit 1 after the timeout), then sleeps the settle delay, or only sleeps when
 * istioctl is not on PATH; for {@code rollout} it first runs {@code kubectl rollout status
 * KIND/NAME -n NS --timeout=<timeout>s} for each Deployment, StatefulSet and DaemonSet the stage
 * applies (exit 1 when one does not become ready), then waits as for propagation; for {@code gate}
 * it waits for the rollouts of the stage's workloads and for propagation, then asks before going on
 * unless {@code --yes}, and exits 3 when told no or when standard input is not a terminal; for
 * {@code restart} (a stage that moves namespaces to another control plane revision, see {@link
 * dev.sailplan.core.plan.Revisions}) it restarts every Deployment, StatefulSet and DaemonSet of
 * those namespaces ({@code kubectl rollout restart}, listed from the cluster when the stage runs),
 * runs {@code kubectl rollout status} for each, waits for propagation and then stops as for {@code
 * gate} (not after the plan's last stage). A revision label ({@code istio-injection}, {@code
 * istio.io/rev}) that a stage drops from a Namespace is removed with {@code kubectl label namespace
 * NS LABEL-} after the apply ({@code kubectl apply} removes only labels it set). A revision tag the
 * stage applies is moved with {@code istioctl tag set TAG --revision REV --overwrite}, not applied.
 *
 * <p>A stage applies Namespaces first, then the configuration workloads read (ServiceAccounts,
 * ConfigMaps, Secrets, RBAC), Services, workloads, other Kubernetes kinds and mesh configuration,
 * in that order in its file; its deletions run in the reverse order.
 *
 * <p>{@code OUT/<plan-name>} also holds {@code .sailplan-plan}, a marker naming the format version,
 * and is a relative symbolic link to a hidden content folder {@code OUT/.<plan-name>.plan-<id>}
 * (follow it as any folder: {@code kubectl apply -f OUT/<plan-name>/}, {@code cd}).
 *
 * <p>Writing never loses anything:
 *
 * <ul>
 *   <li>Only a plan folder is replaced: a link to its own content folder, a folder with the marker,
 *       or a folder holding nothing but plan files (as earlier versions wrote them). Anything else
 *       at {@code OUT/<plan-name>} (a file, a folder with other files, a link elsewhere) is refused
 *       with a {@link java.nio.file.FileAlreadyExistsException} that says why; nothing is written.
 *   <li>The new plan is written into a new content folder, and swapped in by one atomic rename of a
 *       new link over {@code OUT/<plan-name>}: at every instant it is the complete old plan or the
 *       complete new one. The old content folder is deleted after the swap (a shell {@code cd}'d
 *       into the old plan then sits in a deleted folder, as after any replacement). Replacing a
 *       real folder (not a link) needs two renames, so {@code OUT/<plan-name>} is briefly missing
 *       then.
 *   <li>When the folder already holds exactly the plan (the same files, bytes and executable bits),
 *       nothing is touched: the link, the content folder and the files' times stay.
 *   <li>On failure the new content folder is removed and {@code OUT/<plan-name>} is left as it was.
 *   <li>Each write first removes what killed runs for the same name left behind (recognised by
 *       their names and markers, never while another run is writing them).
 * </ul>
 */
public final class PlanWriter {
  /** The index file's name. */
  public static final String INDEX = "plan.yaml";

  /** The script's name. */
  public static final String SCRIPT = "apply.sh";

  /** The file holding the state the plan starts from. */
  public static final String CURRENT = "current.yaml";

  /** The file holding the state the plan ends in. */
  public static final String DESIRED = "desired.yaml";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private PlanWriter() {}

  /**
   * Writes {@code outDir/<plan name>/} with the default options.
   *
   * @return the plan's folder
   * @throws IOException when the folder cannot be written; nothing was changed then
   * @throws IllegalArgumentException when the plan's name cannot be a folder name
   * @throws ValidationException when a resource the plan applies has an Error finding
   */
  public static Path write(Plan plan, Path outDir) throws IOException {
    return write(plan, outDir, PlanOptions.defaults());
  }

  /**
   * Writes {@code outDir/<plan name>/}, replacing a plan folder of that name atomically once the
   * new one is complete (see the class description). {@code outDir} is created when missing.
   *
   * @return the plan's folder
   * @throws java.nio.file.FileAlreadyExistsException when something that is not a plan folder has
   *     the plan's name; its reason says what
   * @throws IOException when the folder cannot be written; nothing was changed then
   * @throws IllegalArgumentException when the plan's name cannot be a folder name
   * @throws ValidationException when a resource the plan applies has an Error finding, or a change
   *     breaks a transition rule (a field that may not change); nothing was written then
   */
  public static Path write(Plan plan, Path outDir, PlanOptions options) throws IOException {
    return write(plan, outDir, options, Validation.standard());
  }

  /**
   * Writes {@code outDir/<plan name>/} as {@link #write(Plan, Path, PlanOptions)} does, checking
   * the plan with {@code validation} instead of the standard one: a build that suppresses a
   * finding, sets another root namespace or {@linkplain Validation.Builder#assumeExternal assumes}
   * what lives outside the plan's states checks its plans with the same options as its manifests.
   *
   * <pre>{@code
   * Validation validation =
   *     Validation.builder()
   *         .discover()
   *         .suppress(List.of(SuppressRule.parse("SP1005=VirtualService legacy/*")))
   *         .build();
   * PlanWriter.write(plan, Path.of("target/plans"), PlanOptions.defaults(), validation);
   * }</pre>
   *
   * @return the plan's folder
   * @throws IOException when the folder cannot be written; nothing was changed then
   * @throws ValidationException when {@code validation} finds an Error in what the plan applies or
   *     in one of its changes; nothing was written then
   */
  public static Path write(Plan plan, Path outDir, PlanOptions options, Validation validation)
      throws IOException {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(validation, "validation");
    Findings findings = validation.validatePlan(plan);
    if (findings.hasErrors()) {
      throw new ValidationException(findings);
    }
    return PlanFolder.write(
        outDir, Text.folderName(plan.name()), dir -> writeFiles(plan, options, dir));
  }

  /** The text of {@code plan.yaml}. */
  public static String index(Plan plan) {
    return CanonicalYaml.toYaml(indexTree(plan, Layout.of(plan)));
  }

  /** The text of {@code apply.sh}. */
  public static String script(Plan plan, PlanOptions options) {
    return ApplyScript.render(plan, Layout.of(plan), options);
  }

  private static void writeFiles(Plan plan, PlanOptions options, Path dir) throws IOException {
    List<Layout.Entry> entries = Layout.of(plan);
    for (Layout.Entry e : entries) {
      writeText(dir.resolve(e.file()), stageFile(e));
      KillPoints.reached("stage file written");
    }
    writeText(dir.resolve(CURRENT), state(plan.current()));
    writeText(dir.resolve(DESIRED), state(plan.desired()));
    Path script = dir.resolve(SCRIPT);
    writeText(script, ApplyScript.render(plan, entries, options));
    makeExecutable(script);
    writeText(dir.resolve(INDEX), CanonicalYaml.toYaml(indexTree(plan, entries)));
    KillPoints.reached("plan folder written");
  }

  private static ObjectNode indexTree(Plan plan, List<Layout.Entry> entries) {
    ObjectNode root = NODES.objectNode();
    root.put("plan", plan.name());
    ArrayNode steps = root.putArray("steps");
    int e = 0;
    for (Step step : plan.steps()) {
      ObjectNode stepNode = steps.addObject();
      stepNode.put("name", step.name());
      ArrayNode stages = stepNode.putArray("stages");
      for (int i = 0; i < step.stages().size(); i++, e++) {
        Layout.Entry entry = entries.get(e);
        ObjectNode stage = stages.addObject();
        stage.put("file", entry.file());
        ArrayNode apply = stage.putArray("apply");
        for (Resource r : entry.stage().applies()) {
          ref(apply, r.apiVersion(), ResourceKey.of(r));
        }
        ArrayNode delete = stage.putArray("delete");
        for (Change c : entry.deletes()) {
          ref(delete, Text.apiVersion(c), c.key());
        }
        stage.put("then", entry.stage().then().value());
        stage.put("reason", entry.stage().reason());
      }
    }
    return root;
  }

  private static void ref(ArrayNode list, String apiVersion, ResourceKey key) {
    ObjectNode ref = list.addObject();
    ref.put("apiVersion", apiVersion);
    ref.put("kind", key.kind());
    if (!key.namespace().isEmpty()) {
      ref.put("namespace", key.namespace());
    }
    ref.put("name", key.name());
  }

  /** A stage file: the comment block, then what the stage applies. */
  static String stageFile(Layout.Entry e) {
    StringBuilder out = new StringBuilder();
    Text.appendComment(
        out, "Stage " + e.nnn() + " of step " + e.step().name() + ": " + e.stage().reason());
    Text.appendComment(out, "Then: " + e.stage().then().value());
    List<Resource> applies = e.stage().applies();
    boolean deletes = !e.deletes().isEmpty();
    if (applies.isEmpty()) {
      out.append(
          deletes
              ? "# (this stage only deletes: see plan.yaml)\n"
              : "# (this stage changes nothing)\n");
    } else {
      if (deletes) {
        out.append("# (this stage also deletes: see plan.yaml)\n");
      }
      if (applies.stream().anyMatch(r -> Revisions.tagOf(r).isPresent())) {
        out.append(
            """
            # (a revision tag here is not applied: apply.sh runs istioctl tag set, which writes
            # its webhooks from the revision's injector)
            """);
      }
      out.append(Manifests.toYaml(applies));
    }
    return out.toString();
  }

  private static String state(State state) {
    return Manifests.toYaml(state.resources());
  }

  private static void writeText(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static void makeExecutable(Path file) throws IOException {
    if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    } else if (!file.toFile().setExecutable(true, false)) {
      throw new IOException("cannot make " + file + " executable");
    }
  }
}
