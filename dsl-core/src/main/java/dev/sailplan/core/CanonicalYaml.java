package dev.sailplan.core;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sailplan.core.yaml.internal.JsonWriter;
import dev.sailplan.core.yaml.internal.PlainScalars;
import dev.sailplan.core.yaml.internal.StreamingYamlWriter;
import java.util.List;
import java.util.Objects;

/**
 * The canonical text form of manifests: the same tree always gives the same bytes, and the bytes
 * read back as the same tree in YAML 1.1 readers (kubectl, SnakeYAML, Jackson) and YAML 1.2 readers
 * alike.
 *
 * <p>Layout: block style, 2-space indentation, keys in the tree's order (callers order them),
 * sequences kubectl-style with the dash at the parent key's column, and a mapping item starting on
 * its dash line. Empty containers are {@code {}} and {@code []}. LF line ends, no trailing white
 * space, exactly one final line break.
 *
 * <pre>{@code
 * spec:
 *   hosts:
 *   - reviews
 *   http:
 *   - match:
 *     - uri:
 *         prefix: /api
 *     route:
 *     - destination:
 *         host: reviews
 *       weight: 90
 *   labels: {}
 *   script: |
 *     line one
 *     line two
 *   port: "8080"
 * }</pre>
 *
 * <p>Scalars:
 *
 * <ul>
 *   <li>Strings are plain when {@link #isPlainSafe} says so, otherwise double-quoted with YAML
 *       escapes for control and line-break characters (other Unicode stays literal) and never
 *       folded. A multi-line value that a literal block reproduces exactly (printable, no CR, no
 *       leading white space on the first line, no trailing white space, at most one final line
 *       break) is written as {@code |} or {@code |-}. Keys are never block scalars.
 *   <li>Integral numbers are digits. Floating values that are integral and below 1e15 in magnitude
 *       are written as integers ({@code 10.0} as {@code 10}); others as the shortest round-tripping
 *       decimal in plain notation with a '.' ({@code 1e-7} as {@code 0.0000001}). NaN and
 *       infinities are {@code .nan}, {@code .inf}, {@code -.inf}.
 *   <li>Booleans are {@code true}/{@code false}; null is {@code null}.
 * </ul>
 */
public final class CanonicalYaml {
  private static final String DOCUMENT_SEPARATOR = "---\n";

  private CanonicalYaml() {}

  /** Appends one document (no leading '---'), ending with a newline. */
  public static void write(JsonNode document, StringBuilder out) {
    Objects.requireNonNull(out, "out");
    StreamingYamlWriter.write(Objects.requireNonNull(document, "document"), out);
  }

  /** One document as a string. */
  public static String toYaml(JsonNode document) {
    StringBuilder out = new StringBuilder();
    write(document, out);
    return out.toString();
  }

  /**
   * Several documents: "---\n" between documents (not before the first); one trailing newline; ""
   * for an empty list.
   */
  public static String toYaml(List<? extends JsonNode> documents) {
    StringBuilder out = new StringBuilder();
    for (JsonNode document : documents) {
      if (out.length() > 0) {
        out.append(DOCUMENT_SEPARATOR);
      }
      write(document, out);
    }
    return out.toString();
  }

  /**
   * Pretty JSON: 2-space indent, keys in tree order, ": " separator, one trailing newline. Numbers
   * use the same canonical text as YAML; NaN and infinities, which JSON cannot express, become the
   * strings "NaN", "Infinity" and "-Infinity".
   */
  public static String toJson(JsonNode document) {
    return JsonWriter.write(Objects.requireNonNull(document, "document"));
  }

  /**
   * Whether a string can be written as a plain (unquoted) scalar and read back as the same string
   * by YAML 1.1 and 1.2 readers.
   */
  public static boolean isPlainSafe(String s) {
    return PlainScalars.isPlainSafe(Objects.requireNonNull(s, "s"));
  }
}
