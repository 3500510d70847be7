package dev.sailplan.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Codegen on a CRD of our own: the output is compared with reviewed golden files, and it compiles
 * (with the Immutables processor, warnings as errors) into working value types.
 *
 * <p>After an intended change to the output, regenerate the golden files with {@code
 * -Dsailplan.approve=true} and review the diff like code.
 */
class CodegenFixtureTest {
  private static final Path GOLDEN = Path.of("src/test/resources/fixture/golden");

  @Test
  void outputMatchesTheGoldenFiles() throws IOException {
    Map<String, String> files = Codegen.generate(Fixtures.widgets(), Fixtures.fixtureDir());
    if (Boolean.getBoolean("sailplan.approve")) {
      for (Map.Entry<String, String> e : files.entrySet()) {
        Path target = GOLDEN.resolve(e.getKey());
        Files.createDirectories(target.getParent());
        Files.writeString(target, e.getValue(), StandardCharsets.UTF_8);
      }
    }
    TreeSet<String> golden = new TreeSet<>();
    try (Stream<Path> walk = Files.walk(GOLDEN)) {
      walk.filter(Files::isRegularFile)
          .forEach(p -> golden.add(GOLDEN.relativize(p).toString().replace('\\', '/')));
    }
    assertEquals(golden, new TreeSet<>(files.keySet()));
    for (String name : golden) {
      assertEquals(
          Files.readString(GOLDEN.resolve(name), StandardCharsets.UTF_8), files.get(name), name);
    }
  }

  @Test
  void regeneratingUnchangedInputWritesNothing(@TempDir Path module) throws IOException {
    Map<String, String> files = Codegen.generate(Fixtures.widgets(), Fixtures.fixtureDir());
    List<String> managed = List.of("src/generated/java", "src/generated/resources");
    assertEquals(
        files.size(),
        dev.sailplan.codegen.write.GeneratorWriter.sync(module, managed, files, false)
            .written()
            .size());
    var again = dev.sailplan.codegen.write.GeneratorWriter.sync(module, managed, files, false);
    assertTrue(again.upToDate());
    assertEquals(files.size(), again.unchanged().size());
  }

  @Test
  void outputCompilesIntoWorkingValueTypes(@TempDir Path dir) throws Exception {
    Map<String, String> files = Codegen.generate(Fixtures.widgets(), Fixtures.fixtureDir());
    Path classes = Fixtures.compile(dir, files);

    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      Class<?> part = loader.loadClass("dev.example.widgets.v1.Part");
      Object builder = part.getMethod("builder").invoke(null);
      Class<?> b = builder.getClass();
      b.getMethod("name", String.class).invoke(builder, "a");
      b.getMethod("exact", String.class).invoke(builder, "x");
      b.getMethod("prefix", String.class).invoke(builder, "y");
      Method build = b.getMethod("build");
      InvocationTargetException e =
          org.junit.jupiter.api.Assertions.assertThrows(
              InvocationTargetException.class, () -> build.invoke(builder));
      assertEquals(
          "Part: at most one of exact, prefix may be set, but exact and prefix are",
          e.getCause().getMessage());

      // One shared Selector value fits both groups' kinds.
      Class<?> selector = loader.loadClass("dev.example.common.Selector");
      Object sb = selector.getMethod("builder").invoke(null);
      sb.getClass()
          .getMethod("putMatchLabels", String.class, String.class)
          .invoke(sb, "app", "web");
      Object value = sb.getClass().getMethod("build").invoke(sb);
      for (String spec :
          List.of("dev.example.gadgets.v1.GadgetSpec", "dev.example.gizmos.v1.GizmoSpec")) {
        Object specBuilder = loader.loadClass(spec).getMethod("builder").invoke(null);
        specBuilder.getClass().getMethod("selector", selector).invoke(specBuilder, value);
        Object built = specBuilder.getClass().getMethod("build").invoke(specBuilder);
        assertEquals(
            java.util.Optional.of(value),
            built.getClass().getMethod("selector").invoke(built),
            spec);
      }
    }
  }
}
