package dev.sailplan.javaimport.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The comments of one input document, each at the field path it was written at ({@code
 * spec/http/0/route}): the emitter takes them as it writes the builder calls of those fields, and
 * what no call took goes into the method's Javadoc.
 */
public final class Comments {
  /** A comment line of the input, without the {@code #}. */
  record Line(int line, String path, String text) {}

  /** By input line, so that taken comments come out in the order they were written. */
  private final Map<Integer, Line> lines = new TreeMap<>();

  /** Comments of a document that had none. */
  public static Comments none() {
    return new Comments();
  }

  /** A copy, for a second writing of the same input. */
  public Comments copy() {
    Comments c = new Comments();
    c.lines.putAll(lines);
    return c;
  }

  void add(int line, List<String> path, String text) {
    lines.putIfAbsent(line, new Line(line, String.join("/", path), text));
  }

  /** Whether there is no comment left. */
  public boolean isEmpty() {
    return lines.isEmpty();
  }

  /** Removes and returns the comments at {@code path} and below it. */
  List<String> takeUnder(List<String> path) {
    String p = String.join("/", path);
    return take(l -> p.isEmpty() || l.path().equals(p) || l.path().startsWith(p + "/"));
  }

  /** Removes and returns the comments at exactly {@code path}. */
  List<String> takeAt(List<String> path) {
    String p = String.join("/", path);
    return take(l -> l.path().equals(p));
  }

  private List<String> take(java.util.function.Predicate<Line> which) {
    List<String> out = new ArrayList<>();
    for (Iterator<Line> it = lines.values().iterator(); it.hasNext(); ) {
      Line l = it.next();
      if (which.test(l)) {
        out.add(l.text());
        it.remove();
      }
    }
    return out;
  }
}
