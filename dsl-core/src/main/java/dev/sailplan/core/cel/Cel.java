package dev.sailplan.core.cel;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CEL's operators, macros and functions for the rules codegen compiles to Java.
 *
 * <p>Values are Java objects: {@link Boolean}, {@link Long} (CEL int), {@link Double}, {@link
 * String}, {@link Duration}, null, lists ({@link List} or a JSON array), maps ({@link Map} or a
 * JSON object, which also stands for a Kubernetes object) and the URL of the Kubernetes library. An
 * error is a thrown {@link CelError}; only the accumulator of a comprehension holds one as a value,
 * and {@link #val(Object)} rethrows it where it is used.
 */
public final class Cel {
  private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

  private Cel() {}

  /** A lazily evaluated operand, for the operators that absorb errors. */
  @FunctionalInterface
  public interface Lazy {
    /** Evaluates the operand. */
    Object get();
  }

  /** A function of one value: a comprehension's condition or result. */
  @FunctionalInterface
  public interface Fn {
    /** Applies it. */
    Object apply(Object value);
  }

  /** A comprehension's step: the next accumulator from the accumulator and the item. */
  @FunctionalInterface
  public interface Step {
    /** Applies it. */
    Object apply(Object accumulator, Object item);
  }

  // ---- values

  /** The CEL value of a JSON node: scalars as Java values, objects and arrays as they are. */
  public static Object value(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      return null;
    }
    if (n.isTextual()) {
      return n.textValue();
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    if (n.isIntegralNumber()) {
      if (!n.canConvertToLong()) {
        throw new CelError("integer overflow");
      }
      return n.longValue();
    }
    if (n.isNumber()) {
      return n.doubleValue();
    }
    return n;
  }

  /** The accumulator's value, rethrowing the error it holds. */
  public static Object val(Object accumulator) {
    if (accumulator instanceof CelError e) {
      throw e;
    }
    return accumulator;
  }

  /** {@code target.field}: the field of an object or the value of a map key. */
  public static Object get(Object target, String field) {
    if (target instanceof JsonNode n && n.isObject()) {
      JsonNode v = n.get(field);
      if (v == null || v.isNull()) {
        throw new CelError("no such key: " + field);
      }
      return value(v);
    }
    if (target instanceof Map<?, ?> m) {
      if (!m.containsKey(field)) {
        throw new CelError("no such key: " + field);
      }
      return m.get(field);
    }
    throw noOverload("select");
  }

  /** {@code has(target.field)}. */
  public static boolean has(Object target, String field) {
    if (target instanceof JsonNode n && n.isObject()) {
      JsonNode v = n.get(field);
      return v != null && !v.isNull();
    }
    if (target instanceof Map<?, ?> m) {
      return m.containsKey(field);
    }
    throw noOverload("has");
  }

  /** {@code target[key]}. */
  public static Object index(Object target, Object key) {
    if (isList(target)) {
      if (!(key instanceof Long) && !(key instanceof Double)) {
        throw noOverload("_[_]");
      }
      long i = key instanceof Long l ? l : toIntExact((Double) key);
      int size = size(target).intValue();
      if (i < 0 || i >= size) {
        throw new CelError("index out of bounds: " + i);
      }
      return element(target, (int) i);
    }
    if (target instanceof JsonNode n && n.isObject()) {
      if (!(key instanceof String s)) {
        throw new CelError("no such key: " + key);
      }
      return get(target, s);
    }
    if (target instanceof Map<?, ?> m) {
      if (!containsKey(m, key)) {
        throw new CelError("no such key: " + key);
      }
      return m.get(key);
    }
    throw noOverload("_[_]");
  }

  /** A list literal. */
  public static List<Object> list(Object... items) {
    return Collections.unmodifiableList(Arrays.asList(items));
  }

  /** A map literal: keys and values alternating. */
  public static Map<Object, Object> map(Object... keysAndValues) {
    Map<Object, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (containsKey(m, keysAndValues[i])) {
        throw new CelError("Failed with repeated key");
      }
      m.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return Collections.unmodifiableMap(m);
  }

  // ---- logic

  /** {@code a && b}: false wins over an error on either side. */
  public static boolean and(Lazy a, Lazy b) {
    return logic(a, b, false);
  }

  /** {@code a || b}: true wins over an error on either side. */
  public static boolean or(Lazy a, Lazy b) {
    return logic(a, b, true);
  }

  private static boolean logic(Lazy a, Lazy b, boolean decisive) {
    RuntimeException first = null;
    Object x = null;
    try {
      x = a.get();
    } catch (CelError e) {
      first = e;
    }
    if (x instanceof Boolean v && v == decisive) {
      return decisive;
    }
    Object y = null;
    try {
      y = b.get();
    } catch (CelError e) {
      if (first == null) {
        first = e;
      }
    }
    if (y instanceof Boolean v && v == decisive) {
      return decisive;
    }
    if (first != null) {
      throw first;
    }
    if (!(x instanceof Boolean) || !(y instanceof Boolean)) {
      throw noOverload(decisive ? "_||_" : "_&&_");
    }
    return !decisive;
  }

  /** {@code !a}. */
  public static boolean not(Object a) {
    return !truth(a);
  }

  /** The condition of {@code c ? a : b}. */
  public static boolean truth(Object c) {
    if (c instanceof Boolean b) {
      return b;
    }
    throw noOverload("_?_:_");
  }

  /** The macros' loop condition: true unless the value is false. */
  public static boolean notStrictlyFalse(Lazy a) {
    try {
      return !Boolean.FALSE.equals(a.get());
    } catch (CelError e) {
      return true;
    }
  }

  /**
   * A comprehension (what the macros {@code all}, {@code exists}, {@code exists_one}, {@code
   * filter} and {@code map} expand to): over the items of a list or the keys of a map, while {@code
   * condition} holds, the accumulator becomes {@code step}'s result; an error in a step becomes the
   * accumulator, for the next step to absorb or pass on.
   */
  public static Object fold(Object range, Object init, Fn condition, Step step, Fn result) {
    Object accumulator = init;
    for (Object item : items(range)) {
      if (Boolean.FALSE.equals(condition.apply(accumulator))) {
        break;
      }
      try {
        accumulator = step.apply(accumulator, item);
      } catch (CelError e) {
        accumulator = e;
      }
    }
    return result.apply(accumulator);
  }

  private static Iterable<Object> items(Object range) {
    if (range instanceof JsonNode n && n.isArray()) {
      return () -> mapped(n.elements());
    }
    if (range instanceof JsonNode n && n.isObject()) {
      List<Object> keys = new ArrayList<>();
      n.fieldNames().forEachRemaining(keys::add);
      return keys;
    }
    if (range instanceof List<?> l) {
      return Collections.unmodifiableList(l);
    }
    if (range instanceof Map<?, ?> m) {
      return new ArrayList<>(m.keySet());
    }
    throw noOverload("comprehension");
  }

  private static Iterator<Object> mapped(Iterator<JsonNode> it) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public Object next() {
        return value(it.next());
      }
    };
  }

  // ---- equality and ordering

  /** {@code a == b}. */
  public static boolean eq(Object a, Object b) {
    return equal(a, b);
  }

  /** {@code a != b}. */
  public static boolean ne(Object a, Object b) {
    return !equal(a, b);
  }

  private static boolean equal(Object a, Object b) {
    if (a instanceof JsonNode n && !n.isContainerNode()) {
      a = value(n);
    }
    if (b instanceof JsonNode n && !n.isContainerNode()) {
      b = value(n);
    }
    if (a == null || b == null) {
      return a == b;
    }
    if (a instanceof Number x && b instanceof Number y) {
      if (a instanceof Long l && b instanceof Long m) {
        return l.longValue() == m.longValue();
      }
      return x.doubleValue() == y.doubleValue();
    }
    if (isList(a) && isList(b)) {
      int size = size(a).intValue();
      if (size != size(b).intValue()) {
        return false;
      }
      for (int i = 0; i < size; i++) {
        if (!equal(element(a, i), element(b, i))) {
          return false;
        }
      }
      return true;
    }
    if (isMap(a) && isMap(b)) {
      List<Object> keys = new ArrayList<>();
      items(a).forEach(keys::add);
      if (keys.size() != size(b).intValue()) {
        return false;
      }
      for (Object k : keys) {
        if (!mapHas(b, k) || !equal(index(a, k), index(b, k))) {
          return false;
        }
      }
      return true;
    }
    return a.getClass() == b.getClass() && a.equals(b);
  }

  /** {@code a < b}. */
  public static boolean lt(Object a, Object b) {
    return compare(a, b, "_<_") < 0;
  }

  /** {@code a <= b}. */
  public static boolean le(Object a, Object b) {
    return compare(a, b, "_<=_") <= 0;
  }

  /** {@code a > b}. */
  public static boolean gt(Object a, Object b) {
    return compare(a, b, "_>_") > 0;
  }

  /** {@code a >= b}. */
  public static boolean ge(Object a, Object b) {
    return compare(a, b, "_>=_") >= 0;
  }

  private static int compare(Object a, Object b, String op) {
    if (a instanceof Long x && b instanceof Long y) {
      return Long.compare(x, y);
    }
    if (a instanceof Number x && b instanceof Number y) {
      return Double.compare(x.doubleValue(), y.doubleValue());
    }
    if (a instanceof String x && b instanceof String y) {
      return compareCodePoints(x, y);
    }
    if (a instanceof Boolean x && b instanceof Boolean y) {
      return Boolean.compare(x, y);
    }
    if (a instanceof Duration x && b instanceof Duration y) {
      return x.compareTo(y);
    }
    throw noOverload(op);
  }

  /** Strings order by code point, as CEL compares their UTF-8 bytes. */
  private static int compareCodePoints(String x, String y) {
    int i = 0;
    int j = 0;
    while (i < x.length() && j < y.length()) {
      int c = x.codePointAt(i);
      int d = y.codePointAt(j);
      if (c != d) {
        return Integer.compare(c, d);
      }
      i += Character.charCount(c);
      j += Character.charCount(d);
    }
    return Boolean.compare(i < x.length(), j < y.length());
  }

  /** {@code a in b}: an item of a list or a key of a map. */
  public static boolean in(Object a, Object b) {
    if (isList(b)) {
      int size = size(b).intValue();
      for (int i = 0; i < size; i++) {
        if (equal(a, element(b, i))) {
          return true;
        }
      }
      return false;
    }
    if (isMap(b)) {
      return mapHas(b, a);
    }
    throw noOverload("@in");
  }

  // ---- arithmetic

  /** {@code a + b}: numbers (int64 overflow is an error), strings, lists and durations. */
  public static Object add(Object a, Object b) {
    if (a instanceof Long x && b instanceof Long y) {
      try {
        return Math.addExact(x, y);
      } catch (ArithmeticException e) {
        throw new CelError("integer overflow");
      }
    }
    if (a instanceof Double x && b instanceof Double y) {
      return x + y;
    }
    if (a instanceof String x && b instanceof String y) {
      return x + y;
    }
    if (isList(a) && isList(b)) {
      List<Object> out = new ArrayList<>();
      items(a).forEach(out::add);
      items(b).forEach(out::add);
      return Collections.unmodifiableList(out);
    }
    if (a instanceof Duration x && b instanceof Duration y) {
      return checked(x.plus(y));
    }
    throw noOverload("_+_");
  }

  /** {@code a - b}. */
  public static Object sub(Object a, Object b) {
    if (a instanceof Long x && b instanceof Long y) {
      try {
        return Math.subtractExact(x, y);
      } catch (ArithmeticException e) {
        throw new CelError("integer overflow");
      }
    }
    if (a instanceof Double x && b instanceof Double y) {
      return x - y;
    }
    if (a instanceof Duration x && b instanceof Duration y) {
      return checked(x.minus(y));
    }
    throw noOverload("_-_");
  }

  /** {@code a * b}. */
  public static Object mul(Object a, Object b) {
    if (a instanceof Long x && b instanceof Long y) {
      try {
        return Math.multiplyExact(x, y);
      } catch (ArithmeticException e) {
        throw new CelError("integer overflow");
      }
    }
    if (a instanceof Double x && b instanceof Double y) {
      return x * y;
    }
    throw noOverload("_*_");
  }

  /** {@code a / b}. */
  public static Object div(Object a, Object b) {
    if (a instanceof Long x && b instanceof Long y) {
      if (y == 0) {
        throw new CelError("division by zero");
      }
      if (x == Long.MIN_VALUE && y == -1) {
        throw new CelError("integer overflow");
      }
      return x / y;
    }
    if (a instanceof Double x && b instanceof Double y) {
      return x / y;
    }
    throw noOverload("_/_");
  }

  /** {@code a % b}. */
  public static Object mod(Object a, Object b) {
    if (a instanceof Long x && b instanceof Long y) {
      if (y == 0) {
        throw new CelError("modulus by zero");
      }
      if (x == Long.MIN_VALUE && y == -1) {
        throw new CelError("integer overflow");
      }
      return x % y;
    }
    throw noOverload("_%_");
  }

  /** {@code -a}. */
  public static Object neg(Object a) {
    if (a instanceof Long x) {
      if (x == Long.MIN_VALUE) {
        throw new CelError("integer overflow");
      }
      return -x;
    }
    if (a instanceof Double x) {
      return -x;
    }
    if (a instanceof Duration x) {
      return checked(x.negated());
    }
    throw noOverload("-_");
  }

  // ---- functions

  /** {@code size(a)}: code points of a string, items of a list or map. */
  public static Long size(Object a) {
    if (a instanceof String s) {
      return (long) s.codePointCount(0, s.length());
    }
    if (a instanceof JsonNode n && n.isContainerNode()) {
      return (long) n.size();
    }
    if (a instanceof List<?> l) {
      return (long) l.size();
    }
    if (a instanceof Map<?, ?> m) {
      return (long) m.size();
    }
    throw noOverload("size");
  }

  /** {@code s.contains(t)}. */
  public static boolean contains(Object s, Object t) {
    return str(s, "contains").contains(str(t, "contains"));
  }

  /** {@code s.startsWith(t)}. */
  public static boolean startsWith(Object s, Object t) {
    return str(s, "startsWith").startsWith(str(t, "startsWith"));
  }

  /** {@code s.endsWith(t)}. */
  public static boolean endsWith(Object s, Object t) {
    return str(s, "endsWith").endsWith(str(t, "endsWith"));
  }

  /** {@code s.matches(re)}: whether the RE2 expression matches part of {@code s}. */
  public static boolean matches(Object s, Object re) {
    String text = str(s, "matches");
    String regex = str(re, "matches");
    Pattern p = PATTERNS.get(regex);
    if (p == null) {
      try {
        p = Pattern.compile(regex);
      } catch (PatternSyntaxException e) {
        throw new CelError("invalid regular expression: " + e.getMessage());
      }
      if (PATTERNS.size() < 1024) {
        PATTERNS.put(regex, p);
      }
    }
    return p.matcher(text).find();
  }

  /** {@code s.substring(start)}, in code points. */
  public static String substring(Object s, Object start) {
    String text = str(s, "substring");
    return substring(text, start, (long) text.codePointCount(0, text.length()));
  }

  /** {@code s.substring(start, end)}, in code points. */
  public static String substring(Object s, Object start, Object end) {
    String text = str(s, "substring");
    long b = integer(start, "substring");
    long e = integer(end, "substring");
    int length = text.codePointCount(0, text.length());
    if (b < 0 || b > length) {
      throw new CelError("index out of range: " + b);
    }
    if (e < 0 || e > length) {
      throw new CelError("index out of range: " + e);
    }
    if (b > e) {
      throw new CelError("invalid substring range. start: " + b + ", end: " + e);
    }
    int from = text.offsetByCodePoints(0, (int) b);
    int to = text.offsetByCodePoints(from, (int) (e - b));
    return text.substring(from, to);
  }

  /** {@code s.split(sep)}, as Go's {@code strings.Split}. */
  public static List<Object> split(Object s, Object sep) {
    return split(s, sep, -1L);
  }

  /** {@code s.split(sep, n)}, as Go's {@code strings.SplitN}. */
  public static List<Object> split(Object s, Object sep, Object limit) {
    String text = str(s, "split");
    String separator = str(sep, "split");
    long n = integer(limit, "split");
    List<Object> out = new ArrayList<>();
    if (n == 0) {
      return List.of();
    }
    if (separator.isEmpty()) {
      int i = 0;
      while (i < text.length() && (n < 0 || out.size() < n - 1)) {
        int c = text.codePointAt(i);
        out.add(new String(Character.toChars(c)));
        i += Character.charCount(c);
      }
      if (i < text.length()) {
        out.add(text.substring(i));
      }
      return Collections.unmodifiableList(out);
    }
    int from = 0;
    while (n < 0 || out.size() < n - 1) {
      int at = text.indexOf(separator, from);
      if (at < 0) {
        break;
      }
      out.add(text.substring(from, at));
      from = at + separator.length();
    }
    out.add(text.substring(from));
    return Collections.unmodifiableList(out);
  }

  /** {@code s.lowerAscii()}. */
  public static String lowerAscii(Object s) {
    String text = str(s, "lowerAscii");
    StringBuilder b = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      b.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
    }
    return b.toString();
  }

  /** {@code s.upperAscii()}. */
  public static String upperAscii(Object s) {
    String text = str(s, "upperAscii");
    StringBuilder b = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      b.append(c >= 'a' && c <= 'z' ? (char) (c - 32) : c);
    }
    return b.toString();
  }

  /** {@code s.trim()}: without leading and trailing Unicode white space. */
  public static String trim(Object s) {
    return str(s, "trim").strip();
  }

  /** {@code s.indexOf(t)}, in code points; -1 when absent. */
  public static Long indexOf(Object s, Object t) {
    return indexOf(s, t, 0L);
  }

  /** {@code s.indexOf(t, from)}, in code points; -1 when absent. */
  public static Long indexOf(Object s, Object t, Object from) {
    String text = str(s, "indexOf");
    String sub = str(t, "indexOf");
    long start = integer(from, "indexOf");
    int length = text.codePointCount(0, text.length());
    if (start < 0 || start > length) {
      throw new CelError("index out of range: " + start);
    }
    int at = text.indexOf(sub, text.offsetByCodePoints(0, (int) start));
    return at < 0 ? -1L : (long) text.codePointCount(0, at);
  }

  /** {@code list.join()}. */
  public static String join(Object list) {
    return join(list, "");
  }

  /** {@code list.join(sep)}. */
  public static String join(Object list, Object sep) {
    StringBuilder b = new StringBuilder();
    String separator = str(sep, "join");
    boolean first = true;
    for (Object item : items(list)) {
      if (!first) {
        b.append(separator);
      }
      b.append(str(item, "join"));
      first = false;
    }
    return b.toString();
  }

  /** {@code int(a)}: from a string (base 10), a double (truncated) or an int. */
  public static Long toInt(Object a) {
    if (a instanceof Long l) {
      return l;
    }
    if (a instanceof Double d) {
      return toIntExact(d);
    }
    if (a instanceof String s) {
      try {
        return Long.parseLong(s);
      } catch (NumberFormatException e) {
        throw new CelError("cannot convert string to int: " + s);
      }
    }
    throw noOverload("int");
  }

  private static long toIntExact(double d) {
    if (Double.isNaN(d) || d <= -0x1p63 || d >= 0x1p63) {
      throw new CelError("double is out of range of int");
    }
    return (long) d;
  }

  /** {@code double(a)}. */
  public static Double toDouble(Object a) {
    if (a instanceof Double d) {
      return d;
    }
    if (a instanceof Long l) {
      return l.doubleValue();
    }
    if (a instanceof String s) {
      try {
        return Double.parseDouble(s);
      } catch (NumberFormatException e) {
        throw new CelError("cannot convert string to double: " + s);
      }
    }
    throw noOverload("double");
  }

  /** {@code string(a)}. */
  public static String toStr(Object a) {
    if (a instanceof String s) {
      return s;
    }
    if (a instanceof Long || a instanceof Boolean) {
      return a.toString();
    }
    if (a instanceof Duration d) {
      return GoDuration.format(d);
    }
    if (a instanceof GoUrl u) {
      return u.toString();
    }
    throw noOverload("string");
  }

  /** {@code duration(s)}: a Go duration string such as {@code 1h30m} or {@code 0.5s}. */
  public static Duration toDuration(Object a) {
    if (a instanceof Duration d) {
      return d;
    }
    return GoDuration.parse(str(a, "duration"));
  }

  // ---- the Kubernetes URL and IP libraries

  /** {@code isURL(s)}: whether Go's {@code url.ParseRequestURI} accepts it. */
  public static boolean isURL(Object s) {
    return GoUrl.parseRequestUri(str(s, "isURL")) == null;
  }

  /** {@code url(s)}: an error when {@link #isURL(Object)} is false. */
  public static Object url(Object s) {
    String text = str(s, "url");
    String error = GoUrl.parseRequestUri(text);
    if (error != null) {
      throw new CelError("URL parse error during conversion from string: " + error);
    }
    return GoUrl.parse(text);
  }

  /** {@code url.getScheme()}. */
  public static String getScheme(Object u) {
    return url(u, "getScheme").scheme();
  }

  /** {@code url.getHost()}: the host with its port. */
  public static String getHost(Object u) {
    return url(u, "getHost").host();
  }

  /** {@code url.getHostname()}: the host without port or IPv6 brackets. */
  public static String getHostname(Object u) {
    return url(u, "getHostname").hostname();
  }

  /** {@code url.getPort()}: the port, or empty. */
  public static String getPort(Object u) {
    return url(u, "getPort").port();
  }

  /** {@code url.getEscapedPath()}. */
  public static String getEscapedPath(Object u) {
    return url(u, "getEscapedPath").escapedPath();
  }

  /** {@code isIP(s)}: an IPv4 or IPv6 address without zone, not IPv4-mapped. */
  public static boolean isIP(Object s) {
    return IpAddresses.parse(str(s, "isIP")) == null;
  }

  /** {@code isCIDR(s)}: an IP address and prefix length. */
  public static boolean isCIDR(Object s) {
    return IpAddresses.parseCidr(str(s, "isCIDR")) == null;
  }

  // ---- helpers

  private static GoUrl url(Object u, String function) {
    if (u instanceof GoUrl url) {
      return url;
    }
    throw noOverload(function);
  }

  private static Duration checked(Duration d) {
    return GoDuration.checkRange(d);
  }

  private static String str(Object s, String function) {
    if (s instanceof String text) {
      return text;
    }
    throw noOverload(function);
  }

  private static long integer(Object n, String function) {
    if (n instanceof Long l) {
      return l;
    }
    throw noOverload(function);
  }

  private static boolean isList(Object a) {
    return a instanceof List<?> || (a instanceof JsonNode n && n.isArray());
  }

  private static boolean isMap(Object a) {
    return a instanceof Map<?, ?> || (a instanceof JsonNode n && n.isObject());
  }

  private static boolean mapHas(Object map, Object key) {
    if (map instanceof JsonNode n) {
      return key instanceof String s && n.has(s) && !n.get(s).isNull();
    }
    return containsKey((Map<?, ?>) map, key);
  }

  private static boolean containsKey(Map<?, ?> m, Object key) {
    for (Object k : m.keySet()) {
      if (equal(k, key)) {
        return true;
      }
    }
    return false;
  }

  private static Object element(Object list, int i) {
    if (list instanceof JsonNode n) {
      return value(n.get(i));
    }
    return ((List<?>) list).get(i);
  }

  private static CelError noOverload(String function) {
    return new CelError("no such overload: " + function);
  }
}
