package dev.sailplan.codegen.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.sailplan.codegen.model.FieldDef;
import dev.sailplan.codegen.model.TypeRef;
import dev.sailplan.codegen.schema.ScalarKind;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Emits {@code writeYaml(YamlOut)}: a type's fields written in canonical order with plain accessor
 * calls, so rendering needs no reflection and no intermediate tree. What is written matches the
 * Jackson annotations on the same fields: absent optionals and empty optional lists and maps are
 * left out, required lists and maps are always written, map entries are sorted by key.
 */
final class Writers {
  private final String pkg;
  private final Set<String> enums;

  Writers(String pkg, Set<String> enums) {
    this.pkg = pkg;
    this.enums = enums;
  }

  /** The method; {@code identity} adds apiVersion, kind and metadata first (for kinds). */
  MethodSpec writeYaml(List<FieldDef> fields, boolean identity) {
    MethodSpec.Builder m =
        MethodSpec.methodBuilder("writeYaml")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .addParameter(Names.YAML_OUT, "out")
            .addJavadoc("Writes the fields in canonical order, without reflection.\n");
    if (identity) {
      m.addStatement("out.key($S).value(apiVersion())", "apiVersion");
      m.addStatement("out.key($S).value(kind())", "kind");
      m.addStatement("out.key($S).object(metadata())", "metadata");
    }
    for (FieldDef f : fields) {
      m.addCode(field(f));
    }
    return m.build();
  }

  private CodeBlock field(FieldDef f) {
    String get = f.javaName() + "()";
    TypeRef t = f.type();
    boolean container = t instanceof TypeRef.ListOf || t instanceof TypeRef.MapOf;
    CodeBlock.Builder c = CodeBlock.builder();
    if (container) {
      if (!f.required()) {
        c.beginControlFlow("if (!$L.isEmpty())", get);
      }
      c.addStatement("out.key($S)", f.jsonName());
      c.add(value(t, get, 0));
      if (!f.required()) {
        c.endControlFlow();
      }
      return c.build();
    }
    if (f.required()) {
      c.addStatement("out.key($S)", f.jsonName());
      c.add(value(t, get, 0));
      return c.build();
    }
    c.beginControlFlow("if ($L.isPresent())", get);
    c.addStatement("out.key($S)", f.jsonName());
    c.add(value(t, get + "." + optionalGetter(t), 0));
    return c.endControlFlow().build();
  }

  /** The getter of the accessor's Optional type. */
  private static String optionalGetter(TypeRef t) {
    if (t instanceof TypeRef.Scalar s) {
      return switch (s.kind()) {
        case INT32 -> "getAsInt()";
        case INT64 -> "getAsLong()";
        case NUMBER -> "getAsDouble()";
        default -> "get()";
      };
    }
    return "get()";
  }

  /** Statements writing the value {@code expr} of type {@code t} (the key, if any, is written). */
  private CodeBlock value(TypeRef t, String expr, int depth) {
    CodeBlock.Builder c = CodeBlock.builder();
    if (t instanceof TypeRef.ListOf l) {
      String item = "v" + depth;
      c.addStatement("out.beginSequence()");
      c.beginControlFlow("for ($T $L : $L)", Types.boxed(pkg, l.items()), item, expr);
      c.add(value(l.items(), item, depth + 1));
      c.endControlFlow();
      c.addStatement("out.endSequence()");
    } else if (t instanceof TypeRef.MapOf m) {
      String entry = "e" + depth;
      TypeName valueType = Types.boxed(pkg, m.values());
      c.addStatement("out.beginMapping()");
      c.beginControlFlow(
          "for ($T<$T, $T> $L : $T.sorted($L))",
          java.util.Map.Entry.class,
          String.class,
          valueType,
          entry,
          Names.YAML_OUT,
          expr);
      c.addStatement("out.key($L.getKey())", entry);
      c.add(value(m.values(), entry + ".getValue()", depth + 1));
      c.endControlFlow();
      c.addStatement("out.endMapping()");
    } else if (t instanceof TypeRef.Json) {
      c.addStatement("out.tree($L)", expr);
    } else if (t instanceof TypeRef.Named n) {
      // Shared types are objects; only this package's names can be enums.
      if (n.javaPackage() == null && enums.contains(n.name())) {
        c.addStatement("out.value($L.value())", expr);
      } else {
        c.addStatement("out.object($L)", expr);
      }
    } else {
      ScalarKind kind = ((TypeRef.Scalar) t).kind();
      // Required booleans are primitives already; boxed ones (Optional, list items) unbox here.
      boolean boxed = kind == ScalarKind.BOOLEAN && !expr.endsWith("()");
      c.addStatement(boxed ? "out.value($L.booleanValue())" : "out.value($L)", expr);
    }
    return c.build();
  }
}
