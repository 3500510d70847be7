package dev.sailplan.cli;

import dev.sailplan.core.Manifests;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.plan.Barrier;
import dev.sailplan.core.plan.Plan;
import dev.sailplan.core.plan.Planner;
import dev.sailplan.core.plan.PlanningException;
import dev.sailplan.core.plan.State;
import dev.sailplan.core.problem.ManifestException;
import dev.sailplan.core.problem.Problem;
import dev.sailplan.core.validation.Findings;
import dev.sailplan.core.validation.Validation;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sailplan plan}: the make-before-break stages from a current state to a desired one. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = {
      // One string a line: picocli does not re-flow them, so each fits in 80 columns.
      "Computes the ordered stages from the CURRENT manifests to the DESIRED ones",
      "and writes the plan folder DIR/NAME: plan.yaml, one file per stage, apply.sh,",
      "current.yaml and desired.yaml. CURRENT may be empty or a `kind: List`",
      "(kubectl get -o yaml).",
      "DIR/NAME is replaced only when it is a plan folder (one Sailplan wrote), in",
      "one atomic step: it is a link to a hidden folder DIR/.NAME.plan-<id>, and a",
      "new plan is swapped in by renaming a new link over it. Anything else named",
      "DIR/NAME (a file, a folder with other files, a link elsewhere) is refused and",
      "left as it is: remove it or choose another --name.",
      "With --format argocd the plan is Argo CD syncs, printed or, with --out, one",
      "file per sync in DIR/NAME: a step that changes an object twice needs more",
      "than one sync, each a separate commit made once the one before is synced",
      "and propagated."
    })
final class PlanCommand implements Callable<Integer> {
  private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  @Spec private picocli.CommandLine.Model.CommandSpec spec;

  @ParentCommand private Sailplan parent;

  @Option(
      names = "--from",
      paramLabel = "CURRENT",
      description = "Manifests as they are now (default: nothing exists).")
  private Path from;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "DESIRED",
      description = "Manifests as they should be.")
  private Path to;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "Folder to write the plan folder into (required for --format dir); with --format argocd,"
              + " the folder for the sync files (01-<step>-sync-1.yaml, ...).")
  private Path out;

  @Option(
      names = "--format",
      defaultValue = "dir",
      description =
          "dir (plan folder, default), stream (one commented YAML stream on stdout) or argocd"
              + " (sync-wave annotated YAML on stdout, one stream per Argo CD sync, each a separate"
              + " commit; with --out, one file per sync).")
  private PlanOutput.Format format;

  @Option(
      names = "--name",
      defaultValue = "plan",
      description = "The plan's name and folder name (default: ${DEFAULT-VALUE}).")
  private String name;

  @Option(
      names = "--settle",
      defaultValue = "5",
      paramLabel = "SECONDS",
      description =
          "Settle delay after each propagation barrier in apply.sh (default: ${DEFAULT-VALUE}).")
  private int settle;

  @Mixin private AssumeExternal assumeExternal = new AssumeExternal();

  @Override
  public Integer call() {
    if (format == PlanOutput.Format.dir && out == null) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--out is required for --format dir");
    }
    if (out != null && out.toString().isEmpty()) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--out '' names no folder: give a folder, such as --out .");
    }
    if (settle < 0) {
      // PlanOptions refuses it too, but as a bug; a negative delay is a usage error.
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--settle " + settle + " must be 0 or more seconds");
    }
    if (!NAME.matcher(name).matches()) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--name '" + name + "' must be lower-case letters, digits and '-'");
    }
    Validation validation = assumeExternal.validation(spec.commandLine());
    State current;
    State desired;
    try {
      current = from == null ? State.empty() : state("--from", from);
      desired = state("--to", to);
    } catch (ManifestException e) {
      e.problems().forEach(p -> spec.commandLine().getErr().println(p));
      return Sailplan.INVALID_INPUT;
    }
    // Fails closed: what the plan would apply must pass validation, in every format.
    Findings findings = validation.validate(desired.resources());
    if (findings.hasErrors()) {
      findings.forEach(f -> spec.commandLine().getErr().println(Inputs.escaped(f.toString())));
      return Sailplan.INVALID_INPUT;
    }
    Plan plan;
    try {
      plan =
          Planner.discover()
              .plan(name, current, List.of(new Planner.Target("apply", desired, Barrier.NONE)));
    } catch (PlanningException e) {
      spec.commandLine().getErr().println("sailplan: " + e.getMessage().replace("\n  ", "\n  - "));
      return Sailplan.INVALID_INPUT;
    }
    return new PlanOutput(spec.commandLine().getOut(), spec.commandLine().getErr(), validation)
        .deliver(
            plan,
            format,
            out,
            settle,
            written ->
                String.format(
                    Locale.ROOT,
                    "Plan %s: %d stage%s from %d to %d resources, written to %s",
                    name,
                    plan.stages().size(),
                    plan.stages().size() == 1 ? "" : "s",
                    current.size(),
                    desired.size(),
                    written));
  }

  /**
   * The resources of the file given as {@code option} as a state. Problems name the option with the
   * file, so that a user who passed the same kind of file twice knows which one is meant; an object
   * defined twice is one of them.
   */
  private State state(String option, Path file) {
    String source = option + " " + Inputs.display(file.toString());
    List<Resource> resources;
    try {
      resources =
          Manifests.parseMixedUnique(Inputs.read(file.toString(), source, parent.stdin), source);
    } catch (OutOfMemoryError e) {
      throw new ManifestException(List.of(Inputs.tooLarge(source)));
    }
    try {
      return State.of(resources);
    } catch (IllegalArgumentException e) {
      throw problem(source, e.getMessage()); // an object without a name
    }
  }

  private static ManifestException problem(String source, String message) {
    return new ManifestException(List.of(new Problem(source, 0, 0, "", message)));
  }
}
