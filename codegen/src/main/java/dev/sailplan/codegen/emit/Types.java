package dev.sailplan.codegen.emit;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.sailplan.codegen.model.FieldDef;
import dev.sailplan.codegen.model.TypeRef;
import dev.sailplan.codegen.schema.ScalarKind;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Spells {@link TypeRef}s as Java types and decides how absent values are left out. */
final class Types {
  private Types() {}

  /**
   * The accessor type: required scalars are primitives or plain references, optional ones are
   * {@code Optional}s (the primitive specialisations for numbers, so builders take an {@code int}),
   * lists and maps are never null.
   */
  static TypeName javaType(String pkg, TypeRef ref, boolean required) {
    if (ref instanceof TypeRef.ListOf l) {
      return Names.listOf(boxed(pkg, l.items()));
    }
    if (ref instanceof TypeRef.MapOf m) {
      return Names.mapOf(boxed(pkg, m.values()));
    }
    if (ref instanceof TypeRef.Scalar s && !required) {
      return switch (s.kind()) {
        case INT32 -> ClassName.get(OptionalInt.class);
        case INT64 -> ClassName.get(OptionalLong.class);
        case NUMBER -> ClassName.get(OptionalDouble.class);
        default -> Names.optionalOf(boxed(pkg, ref));
      };
    }
    if (ref instanceof TypeRef.Scalar s) {
      return switch (s.kind()) {
        case INT32 -> TypeName.INT;
        case INT64 -> TypeName.LONG;
        case NUMBER -> TypeName.DOUBLE;
        case BOOLEAN -> TypeName.BOOLEAN;
        default -> boxed(pkg, ref);
      };
    }
    return required ? boxed(pkg, ref) : Names.optionalOf(boxed(pkg, ref));
  }

  /** The reference type, as used inside lists, maps and {@code Optional}. */
  static TypeName boxed(String pkg, TypeRef ref) {
    if (ref instanceof TypeRef.Named n) {
      return named(pkg, n);
    }
    if (ref instanceof TypeRef.Json) {
      return Names.JSON_NODE;
    }
    if (ref instanceof TypeRef.ListOf l) {
      return Names.listOf(boxed(pkg, l.items()));
    }
    if (ref instanceof TypeRef.MapOf m) {
      return Names.mapOf(boxed(pkg, m.values()));
    }
    ScalarKind kind = ((TypeRef.Scalar) ref).kind();
    return switch (kind) {
      case STRING -> ClassName.get(String.class);
      case DURATION -> Names.DURATION;
      case INT32 -> ClassName.get(Integer.class);
      case INT64 -> ClassName.get(Long.class);
      case NUMBER -> ClassName.get(Double.class);
      case BOOLEAN -> ClassName.get(Boolean.class);
      case INT_OR_STRING -> Names.INT_OR_STRING;
      default -> throw new IllegalArgumentException("unknown scalar " + kind);
    };
  }

  /** A generated type: of package {@code pkg}, or of the shared type's own package. */
  static ClassName named(String pkg, TypeRef.Named n) {
    return ClassName.get(n.javaPackage() == null ? pkg : n.javaPackage(), n.name());
  }

  /**
   * How the field is left out when absent: optional references when empty, optional lists and maps
   * when empty (proto3 and Go's omitempty make that the same as absent); required lists and maps
   * always render (those that need an item are checked non-empty on build).
   */
  static AnnotationSpec inclusion(TypeRef ref, boolean required) {
    boolean container = ref instanceof TypeRef.ListOf || ref instanceof TypeRef.MapOf;
    String include;
    if (container) {
      include = required ? "ALWAYS" : "NON_EMPTY";
    } else if (required) {
      return null;
    } else if (ref instanceof TypeRef.Scalar s
        && (s.kind() == ScalarKind.INT32
            || s.kind() == ScalarKind.INT64
            || s.kind() == ScalarKind.NUMBER)) {
      // OptionalInt and friends are not reference types to Jackson: only NON_EMPTY drops them.
      include = "NON_EMPTY";
    } else {
      include = "NON_ABSENT";
    }
    return AnnotationSpec.builder(Names.JSON_INCLUDE)
        .addMember("value", "$T.Include.$L", Names.JSON_INCLUDE, include)
        .build();
  }

  /** A Java expression that is true when the field is set. */
  static String presence(FieldDef f) {
    if (f.type() instanceof TypeRef.ListOf || f.type() instanceof TypeRef.MapOf) {
      return "!" + f.javaName() + "().isEmpty()";
    }
    return f.required() ? "true" : f.javaName() + "().isPresent()";
  }
}
