package dev.sailplan.codegen.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.sailplan.codegen.model.FieldDef;
import dev.sailplan.codegen.model.TypeRef;
import dev.sailplan.codegen.schema.ScalarKind;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Emits {@code readYaml(YamlIn)}: a type's fields read from parser events into its builder, the
 * reading counterpart of {@link Writers}. Keys may come in any order; an unknown or repeated key,
 * or a value the field does not take, makes {@code YamlIn} throw so the full Jackson path decides.
 */
final class Readers {
  /** Fields are tracked in one {@code long}; no schema type comes near this many. */
  static final int MAX_FIELDS = 64;

  private final String pkg;

  Readers(String pkg) {
    this.pkg = pkg;
  }

  /** The reader of an object type: the whole mapping. */
  MethodSpec readObject(String type, List<FieldDef> fields) {
    ClassName t = ClassName.get(pkg, type);
    return MethodSpec.methodBuilder("readYaml")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addParameter(Names.YAML_IN, "in")
        .returns(t)
        .addJavadoc(
            """
            Reads a {@code $L} written the plain way, without reflection; anything else makes {@code in}
            throw, for the full path to decide (see {@link $T}).
            """,
            type,
            Names.YAML_IN)
        .addStatement("$T.Builder b = $T.builder()", t, t)
        .addStatement("in.beginMapping()")
        .addCode(fieldLoop(type, cases(fields)))
        .addStatement("return b.build()")
        .build();
  }

  /** The reader of a kind: the rest of the mapping, after apiVersion and kind. */
  MethodSpec readResource(String type, List<FieldDef> fields) {
    ClassName t = ClassName.get(pkg, type);
    List<Case> all = new ArrayList<>();
    all.add(new Case("metadata", CodeBlock.of("b.metadata($T.readYaml(in))", Names.OBJECT_META)));
    all.addAll(cases(fields));
    return MethodSpec.methodBuilder("readYaml")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addParameter(Names.YAML_IN, "in")
        .addParameter(String.class, "apiVersion")
        .returns(t)
        .addJavadoc(
            """
            Reads the rest of a {@code $L} mapping whose apiVersion and kind were read, without
            reflection; anything not written the plain way makes {@code in} throw, for the full path to
            decide (see {@link $T}).
            """,
            type,
            Names.YAML_IN)
        .addStatement("$T.Builder b = $T.builder().apiVersion(apiVersion)", t, t)
        .addCode(fieldLoop(type, all))
        .addStatement("return b.build()")
        .build();
  }

  /** The reader of an enumeration: its YAML value. */
  MethodSpec readEnum(String type, List<String> values, List<String> constants) {
    CodeBlock.Builder c = CodeBlock.builder().beginControlFlow("return switch (in.string())");
    for (int i = 0; i < values.size(); i++) {
      c.addStatement("case $S -> $L", values.get(i), constants.get(i));
    }
    c.addStatement("default -> throw in.unsupported($S)", "an unknown " + type + " value");
    c.unindent().add("};\n");
    return MethodSpec.methodBuilder("readYaml")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addParameter(Names.YAML_IN, "in")
        .returns(ClassName.get(pkg, type))
        .addJavadoc("Reads a value written as its YAML string (see {@link $T}).\n", Names.YAML_IN)
        .addCode(c.build())
        .build();
  }

  /** One key of a mapping and the builder call reading its value. */
  private record Case(String key, CodeBlock set) {}

  private List<Case> cases(List<FieldDef> fields) {
    return fields.stream().map(f -> new Case(f.jsonName(), set(f))).toList();
  }

  private CodeBlock fieldLoop(String type, List<Case> fields) {
    if (fields.size() > MAX_FIELDS) {
      throw new IllegalStateException(
          type + " has " + fields.size() + " fields; readers track at most " + MAX_FIELDS);
    }
    CodeBlock.Builder c = CodeBlock.builder();
    c.addStatement("long seen = 0L");
    c.beginControlFlow("for (String key = in.nextKey(); key != null; key = in.nextKey())");
    c.beginControlFlow("switch (key)");
    for (int i = 0; i < fields.size(); i++) {
      Case f = fields.get(i);
      c.beginControlFlow("case $S ->", f.key());
      c.addStatement("seen = in.once(seen, $L)", i == 0 ? "1L" : "1L << " + i);
      c.addStatement("$L", f.set());
      c.endControlFlow();
    }
    c.addStatement("default -> throw in.unknownKey(key)");
    c.endControlFlow();
    c.endControlFlow();
    return c.build();
  }

  /** The builder call that reads and sets one field. */
  private CodeBlock set(FieldDef f) {
    String cap = Character.toUpperCase(f.javaName().charAt(0)) + f.javaName().substring(1);
    if (f.type() instanceof TypeRef.ListOf l) {
      return CodeBlock.of("b.addAll$L(in.list($L))", cap, function(l.items(), 0));
    }
    if (f.type() instanceof TypeRef.MapOf m) {
      return CodeBlock.of("b.putAll$L(in.map($L))", cap, function(m.values(), 0));
    }
    return CodeBlock.of("b.$L($L)", f.javaName(), value(f.type()));
  }

  /** An expression reading one value of {@code t} from {@code in}. */
  private CodeBlock value(TypeRef t) {
    if (t instanceof TypeRef.Named n) {
      return CodeBlock.of("$T.readYaml(in)", named(n));
    }
    if (t instanceof TypeRef.Json) {
      return CodeBlock.of("in.tree()");
    }
    if (t instanceof TypeRef.ListOf l) {
      return CodeBlock.of("in.list($L)", function(l.items(), 0));
    }
    if (t instanceof TypeRef.MapOf m) {
      return CodeBlock.of("in.map($L)", function(m.values(), 0));
    }
    return CodeBlock.of("in.$L()", scalar(((TypeRef.Scalar) t).kind()));
  }

  /** A {@code Function<YamlIn, T>} reading one value of {@code t}. */
  private CodeBlock function(TypeRef t, int depth) {
    if (t instanceof TypeRef.Named n) {
      return CodeBlock.of("$T::readYaml", named(n));
    }
    if (t instanceof TypeRef.Json) {
      return CodeBlock.of("$T::tree", Names.YAML_IN);
    }
    String v = "i" + depth;
    if (t instanceof TypeRef.ListOf l) {
      return CodeBlock.of("$L -> $L.list($L)", v, v, function(l.items(), depth + 1));
    }
    if (t instanceof TypeRef.MapOf m) {
      return CodeBlock.of("$L -> $L.map($L)", v, v, function(m.values(), depth + 1));
    }
    return CodeBlock.of("$T::$L", Names.YAML_IN, scalar(((TypeRef.Scalar) t).kind()));
  }

  private ClassName named(TypeRef.Named n) {
    return Types.named(pkg, n);
  }

  private static String scalar(ScalarKind kind) {
    return switch (kind) {
      case STRING -> "string";
      case DURATION -> "duration";
      case INT32 -> "int32";
      case INT64 -> "int64";
      case NUMBER -> "number";
      case BOOLEAN -> "bool";
      case INT_OR_STRING -> "intOrString";
    };
  }
}
