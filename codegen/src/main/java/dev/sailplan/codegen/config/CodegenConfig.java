package dev.sailplan.codegen.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to generate for one module, read from its {@code codegen.yaml}.
 *
 * <pre>
 * schemas: [istio-1.30.3-crds.yaml]          # CRD files, relative to the schemas folder
 * sourceDir: src/generated/java              # relative to the config file
 * resourceDir: src/generated/resources
 * provider: dev.sailplan.istio.IstioKinds    # the KindProvider class to emit
 * packages:                                  # group/version of the model version → package
 *   networking.istio.io/v1: dev.sailplan.istio.networking.v1
 * kinds: [networking.istio.io/VirtualService] # optional: only these kinds
 * names:                                     # optional naming table: Kind:path → type name
 *   VirtualService:spec.http[]: HTTPRoute
 * durations: [tcp.idleTimeout]               # optional: strings that are durations though the
 *                                            # schema has no duration rule (path suffixes)
 * schemaDir: codegen                         # optional: schemas kept in the module, relative to
 *                                            # the config file (else the --schemas folder)
 * supertypes:                                # optional: type name -> hand-written superclass in
 *   ServicePort: ServicePortBase             # the same package, for factories and checks
 * shared:                                    # optional: one type for a structure several API
 *   dev.sailplan.istio.type.v1beta1.WorkloadSelector:   # groups share: qualified name → Kind:paths
 *   - AuthorizationPolicy:spec.selector
 *   - Telemetry:spec.selector
 * </pre>
 *
 * @param schemas CRD files
 * @param sourceDir where Java sources go
 * @param resourceDir where the service registration goes
 * @param provider fully qualified name of the KindProvider to emit
 * @param packages Java package per {@code group/version}
 * @param kinds {@code group/Kind} to generate; empty for every kind in the files
 * @param names type names by {@code Kind:path}
 * @param durations path suffixes of string properties to type as durations
 * @param schemaDir the folder of the schemas, relative to the config file; null for the folder
 *     given on the command line
 * @param supertypes hand-written superclasses by generated type name (simple names, same package)
 * @param shared {@code Kind:path}s by the qualified name of the one type they share
 * @param schemaValidators fully qualified name of the class of schema validators to emit, or null
 *     for none
 */
public record CodegenConfig(
    @JsonProperty("schemas") List<String> schemas,
    @JsonProperty("sourceDir") String sourceDir,
    @JsonProperty("resourceDir") String resourceDir,
    @JsonProperty("provider") String provider,
    @JsonProperty("packages") Map<String, String> packages,
    @JsonProperty("kinds") List<String> kinds,
    @JsonProperty("names") Map<String, String> names,
    @JsonProperty("durations") List<String> durations,
    @JsonProperty("schemaDir") String schemaDir,
    @JsonProperty("supertypes") Map<String, String> supertypes,
    @JsonProperty("shared") Map<String, List<String>> shared,
    @JsonProperty("schemaValidators") String schemaValidators) {

  /** Checks required parts and copies the collections. */
  public CodegenConfig {
    Objects.requireNonNull(schemas, "schemas");
    Objects.requireNonNull(sourceDir, "sourceDir");
    Objects.requireNonNull(resourceDir, "resourceDir");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(packages, "packages");
    schemas = List.copyOf(schemas);
    packages = new LinkedHashMap<>(packages);
    kinds = kinds == null ? List.of() : List.copyOf(kinds);
    names = names == null ? Map.of() : new LinkedHashMap<>(names);
    durations = durations == null ? List.of() : List.copyOf(durations);
    Map<String, List<String>> sharedPaths = new LinkedHashMap<>();
    if (shared != null) {
      shared.forEach((type, paths) -> sharedPaths.put(type, List.copyOf(paths)));
    }
    shared = sharedPaths;
    supertypes = supertypes == null ? Map.of() : new LinkedHashMap<>(supertypes);
  }

  /** A config without schema validators. */
  public CodegenConfig(
      List<String> schemas,
      String sourceDir,
      String resourceDir,
      String provider,
      Map<String, String> packages,
      List<String> kinds,
      Map<String, String> names,
      List<String> durations,
      String schemaDir,
      Map<String, String> supertypes,
      Map<String, List<String>> shared) {
    this(
        schemas,
        sourceDir,
        resourceDir,
        provider,
        packages,
        kinds,
        names,
        durations,
        schemaDir,
        supertypes,
        shared,
        null);
  }

  /**
   * A config whose schemas come from the command line's folder, without supertypes or shared types.
   */
  public CodegenConfig(
      List<String> schemas,
      String sourceDir,
      String resourceDir,
      String provider,
      Map<String, String> packages,
      List<String> kinds,
      Map<String, String> names,
      List<String> durations) {
    this(
        schemas,
        sourceDir,
        resourceDir,
        provider,
        packages,
        kinds,
        names,
        durations,
        null,
        null,
        null);
  }

  /**
   * The folder the schemas are read from: {@link #schemaDir()} resolved against the config's
   * folder, else {@code commandLine} (which may be null when no folder was given).
   *
   * @throws IllegalStateException when neither names a folder
   */
  public Path schemasFolder(Path configFolder, Path commandLine) {
    if (schemaDir != null) {
      return configFolder.resolve(schemaDir);
    }
    if (commandLine == null) {
      throw new IllegalStateException("no schemaDir in the config and no --schemas folder given");
    }
    return commandLine;
  }

  /**
   * Reads a config file.
   *
   * @throws IOException when it cannot be read or lacks a required part
   */
  public static CodegenConfig read(Path file) throws IOException {
    ObjectMapper yaml =
        new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    try {
      return yaml.readValue(file.toFile(), CodegenConfig.class);
    } catch (IOException | RuntimeException e) {
      throw new IOException(file + ": not a valid codegen config: " + e.getMessage(), e);
    }
  }
}
