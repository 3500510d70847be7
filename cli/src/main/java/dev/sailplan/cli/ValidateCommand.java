package dev.sailplan.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sailplan.core.problem.ManifestException;
import dev.sailplan.core.validation.Analysis;
import dev.sailplan.core.validation.Finding;
import dev.sailplan.core.validation.Findings;
import dev.sailplan.core.validation.Input;
import dev.sailplan.core.validation.Level;
import dev.sailplan.core.validation.MeshConfig;
import dev.sailplan.core.validation.Sarif;
import dev.sailplan.core.validation.SuppressRule;
import dev.sailplan.core.validation.Validation;
import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sailplan validate}: what the API server and istiod would say about the manifests. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      // One string a line: picocli does not re-flow them, so each fits in 80 columns.
      "Validates every document of every PATH, all analysed together, and prints one",
      "finding per line on stdout, like istioctl analyze:",
      "  Error [SP0107] (HTTPRoute default/api mesh.yaml:14) spec.hostnames[0]: ...",
      "With no finding, a summary line goes to stderr and stdout stays empty.",
      "Exit status 0 when no finding is at or above --fail-on, 1 otherwise,",
      "2 for wrong usage or a PATH that cannot be read."
    })
final class ValidateCommand implements Callable<Integer> {
  @Spec private CommandLine.Model.CommandSpec spec;

  @ParentCommand private Sailplan parent;

  /** How findings are printed. */
  enum Format {
    /** One line per finding. */
    text,
    /** One JSON array. */
    json,
    /** SARIF 2.1.0, for code scanning. */
    sarif
  }

  /** The least serious level that fails the run. */
  enum FailOn {
    error(Level.ERROR),
    warning(Level.WARNING),
    info(Level.INFO),
    none(null);

    final Level level;

    FailOn(Level level) {
      this.level = level;
    }
  }

  @Option(names = "--format", defaultValue = "text", description = "text (default), json or sarif.")
  private Format format;

  @Option(
      names = "--fail-on",
      defaultValue = "error",
      paramLabel = "LEVEL",
      description =
          "Exit 1 when a finding is at least this serious: error (default), warning, info, or"
              + " none (always exit 0 once the input was read).")
  private FailOn failOn;

  @Option(
      names = "--root-namespace",
      paramLabel = "NS",
      description =
          "The mesh's root namespace (default: rootNamespace of --mesh-config, else"
              + " istio-system).")
  private String rootNamespace;

  @Option(
      names = "--mesh-config",
      paramLabel = "FILE",
      description = "Istio MeshConfig YAML (or the istio ConfigMap) to read rootNamespace from.")
  private Path meshConfig;

  @Option(
      names = "--no-default-gateway",
      description =
          "Do not assume Istio's default ingress gateway (istio-system/istio-ingressgateway)"
              + " when the input defines none.")
  private boolean noDefaultGateway;

  @Option(
      names = "--suppress",
      paramLabel = "CODE=RESOURCE-GLOB",
      description =
          "Drop the findings with CODE whose resource (Kind namespace/name) matches the glob"
              + " (* any characters, ? one), e.g. 'SP0107=HTTPRoute default/*'. Repeatable.")
  private List<String> suppress = new ArrayList<>();

  @Mixin private AssumeExternal assumeExternal = new AssumeExternal();

  @Parameters(
      arity = "1..*",
      paramLabel = "PATH",
      description = "A file, a folder (every *.yaml and *.yml below it, sorted) or - (stdin).")
  private List<String> paths;

  @Override
  public Integer call() {
    List<SuppressRule> suppressions = new ArrayList<>();
    for (String s : suppress) {
      suppressions.add(suppression(s));
    }
    List<String> external = assumeExternal.checked(spec.commandLine());
    if (rootNamespace != null && rootNamespace.isEmpty()) {
      throw usage("--root-namespace '' names no namespace");
    }
    String root = rootNamespace;
    if (root == null && meshConfig != null) {
      root = meshRoot();
      if (root == null) {
        return CommandLine.ExitCode.USAGE;
      }
    }
    List<Input> inputs = new ArrayList<>();
    for (String path : paths) {
      if (!collect(path, inputs)) {
        return CommandLine.ExitCode.USAGE;
      }
    }
    Validation validation =
        Validation.builder()
            .discover()
            .rootNamespace(root == null ? "istio-system" : root)
            .defaultGateway(!noDefaultGateway)
            .assumeExternal(external)
            .suppress(suppressions)
            .build();
    Analysis analysis;
    try {
      analysis = validation.analyze(inputs);
    } catch (IOException | UncheckedIOException e) {
      IOException cause = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
      spec.commandLine().getErr().println("sailplan validate: cannot read: " + oneLine(cause));
      return CommandLine.ExitCode.USAGE;
    }
    Findings findings = analysis.findings();
    print(findings, analysis.documents(), analysis.suppressed());
    boolean failed = failOn.level != null && findings.hasAtLeast(failOn.level);
    return failed ? Sailplan.INVALID_INPUT : 0;
  }

  private SuppressRule suppression(String value) {
    try {
      return SuppressRule.parse(value);
    } catch (IllegalArgumentException e) {
      throw usage(
          "--suppress '"
              + Inputs.escaped(value)
              + "' must be CODE=RESOURCE-GLOB, e.g. 'SP0107=HTTPRoute default/*'");
    }
  }

