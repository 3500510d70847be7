package dev.sailplan.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The packages of all modules, read from the built jars, form a DAG; internals stay inside. */
class PackageCyclesTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importJars() {
    classes = SailplanJars.importFrom(SailplanJars.all().values());
  }

  @Test
  void importsEveryModule() {
    for (String type :
        List.of(
            "dev.sailplan.core.internal.ManifestParser",
            "dev.sailplan.istio.networking.v1.VirtualService",
            "dev.sailplan.gatewayapi.v1.HTTPRoute",
            "dev.sailplan.examples.seed.SeedExample",
            "dev.sailplan.codegen.emit.JavaEmitter",
            "dev.sailplan.cli.Sailplan")) {
      assertTrue(classes.contain(type), () -> "not imported: " + type);
    }
  }

  @Test
  void noPackageCycles() {
    ArchRule rule = slices().matching("dev.sailplan.(**)").should().beFreeOfCycles();
    rule.check(classes);
  }

  @Test
  void theCheckSeesACycle() {
    // A cycle among this module's own fixture packages must be reported: the rule is not vacuous.
    JavaClasses fixture =
        new ClassFileImporter().importPackages("dev.sailplan.architecture.fixture");
    EvaluationResult result =
        slices()
            .matching("dev.sailplan.architecture.fixture.(*)..")
            .should()
            .beFreeOfCycles()
            .evaluate(fixture);
    assertTrue(result.hasViolation(), "a cycle between fixture.a and fixture.b went unseen");
  }

  @Test
  void internalsAreUsedOnlyInsideTheirModule() {
    for (Map.Entry<String, Path> m : SailplanJars.all().entrySet()) {
      JavaClasses own = SailplanJars.importFrom(List.of(m.getValue()));
      assertEquals(List.of(), foreignInternalUses(own), m.getKey());
    }
  }

  @Test
  void theCheckSeesAForeignInternalUse() {
    JavaClasses user =
        new ClassFileImporter().importPackages("dev.sailplan.architecture.fixture.d");
    assertEquals(
        List.of(
            "dev.sailplan.architecture.fixture.d.User uses"
                + " dev.sailplan.architecture.fixture.c.internal.Hidden"),
        foreignInternalUses(user));
  }

  /** Uses, by these classes, of classes in an internal package that is not among them. */
  static List<String> foreignInternalUses(JavaClasses own) {
    return own.stream()
        .flatMap(
            c ->
                c.getDirectDependenciesFromSelf().stream()
                    .map(d -> d.getTargetClass().getBaseComponentType())
                    .filter(t -> t.getPackageName().contains(".internal"))
                    .filter(t -> !own.contain(t.getName()))
                    .map(t -> c.getName() + " uses " + t.getName()))
        .distinct()
        .sorted()
        .toList();
  }
}
