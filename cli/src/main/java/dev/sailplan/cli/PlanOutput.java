package dev.sailplan.cli;

import dev.sailplan.core.plan.Plan;
import dev.sailplan.core.plan.render.ArgoCdPlan;
import dev.sailplan.core.plan.render.PlanOptions;
import dev.sailplan.core.plan.render.PlanStream;
import dev.sailplan.core.plan.render.PlanWriter;
import dev.sailplan.core.validation.Validation;
import dev.sailplan.core.validation.ValidationException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Delivers a plan as {@code sailplan plan} does: the plan folder {@code OUT/NAME} through {@link
 * PlanWriter} (atomic replacement, only of plan folders), one stream through {@link PlanStream}, or
 * Argo CD syncs through {@link ArgoCdPlan}; every failure one line on stderr and exit status 1.
 */
final class PlanOutput {
  /** How the plan is delivered. */
  enum Format {
    /** The plan folder. */
    dir,
    /** One commented multi-document stream on stdout. */
    stream,
    /**
     * Every step's Argo CD syncs, with argocd.argoproj.io/sync-wave annotations: on stdout, or one
     * file per sync with --out.
     */
    argocd
  }

  private final PrintWriter out;
  private final PrintWriter err;
  private final Validation validation;

  /** {@code validation} checks the plan folder before it is written (see {@link PlanWriter}). */
  PlanOutput(PrintWriter out, PrintWriter err, Validation validation) {
    this.out = out;
    this.err = err;
    this.validation = validation;
  }

  /**
   * Delivers {@code plan}; {@code dir} may be null except for {@link Format#dir}.
   *
   * @param summary the line printed after the plan folder is written, given the folder
   * @return the exit status
   */
  int deliver(
      Plan plan, Format format, Path dir, int settleSeconds, Function<Path, String> summary) {
    if (format == Format.stream) {
      out.print(PlanStream.render(plan));
      return 0;
    }
    if (format == Format.argocd) {
      return argoCd(plan, dir);
    }
    if (!createOut(dir)) {
      return Sailplan.INVALID_INPUT;
    }
    Path written;
    Path target = dir.resolve(plan.name());
    try {
      written =
          PlanWriter.write(
              plan, dir, PlanOptions.defaults().withSettleSeconds(settleSeconds), validation);
    } catch (ValidationException e) {
      // A stage applies an object the desired state does not hold as such (a weight step).
      e.findings().forEach(f -> err.println(Inputs.escaped(f.toString())));
      return Sailplan.INVALID_INPUT;
    } catch (FileAlreadyExistsException e) {
      // Not a plan folder: nothing was written. There is no --force: replacing it would lose
      // whatever the user keeps there, and removing it first is one deliberate command away.
      err.printf(
          "sailplan: cannot write plan folder %s: %s; remove it or choose another --name%n",
          target, IoErrors.reason(e, target));
      return Sailplan.INVALID_INPUT;
    } catch (IOException e) {
      err.println(
          "sailplan: cannot write plan folder " + target + ": " + IoErrors.reason(e, target));
      return Sailplan.INVALID_INPUT;
    }
    out.println(summary.apply(written));
    return 0;
  }

  /**
   * Every step's Argo CD syncs: on stdout one after the other, each introduced by its header (which
   * says when it is a separate commit), or with a folder one file per sync.
   */
  private int argoCd(Plan plan, Path dir) {
    List<String> syncs = new ArrayList<>();
    try {
      for (int step = 0; step < plan.steps().size(); step++) {
        syncs.addAll(ArgoCdPlan.syncs(plan, step));
      }
    } catch (IllegalArgumentException e) {
      err.println("sailplan: " + e.getMessage());
      return Sailplan.INVALID_INPUT;
    }
    if (dir == null) {
      // A document separator before each sync's header, so that the header introduces its sync.
      out.print(String.join("---\n", syncs));
      return 0;
    }
    if (!createOut(dir)) {
      return Sailplan.INVALID_INPUT;
    }
    Path written;
    try {
      written = ArgoCdPlan.write(plan, dir);
    } catch (IOException e) {
      Path target = dir.resolve(plan.name());
      err.println(
          "sailplan: cannot write plan folder " + target + ": " + IoErrors.reason(e, target));
      return Sailplan.INVALID_INPUT;
    }
    out.printf(
        Locale.ROOT,
        "Plan %s: %d Argo CD sync%s in %d step%s, written to %s%n",
        plan.name(),
        syncs.size(),
        syncs.size() == 1 ? "" : "s",
        plan.steps().size(),
        plan.steps().size() == 1 ? "" : "s",
        written);
    return 0;
  }

  /** Creates {@code dir} when missing; says why on stderr when it cannot. */
  private boolean createOut(Path dir) {
    try {
      if (Files.exists(dir) && !Files.isDirectory(dir)) {
        throw new IOException("a file of that name exists");
      }
      Files.createDirectories(dir);
      return true;
    } catch (IOException e) {
      err.println("sailplan: cannot create plan folder " + dir + ": " + IoErrors.reason(e, dir));
      return false;
    }
  }
}
