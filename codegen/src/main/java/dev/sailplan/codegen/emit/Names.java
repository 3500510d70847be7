package dev.sailplan.codegen.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;

/** The library types generated code refers to. */
final class Names {
  static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
  static final ClassName VALUE = ClassName.get("org.immutables.value", "Value");
  static final ClassName VALUE_IMMUTABLE = VALUE.nestedClass("Immutable");
  static final ClassName VALUE_DEFAULT = VALUE.nestedClass("Default");
  static final ClassName VALUE_CHECK = VALUE.nestedClass("Check");
  static final ClassName JSON_PROPERTY =
      ClassName.get("com.fasterxml.jackson.annotation", "JsonProperty");
  static final ClassName JSON_PROPERTY_ORDER =
      ClassName.get("com.fasterxml.jackson.annotation", "JsonPropertyOrder");
  static final ClassName JSON_INCLUDE =
      ClassName.get("com.fasterxml.jackson.annotation", "JsonInclude");
  static final ClassName JSON_SERIALIZE =
      ClassName.get("com.fasterxml.jackson.databind.annotation", "JsonSerialize");
  static final ClassName JSON_DESERIALIZE =
      ClassName.get("com.fasterxml.jackson.databind.annotation", "JsonDeserialize");
  static final ClassName JSON_NODE = ClassName.get("com.fasterxml.jackson.databind", "JsonNode");
  static final ClassName RESOURCE = ClassName.get("dev.sailplan.core.meta", "Resource");
  static final ClassName YAML_OUT = ClassName.get("dev.sailplan.core.yaml", "YamlOut");
  static final ClassName YAML_IN = ClassName.get("dev.sailplan.core.yaml", "YamlIn");
  static final ClassName YAML_WRITABLE = ClassName.get("dev.sailplan.core.yaml", "YamlWritable");
  static final ClassName OBJECT_META = ClassName.get("dev.sailplan.core.meta", "ObjectMeta");
  static final ClassName DURATION = ClassName.get("dev.sailplan.core.value", "Duration");
  static final ClassName INT_OR_STRING = ClassName.get("dev.sailplan.core.value", "IntOrString");
  static final ClassName IDENTITY = ClassName.get("dev.sailplan.core.kind", "Identity");
  static final ClassName KIND_INFO = ClassName.get("dev.sailplan.core.kind", "KindInfo");
  static final ClassName KIND_PROVIDER = ClassName.get("dev.sailplan.core.kind", "KindProvider");
  static final ClassName ONE_OFS = ClassName.get("dev.sailplan.core.schema", "OneOfs");
  static final ClassName REQUIRED_ITEMS =
      ClassName.get("dev.sailplan.core.schema", "RequiredItems");
  static final ClassName ONE_OF = ClassName.get("dev.sailplan.core.schema", "OneOf");
  static final ClassName PATTERN = ClassName.get("dev.sailplan.core.schema", "Pattern");
  static final ClassName LENGTH = ClassName.get("dev.sailplan.core.schema", "Length");
  static final ClassName RANGE = ClassName.get("dev.sailplan.core.schema", "Range");
  static final ClassName SIZE = ClassName.get("dev.sailplan.core.schema", "Size");
  static final ClassName FORMAT = ClassName.get("dev.sailplan.core.schema", "Format");
  static final ClassName LIST_TYPE = ClassName.get("dev.sailplan.core.schema", "ListType");
  static final ClassName RULE = ClassName.get("dev.sailplan.core.schema", "Rule");

  private Names() {}

  static TypeName listOf(TypeName item) {
    return ParameterizedTypeName.get(ClassName.get("java.util", "List"), item);
  }

  static TypeName mapOf(TypeName value) {
    return ParameterizedTypeName.get(
        ClassName.get("java.util", "Map"), ClassName.get(String.class), value);
  }

  static TypeName optionalOf(TypeName value) {
    return ParameterizedTypeName.get(ClassName.get("java.util", "Optional"), value);
  }
}
