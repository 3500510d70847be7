package dev.sailplan.codegen;

import dev.sailplan.codegen.config.CodegenConfig;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

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
}
