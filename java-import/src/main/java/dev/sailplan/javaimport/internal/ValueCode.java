package dev.sailplan.javaimport.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.sailplan.core.generic.GenericObject;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.value.Duration;
import dev.sailplan.core.value.IntOrString;
import dev.sailplan.core.value.Timestamp;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Java code that builds a value of the model: a hand-written factory where {@link FactoryRules} has
 * one that gives exactly the value, a builder otherwise, with the input's comments next to the
 * builder calls of their fields.
 *
 * <p>One instance writes one class: it collects the static imports and helper methods the code
 * uses.
 */
public final class ValueCode {
  private final FactoryRules rules = new FactoryRules(this);

  /** Static imports used, by member name; the first class to use a name gets it. */
  private final Map<String, ClassName> statics = new TreeMap<>();

  private boolean jsonUsed;
  private Comments comments = Comments.none();

  /** The static imports the code written so far uses, by member name. */
  public Map<String, ClassName> statics() {
    return statics;
  }

  /** Whether the code uses the {@code json(…)} helper (for free-form fields). */
  public boolean jsonUsed() {
    return jsonUsed;
  }

  /**
   * The code of one resource, with {@code comments} of its document; what was not placed stays in
   * {@code comments}.
   */
  public CodeBlock resource(Resource resource, Comments comments) {
    this.comments = comments;
    try {
      if (resource instanceof GenericObject g) {
        return generic(g);
      }
      return value(resource, List.of(), false);
    } finally {
      this.comments = Comments.none();
    }
  }

  /**
   * A call of {@code owner.member(…)}, written as {@code member(…)} under a static import unless
   * another class took the name.
   */
  CodeBlock call(ClassName owner, String member, List<CodeBlock> args) {
    ClassName taken = statics.putIfAbsent(member, owner);
    CodeBlock joined = CodeBlock.join(args, ", ");
    if (taken == null || taken.equals(owner)) {
      return CodeBlock.of("$T." + member + "($L)", owner, joined);
    }
    return CodeBlock.of("$L.$L($L)", owner.canonicalName(), member, joined);
  }

  /** The code of any value the model holds; {@code boxed} when it goes where a wrapper type is. */
  CodeBlock value(Object v, List<String> path, boolean boxed) {
    if (v instanceof String s) {
      return CodeBlock.of("$S", s);
    } else if (v instanceof Boolean b) {
      return CodeBlock.of("$L", b);
    } else if (v instanceof Integer i) {
      return CodeBlock.of("$L", i);
    } else if (v instanceof Long l) {
      boolean fitsInt = l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE;
      return CodeBlock.of(boxed || !fitsInt ? "$LL" : "$L", l);
    } else if (v instanceof Double d) {
      return CodeBlock.of("$L", doubleLiteral(d));
    } else if (v instanceof Enum<?> e) {
      return CodeBlock.of("$T.$N", e.getDeclaringClass(), e.name());
    } else if (v instanceof Duration d) {
      return rules.duration(d);
    } else if (v instanceof IntOrString i) {
      return i.isInt()
          ? CodeBlock.of("$T.of($L)", IntOrString.class, i.intValue())
          : CodeBlock.of("$T.of($S)", IntOrString.class, i.stringValue());
    } else if (v instanceof Timestamp t) {
      return t.isNull()
          ? CodeBlock.of("$T.NULL", Timestamp.class)
          : CodeBlock.of("$T.of($S)", Timestamp.class, t.text());
    } else if (v instanceof JsonNode n) {
      jsonUsed = true;
      return CodeBlock.of("json($L)", tree(fromTree(n)));
    } else if (v != null && Attribute.isValueType(v.getClass())) {
      Optional<CodeBlock> factory = rules.factory(v, path);
      return factory.orElseGet(() -> builder(v, path));
    }
    throw new IllegalArgumentException(
        "cannot write a " + (v == null ? "null" : v.getClass().getName()) + " at " + path);
  }

  /** {@code Type.builder()} and a call per set attribute, then {@code .build()}. */
  CodeBlock builder(Object v, List<String> path) {
    return builder(v, path, List.of());
  }

