package dev.sailplan.core.validation;

import java.util.Objects;

/**
 * One thing validation found, located as precisely as known.
 *
 * <p>{@link #toString()} is the line {@code sailplan validate} prints, in the style of {@code
 * istioctl analyze}: {@code Error [SP0107] (HTTPRoute default/api mesh.yaml:14) spec.hostnames[0]:
 * must be a valid hostname}.
 *
 * @param code the Sailplan code, e.g. {@code SP0107}
 * @param istioCode the {@code istioctl analyze} code of the same problem (e.g. {@code IST0106}), or
 *     empty
 * @param level how serious it is
 * @param origin the object, {@code Kind namespace/name}, or {@code Kind name} for one without a
 *     namespace; empty when the document has no identity (e.g. a syntax error)
 * @param file the file it was read from, empty for built objects and stdin
 * @param line the 1-based line, 0 when unknown
 * @param path the field path, empty for the whole object
 * @param reason the API server's reason for an admission rule, or empty
 * @param message what is wrong, one line
 */
public record Finding(
    String code,
    String istioCode,
    Level level,
    String origin,
    String file,
    int line,
    String path,
    String reason,
    String message) {

  /** Checks the parts. */
  public Finding {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(istioCode, "istioCode");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
  }

  /** The same finding at another line. */
  public Finding atLine(int otherLine) {
    return new Finding(code, istioCode, level, origin, file, otherLine, path, reason, message);
  }

  /**
   * The page that explains {@link #code()}: its section of {@code docs/validation.md} for an
   * admission code (SP0xxx), else {@code docs/rules/<CODE>.md}.
   */
  public String documentationUrl() {
    return code.startsWith("SP0") || !code.startsWith("SP")
        ? "https://sailplan.dev/docs/validation#" + code.toLowerCase(java.util.Locale.ROOT)
        : "https://sailplan.dev/docs/rules/" + code;
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    b.append(level.label()).append(" [").append(code).append("] ");
    String where = file.isEmpty() ? "" : line > 0 ? file + ":" + line : file;
    String in = origin.isEmpty() ? where : where.isEmpty() ? origin : origin + " " + where;
    if (!in.isEmpty()) {
      b.append('(').append(in).append(") ");
    }
    if (!path.isEmpty()) {
      b.append(path).append(": ");
    }
    return b.append(message).toString();
  }
}
