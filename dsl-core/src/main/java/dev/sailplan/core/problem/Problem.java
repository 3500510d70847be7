package dev.sailplan.core.problem;

/**
 * One problem with an input manifest, located as precisely as known.
 *
 * <p>{@link #toString()} is the single line users see, e.g. {@code reviews.yaml: document 2, line
 * 14: spec.http[0].route[1].weight: expected an integer, not a string}.
 *
 * @param source the file or source name, or empty
 * @param document the 1-based document number in a multi-document stream, or 0 when unknown
 * @param line the 1-based line, or 0 when unknown
 * @param path the field path, e.g. {@code spec.http[0].route[1].weight}, or empty
 * @param message what is wrong
 */
public record Problem(String source, int document, int line, String path, String message) {

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    if (!source.isEmpty()) {
      b.append(source).append(": ");
    }
    if (document > 0) {
      b.append("document ").append(document);
      b.append(line > 0 ? ", " : ": ");
    }
    if (line > 0) {
      b.append("line ").append(line).append(": ");
    }
    if (!path.isEmpty()) {
      b.append(path).append(": ");
    }
    return b.append(message).toString();
  }
}
