package dev.sailplan.javaimport;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.sailplan.core.generic.GenericObject;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.value.IntOrString;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The code fabric8's generated builders need for the same objects, one call per line as
 * google-java-format lays it out: {@code new
 * VirtualServiceBuilder().withNewMetadata().withName("x")
 * .endMetadata().withNewSpec()…endSpec().build()}, nested objects as {@code withNewX()…endX()} and
 * {@code addNewX()…endX()}, scalar lists as {@code withX(a, b)}, map entries as {@code addToX(k,
 * v)}, durations and enums as fabric8 types them. For the length comparison only.
 */
final class Fabric8Style {
  private final List<String> lines = new ArrayList<>();

  private Fabric8Style() {}

  /** The fabric8 builder expression of {@code r}, as lines. */
  static List<String> of(Resource r) {
    Fabric8Style f = new Fabric8Style();
    f.lines.add("new " + r.kind() + "Builder()");
    f.lines.add(".withNewMetadata()");
    f.object(r.metadata());
    f.lines.add(".endMetadata()");
    if (r instanceof GenericObject g) {
      g.fields().forEach((k, v) -> f.entry(k, v));
    } else {
      for (Method m : accessors(r)) {
        if (!m.getName().equals("metadata")
            && !m.getName().equals("kind")
            && !m.getName().equals("apiVersion")) {
          f.attribute(m.getName(), read(m, r));
        }
      }
    }
    f.lines.add(".build()");
    return f.lines;
  }

  private void object(Object v) {
    for (Method m : accessors(v)) {
      attribute(m.getName(), read(m, v));
    }
  }

  private void attribute(String name, Object x) {
    String upper = Character.toUpperCase(name.charAt(0)) + name.substring(1);
    if (x instanceof Optional<?> o) {
      o.ifPresent(value -> single(upper, value));
    } else if (x instanceof OptionalLong o && o.isPresent()) {
      lines.add(".with" + upper + "(" + o.getAsLong() + "L)");
    } else if (x instanceof OptionalInt o && o.isPresent()) {
      lines.add(".with" + upper + "(" + o.getAsInt() + ")");
    } else if (x instanceof OptionalDouble o && o.isPresent()) {
      lines.add(".with" + upper + "(" + o.getAsDouble() + ")");
    } else if (x instanceof List<?> l && !l.isEmpty()) {
      if (l.stream().allMatch(Fabric8Style::isValue)) {
        for (Object item : l) {
          lines.add(".addNew" + upper + "()");
          object(item);
          lines.add(".end" + upper + "()");
        }
      } else {
        List<String> items = new ArrayList<>();
        l.forEach(i -> items.add(scalar(i)));
        lines.add(".with" + upper + "(" + String.join(", ", items) + ")");
      }
    } else if (x instanceof Map<?, ?> m) {
      m.forEach(
          (k, v) -> {
            if (isValue(v)) {
              lines.add(
                  ".addTo"
                      + upper
                      + "(\""
                      + k
                      + "\", new "
                      + v.getClass().getSimpleName()
                      + "Builder()");
              object(v);
              lines.add(".build())");
            } else {
              lines.add(".addTo" + upper + "(\"" + k + "\", " + scalar(v) + ")");
            }
          });
    } else if (x != null
        && !(x instanceof Optional<?>)
        && !(x instanceof List<?>)
        && !(x instanceof Map<?, ?>)
        && !(x instanceof OptionalLong)
        && !(x instanceof OptionalInt)
        && !(x instanceof OptionalDouble)) {
      single(upper, x);
    }
  }

  private void single(String upper, Object value) {
    if (isValue(value)) {
      lines.add(".withNew" + upper + "()");
      object(value);
      lines.add(".end" + upper + "()");
    } else {
      lines.add(".with" + upper + "(" + scalar(value) + ")");
    }
  }

  /** A generic object's field, as its typed fabric8 builder would set it. */
  private void entry(String key, Object v) {
    String upper = Character.toUpperCase(key.charAt(0)) + key.substring(1);
    if (v instanceof Map<?, ?> m) {
      lines.add(".withNew" + upper + "()");
      m.forEach((k, x) -> entry(String.valueOf(k), x));
      lines.add(".end" + upper + "()");
    } else if (v instanceof List<?> l && l.stream().anyMatch(Map.class::isInstance)) {
      for (Object item : l) {
        lines.add(".addNew" + upper + "()");
        if (item instanceof Map<?, ?> m) {
          m.forEach((k, x) -> entry(String.valueOf(k), x));
        }
        lines.add(".end" + upper + "()");
      }
    } else if (v instanceof List<?> l) {
      List<String> items = new ArrayList<>();
      l.forEach(i -> items.add(scalar(i)));
      lines.add(".with" + upper + "(" + String.join(", ", items) + ")");
    } else {
      lines.add(".with" + upper + "(" + scalar(v) + ")");
    }
  }

  private static String scalar(Object v) {
    if (v instanceof String s) {
      return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    } else if (v instanceof Enum<?> e) {
      return e.getDeclaringClass().getSimpleName() + "." + e.name();
    } else if (v instanceof IntOrString i) {
      return i.isInt()
          ? "new IntOrString(" + i.intValue() + ")"
          : "new IntOrString(\"" + i.stringValue() + "\")";
    } else if (v instanceof Long l) {
      return l + "L";
    }
    // Durations are strings in fabric8's Istio model; JSON trees are maps.
    return v instanceof dev.sailplan.core.value.Duration ? "\"" + v + "\"" : String.valueOf(v);
  }

  private static boolean isValue(Object v) {
    try {
      return v != null && Modifier.isStatic(v.getClass().getMethod("builder").getModifiers());
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  private static List<Method> accessors(Object v) {
    List<Method> out = new ArrayList<>();
    for (Class<?> c = v.getClass().getSuperclass();
        c != null && c != Object.class;
        c = c.getSuperclass()) {
      for (Method m : c.getDeclaredMethods()) {
        if (m.isAnnotationPresent(JsonProperty.class)
            && m.getParameterCount() == 0
            && !Modifier.isStatic(m.getModifiers())) {
          out.add(m);
        }
      }
    }
    out.sort((a, b) -> a.getName().compareTo(b.getName()));
    return out;
  }

  private static Object read(Method m, Object v) {
    try {
      return m.invoke(v);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
