package dev.sailplan.core.validation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Everything validation found, sorted by file, line, code, origin, path and message, so that a
 * report reads top to bottom and is the same on every run.
 */
public final class Findings implements Iterable<Finding> {
  private static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::file)
          .thenComparingInt(Finding::line)
          .thenComparing(Finding::code)
          .thenComparing(Finding::origin)
          .thenComparing(Finding::path)
          .thenComparing(Finding::message);

  private static final Findings NONE = new Findings(List.of());

  private final List<Finding> all;

  private Findings(List<Finding> sorted) {
    this.all = sorted;
  }

  /** The findings, sorted. */
  public static Findings of(Collection<Finding> findings) {
    List<Finding> sorted = new ArrayList<>(findings);
    sorted.sort(ORDER);
    return sorted.isEmpty() ? NONE : new Findings(List.copyOf(sorted));
  }

  /** No findings. */
  public static Findings none() {
    return NONE;
  }

  /** All findings, sorted. */
  public List<Finding> all() {
    return all;
  }

  /** Whether there are none. */
  public boolean isEmpty() {
    return all.isEmpty();
  }

  /** How many there are. */
  public int size() {
    return all.size();
  }

  /** Whether any finding is an Error. */
  public boolean hasErrors() {
    return hasAtLeast(Level.ERROR);
  }

  /** Whether any finding is at least as serious as {@code level}. */
  public boolean hasAtLeast(Level level) {
    return all.stream().anyMatch(f -> f.level().isAtLeast(level));
  }

  /** The findings at least as serious as {@code level}. */
  public Findings atLeast(Level level) {
    return new Findings(all.stream().filter(f -> f.level().isAtLeast(level)).toList());
  }

  /** The findings with {@code code}. */
  public Findings withCode(String code) {
    return new Findings(all.stream().filter(f -> f.code().equals(code)).toList());
  }

  /** These and {@code other}, sorted. */
  public Findings and(Findings other) {
    List<Finding> both = new ArrayList<>(all);
    both.addAll(other.all);
    return of(both);
  }

  /** The findings as a stream. */
  public Stream<Finding> stream() {
    return all.stream();
  }

  @Override
  public Iterator<Finding> iterator() {
    return all.iterator();
  }

  /** One finding per line, as {@code sailplan validate} prints them. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    for (Finding f : all) {
      b.append(f).append('\n');
    }
    return b.toString();
  }
}
