package dev.sailplan.codegen.rules;

import com.google.common.collect.ImmutableCollection;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypeProvider;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructType;
import dev.sailplan.codegen.schema.SchemaNode;
import dev.sailplan.codegen.schema.SchemaNode.ArraySchema;
import dev.sailplan.codegen.schema.SchemaNode.MapSchema;
import dev.sailplan.codegen.schema.SchemaNode.ObjectSchema;
import dev.sailplan.codegen.schema.SchemaNode.Property;
import dev.sailplan.codegen.schema.SchemaNode.ScalarSchema;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The CEL types of a kind's schema nodes, as the API server declares them: objects as structs whose
 * fields are the properties (names escaped as Kubernetes escapes them), maps with string keys,
 * lists, scalars; free-form and int-or-string values are {@code dyn}.
 */
// dev.cel declares providers immutable; this one only grows while codegen compiles one kind's
// rules, on one thread, and a type once created never changes.
@SuppressWarnings("Immutable")
final class SchemaTypes implements CelTypeProvider {
  private static final Set<String> RESERVED =
      Set.of(
          "true",
          "false",
          "null",
          "in",
          "as",
          "break",
          "const",
          "continue",
          "else",
          "for",
          "function",
          "if",
          "import",
          "let",
          "loop",
          "package",
          "namespace",
          "return",
          "var",
          "void",
          "while");

  private final String kind;
  private final IdentityHashMap<SchemaNode, CelType> byNode = new IdentityHashMap<>();
  private final Map<String, CelType> byName = new LinkedHashMap<>();

  SchemaTypes(String kind) {
    this.kind = kind;
  }

  /** The type of the node at {@code path}. */
  CelType of(SchemaNode node, String path) {
    CelType known = byNode.get(node);
    if (known != null) {
      return known;
    }
    CelType type;
    if (node instanceof ObjectSchema o) {
      String name = "sailplan." + kind + (path.isEmpty() ? "" : "." + path);
      Map<String, SchemaNode> fields = new LinkedHashMap<>();
      Map<String, String> paths = new LinkedHashMap<>();
      for (Property p : o.properties()) {
        String escaped = escape(p.name());
        if (escaped != null) {
          fields.put(escaped, p.schema());
          paths.put(escaped, path.isEmpty() ? p.name() : path + "." + p.name());
        }
      }
      type =
          StructType.create(
              name,
              ImmutableSet.copyOf(fields.keySet()),
              f -> Optional.ofNullable(fields.get(f)).map(child -> of(child, paths.get(f))));
      byName.put(name, type);
    } else if (node instanceof ArraySchema a) {
      type = ListType.create(of(a.items(), path + "[]"));
    } else if (node instanceof MapSchema m) {
      type = MapType.create(SimpleType.STRING, of(m.values(), path + "{}"));
    } else if (node instanceof ScalarSchema s) {
      type =
          switch (s.kind()) {
            case STRING, DURATION -> SimpleType.STRING;
            case INT32, INT64 -> SimpleType.INT;
            case NUMBER -> SimpleType.DOUBLE;
            case BOOLEAN -> SimpleType.BOOL;
            case INT_OR_STRING -> SimpleType.DYN;
          };
    } else {
      type = SimpleType.DYN;
    }
    byNode.put(node, type);
    return type;
  }

  @Override
  public ImmutableCollection<CelType> types() {
    return ImmutableList.copyOf(byName.values());
  }

  @Override
  public Optional<CelType> findType(String typeName) {
    return Optional.ofNullable(byName.get(typeName));
  }

  /**
   * A property name as CEL sees it ({@code namespace} → {@code __namespace__}, {@code a-b} → {@code
   * a__dash__b}), or null for one that CEL cannot reach.
   */
  static String escape(String name) {
    if (name.isEmpty() || Character.isDigit(name.charAt(0))) {
      return null;
    }
    if (RESERVED.contains(name)) {
      return "__" + name + "__";
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '_' && i + 1 < name.length() && name.charAt(i + 1) == '_') {
        b.append("__underscores__");
        i++;
      } else if (c == '.') {
        b.append("__dot__");
      } else if (c == '-') {
        b.append("__dash__");
      } else if (c == '/') {
        b.append("__slash__");
      } else if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '_') {
        b.append(c);
      } else {
        return null;
      }
    }
    return b.toString();
  }

  /** The property name of an escaped CEL field name. */
  static String unescape(String field) {
    if (field.startsWith("__") && field.endsWith("__") && field.length() > 4) {
      String inner = field.substring(2, field.length() - 2);
      if (RESERVED.contains(inner)) {
        return inner;
      }
    }
    return field
        .replace("__underscores__", "\u0000")
        .replace("__dot__", ".")
        .replace("__dash__", "-")
        .replace("__slash__", "/")
        .replace("\u0000", "__");
  }
}
