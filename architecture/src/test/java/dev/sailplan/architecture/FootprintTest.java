package dev.sailplan.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What an application that uses the Istio DSL carries at run time: the modules that {@code
 * dev.sailplan.istio} needs, resolved from its module descriptors as the JVM resolves them (static
 * requirements left out), stay small and hold no CEL runtime, Guava, protobuf or Kubernetes client.
 */
class FootprintTest {
  /**
   * The budget of dsl-core, dsl-istio and everything they need at run time. Raised from 5,000,000
   * for the RBAC kinds of dsl-core (about 90 KB) and the mesh layout (about 30 KB); Jackson is
   * still 60 % of it.
   */
  private static final long BUDGET_BYTES = 5_150_000;

  @Test
  void theIstioRuntimeStaysWithinItsBudget() {
    Map<String, Long> sizes = runtimeOf("dev.sailplan.istio");
    long total = sizes.values().stream().mapToLong(Long::longValue).sum();
    assertTrue(
        total <= BUDGET_BYTES,
        () ->
            "runtime of dsl-core + dsl-istio is "
                + total
                + " bytes, over "
                + BUDGET_BYTES
                + ": "
                + sizes);
  }

  @Test
  void theRuntimeHoldsOnlySailplanJacksonSnakeYamlAndRe2j() {
    Set<String> modules = runtimeOf("dev.sailplan.istio").keySet();
    List<String> unexpected =
        modules.stream()
            .filter(
                m ->
                    !(m.startsWith("dev.sailplan.")
                        || m.startsWith("com.fasterxml.jackson.")
                        || m.equals("org.yaml.snakeyaml")
                        || m.equals("re2j")))
            .toList();
    assertEquals(List.of(), unexpected, "modules: " + modules);
    assertTrue(modules.contains("dev.sailplan.core"), () -> "modules: " + modules);
  }

  /**
   * Module name → jar size, for the modules {@code root} needs at run time: its non-static
   * requirements, transitively. (Not {@code Configuration.resolve}: resolving one automatic module
   * pulls in every automatic module of the finder, here the test tools' too.)
   */
  private static Map<String, Long> runtimeOf(String root) {
    Map<String, ModuleReference> modules = classPathModules();
    Map<String, Long> sizes = new TreeMap<>();
    java.util.Deque<String> todo = new java.util.ArrayDeque<>(List.of(root));
    while (!todo.isEmpty()) {
      String name = todo.pop();
      ModuleReference m = modules.get(name);
      if (m == null || sizes.containsKey(name)) {
        continue; // a JDK module, or seen
      }
      sizes.put(name, size(Path.of(m.location().orElseThrow())));
      for (ModuleDescriptor.Requires r : m.descriptor().requires()) {
        if (!r.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC)) {
          todo.push(r.name());
        }
      }
    }
    return sizes;
  }

  /**
   * The jars of the test class path as modules, the first of each name; a jar that cannot be a
   * module (an automatic name that is not valid) is not one Sailplan needs.
   */
  private static Map<String, ModuleReference> classPathModules() {
    Map<String, ModuleReference> found = new LinkedHashMap<>();
    String classPath = System.getProperty("java.class.path");
    for (String entry : Pattern.compile(Pattern.quote(File.pathSeparator)).split(classPath, -1)) {
      if (!entry.endsWith(".jar")) {
        continue;
      }
      try {
        for (ModuleReference r : ModuleFinder.of(Path.of(entry)).findAll()) {
          found.putIfAbsent(r.descriptor().name(), r);
        }
      } catch (FindException e) {
        // not a module the libraries could require
      }
    }
    return found;
  }

  private static long size(Path jar) {
    try {
      return Files.size(jar);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