  /** The root namespace of {@code --mesh-config}, or null after saying why it cannot be read. */
  private String meshRoot() {
    String source = "--mesh-config " + Inputs.display(meshConfig.toString());
    try {
      return MeshConfig.rootNamespace(Inputs.read(meshConfig.toString(), source, parent.stdin))
          .orElse("istio-system");
    } catch (ManifestException e) {
      spec.commandLine().getErr().println("sailplan validate: " + e.problems().get(0));
    } catch (IllegalArgumentException e) {
      spec.commandLine()
          .getErr()
          .println("sailplan validate: " + source + ": " + Inputs.escaped(e.getMessage()));
    }
    return null;
  }

  /** Adds the inputs {@code path} stands for; false after saying why it cannot be read. */
  private boolean collect(String path, List<Input> inputs) {
    if (path.equals(Inputs.STDIN)) {
      inputs.add(new Stdin());
      return true;
    }
    String shown = Inputs.display(path);
    Path p;
    try {
      p = Path.of(path);
    } catch (java.nio.file.InvalidPathException e) {
      return unreadable(shown, Inputs.invalidPath(e));
    }
    if (path.isEmpty() || !Files.exists(p)) {
      return unreadable(shown, "no such file or directory");
    }
    if (!Files.isDirectory(p)) {
      if (!Files.isReadable(p)) {
        return unreadable(shown, "permission denied");
      }
      inputs.add(Input.of(p, path));
      return true;
    }
    List<Path> found;
    try (Stream<Path> walk = Files.walk(p)) {
      found =
          walk.filter(f -> Files.isRegularFile(f))
              .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
              .sorted()
              .toList();
    } catch (IOException | UncheckedIOException e) {
      IOException cause = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
      return unreadable(shown, IoErrors.reason(cause, p));
    }
    for (Path f : found) {
      inputs.add(Input.of(f, f.toString()));
    }
    return true;
  }

  private boolean unreadable(String shown, String why) {
    spec.commandLine().getErr().println("sailplan validate: " + shown + ": " + why);
    return false;
  }

  private static String oneLine(IOException e) {
    return Inputs.escaped(e.getMessage() == null ? e.toString() : e.getMessage());
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }

  private void print(Findings findings, int documents, int suppressed) {
    switch (format) {
      case text -> {
        for (Finding f : findings) {
          spec.commandLine().getOut().println(Inputs.escaped(f.toString()));
        }
        String also =
            suppressed == 0
                ? ""
                : String.format(
                    Locale.ROOT, "%d finding%s suppressed", suppressed, suppressed == 1 ? "" : "s");
        if (findings.isEmpty()) {
          spec.commandLine()
              .getErr()
              .printf(
                  Locale.ROOT,
                  "✔ No validation issues found in %d document%s%s.%n",
                  documents,
                  documents == 1 ? "" : "s",
                  also.isEmpty() ? "" : " (" + also + ")");
        } else if (!also.isEmpty()) {
          spec.commandLine().getErr().println(also + ".");
        }
      }
      case json -> spec.commandLine().getOut().println(write(json(findings)));
      case sarif ->
          spec.commandLine()
              .getOut()
              .println(
                  write(
                      Sarif.log(
                          findings,
                          new Sailplan.Version().getVersion()[0].replace("sailplan ", ""),
                          Path.of(""))));
    }
  }

  /**
   * Made on first use: picocli creates every command to parse any command line, and building the
   * mapper loads some 500 classes that only {@code --format json} and {@code sarif} use.
   */
  private static final class Json {
    static final ObjectMapper MAPPER =
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  }

  static String write(Object tree) {
    try {
      return Json.MAPPER.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e); // a tree of plain nodes always writes
    }
  }

  /** The findings as the JSON array of {@code --format json}. */
  static ArrayNode json(Findings findings) {
    ArrayNode out = Json.MAPPER.createArrayNode();
    for (Finding f : findings) {
      ObjectNode o = out.addObject();
      o.put("code", f.code());
      if (!f.istioCode().isEmpty()) {
        o.put("istioCode", f.istioCode());
      }
      o.put("level", f.level().label());
      o.put("origin", f.origin());
      if (!f.file().isEmpty()) {
        o.put("file", f.file());
      }
      if (f.line() > 0) {
        o.put("line", f.line());
      }
      if (!f.path().isEmpty()) {
        o.put("path", f.path());
      }
      o.put("message", f.message());
      o.put("documentationUrl", f.documentationUrl());
    }
    return out;
  }

  /** Standard input, remembering the line of bytes that are not UTF-8 for the finding. */
  private final class Stdin implements Input {
    private int badLine;

    @Override
    public String name() {
      return "";
    }

    @Override
    public Reader open() throws IOException {
      return new FilterReader(
          Inputs.open(Inputs.STDIN, Inputs.display(Inputs.STDIN), parent.stdin)) {
        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
          try {
            return super.read(buffer, offset, length);
          } catch (StrictUtf8Reader.NotUtf8 e) {
            badLine = e.line();
            throw e;
          }
        }
      };
    }

    @Override
    public int malformedLine() {
      return badLine;
    }
  }
}
