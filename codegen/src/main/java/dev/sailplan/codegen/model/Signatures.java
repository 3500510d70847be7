package dev.sailplan.codegen.model;

import dev.sailplan.codegen.schema.SchemaNode;
import dev.sailplan.codegen.schema.SchemaNode.ArraySchema;
import dev.sailplan.codegen.schema.SchemaNode.FreeFormSchema;
import dev.sailplan.codegen.schema.SchemaNode.MapSchema;
import dev.sailplan.codegen.schema.SchemaNode.ObjectSchema;
import dev.sailplan.codegen.schema.SchemaNode.ScalarSchema;
import java.util.IdentityHashMap;
import java.util.TreeSet;

/**
 * The structural signature of a schema: what decides its Java shape (property names and types,
 * required properties, oneOf groups, enum values). Descriptions and recorded constraints do not
 * count, so one structure documented differently at two paths is still one type.
 *
 * <p>Cached by identity: records hash their whole subtree, which is too slow to repeat per node.
 */
final class Signatures {
  private static final IdentityHashMap<SchemaNode, String> CACHE = new IdentityHashMap<>();

  private Signatures() {}

  static synchronized String of(SchemaNode node) {
    String cached = CACHE.get(node);
    if (cached != null) {
      return cached;
    }
    String s;
    if (node instanceof ObjectSchema o) {
      StringBuilder b = new StringBuilder("{");
      o.properties()
          .forEach(p -> b.append(p.name()).append(':').append(of(p.schema())).append(';'));
      b.append("req=")
          .append(new TreeSet<>(o.required()))
          .append(";one=")
          .append(o.oneOfGroups())
          .append('}');
      s = b.toString();
    } else if (node instanceof ArraySchema a) {
      s = "[" + of(a.items()) + "]";
    } else if (node instanceof MapSchema m) {
      s = "map<" + of(m.values()) + ">";
    } else if (node instanceof ScalarSchema sc) {
      s = sc.kind() + (sc.enumValues().isEmpty() ? "" : sc.enumValues().toString());
    } else if (node instanceof FreeFormSchema) {
      s = "json";
    } else {
      throw new IllegalArgumentException("unknown schema node " + node);
    }
    CACHE.put(node, s);
    return s;
  }
}
