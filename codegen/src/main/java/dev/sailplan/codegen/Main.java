package dev.sailplan.codegen;

import dev.sailplan.codegen.config.CodegenConfig;
import dev.sailplan.codegen.write.GeneratorWriter;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Command line: {@code Main [--schemas DIR] [--check] CONFIG...}. Generates each config's module,
 * or with {@code --check} only reports drift (exit 1) without writing. A config with a {@code
 * schemaDir} reads its schemas from there; the others need {@code --schemas}.
 */
public final class Main {
  private Main() {}

  /** Runs codegen; exits 0 when done or up to date, 1 on drift with --check, 2 on error. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    Path schemas = null;
    boolean check = false;
    List<Path> configs = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--schemas" -> {
          if (i + 1 >= args.length) {
            return usage(err, "--schemas needs a folder");
          }
          schemas = Path.of(args[++i]);
        }
        case "--check" -> check = true;
        case "--help", "-h" -> {
          usage(out, null);
          return 0;
        }
        default -> {
          if (args[i].startsWith("-")) {
            return usage(err, "unknown option " + args[i]);
          }
          configs.add(Path.of(args[i]));
        }
      }
    }
    if (configs.isEmpty()) {
      return usage(err, "need at least one config");
    }
    boolean drift = false;
    for (Path configFile : configs) {
      try {
        CodegenConfig config = CodegenConfig.read(configFile);
        Path module = configFile.toAbsolutePath().getParent();
        Map<String, String> files = Codegen.generate(config, config.schemasFolder(module, schemas));
        GeneratorWriter.Result r =
            GeneratorWriter.sync(
                module, List.of(config.sourceDir(), config.resourceDir()), files, check);
        out.printf(
            Locale.ROOT,
            "%s: %d files, %d %s, %d %s%n",
            configFile,
            files.size(),
            r.written().size(),
            check ? "differ" : "written",
            r.deleted().size(),
            check ? "stale" : "deleted");
        if (check && !r.upToDate()) {
          drift = true;
          r.written().forEach(f -> err.println("  differs: " + f));
          r.deleted().forEach(f -> err.println("  stale:   " + f));
        }
      } catch (Exception e) {
        err.println(configFile + ": " + e.getMessage());
        return 2;
      }
    }
    return drift ? 1 : 0;
  }

  private static int usage(PrintStream s, String problem) {
    if (problem != null) {
      s.println("codegen: " + problem);
    }
    s.println("usage: codegen [--schemas DIR] [--check] CONFIG...");
    s.println(
        "  Generates the typed model each CONFIG (a module's codegen.yaml) describes from the CRD");
    s.println(
        "  files in DIR, or in the config's own schemaDir. --check changes nothing and exits 1");
    s.println("  when the committed sources differ.");
    return problem == null ? 0 : 2;
  }
}
