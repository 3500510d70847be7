package dev.sailplan.core.internal;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.sailplan.core.yaml.internal.EventReader;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * The one configured Jackson setup: strict reading (unknown fields, wrong scalar types and
 * duplicate keys are errors, as they are for the API server), safe YAML limits, and no polymorphic
 * typing anywhere.
 */
public final class Mappers {
  /** Aliases a document may use: enough for real manifests, far too few for an alias bomb. */
  public static final int MAX_ALIASES = 50;

  /** Nesting depth limit; the deepest schema is well under 30 levels. */
  public static final int MAX_DEPTH = 64;

  /**
   * Largest document, in code points. The API server stores at most 1.5 MiB per object; this leaves
   * room for comments and generous formatting.
   */
  public static final int MAX_CODE_POINTS = 32 * 1024 * 1024;

  /** Longest scalar (a string, a key, a number), in characters. */
  public static final int MAX_SCALAR = EventReader.MAX_SCALAR;

  /** Built on first use: rendering generated kinds needs neither mapper, and start-up matters. */
  private static final class Json {
    static final JsonMapper MAPPER = configure(JsonMapper.builder()).build();
  }

  /** Built on first use, by parsing. */
  private static final class Yaml {
    static final YAMLMapper MAPPER = configure(YAMLMapper.builder(yamlFactory())).build();
  }

  private Mappers() {}

  /** The mapper for trees and JSON. */
  public static ObjectMapper json() {
    return Json.MAPPER;
  }

  /** The mapper for YAML input. */
  public static YAMLMapper yaml() {
    return Yaml.MAPPER;
  }

  /** SnakeYAML's limits, the same for the Jackson path and the direct readers. */
  public static LoaderOptions loaderOptions() {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setAllowRecursiveKeys(false);
    // Above Jackson's limit, so that Jackson's check (which knows the line) is the one that fails.
    options.setNestingDepthLimit(MAX_DEPTH + 2);
    options.setCodePointLimit(MAX_CODE_POINTS);
    options.setAllowDuplicateKeys(false);
    return options;
  }

  private static YAMLFactory yamlFactory() {
    return new StrictYamlFactory(
        YAMLFactory.builder()
            .loaderOptions(loaderOptions())
            // "key:" with nothing after it is null in YAML, not "" (then skipped as absent).
            .enable(com.fasterxml.jackson.dataformat.yaml.YAMLParser.Feature.EMPTY_STRING_AS_NULL)
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(MAX_SCALAR)
                    .maxNameLength(MAX_SCALAR)
                    .build()));
  }

  private static <
          M extends ObjectMapper, B extends com.fasterxml.jackson.databind.cfg.MapperBuilder<M, B>>
      B configure(B b) {
    b.addModule(new Jdk8Module())
        .addModule(LazyPropertyDeserializers.module())
        // Absent optionals never render as null, whatever a type's own annotations say.
        .defaultPropertyInclusion(
            com.fasterxml.jackson.annotation.JsonInclude.Value.construct(
                com.fasterxml.jackson.annotation.JsonInclude.Include.NON_ABSENT,
                com.fasterxml.jackson.annotation.JsonInclude.Include.NON_ABSENT))
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
        .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        // "attempts: 1.5" is an error, as for the API server, not a silent 1.
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .defaultSetterInfo(JsonSetter.Value.forValueNulls(Nulls.SKIP))
        .withCoercionConfig(
            LogicalType.Textual,
            c ->
                c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
        .withCoercionConfig(
            LogicalType.Integer,
            c ->
                c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
        .withCoercionConfig(
            LogicalType.Float,
            c ->
                c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
        .withCoercionConfig(
            LogicalType.Boolean,
            c ->
                c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
        .withCoercionConfig(
            LogicalType.Enum,
            c ->
                c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail));
    return b;
  }
}
