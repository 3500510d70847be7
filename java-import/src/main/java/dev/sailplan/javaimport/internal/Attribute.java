package dev.sailplan.javaimport.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One attribute of a generated value type, as its builder sets it: the accessor, the YAML key and
 * the shape that decides the builder method ({@code name(v)}, {@code addName(v)}, {@code putName(k,
 * v)}).
 *
 * @param name the accessor's name, which is also the builder method's
 * @param key the YAML key
 * @param shape how the builder takes it
 * @param element the element type: of the list, the map's values, the optional's content, or the
 *     type itself
 */
record Attribute(String name, String key, Shape shape, Type element, Method accessor) {
  /** How a builder takes an attribute. */
  enum Shape {
    PLAIN,
    OPTIONAL,
    OPTIONAL_LONG,
    OPTIONAL_INT,
    OPTIONAL_DOUBLE,
    LIST,
    MAP
  }

  private static final Map<Class<?>, List<Attribute>> CACHE = new ConcurrentHashMap<>();

  /** The attribute's value on {@code value}. */
  Object get(Object value) {
    try {
      return accessor.invoke(value);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + name + " of " + value.getClass(), e);
    }
  }

  /** The builder method that takes one element of a list or one entry of a map. */
  String adder() {
    String upper = Character.toUpperCase(name.charAt(0)) + name.substring(1);
    return (shape == Shape.MAP ? "put" : "add") + upper;
  }

  /** The copy method of the immutable value: {@code withName}. */
  String wither() {
    return "with" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  /** Whether the value has it set: present, or not empty. */
  static boolean isSet(Object v) {
    if (v instanceof Optional<?> o) {
      return o.isPresent();
    } else if (v instanceof OptionalLong o) {
      return o.isPresent();
    } else if (v instanceof OptionalInt o) {
      return o.isPresent();
    } else if (v instanceof OptionalDouble o) {
      return o.isPresent();
    } else if (v instanceof List<?> l) {
      return !l.isEmpty();
    } else if (v instanceof Map<?, ?> m) {
      return !m.isEmpty();
    }
    return v != null;
  }

  /**
   * The attributes of a generated value type ({@code VirtualService}, whose abstract type {@code
   * AbstractVirtualService} declares them), in the order the type renders them.
   */
  static List<Attribute> of(Class<?> valueType) {
    return CACHE.computeIfAbsent(valueType, Attribute::read);
  }

  /** Whether {@code type} is a generated value type with a builder. */
  static boolean isValueType(Class<?> type) {
    try {
      Method b = type.getMethod("builder");
      return Modifier.isStatic(b.getModifiers()) && type.getSuperclass() != null;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  private static List<Attribute> read(Class<?> valueType) {
    List<Attribute> out = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    // The abstract type declares the accessors with their annotations and generic types.
    for (Class<?> c = valueType.getSuperclass(); c != null && c != Object.class; ) {
      for (Method m : c.getDeclaredMethods()) {
        JsonProperty p = m.getAnnotation(JsonProperty.class);
        if (p == null
            || m.getParameterCount() != 0
            || Modifier.isStatic(m.getModifiers())
            || !Modifier.isPublic(m.getModifiers())
            || seen.contains(m.getName())) {
          continue;
        }
        seen.add(m.getName());
        out.add(attribute(m, p.value()));
      }
      c = c.getSuperclass();
    }
    return Collections.unmodifiableList(order(valueType, out));
  }

  /** In the order of {@code @JsonPropertyOrder}: reflection returns methods in no fixed order. */
  private static List<Attribute> order(Class<?> valueType, List<Attribute> attributes) {
    com.fasterxml.jackson.annotation.JsonPropertyOrder order =
        valueType
            .getSuperclass()
            .getAnnotation(com.fasterxml.jackson.annotation.JsonPropertyOrder.class);
    List<String> keys = order == null ? List.of() : List.of(order.value());
    List<Attribute> sorted = new ArrayList<>(attributes);
    sorted.sort(
        (a, b) -> {
          int ia = keys.indexOf(a.key());
          int ib = keys.indexOf(b.key());
          if (ia != ib) {
            return Integer.compare(
                ia < 0 ? Integer.MAX_VALUE : ia, ib < 0 ? Integer.MAX_VALUE : ib);
          }
          return a.key().compareTo(b.key());
        });
    return sorted;
  }

  private static Attribute attribute(Method m, String key) {
    Class<?> raw = m.getReturnType();
    Type generic = m.getGenericReturnType();
    if (raw == OptionalLong.class) {
      return new Attribute(m.getName(), key, Shape.OPTIONAL_LONG, long.class, m);
    } else if (raw == OptionalInt.class) {
      return new Attribute(m.getName(), key, Shape.OPTIONAL_INT, int.class, m);
    } else if (raw == OptionalDouble.class) {
      return new Attribute(m.getName(), key, Shape.OPTIONAL_DOUBLE, double.class, m);
    } else if (raw == Optional.class) {
      return new Attribute(m.getName(), key, Shape.OPTIONAL, argument(generic, 0), m);
    } else if (raw == List.class) {
      return new Attribute(m.getName(), key, Shape.LIST, argument(generic, 0), m);
    } else if (raw == Map.class) {
      return new Attribute(m.getName(), key, Shape.MAP, argument(generic, 1), m);
    }
    return new Attribute(m.getName(), key, Shape.PLAIN, raw, m);
  }

  private static Type argument(Type generic, int index) {
    return generic instanceof ParameterizedType p
        ? p.getActualTypeArguments()[index]
        : Object.class;
  }
}
