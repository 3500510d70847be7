package dev.sailplan.maven;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.sailplan.core.validation.Analysis;
import dev.sailplan.core.validation.Findings;
import dev.sailplan.core.validation.Input;
import dev.sailplan.core.validation.Level;
import dev.sailplan.core.validation.Sarif;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Validates the YAML under {@code <directories>} (every {@code *.yaml} and {@code *.yml} below
 * them, sorted, all analysed together) as {@code sailplan validate} does, logs every finding as
 * {@code file:line}, writes a SARIF 2.1.0 report for code-scanning tools and fails the build when a
 * finding is at least {@code <failOn>}. Folders that do not exist are skipped.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class ValidateMojo extends AbstractSailplanMojo {
  /** The folders to validate. */
  @Parameter(defaultValue = "${project.basedir}/src/main/sailplan,${project.basedir}/src/main/k8s")
  List<File> directories = new ArrayList<>();

  /** The SARIF report; file locations in it are relative to the project's folder. */
  @Parameter(
      property = "sailplan.sarifFile",
      defaultValue = "${project.build.directory}/sailplan/findings.sarif")
  File sarifFile;

  @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
  File basedir;

  @Parameter(defaultValue = "${project.version}", readonly = true)
  String version;

  /** Creates the goal (Maven does). */
  public ValidateMojo() {}

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping sailplan:validate");
      return;
    }
    Level threshold = failLevel();
    Path base = basedir.toPath().toAbsolutePath();
    List<Input> inputs = new ArrayList<>();
    for (File dir : directories) {
      inputs.addAll(yamlFiles(dir.toPath(), base));
    }
    if (inputs.isEmpty()) {
      getLog().info("sailplan:validate: no YAML under " + directories);
      return;
    }
    Analysis analysis;
    try {
      analysis = validation().analyze(inputs);
    } catch (IOException | UncheckedIOException e) {
      throw new MojoExecutionException("sailplan:validate: cannot read: " + e.getMessage(), e);
    }
    Findings findings = analysis.findings();
    log(findings);
    writeSarif(findings, base);
    getLog()
        .info(
            String.format(
                Locale.ROOT,
                "sailplan:validate: %d document%s, %d finding%s%s",
                analysis.documents(),
                analysis.documents() == 1 ? "" : "s",
                findings.size(),
                findings.size() == 1 ? "" : "s",
                analysis.suppressed() == 0 ? "" : " (" + analysis.suppressed() + " suppressed)"));
    failIfNeeded(findings, threshold, "sailplan:validate");
  }

  /** The YAML files below {@code dir}, sorted, each named relative to the project's folder. */
  static List<Input> yamlFiles(Path dir, Path base) throws MojoExecutionException {
    return yamlPaths(dir).stream().map(f -> Input.of(f, display(f, base))).toList();
  }

  /** The YAML files below {@code dir}, sorted; none when it is missing. */
  static List<Path> yamlPaths(Path dir) throws MojoExecutionException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
          .sorted()
          .toList();
    } catch (IOException | UncheckedIOException e) {
      throw new MojoExecutionException("sailplan:validate: cannot list " + dir, e);
    }
  }

  /** A file as findings name it: relative to the project with forward slashes, when inside it. */
  static String display(Path file, Path base) {
    Path abs = file.toAbsolutePath().normalize();
    return abs.startsWith(base)
        ? base.relativize(abs).toString().replace('\\', '/')
        : abs.toString();
  }

  private void writeSarif(Findings findings, Path base) throws MojoExecutionException {
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    try {
      String text =
          json.writeValueAsString(Sarif.log(findings, version == null ? "" : version, base)) + "\n";
      OutputFolder.writeIfChanged(sarifFile.toPath(), text);
    } catch (IOException e) {
      throw new MojoExecutionException("sailplan:validate: cannot write " + sarifFile, e);
    }
  }
}
