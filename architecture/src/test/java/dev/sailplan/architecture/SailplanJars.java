package dev.sailplan.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import dev.sailplan.codegen.Codegen;
import dev.sailplan.core.Manifests;
import dev.sailplan.examples.RenderAll;
import dev.sailplan.gatewayapi.GatewayApi;
import dev.sailplan.istio.Traffic;
import dev.sailplan.javaimport.JavaImport;
import dev.sailplan.testing.SailplanAssertions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;

/** Where the built code of each Sailplan module is: its jar, or for the CLI its classes. */
final class SailplanJars {
  private SailplanJars() {}

  /** The library modules, by module name: every package is exported unless it is internal. */
  static Map<String, Path> libraries() {
    Map<String, Path> m = new LinkedHashMap<>();
    m.put("dev.sailplan.core", locationOf(Manifests.class));
    m.put("dev.sailplan.istio", locationOf(Traffic.class));
    m.put("dev.sailplan.gatewayapi", locationOf(GatewayApi.class));
    return m;
  }

  /** Every module with production code, by module name. */
  static Map<String, Path> all() {
    Map<String, Path> m = libraries();
    m.put("dev.sailplan.examples", locationOf(RenderAll.class));
    // The test kit: users' tests use it; not a runtime library (no footprint budget).
    m.put("dev.sailplan.testing", locationOf(SailplanAssertions.class));
    m.put("dev.sailplan.codegen", locationOf(Codegen.class));
    // Java from YAML, for the CLI and IDE actions: a tool library, not on a mesh's runtime path.
    m.put("dev.sailplan.javaimport", locationOf(JavaImport.class));
    m.put("dev.sailplan.cli", cliClasses());
    return m;
  }

  /** The classes of these jars and class folders. */
  static JavaClasses importFrom(Collection<Path> locations) {
    Set<Location> set = new LinkedHashSet<>();
    for (Path p : locations) {
      if (Files.isDirectory(p)) {
        set.add(Location.of(p));
      } else {
        try (JarFile jar = new JarFile(p.toFile())) {
          set.add(Location.of(jar));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return new ClassFileImporter().importLocations(set);
  }

  static Path locationOf(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path cliClasses() {
    String dir = System.getProperty("sailplan.cli.classes", "../cli/target/classes");
    Path p = Path.of(dir);
    if (!Files.isRegularFile(p.resolve("module-info.class"))) {
      throw new IllegalStateException(
          "the CLI is not built: no " + p.resolve("module-info.class") + "; build the reactor");
    }
    return p;
  }
}
