package dev.sailplan.maven;

import dev.sailplan.core.Manifests;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.plan.Barrier;
import dev.sailplan.core.plan.Plan;
import dev.sailplan.core.plan.Planner;
import dev.sailplan.core.plan.PlanningException;
import dev.sailplan.core.plan.State;
import dev.sailplan.core.plan.render.PlanOptions;
import dev.sailplan.core.plan.render.PlanWriter;
import dev.sailplan.core.problem.ManifestException;
import dev.sailplan.core.validation.Findings;
import dev.sailplan.core.validation.Level;
import dev.sailplan.core.validation.Validation;
import dev.sailplan.core.validation.ValidationException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Plans the way from the YAML under {@code <current>} (nothing exists when it is not set) to the
 * YAML under {@code <desired>} and writes the plan folder {@code <planDirectory>/<name>}, as {@code
 * sailplan plan} does. What the plan applies is validated with the goal's options first; nothing is
 * written when a finding is an Error.
 */
@Mojo(name = "plan", threadSafe = true)
public final class PlanMojo extends AbstractSailplanMojo {
  private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  /** The folder (or file) of the current state. */
  @Parameter(property = "sailplan.current")
  File current;

  /** The folder (or file) of the desired state. */
  @Parameter(property = "sailplan.desired", required = true)
  File desired;

  /** The plan's name, and its folder's. */
  @Parameter(property = "sailplan.planName", defaultValue = "${project.artifactId}")
  String name;

  /** Where the plan folder goes. */
  @Parameter(
      property = "sailplan.planDirectory",
      defaultValue = "${project.build.directory}/sailplan/plans")
  File planDirectory;

  @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
  File basedir;

  /** Creates the goal (Maven does). */
  public PlanMojo() {}

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping sailplan:plan");
      return;
    }
    if (name == null || !NAME.matcher(name).matches()) {
      throw new MojoExecutionException(
          "<name> '" + name + "' must be lower-case letters, digits and '-'");
    }
    Level threshold = failLevel();
    Validation validation = validation();
    Path base = basedir.toPath().toAbsolutePath();
    State from = current == null ? State.empty() : state("<current>", current.toPath(), base);
    State to = state("<desired>", desired.toPath(), base);
    Plan plan;
    try {
      plan =
          Planner.discover()
              .plan(name, from, List.of(new Planner.Target("apply", to, Barrier.NONE)));
    } catch (PlanningException e) {
      throw new MojoFailureException("sailplan:plan: " + e.getMessage());
    }
    Findings findings = RenderMojo.planFindings(plan, validation);
    log(findings);
    failIfNeeded(
        findings, threshold == null ? Level.ERROR : threshold, "sailplan:plan wrote nothing");
    try {
      Path dir = PlanWriter.write(plan, planDirectory.toPath(), PlanOptions.defaults(), validation);
      getLog()
          .info(
              "Planned "
                  + plan.stages().size()
                  + " stages into "
                  + ValidateMojo.display(dir, base));
    } catch (ValidationException e) {
      throw new MojoFailureException("sailplan:plan: the plan was refused:\n" + e.getMessage());
    } catch (IOException e) {
      throw new MojoExecutionException("sailplan:plan: cannot write " + planDirectory + ": " + e);
    }
  }

  /**
   * The objects of every YAML file at {@code path} (a file or a folder), or a failure naming them.
   */
  private static State state(String what, Path path, Path base) throws MojoExecutionException {
    if (!Files.exists(path)) {
      throw new MojoExecutionException(what + " " + path + ": no such file or directory");
    }
    List<Path> files = Files.isRegularFile(path) ? List.of(path) : ValidateMojo.yamlPaths(path);
    List<Resource> resources = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Path f : files) {
      try {
        String shown = ValidateMojo.display(f, base);
        resources.addAll(Manifests.parseUnique(Files.readString(f), shown));
      } catch (ManifestException e) {
        e.problems().forEach(p -> problems.add(p.toString()));
      } catch (IOException e) {
        problems.add(ValidateMojo.display(f, base) + ": cannot read: " + e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new MojoExecutionException(what + ":\n  " + String.join("\n  ", problems));
    }
    try {
      return State.of(resources);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException(what + ": " + e.getMessage(), e);
    }
  }
}
