package dev.sailplan.cli;

import dev.sailplan.core.problem.ManifestException;
import dev.sailplan.core.problem.Problem;
import dev.sailplan.javaimport.JavaImport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sailplan import}: Java source that builds existing manifests with the DSL. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Writes a Java class (a ManifestSource, one method per resource) that builds the manifests of"
          + " each PATH with the Sailplan DSL; it renders back semantically equal to the input.",
      "Kinds Sailplan does not model (Deployments, ConfigMaps, ...) are carried as GenericObjects;"
          + " kinds of other API groups are refused.",
      "Problems (file, document, line, field path) go to stderr, one per line; nothing is written"
          + " then."
    })
final class ImportCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @ParentCommand private Sailplan parent;

  @Parameters(
      arity = "1..*",
      paramLabel = "PATH",
      description = "Manifest files, or folders of *.yaml and *.yml files; - reads standard input.")
  private List<String> paths;

  @Option(
      names = "--package",
      required = true,
      paramLabel = "PKG",
      description = "Package of the class, e.g. com.acme.mesh.")
  private String packageName;

  @Option(
      names = "--class",
      required = true,
      paramLabel = "NAME",
      description = "Simple name of the class, e.g. MeshConfig.")
  private String className;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "Source root to write DIR/pkg/path/NAME.java to (atomically); without it, the source is"
              + " printed.")
  private Path out;

  @Override
  public Integer call() {
    JavaImport generator;
    try {
      generator = JavaImport.of(List.of()).packageName(packageName).className(className);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    List<Problem> problems = new ArrayList<>();
    for (String argument : inputs(problems)) {
      String source = Inputs.display(argument);
      try {
        String yaml = Inputs.read(argument, source, parent.stdin);
        generator = generator.and(JavaImport.ofYaml(yaml, source));
      } catch (ManifestException e) {
        problems.addAll(e.problems());
      } catch (OutOfMemoryError e) {
        problems.add(Inputs.tooLarge(source));
      }
    }
    if (!problems.isEmpty()) {
      problems.forEach(p -> spec.commandLine().getErr().println(p));
      return Sailplan.INVALID_INPUT;
    }
    String java;
    try {
      java = generator.toSource();
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("sailplan import: " + Inputs.escaped(e.getMessage()));
      return Sailplan.INVALID_INPUT;
    }
    if (out == null) {
      spec.commandLine().getOut().print(java);
      return 0;
    }
    try {
      Path written = generator.writeTo(out);
      spec.commandLine().getOut().println(written);
      return 0;
    } catch (IOException e) {
      spec.commandLine()
          .getErr()
          .println("sailplan: cannot write " + out + ": " + IoErrors.reason(e, out));
      return Sailplan.INVALID_INPUT;
    }
  }

  /** The files to read: each argument, a folder as its YAML files in name order. */
  private List<String> inputs(List<Problem> problems) {
    List<String> files = new ArrayList<>();
    for (String p : paths) {
      Path path;
      try {
        path = p.equals(Inputs.STDIN) || p.isEmpty() ? null : Path.of(p);
      } catch (java.nio.file.InvalidPathException e) {
        path = null;
      }
      if (path == null || !Files.isDirectory(path)) {
        files.add(p);
        continue;
      }
      try (Stream<Path> walk = Files.walk(path)) {
        walk.filter(Files::isRegularFile)
            .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
            .sorted()
            .forEach(f -> files.add(f.toString()));
      } catch (IOException e) {
        problems.addAll(
            Inputs.problem(Inputs.display(p), "cannot read: " + IoErrors.reason(e, path))
                .problems());
      }
    }
    return files;
  }
}
