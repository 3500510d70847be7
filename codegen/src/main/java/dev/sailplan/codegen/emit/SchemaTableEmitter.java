package dev.sailplan.codegen.emit;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.sailplan.codegen.crd.CrdVersion;
import dev.sailplan.codegen.schema.ValidationSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Emits a module's schema validators: every kind's schemas as compact JSON text (each distinct
 * schema once, however many versions share it) and {@code all()}, which builds one validator per
 * kind with {@code dev.sailplan.core.openapi.OpenApiSchemas}. The checking itself is hand-written
 * in dsl-core; generated code only declares data.
 */
public final class SchemaTableEmitter {
  static final ClassName OPENAPI_SCHEMAS =
      ClassName.get("dev.sailplan.core.openapi", "OpenApiSchemas");
  static final ClassName TREE_VALIDATOR =
      ClassName.get("dev.sailplan.core.validation", "TreeValidator");

  /** Text blocks longer than this are split: a class file's string constant is limited to 64 KB. */
  private static final int CHUNK = 8000;

  private SchemaTableEmitter() {}

  /**
   * The class.
   *
   * @param qualifiedName its fully qualified name
   * @param crds the versions of the kinds it validates
   * @param schemaFiles the CRD files, for the header
   */
  public static JavaFile emit(
      String qualifiedName, List<CrdVersion> crds, List<String> schemaFiles) {
    ClassName name = ClassName.bestGuess(qualifiedName);
    Map<String, Integer> distinct = new LinkedHashMap<>();
    Map<String, List<CrdVersion>> byKind = new LinkedHashMap<>();
    Map<CrdVersion, Integer> index = new LinkedHashMap<>();
    for (CrdVersion v : crds) {
      String json = ValidationSchema.of(v.schema()).toString();
      index.put(v, distinct.computeIfAbsent(json, k -> distinct.size()));
      byKind.computeIfAbsent(v.group() + "/" + v.kind(), k -> new ArrayList<>()).add(v);
    }
    CodeBlock.Builder all = CodeBlock.builder().add("return $T.ofEntries(", Map.class).indent();
    boolean first = true;
    for (List<CrdVersion> versions : byKind.values()) {
      CrdVersion k = versions.get(0);
      CodeBlock.Builder byVersion = CodeBlock.builder();
      for (int i = 0; i < versions.size(); i++) {
        byVersion.add(
            i == 0 ? "$S, $L" : ", $S, $L", versions.get(i).version(), index.get(versions.get(i)));
      }
      String key = k.group().isEmpty() ? k.kind() : k.group() + "/" + k.kind();
      all.add(first ? "\n" : ",\n");
      all.add(
          "$T.entry($S, SCHEMAS.kind($S, $S, $L, $T.of($L)))",
          Map.class,
          key,
          k.group(),
          k.kind(),
          k.namespaced(),
          Map.class,
          byVersion.build());
      first = false;
    }
    all.unindent().add(")");
    MethodSpec.Builder schema =
        MethodSpec.methodBuilder("schema")
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .returns(String.class)
            .addParameter(int.class, "i")
            .beginControlFlow("switch (i)");
    for (Map.Entry<String, Integer> e : distinct.entrySet()) {
      schema.addCode("case $L:\n", e.getValue()).addCode("$>");
      schema.addStatement("return $L", chunks(e.getKey())).addCode("$<");
    }
    schema
        .addCode("default:\n$>")
        .addStatement("throw new $T($S + i)", IllegalArgumentException.class, "no schema ")
        .addCode("$<")
        .endControlFlow();
    TypeSpec type =
        TypeSpec.classBuilder(name.simpleName())
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addAnnotation(
                AnnotationSpec.builder(Names.GENERATED)
                    .addMember("value", "$S", JavaEmitter.GENERATOR)
                    .build())
            .addJavadoc(
                "The OpenAPI schemas of the module's kinds, as data for {@code OpenApiSchemas}.\n")
            .addField(
                FieldSpec.builder(
                        OPENAPI_SCHEMAS,
                        "SCHEMAS",
                        Modifier.PRIVATE,
                        Modifier.STATIC,
                        Modifier.FINAL)
                    .initializer("$T.of($L, $T::schema)", OPENAPI_SCHEMAS, distinct.size(), name)
                    .build())
            .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
            .addMethod(
                MethodSpec.methodBuilder("all")
                    .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                    .addJavadoc(
                        "The schema validator of every kind, by {@code ValidationProvider.key}.\n")
                    .returns(
                        ParameterizedTypeName.get(
                            ClassName.get(Map.class), ClassName.get(String.class), TREE_VALIDATOR))
                    .addStatement("$L", all.build())
                    .build())
            .addMethod(schema.build())
            .build();
    return JavaFile.builder(name.packageName(), type)
        .addFileComment(
            "Generated by Sailplan codegen ($L) from $L.\nDo not edit.",
            JavaEmitter.GENERATOR,
            String.join(", ", schemaFiles))
        .skipJavaLangImports(true)
        .indent("  ")
        .build();
  }

  /** {@code "…"}, or {@code String.join("", "…", "…")} for long text (not folded by javac). */
  private static CodeBlock chunks(String text) {
    if (text.length() <= CHUNK) {
      return CodeBlock.of("$S", text);
    }
    CodeBlock.Builder b = CodeBlock.builder().add("$T.join($S", String.class, "");
    for (int i = 0; i < text.length(); i += CHUNK) {
      b.add(",\n$S", text.substring(i, Math.min(text.length(), i + CHUNK)));
    }
    return b.add(")").build();
  }
}
