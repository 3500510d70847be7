package dev.sailplan.cli;

import dev.sailplan.core.Manifests;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.plan.Barrier;
import dev.sailplan.core.plan.Plan;
import dev.sailplan.core.plan.Planner;
import dev.sailplan.core.plan.PlanningException;
import dev.sailplan.core.plan.State;
import dev.sailplan.core.plan.render.ArgoCdPlan;
import dev.sailplan.core.plan.render.PlanOptions;
import dev.sailplan.core.plan.render.PlanStream;
import dev.sailplan.core.plan.render.PlanWriter;
import dev.sailplan.core.problem.ManifestException;
import dev.sailplan.core.problem.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sailplan plan}: the make-before-break stages from a current state to a desired one. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = {
      "Computes the ordered stages from the CURRENT manifests to the DESIRED ones and writes the plan",
      "folder OUT/NAME: plan.yaml, one file per stage, apply.sh, current.yaml and desired.yaml.",
      "CURRENT may be empty or a `kind: List` (kubectl get -o yaml)."
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
      description = "Folder to write the plan folder into (required for --format dir).")
  private Path out;

  /** How the plan is delivered. */
  enum Format {
    /** The plan folder. */
    dir,
    /** One commented multi-document stream on stdout. */
    stream,
    /** One stream with argocd.argoproj.io/sync-wave annotations on stdout. */
    argocd
  }

  @Option(
      names = "--format",
      defaultValue = "dir",
      description =
          "dir (plan folder, default), stream (one commented YAML stream on stdout) or argocd"
              + " (sync-wave annotated stream on stdout).")
  private Format format;

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

  @Override
  public Integer call() {
    if (format == Format.dir && out == null) {
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
    State current;
    State desired;
    try {
      current = from == null ? State.empty() : state("--from", from);
      desired = state("--to", to);
    } catch (ManifestException e) {
      e.problems().forEach(p -> spec.commandLine().getErr().println(p));
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
    if (format == Format.stream) {
      spec.commandLine().getOut().print(PlanStream.render(plan));
      return 0;
    }
    if (format == Format.argocd) {
      try {
        spec.commandLine().getOut().print(ArgoCdPlan.render(plan, 0));
        return 0;
      } catch (IllegalArgumentException e) {
        spec.commandLine().getErr().println("sailplan: " + e.getMessage());
        return Sailplan.INVALID_INPUT;
      }
    }
    try {
      if (Files.exists(out) && !Files.isDirectory(out)) {
        throw new IOException("a file of that name exists");
      }
      Files.createDirectories(out);
    } catch (IOException e) {
      spec.commandLine()
          .getErr()
          .println("sailplan: cannot create plan folder " + out + ": " + IoErrors.reason(e, out));
      return Sailplan.INVALID_INPUT;
    }
    Path dir;
    try {
      dir = PlanWriter.write(plan, out, PlanOptions.defaults().withSettleSeconds(settle));
    } catch (IOException e) {
      Path target = out.resolve(name);
      spec.commandLine()
          .getErr()
          .println(
              "sailplan: cannot write plan folder " + target + ": " + IoErrors.reason(e, target));
      return Sailplan.INVALID_INPUT;
    }
    spec.commandLine()
        .getOut()
        .printf(
            Locale.ROOT,
            "Plan %s: %d stage%s from %d to %d resources, written to %s%n",
            name,
            plan.stages().size(),
            plan.stages().size() == 1 ? "" : "s",
            current.size(),
            desired.size(),
            dir);
    return 0;
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
      resources = Manifests.parseUnique(Inputs.read(file.toString(), source, parent.stdin), source);
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
