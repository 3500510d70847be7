package dev.sailplan.core.problem;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Input that is not a valid manifest of a known kind. Carries every problem found, not just the
 * first; the message is one line per problem.
 */
public final class ManifestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  /** An exception for these problems (at least one). */
  public ManifestException(List<Problem> problems) {
    super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a ManifestException needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  /** Every problem, in input order. */
  public List<Problem> problems() {
    return problems;
  }
}
