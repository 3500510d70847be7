package dev.sailplan.core.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.sailplan.core.problem.Problem;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Translates Jackson and SnakeYAML exceptions into one-line {@link Problem}s without Java names.
 */
public final class Problems {
  private static final Pattern MISSING =
      Pattern.compile("some of required attributes are not set \\[(.*)]");
  private static final Pattern SIMPLE_PATH = Pattern.compile("[A-Za-z0-9_-]+");
  private static final int MAX_KNOWN = 12;

  private Problems() {}

  /** A problem for a failure while mapping a document onto a type. */
  public static Problem mapping(
      JsonMappingException e, String source, int document, String pathPrefix) {
    String path = join(pathPrefix, path(e));
    return new Problem(source, document, line(e.getLocation()), path, message(e));
  }

  /** A problem for input that is not well-formed YAML or exceeds a safety limit. */
  public static Problem syntax(Exception e, String source, int document) {
    if (e instanceof RejectedYaml r) {
      return new Problem(source, document, line(r.getLocation()), r.path(), r.getOriginalMessage());
    }
    if (e instanceof StreamConstraintsException c) {
      return new Problem(source, document, line(c.getLocation()), "", limit(c.getMessage()));
    }
    Throwable t = e;
    while (t != null) {
      if (t instanceof MarkedYAMLException m) {
        int line = m.getProblemMark() != null ? m.getProblemMark().getLine() + 1 : 0;
        String context = m.getContext() != null ? m.getContext() + ": " : "";
        return new Problem(
            source, document, line, "", "malformed YAML: " + context + m.getProblem());
      }
      if (t instanceof YAMLException y) {
        return new Problem(source, document, 0, "", limit(firstLine(y.getMessage())));
      }
      t = t.getCause();
    }
    int line = e instanceof JsonProcessingException j ? line(j.getLocation()) : 0;
    String message =
        clean(
            firstLine(
                e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
    return new Problem(
        source,
        document,
        line,
        "",
        message.startsWith("YAML aliases") ? message : "malformed YAML: " + message);
  }

  /** A safety limit's message in Sailplan's words (Jackson's name its own settings). */
  static String limit(String message) {
    String m = message == null ? "" : message;
    if (m.contains("nesting depth") || m.startsWith("Nesting Depth exceeded")) {
      return "nesting deeper than " + Mappers.MAX_DEPTH + " levels";
    }
    if (m.contains("String value length") || m.contains("Name length")) {
      return "a scalar longer than " + Mappers.MAX_SCALAR + " characters";
    }
    if (m.contains("exceeds the limit")) {
      return "a document longer than " + Mappers.MAX_CODE_POINTS + " characters";
    }
    if (m.contains("Number of aliases")) {
      return "more than " + Mappers.MAX_ALIASES + " aliases";
    }
    return "rejected YAML: " + firstLine(m);
  }

  /** One field name of a path: plain, or bracketed and quoted when it has other characters. */
  static String segment(String name) {
    return SIMPLE_PATH.matcher(name).matches() ? name : "[\"" + name.replace("\"", "\\\"") + "\"]";
  }

  static String path(JsonMappingException e) {
    return path(e.getPath());
  }

  /** A field path as problems write it, e.g. {@code spec.ports[0].port}. */
  static String path(List<JsonMappingException.Reference> references) {
    StringBuilder b = new StringBuilder();
    for (JsonMappingException.Reference r : references) {
      if (r.getFieldName() != null) {
        String name = r.getFieldName();
        if (SIMPLE_PATH.matcher(name).matches()) {
          b.append(b.length() == 0 ? "" : ".").append(name);
        } else {
          b.append("[\"").append(name.replace("\"", "\\\"")).append("\"]");
        }
      } else if (r.getIndex() >= 0) {
        b.append('[').append(r.getIndex()).append(']');
      }
    }
    return b.toString();
  }

  static String message(JsonMappingException e) {
    if (e instanceof UnrecognizedPropertyException u) {
      return "unknown field" + known(u.getKnownPropertyIds());
    }
    Throwable root = rootCause(e);
    if (root != e
        && (root instanceof IllegalStateException
            || root instanceof IllegalArgumentException
            || root instanceof NullPointerException)) {
      String m = root.getMessage() == null ? "invalid value" : root.getMessage();
      Matcher missing = MISSING.matcher(m);
      if (missing.find()) {
        String fields = missing.group(1).replace(" ", "");
        return "missing required field"
            + (fields.contains(",") ? "s " : " ")
            + fields.replace(",", ", ");
      }
      return clean(firstLine(m));
    }
    if (e instanceof InvalidFormatException f
        && f.getTargetType() != null
        && f.getTargetType().isEnum()) {
      return "invalid value '"
          + f.getValue()
          + "' (expected one of: "
          + String.join(", ", enumValues(f.getTargetType()))
          + ")";
    }
    if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
      Class<?> target = m.getTargetType();
      if (target.isEnum()) {
        return "expected one of: " + String.join(", ", enumValues(target)) + ", not " + actual(m);
      }
      return "expected " + describe(target) + ", not " + actual(m);
    }
    return clean(firstLine(e.getOriginalMessage()));
  }

  private static String known(Collection<Object> ids) {
    if (ids == null || ids.isEmpty()) {
      return "";
    }
    List<String> names = ids.stream().map(String::valueOf).sorted().toList();
    String shown = String.join(", ", names.subList(0, Math.min(MAX_KNOWN, names.size())));
    return " (known: " + shown + (names.size() > MAX_KNOWN ? ", …" : "") + ")";
  }

  static List<String> enumValues(Class<?> type) {
    List<String> out = new ArrayList<>();
    for (Object c : type.getEnumConstants()) {
      String name = ((Enum<?>) c).name();
      try {
        Field f = type.getField(name);
        JsonProperty p = f.getAnnotation(JsonProperty.class);
        out.add(p != null && !p.value().isEmpty() ? p.value() : name);
      } catch (NoSuchFieldException ex) {
        out.add(name);
      }
    }
    return out;
  }

  private static String describe(Class<?> target) {
    if (target == Integer.class
        || target == int.class
        || target == Long.class
        || target == long.class
        || target == OptionalInt.class
        || target == OptionalLong.class) {
      return "an integer";
    }
    if (target == Double.class || target == double.class || target == OptionalDouble.class) {
      return "a number";
    }
    if (target == Boolean.class || target == boolean.class) {
      return "a boolean";
    }
    if (target == String.class || target == Optional.class) {
      return "a string";
    }
    if (Collection.class.isAssignableFrom(target)) {
      return "a list";
    }
    if (Map.class.isAssignableFrom(target)) {
      return "a mapping";
    }
    if (target.getSimpleName().equals("Duration")) {
      return "a duration";
    }
    if (target.getSimpleName().equals("IntOrString")) {
      return "an integer or a string";
    }
    return "a mapping";
  }

  private static String actual(MismatchedInputException e) {
    JsonToken t = e.getProcessor() instanceof JsonParser p ? p.currentToken() : null;
    if (t == null) {
      return "nothing";
    }
    return switch (t) {
      case START_OBJECT, FIELD_NAME, END_OBJECT -> "a mapping";
      case START_ARRAY, END_ARRAY -> "a list";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT -> "an integer";
      case VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> "a value";
    };
  }

  private static Throwable rootCause(Throwable t) {
    Throwable r = t;
    while (r.getCause() != null && r.getCause() != r) {
      r = r.getCause();
    }
    return r;
  }

  private static int line(JsonLocation location) {
    return location == null || location.getLineNr() < 0 ? 0 : location.getLineNr();
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "invalid input";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).strip();
  }

  /** Java type names mean nothing to a manifest author: keep only simple names. */
  private static String clean(String s) {
    return s.replaceAll("`(?:[a-zA-Z0-9_$]+\\.)+([a-zA-Z0-9_$]+)`", "$1")
        .replaceAll("(?:[a-z0-9_]+\\.)+([A-Z][A-Za-z0-9_$]*)", "$1");
  }

  static String join(String prefix, String path) {
    if (prefix.isEmpty()) {
      return path;
    }
    if (path.isEmpty()) {
      return prefix;
    }
    return path.startsWith("[") ? prefix + path : prefix + "." + path;
  }
}
