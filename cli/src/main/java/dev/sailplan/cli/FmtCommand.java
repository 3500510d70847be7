package dev.sailplan.cli;

import dev.sailplan.core.Manifests;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.problem.ManifestException;
import dev.sailplan.core.problem.Problem;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sailplan fmt}: parse manifests into the typed model and print them canonically. */
@Command(
    name = "fmt",
    mixinStandardHelpOptions = true,
    description = {
      "Parses every document of each FILE into the typed model and prints canonical YAML.",
      "Problems (file, document, line, field path) go to stderr, one per line; nothing is printed then."
    })
final class FmtCommand implements Callable<Integer> {
  @Spec private picocli.CommandLine.Model.CommandSpec spec;

  @ParentCommand private Sailplan parent;

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE",
      description = "Manifest files; - reads standard input.")
  private List<String> files;

  @Option(
      names = "--check",
      description = "Print nothing; list the files that are not canonical and exit 1 if any.")
  private boolean check;

  @Option(
      names = {"-w", "--write"},
      description =
          "Rewrite the files instead of printing, all or nothing: every file is parsed and its"
              + " new content written beside it before any is replaced, each then by an atomic"
              + " rename. Mode, owner and group are kept (owner and group when allowed); a symbolic"
              + " link stays a link and its target is rewritten; a file with several hard links is"
              + " refused, as replacing it would split it from its other names. A kill during the"
              + " renames can leave some files rewritten, each whole: run it again to finish.")
  private boolean write;

  @Override
  public Integer call() {
    if (check && write) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--check and --write exclude each other");
    }
    if (write && files.contains(Inputs.STDIN)) {
      // There is no file to rewrite; printing instead would hide that nothing was written.
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(),
          "--write cannot rewrite standard input (-): name the files, or leave out --write to print");
    }
    List<Problem> problems = new ArrayList<>();
    List<String> outputs = new ArrayList<>();
    List<String> inputs = new ArrayList<>();
    for (String file : files) {
      String source = Inputs.display(file);
      if (file.isEmpty()) {
        // An empty argument names nothing, not even a file name to show: say which command got it.
        source = spec.commandLine().getCommandSpec().qualifiedName() + ": " + source;
      }
      try {
        String text = Inputs.read(file, source, parent.stdin);
        // Document by document: no list of every resource, and only one document's trees at once.
        StringBuilder formatted = new StringBuilder(text.length());
        Manifests.forEachUniqueResource(new StringReader(text), source, r -> append(formatted, r));
        outputs.add(formatted.toString());
        inputs.add(text);
      } catch (ManifestException e) {
        problems.addAll(e.problems());
        inputs.add(null);
        outputs.add(null);
      } catch (OutOfMemoryError e) {
        // The text and its tree are garbage now; what is left is enough for one line.
        inputs.add(null);
        outputs.add(null);
        problems.add(Inputs.tooLarge(source));
      } catch (IOException e) {
        // The text is in memory: reading it cannot fail.
        throw new UncheckedIOException(e);
      }
    }
    if (!problems.isEmpty()) {
      problems.forEach(p -> spec.commandLine().getErr().println(p));
      return Sailplan.INVALID_INPUT;
    }
    if (check) {
      boolean clean = true;
      for (int i = 0; i < files.size(); i++) {
        if (!outputs.get(i).equals(inputs.get(i))) {
          spec.commandLine().getOut().println(Inputs.display(files.get(i)));
          clean = false;
        }
      }
      return clean ? 0 : Sailplan.INVALID_INPUT;
    }
    if (write) {
      Map<Path, String> changed = new LinkedHashMap<>();
      for (int i = 0; i < files.size(); i++) {
        if (!outputs.get(i).equals(inputs.get(i))) {
          changed.put(Path.of(files.get(i)), outputs.get(i));
        }
      }
      try {
        FileRewrite.standard().rewriteAll(changed);
      } catch (FileRewrite.Failure e) {
        spec.commandLine()
            .getErr()
            .println("sailplan: cannot write " + e.file() + ": " + e.getMessage());
        return Sailplan.INVALID_INPUT;
      }
      return 0;
    }
    StringBuilder all = new StringBuilder();
    for (String o : outputs) {
      if (all.length() > 0 && !o.isEmpty()) {
        all.append("---\n");
      }
      all.append(o);
    }
    spec.commandLine().getOut().print(all);
    return 0;
  }

  private static void append(StringBuilder out, Resource resource) {
    if (out.length() > 0) {
      out.append("---\n");
    }
    out.append(Manifests.toYaml(resource));
  }
}
