package dev.sailplan.core.internal;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import java.util.ArrayDeque;
import java.util.Deque;

/** Well-formed YAML that Sailplan does not read, at a field path. */
final class RejectedYaml extends JsonParseException {
  private static final long serialVersionUID = 1L;

  private final String path;

  RejectedYaml(JsonParser p, String message, String path) {
    super(p, message, p.currentTokenLocation());
    this.path = path;
  }

  /** The field path, e.g. {@code metadata.labels}, or empty for the document itself. */
  String path() {
    return path;
  }

  /** The path of {@code ctx}, as {@link Problems} writes paths. */
  static String path(JsonStreamContext ctx) {
    Deque<String> parts = new ArrayDeque<>();
    for (JsonStreamContext c = ctx; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inArray()) {
        parts.push("[" + Math.max(c.getCurrentIndex(), 0) + "]");
      } else if (c.getCurrentName() != null) {
        parts.push(Problems.segment(c.getCurrentName()));
      }
    }
    StringBuilder b = new StringBuilder();
    for (String part : parts) {
      b.append(b.length() == 0 || part.startsWith("[") ? "" : ".").append(part);
    }
    return b.toString();
  }
}
