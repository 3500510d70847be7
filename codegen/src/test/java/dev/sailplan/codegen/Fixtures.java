package dev.sailplan.codegen;

import dev.sailplan.codegen.config.CodegenConfig;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Paths of test inputs: the fixture CRD and, when present, the project's shared schemas. */
final class Fixtures {
  private Fixtures() {}

  static Path fixtureDir() {
    try {
      return Path.of(Fixtures.class.getResource("/fixture/widgets.yaml").toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static CodegenConfig widgets() throws IOException {
    return CodegenConfig.read(fixtureDir().resolve("widgets.yaml"));
  }

  /** The repository root: the nearest folder up from here that holds the Maven wrapper. */
  static Path repoRoot() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.isRegularFile(p.resolve("mvnw"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException("not inside the Sailplan repository");
    }
    return p;
  }

  /** {@code ../shared/schemas} beside the repository, where the official CRDs are kept. */
  static Optional<Path> sharedSchemas() {
    Path schemas = repoRoot().getParent().resolve("shared").resolve("schemas");
    return Files.isDirectory(schemas) ? Optional.of(schemas) : Optional.empty();
  }

  /** The fixture config of a core-group kind sharing a package with a named group. */
  static CodegenConfig core() throws IOException {
    return CodegenConfig.read(fixtureDir().resolve("core.yaml"));
  }

  /**
   * Writes {@code files} under {@code dir} and compiles their Java sources as a model module does
   * (Immutables processor, warnings as errors); returns the classes folder.
   */
  static Path compile(Path dir, Map<String, String> files) throws IOException {
    List<String> sources = new ArrayList<>();
    for (Map.Entry<String, String> e : files.entrySet()) {
      Path p = dir.resolve(e.getKey());
      Files.createDirectories(p.getParent());
      Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
      if (p.toString().endsWith(".java")) {
        sources.add(p.toString());
      }
    }
    Path classes = Files.createDirectories(dir.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> args =
        new ArrayList<>(
            List.of(
                "-d",
                classes.toString(),
                "-s",
                classes.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "-Xlint:all,-processing",
                "-Werror",
                "--release",
                "17"));
    args.addAll(sources);
    if (javac.run(null, null, null, args.toArray(String[]::new)) != 0) {
      throw new AssertionError("javac failed on the generated sources (see the test output)");
    }
    return classes;
  }
}