  /** Like {@link #builder(Object, List)}, leaving out the attributes named in {@code skip}. */
  CodeBlock builder(Object v, List<String> path, List<String> skip) {
    CodeBlock.Builder b = CodeBlock.builder().add("$T.builder()", v.getClass());
    for (Attribute a : Attribute.of(v.getClass())) {
      if (skip.contains(a.name())) {
        continue;
      }
      Object x = a.get(v);
      if (!Attribute.isSet(x) || isDefault(v, a, x)) {
        continue;
      }
      List<String> at = append(path, a.key());
      switch (a.shape()) {
        case OPTIONAL -> chainedAt(b, at, a.name(), value(((Optional<?>) x).get(), at, false));
        case OPTIONAL_LONG ->
            chainedAt(b, at, a.name(), value(((OptionalLong) x).getAsLong(), at, false));
        case OPTIONAL_INT ->
            chainedAt(b, at, a.name(), CodeBlock.of("$L", ((OptionalInt) x).getAsInt()));
        case OPTIONAL_DOUBLE ->
            chainedAt(
                b,
                at,
                a.name(),
                CodeBlock.of("$L", doubleLiteral(((OptionalDouble) x).getAsDouble())));
        case PLAIN -> chainedAt(b, at, a.name(), value(x, at, false));
        case LIST -> list(b, at, a, (List<?>) x);
        case MAP -> map(b, at, a, (Map<?, ?>) x);
      }
    }
    return b.add("\n$>$>.build()$<$<").build();
  }

  /** Whether {@code x} is what the builder sets anyway: the kind, the default apiVersion. */
  private static boolean isDefault(Object v, Attribute a, Object x) {
    if (!(v instanceof Resource)) {
      return false;
    }
    if (a.name().equals("kind")) {
      return true;
    }
    if (a.name().equals("apiVersion")) {
      try {
        Field f = v.getClass().getField("API_VERSIONS");
        return ((List<?>) f.get(null)).get(0).equals(x);
      } catch (ReflectiveOperationException e) {
        return false;
      }
    }
    return false;
  }

  private void list(CodeBlock.Builder b, List<String> at, Attribute a, List<?> items) {
    List<String> keyComments = comments.takeAt(at);
    if (items.stream().allMatch(ValueCode::isScalar)) {
      // Strings, numbers, enums: one varargs call, as a user writes addHosts("a", "b").
      List<CodeBlock> codes = new ArrayList<>();
      for (Object item : items) {
        codes.add(value(item, at, true));
      }
      List<String> all = new ArrayList<>(keyComments);
      all.addAll(comments.takeUnder(at));
      chained(b, all, a.adder(), CodeBlock.join(codes, ", "));
      return;
    }
    for (int i = 0; i < items.size(); i++) {
      List<String> item = append(at, Integer.toString(i));
      CodeBlock code =
          items.get(i) instanceof List<?> || items.get(i) instanceof Map<?, ?>
              ? tree(items.get(i))
              : value(items.get(i), item, true);
      List<String> placed = new ArrayList<>(i == 0 ? keyComments : List.of());
      placed.addAll(comments.takeUnder(item));
      chained(b, placed, a.adder(), code);
    }
  }

  private void map(CodeBlock.Builder b, List<String> at, Attribute a, Map<?, ?> entries) {
    boolean strings =
        entries.values().stream().allMatch(String.class::isInstance) && a.element() == String.class;
    if (strings && entries.size() > 1) {
      List<CodeBlock> pairs = new ArrayList<>();
      for (Map.Entry<?, ?> e : entries.entrySet()) {
        pairs.add(CodeBlock.of("$S, $S", e.getKey(), e.getValue()));
      }
      CodeBlock labels = call(FactoryRules.TRAFFIC, "labels", pairs);
      List<String> placed = comments.takeUnder(at);
      chained(b, placed, "putAll" + a.adder().substring(3), labels);
      return;
    }
    List<String> keyComments = comments.takeAt(at);
    boolean first = true;
    for (Map.Entry<?, ?> e : entries.entrySet()) {
      List<String> entry = append(at, String.valueOf(e.getKey()));
      CodeBlock code = value(e.getValue(), entry, true);
      List<String> placed = new ArrayList<>(first ? keyComments : List.of());
      placed.addAll(comments.takeUnder(entry));
      chained(b, placed, a.adder(), CodeBlock.of("$S, $L", e.getKey(), code));
      first = false;
    }
  }

  /**
   * Appends {@code .method(arg)} on its own line, after the comments of the field at {@code at}.
   */
  private void chainedAt(CodeBlock.Builder b, List<String> at, String method, CodeBlock arg) {
    chained(b, comments.takeUnder(at), method, arg);
  }

  /** Appends {@code .method(arg)} on its own line, after the {@code placed} comments. */
  private static void chained(
      CodeBlock.Builder b, List<String> placed, String method, CodeBlock arg) {
    b.add("\n$>$>");
    for (String comment : placed) {
      b.add("// $L\n", Javadoc.lineComment(comment));
    }
    b.add(".$L($L)$<$<", method, arg);
  }

