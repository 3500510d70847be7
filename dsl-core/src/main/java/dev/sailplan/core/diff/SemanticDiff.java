package dev.sailplan.core.diff;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Compares two manifests as data, the way the API server sees them: key order, quoting style and
 * comments do not matter; numbers compare by value; map keys compare as strings ({@code 8080:} and
 * {@code "8080":} are one key); an empty list or map equals an absent one (proto3 and Go's
 * omitempty make them the same).
 *
 * <pre>{@code
 * List<String> d = SemanticDiff.diff(new Yaml().load(expected), new Yaml().load(actual));
 * // [] when equal, else e.g. ["spec.http[0].timeout: 10s != 20s"]
 * }</pre>
 */
public final class SemanticDiff {
  private static final int MAX_DIFFERENCES = 20;

  private SemanticDiff() {}

  /**
   * The differences between two data trees (maps, lists, scalars as loaded by a YAML or JSON
   * reader), each as {@code path: expected != actual}; empty when they are equal.
   */
  public static List<String> diff(Object expected, Object actual) {
    List<String> out = new ArrayList<>();
    compare("", expected, actual, out);
    return out;
  }

  /** Whether two data trees are semantically equal. */
  public static boolean equal(Object expected, Object actual) {
    return diff(expected, actual).isEmpty();
  }

  private static void compare(String path, Object a, Object b, List<String> out) {
    if (out.size() >= MAX_DIFFERENCES) {
      return;
    }
    if (isEmpty(a) && isEmpty(b)) {
      return;
    }
    if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
      TreeSet<String> keys = new TreeSet<>();
      ma.keySet().forEach(k -> keys.add(String.valueOf(k)));
      mb.keySet().forEach(k -> keys.add(String.valueOf(k)));
      for (String k : keys) {
        compare(path.isEmpty() ? k : path + "." + k, get(ma, k), get(mb, k), out);
      }
      return;
    }
    if (a instanceof List<?> la && b instanceof List<?> lb) {
      if (la.size() != lb.size()) {
        out.add(where(path) + "list of " + la.size() + " != list of " + lb.size());
        return;
      }
      for (int i = 0; i < la.size(); i++) {
        compare(path + "[" + i + "]", la.get(i), lb.get(i), out);
      }
      return;
    }
    if (a instanceof Number na && b instanceof Number nb) {
      if (new BigDecimal(na.toString()).compareTo(new BigDecimal(nb.toString())) != 0) {
        out.add(where(path) + na + " != " + nb);
      }
      return;
    }
    if (a == null ? b != null : !a.equals(b)) {
      out.add(where(path) + show(a) + " != " + show(b));
    }
  }

  private static Object get(Map<?, ?> m, String key) {
    for (Map.Entry<?, ?> e : m.entrySet()) {
      if (String.valueOf(e.getKey()).equals(key)) {
        return e.getValue();
      }
    }
    return null;
  }

  private static boolean isEmpty(Object o) {
    return o == null
        || (o instanceof Collection<?> c && c.isEmpty())
        || (o instanceof Map<?, ?> m && m.isEmpty());
  }

  private static String where(String path) {
    return (path.isEmpty() ? "(root)" : path) + ": ";
  }

  private static String show(Object o) {
    if (o == null) {
      return "absent";
    }
    return o instanceof String ? "\"" + o + "\"" : o + " (" + o.getClass().getSimpleName() + ")";
  }
}
