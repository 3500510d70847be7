package dev.sailplan.codegen;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sailplan.codegen.config.CodegenConfig;
import dev.sailplan.codegen.write.GeneratorWriter;
import dev.sailplan.core.fixture.SharedInputs;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The committed generated sources are exactly what codegen makes of their schemas. dsl-core's
 * schema is in the repository, so its check always runs (dsl-core cannot depend on codegen, so the
 * check lives here); Istio's and Gateway API's run when {@code ../shared/schemas} exists beside the
 * repository (the official schemas are never copied in).
 */
class GeneratedSourcesUpToDateTest {
  @Test
  void committedCoreKindsMatchTheirSchema() throws Exception {
    assertUpToDate("dsl-core", null);
  }

  @ParameterizedTest
  @ValueSource(strings = {"dsl-istio", "dsl-gatewayapi"})
  void committedSourcesMatchTheSchemas(String module) throws Exception {
    SharedInputs.assumePresent(Fixtures.sharedSchemas(), "../shared/schemas");
    assertUpToDate(module, Fixtures.sharedSchemas().get());
  }

  private static void assertUpToDate(String module, Path schemas) throws Exception {
    Path moduleDir = Fixtures.repoRoot().resolve(module);
    CodegenConfig config = CodegenConfig.read(moduleDir.resolve("codegen.yaml"));
    Map<String, String> files = Codegen.generate(config, config.schemasFolder(moduleDir, schemas));
    GeneratorWriter.Result result =
        GeneratorWriter.sync(
            moduleDir, List.of(config.sourceDir(), config.resourceDir()), files, true);
    assertTrue(
        result.upToDate(),
        () ->
            module
                + " drifted from the schemas; regenerate (see codegen/README.md)."
                + " Differ: "
                + result.written()
                + " Stale: "
                + result.deleted());
  }
}