  /** A generic object: its identity, metadata and the other fields as maps and lists. */
  private CodeBlock generic(GenericObject g) {
    CodeBlock meta = value(g.metadata(), List.of("metadata"), false);
    return CodeBlock.of(
        "$T.of(\n$>$>$S,\n$S,\n$L,\n$L)$<$<",
        GenericObject.class,
        g.apiVersion(),
        g.kind(),
        meta,
        tree(g.fields()));
  }

  /** Maps, lists and scalars as {@code Map.of}, {@code List.of} and literals. */
  CodeBlock tree(Object v) {
    if (v instanceof Map<?, ?> m) {
      if (m.isEmpty()) {
        return CodeBlock.of("$T.of()", Map.class);
      }
      List<CodeBlock> parts = new ArrayList<>();
      boolean entries = m.size() > 10;
      boolean inline = m.size() <= 2 && m.values().stream().allMatch(ValueCode::isScalar);
      for (Map.Entry<?, ?> e : m.entrySet()) {
        parts.add(
            entries
                ? CodeBlock.of("$T.entry($S, $L)", Map.class, e.getKey(), tree(e.getValue()))
                : CodeBlock.of("$S, $L", e.getKey(), tree(e.getValue())));
      }
      if (inline) {
        return CodeBlock.of("$T.of($L)", Map.class, CodeBlock.join(parts, ", "));
      }
      return CodeBlock.of(
          entries ? "$T.ofEntries(\n$>$>$L)$<$<" : "$T.of(\n$>$>$L)$<$<",
          Map.class,
          CodeBlock.join(parts, ",\n"));
    } else if (v instanceof List<?> l) {
      if (l.isEmpty()) {
        return CodeBlock.of("$T.of()", List.class);
      }
      List<CodeBlock> parts = new ArrayList<>();
      for (Object x : l) {
        parts.add(tree(x));
      }
      boolean scalars = l.stream().allMatch(ValueCode::isScalar);
      return CodeBlock.of(
          scalars ? "$T.of($L)" : "$T.of(\n$>$>$L)$<$<",
          List.class,
          CodeBlock.join(parts, scalars ? ", " : ",\n"));
    } else if (v instanceof BigInteger i) {
      return CodeBlock.of("new $T($S)", BigInteger.class, i.toString());
    } else if (v instanceof BigDecimal d) {
      return CodeBlock.of("new $T($S)", BigDecimal.class, d.toString());
    } else if (v == null) {
      throw new IllegalArgumentException("a null value inside a free-form field is not supported");
    }
    // GenericObject and JSON trees take any number type: an int literal where one fits.
    return value(v, List.of(), false);
  }

  private static boolean isScalar(Object v) {
    return v instanceof String
        || v instanceof Number
        || v instanceof Boolean
        || v instanceof Enum<?>
        || v instanceof Duration
        || v instanceof IntOrString;
  }

  /** A JSON tree as maps, lists and scalars (insertion order kept for readability). */
  private static Object fromTree(JsonNode n) {
    if (n.isObject()) {
      Map<String, Object> m = new LinkedHashMap<>();
      n.properties().forEach(e -> m.put(e.getKey(), fromTree(e.getValue())));
      return m;
    } else if (n.isArray()) {
      List<Object> l = new ArrayList<>();
      n.forEach(x -> l.add(fromTree(x)));
      return l;
    } else if (n.isTextual()) {
      return n.textValue();
    } else if (n.isBoolean()) {
      return n.booleanValue();
    } else if (n.isIntegralNumber()) {
      return n.canConvertToLong() ? (Object) n.longValue() : n.bigIntegerValue();
    } else if (n.isNumber()) {
      return n.isBigDecimal() ? n.decimalValue() : n.doubleValue();
    }
    return null;
  }

  static String doubleLiteral(double d) {
    String s = Double.toString(d);
    return s.endsWith(".0") ? s.substring(0, s.length() - 2) + ".0" : s;
  }

  static List<String> append(List<String> path, String step) {
    List<String> out = new ArrayList<>(path);
    out.add(step);
    return out;
  }

  /** The raw class of a reflected type. */
  static Class<?> raw(Type t) {
    if (t instanceof Class<?> c) {
      return c;
    } else if (t instanceof ParameterizedType p) {
      return raw(p.getRawType());
    }
    return Object.class;
  }

  /** The comments of the resource being written, for the factory rules. */
  Comments comments() {
    return comments;
  }
}
