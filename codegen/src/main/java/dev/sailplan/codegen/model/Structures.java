package dev.sailplan.codegen.model;

import dev.sailplan.codegen.schema.Constraints;
import dev.sailplan.codegen.schema.SchemaNode;
import dev.sailplan.codegen.schema.SchemaNode.ArraySchema;
import dev.sailplan.codegen.schema.SchemaNode.MapSchema;
import dev.sailplan.codegen.schema.SchemaNode.ObjectSchema;
import dev.sailplan.codegen.schema.SchemaNode.Property;
import dev.sailplan.codegen.schema.SchemaNode.ScalarSchema;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Objects;

/**
 * Compares two structures strictly: properties, types, required properties, oneOf groups, enum
 * values and every recorded constraint. Descriptions do not count.
 *
 * <p>Stricter than {@link Signatures}: a shared type carries one set of constraints, so two
 * occurrences that differ only in a bound cannot share it.
 */
final class Structures {
  private Structures() {}

  /**
   * Where and how {@code a} and {@code b} differ, e.g. {@code .labels: maxItems 4096 vs 256}, or
   * null when they do not.
   */
  static String firstDifference(SchemaNode a, SchemaNode b, String path) {
    if (a.getClass() != b.getClass()) {
      return at(path, shape(a) + " vs " + shape(b));
    }
    String constraint = constraintDifference(a.constraints(), b.constraints());
    if (constraint != null) {
      return at(path, constraint);
    }
    if (a instanceof ObjectSchema oa && b instanceof ObjectSchema ob) {
      List<String> na = oa.properties().stream().map(Property::name).toList();
      List<String> nb = ob.properties().stream().map(Property::name).toList();
      if (!na.equals(nb)) {
        return at(path, "properties " + na + " vs " + nb);
      }
      if (!oa.required().equals(ob.required())) {
        return at(
            path,
            "required "
                + new java.util.TreeSet<>(oa.required())
                + " vs "
                + new java.util.TreeSet<>(ob.required()));
      }
      if (!oa.oneOfGroups().equals(ob.oneOfGroups())) {
        return at(path, "oneOf " + oa.oneOfGroups() + " vs " + ob.oneOfGroups());
      }
      for (int i = 0; i < na.size(); i++) {
        String d =
            firstDifference(
                oa.properties().get(i).schema(),
                ob.properties().get(i).schema(),
                path + "." + na.get(i));
        if (d != null) {
          return d;
        }
      }
      return null;
    }
    if (a instanceof ArraySchema aa && b instanceof ArraySchema ab) {
      return firstDifference(aa.items(), ab.items(), path + "[]");
    }
    if (a instanceof MapSchema ma && b instanceof MapSchema mb) {
      return firstDifference(ma.values(), mb.values(), path + "{}");
    }
    if (a instanceof ScalarSchema sa && b instanceof ScalarSchema sb) {
      if (sa.kind() != sb.kind()) {
        return at(path, sa.kind() + " vs " + sb.kind());
      }
      if (!Objects.equals(sa.enumValues(), sb.enumValues())) {
        return at(path, "enum " + sa.enumValues() + " vs " + sb.enumValues());
      }
    }
    return null;
  }

  private static String at(String path, String what) {
    return (path.isEmpty() ? "the root" : path) + ": " + what;
  }

  /**
   * The first constraint that differs, by its {@link Constraints} name: {@code maxItems 4096 vs
   * 256}.
   */
  private static String constraintDifference(Constraints a, Constraints b) {
    if (a.equals(b)) {
      return null;
    }
    for (RecordComponent c : Constraints.class.getRecordComponents()) {
      try {
        Object va = c.getAccessor().invoke(a);
        Object vb = c.getAccessor().invoke(b);
        if (!Objects.equals(va, vb)) {
          return c.getName() + " " + va + " vs " + vb;
        }
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    return null;
  }

  private static String shape(SchemaNode n) {
    if (n instanceof ObjectSchema) {
      return "an object";
    } else if (n instanceof ArraySchema) {
      return "an array";
    } else if (n instanceof MapSchema) {
      return "a map";
    } else if (n instanceof ScalarSchema) {
      return "a scalar";
    }
    return "free-form JSON";
  }
}
