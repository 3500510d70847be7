package dev.sailplan.javaimport.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.sailplan.core.ManifestSource;
import dev.sailplan.core.generic.GenericObject;
import dev.sailplan.core.meta.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * The class around the methods: a {@code ManifestSource} with a public no-arg constructor, {@code
 * manifests()} listing one private static method per resource, in input order.
 */
public final class ClassWriter {
  /** A resource to write and the comments of its document. */
  public record Entry(Resource resource, Comments comments) {}

  private ClassWriter() {}

  /**
   * The Java file.
   *
   * @param sources names of the inputs, for the file comment
   */
  public static JavaFile write(
      String packageName, String className, List<Entry> entries, List<String> sources) {
    ValueCode code = new ValueCode();
    MethodNames names = new MethodNames();
    List<MethodSpec> methods = new ArrayList<>();
    List<CodeBlock> calls = new ArrayList<>();
    for (Entry e : entries) {
      Resource r = e.resource();
      String name = names.next(r);
      Comments comments = e.comments().copy();
      // Comments above the first key are the document's: they describe the resource as a whole.
      List<String> leading = new ArrayList<>(comments.takeAt(List.of("apiVersion")));
      leading.addAll(comments.takeAt(List.of("kind")));
      CodeBlock body = code.resource(r, comments);
      MethodSpec.Builder m =
          MethodSpec.methodBuilder(name)
              .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
              .returns(r.getClass());
      m.addJavadoc("$L $L.\n", r.kind(), Javadoc.javadoc(r.qualifiedName()));
      if (r instanceof GenericObject) {
        m.addJavadoc(
            "\n<p>Sailplan does not model $L ($L): it is carried as a {@code GenericObject} built"
                + " from its fields.\n",
            r.kind(),
            r.apiVersion());
      }
      // The document's leading comments, and those of fields written inside a factory call.
      List<String> rest = new ArrayList<>(leading);
      rest.addAll(comments.takeUnder(List.of()));
      if (!rest.isEmpty()) {
        m.addJavadoc("\n<pre>\n");
        for (String line : rest) {
          m.addJavadoc("$L\n", Javadoc.javadoc(line));
        }
        m.addJavadoc("</pre>\n");
      }
      m.addCode("return $L;\n", body);
      methods.add(m.build());
      calls.add(CodeBlock.of("$N()", name));
    }
    TypeSpec.Builder type =
        TypeSpec.classBuilder(className)
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addSuperinterface(ManifestSource.class)
            .addJavadoc(
                "The manifests of $L, written with the Sailplan DSL.\n",
                Javadoc.javadoc(String.join(", ", sources)))
            .addMethod(
                MethodSpec.constructorBuilder()
                    .addModifiers(Modifier.PUBLIC)
                    .addJavadoc("Called by the build to render the manifests.\n")
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("manifests")
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(
                        ParameterizedTypeName.get(
                            ClassName.get(List.class), ClassName.get(Resource.class)))
                    .addCode(
                        calls.isEmpty() ? "return $T.of();\n" : "return $T.of(\n$>$>$L);$<$<\n",
                        List.class,
                        CodeBlock.join(calls, ",\n"))
                    .build())
            .addMethods(methods);
    if (code.jsonUsed()) {
      type.addField(
          FieldSpec.builder(
                  ObjectMapper.class, "JSON", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
              // Map.of has no order: sorted keys render the same bytes on every run.
              .initializer(
                  "new $T().configure($T.ORDER_MAP_ENTRIES_BY_KEYS, true)",
                  ObjectMapper.class,
                  SerializationFeature.class)
              .build());
      type.addMethod(
          MethodSpec.methodBuilder("json")
              .addJavadoc("A free-form field (its schema has no type) from maps and lists.\n")
              .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
              .returns(JsonNode.class)
              .addParameter(Object.class, "value")
              .addStatement("return JSON.valueToTree(value)")
              .build());
    }
    JavaFile.Builder file =
        JavaFile.builder(packageName, type.build())
            .indent("  ")
            .skipJavaLangImports(true)
            .addFileComment("Written by sailplan import; edit it as your own code.");
    for (Map.Entry<String, ClassName> s : code.statics().entrySet()) {
      file.addStaticImport(s.getValue(), s.getKey());
    }
    return file.build();
  }
}
