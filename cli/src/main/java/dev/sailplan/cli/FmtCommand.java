package dev.sailplan.cli;

import dev.sailplan.core.Manifests;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.problem.ManifestException;
import dev.sailplan.core.problem.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
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
      description = "Rewrite each file in place (atomically) instead of printing.")
  private boolean write;

  @Override
  public Integer call() {
    if (check && write) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--check and --write exclude each other");
    }
    if (write && files.contains("-")) {
      // There is no file to rewrite; printing instead would hide that nothing was written.
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(),
          "--write cannot rewrite standard input (-): name the files, or leave out --write to print");
    }
    List<Problem> problems = new ArrayList<>();
    List<String> outputs = new ArrayList<>();
    List<String> inputs = new ArrayList<>();
    for (String file : files) {
      // An empty argument is named too, so that its problem says which argument it is about.
      String source = file.equals("-") ? "<stdin>" : file.isEmpty() ? "''" : file;
      try {
        String text = read(file);
        inputs.add(text);
        // Document by document: no list of every resource, and only one document's trees at once.
        StringBuilder formatted = new StringBuilder(text.length());
        Manifests.forEachUniqueResource(new StringReader(text), source, r -> append(formatted, r));
        outputs.add(formatted.toString());
      } catch (ManifestException e) {
        problems.addAll(e.problems());
        outputs.add(null);
      } catch (NoSuchFileException e) {
        problems.add(new Problem(source, 0, 0, "", "no such file"));
        outputs.add(null);
      } catch (IOException e) {
        problems.add(
            new Problem(source, 0, 0, "", "cannot read: " + IoErrors.reason(e, Path.of(file))));
        outputs.add(null);
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
          spec.commandLine().getOut().println(files.get(i));
          clean = false;
        }
      }
      return clean ? 0 : Sailplan.INVALID_INPUT;
    }
    if (write) {
      for (int i = 0; i < files.size(); i++) {
        if (!outputs.get(i).equals(inputs.get(i))) {
          Path target = Path.of(files.get(i));
          try {
            writeAtomically(target, outputs.get(i));
          } catch (IOException e) {
            spec.commandLine()
                .getErr()
                .println("sailplan: cannot write " + target + ": " + IoErrors.reason(e, target));
            return Sailplan.INVALID_INPUT;
          }
        }
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

  private static String read(String file) throws IOException {
    if (file.equals("-")) {
      InputStream in = System.in;
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Path path = Path.of(file);
    if (Files.isDirectory(path)) {
      throw new IOException("is a directory");
    }
    return Files.readString(path, StandardCharsets.UTF_8);
  }

  private static void writeAtomically(Path target, String content) throws IOException {
    Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), ".sailplan-", ".tmp");
    try {
      Files.writeString(tmp, content, StandardCharsets.UTF_8);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
