package dev.sailplan.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Each module's descriptor, read from its jar, exports its public API and no internal package. */
class ModuleDescriptorsTest {

  @Test
  void librariesExportEveryPackageButTheirInternals() {
    for (Map.Entry<String, Path> m : SailplanJars.libraries().entrySet()) {
      ModuleDescriptor d = descriptor(m.getKey(), m.getValue());
      Set<String> expected =
          d.packages().stream()
              .filter(p -> !p.contains(".internal"))
              .collect(Collectors.toCollection(TreeSet::new));
      assertEquals(expected, exported(d), m.getKey() + " exports");
    }
  }

  @Test
  void noModuleExportsAnInternalPackage() {
    for (Map.Entry<String, Path> m : SailplanJars.all().entrySet()) {
      Set<String> internal =
          exported(descriptor(m.getKey(), m.getValue())).stream()
              .filter(p -> p.contains(".internal"))
              .collect(Collectors.toSet());
      assertEquals(Set.of(), internal, m.getKey() + " exports internals");
    }
  }

  @Test
  void theToolsExportOnlyTheirEntryPoints() {
    Map<String, Path> all = SailplanJars.all();
    assertEquals(
        Set.of("dev.sailplan.codegen", "dev.sailplan.codegen.config"),
        exported(descriptor("dev.sailplan.codegen", all.get("dev.sailplan.codegen"))));
    assertEquals(Set.of(), exported(descriptor("dev.sailplan.cli", all.get("dev.sailplan.cli"))));
    assertEquals(
        Set.of("dev.sailplan.javaimport"),
        exported(descriptor("dev.sailplan.javaimport", all.get("dev.sailplan.javaimport"))));
  }

  @Test
  void theTestKitExportsItsAssertionsAndTheChecker() {
    assertEquals(
        Set.of("dev.sailplan.testing", "dev.sailplan.testing.plan"),
        exported(
            descriptor("dev.sailplan.testing", SailplanJars.all().get("dev.sailplan.testing"))));
  }

  @Test
  void modelModulesProvideTheirKindsDependencyModelsAndValidation() {
    for (Map.Entry<String, Path> m : SailplanJars.libraries().entrySet()) {
      Set<String> services =
          descriptor(m.getKey(), m.getValue()).provides().stream()
              .map(ModuleDescriptor.Provides::service)
              .collect(Collectors.toSet());
      assertEquals(
          Set.of(
              "dev.sailplan.core.kind.KindProvider",
              "dev.sailplan.core.plan.DependencyModel",
              "dev.sailplan.core.validation.ValidationProvider"),
          services,
          m.getKey() + " provides");
    }
  }

  private static Set<String> exported(ModuleDescriptor d) {
    return d.exports().stream()
        .filter(e -> !e.isQualified())
        .map(ModuleDescriptor.Exports::source)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static ModuleDescriptor descriptor(String name, Path location) {
    ModuleReference ref =
        ModuleFinder.of(location)
            .find(name)
            .orElseThrow(() -> new AssertionError("no module " + name + " in " + location));
    if (ref.descriptor().isAutomatic()) {
      throw new AssertionError(location + " has no module-info.class");
    }
    return ref.descriptor();
  }
}
