package dev.sailplan.codegen;

import com.palantir.javapoet.JavaFile;
import dev.sailplan.codegen.config.CodegenConfig;
import dev.sailplan.codegen.crd.CrdReader;
import dev.sailplan.codegen.crd.CrdVersion;
import dev.sailplan.codegen.emit.JavaEmitter;
import dev.sailplan.codegen.emit.ProviderEmitter;
import dev.sailplan.codegen.emit.SchemaTableEmitter;
import dev.sailplan.codegen.model.ModelBuilder;
import dev.sailplan.codegen.model.PackageModel;
import dev.sailplan.codegen.model.TypeDef;
import dev.sailplan.codegen.naming.NamingStrategy;
import dev.sailplan.codegen.rules.RulesEmitter;
import dev.sailplan.codegen.schema.SchemaNode;
import dev.sailplan.codegen.schema.SchemaParser;
import dev.sailplan.codegen.write.GeneratorWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The codegen pipeline: CRD files → schema model → named package models → Java sources.
 *
 * <pre>{@code
 * CodegenConfig config = CodegenConfig.read(Path.of("dsl-istio/codegen.yaml"));
 * Map<String, String> files = Codegen.generate(config, Path.of("schemas"));
 * }</pre>
 */
public final class Codegen {
  /** Where a module's KindProvider is registered, relative to its resource folder. */
  public static final String SERVICES_FILE =
      "META-INF/services/dev.sailplan.core.kind.KindProvider";

  private Codegen() {}

  /**
   * Generates every file for a config, keyed by path relative to the config's module folder.
   *
   * @throws IOException when a schema file cannot be read
   * @throws IllegalStateException when the schemas cannot be typed as configured
   */
  public static Map<String, String> generate(CodegenConfig config, Path schemasDir)
      throws IOException {
    List<CrdVersion> crds = new ArrayList<>();
    for (String schema : config.schemas()) {
      Path file = schemasDir.resolve(schema);
      if (!Files.isRegularFile(file)) {
        throw new IOException("schema file not found: " + file);
      }
      crds.addAll(CrdReader.read(file));
    }
    List<PackageModel> packages = new ModelBuilder(new NamingStrategy(), config).build(crds);
    checkSupertypes(config, packages);
    Map<String, String> files = new LinkedHashMap<>();
    for (PackageModel p : packages) {
      JavaEmitter emitter = new JavaEmitter(p, config.supertypes());
      String dir = config.sourceDir() + "/" + p.javaPackage().replace('.', '/');
      files.put(dir + "/package-info.java", emitter.packageInfo());
      for (JavaFile f : emitter.emit()) {
        files.put(dir + "/" + f.typeSpec().name() + ".java", f.toString());
      }
    }
    JavaFile provider = ProviderEmitter.emit(config.provider(), packages, config.schemas());
    files.put(
        config.sourceDir() + "/" + config.provider().replace('.', '/') + ".java",
        provider.toString());
    if (config.schemaValidators() != null) {
      List<CrdVersion> validated =
          crds.stream()
              .filter(
                  v ->
                      config.kinds().isEmpty()
                          || config.kinds().contains(v.group() + "/" + v.kind()))
              .toList();
      files.put(
          config.sourceDir() + "/" + config.schemaValidators().replace('.', '/') + ".java",
          SchemaTableEmitter.emit(config.schemaValidators(), validated, config.schemas())
              .toString());
    }
    JavaFile rules =
        RulesEmitter.emit(
            RulesEmitter.className(config.provider()), ruleSchemas(config, crds), config.schemas());
    if (rules != null) {
      files.put(
          config.sourceDir()
              + "/"
              + rules.packageName().replace('.', '/')
              + "/"
              + rules.typeSpec().name()
              + ".java",
          rules.toString());
    }
    files.put(
        config.resourceDir() + "/" + SERVICES_FILE,
        "# "
            + GeneratorWriter.MARKER
            + " from "
            + String.join(", ", config.schemas())
            + ". Do not edit.\n"
            + config.provider()
            + "\n");
    return files;
  }

  /** Each generated kind's model version with its parsed schema, whose rules codegen compiles. */
  private static Map<CrdVersion, SchemaNode> ruleSchemas(
      CodegenConfig config, List<CrdVersion> crds) {
    Map<String, List<CrdVersion>> byKind = new LinkedHashMap<>();
    for (CrdVersion v : crds) {
      String key = v.group() + "/" + v.kind();
      if (config.kinds().isEmpty() || config.kinds().contains(key)) {
        byKind.computeIfAbsent(key, k -> new ArrayList<>()).add(v);
      }
    }
    Map<CrdVersion, SchemaNode> out = new LinkedHashMap<>();
    for (List<CrdVersion> versions : byKind.values()) {
      CrdVersion model = ModelBuilder.modelVersion(versions);
      out.put(model, SchemaParser.parse(model.schema(), model.kind(), config.durations()));
    }
    return out;
  }

  /** A supertype for a type that is not generated is a mistake (a typo, or a type renamed). */
  private static void checkSupertypes(CodegenConfig config, List<PackageModel> packages) {
    List<String> unknown =
        config.supertypes().keySet().stream()
            .filter(
                name ->
                    packages.stream()
                        .flatMap(p -> p.types().stream())
                        .noneMatch(t -> t.name().equals(name) && !(t instanceof TypeDef.EnumDef)))
            .sorted()
            .toList();
    if (!unknown.isEmpty()) {
      throw new IllegalStateException("supertypes name no generated object or kind: " + unknown);
    }
  }
}
