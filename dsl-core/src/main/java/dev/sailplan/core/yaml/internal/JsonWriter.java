package dev.sailplan.core.yaml.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Pretty JSON with a fixed layout (2-space indent, ": ", one entry per line, {@code {}} and {@code
 * []} for empty containers) so that output does not depend on a pretty printer's defaults. Numbers
 * use the same canonical text as the YAML output.
 */
public final class JsonWriter {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final StringBuilder out = new StringBuilder();

  private JsonWriter() {}

  /**
   * Renders {@code document} with one trailing line break. NaN and infinities have no JSON spelling
   * and are written as the strings "NaN", "Infinity" and "-Infinity", as Jackson does.
   */
  public static String write(JsonNode document) {
    JsonWriter writer = new JsonWriter();
    writer.value(document, 0);
    return writer.out.append('\n').toString();
  }

  private void value(JsonNode node, int indent) {
    if (node.isObject()) {
      object(node, indent);
    } else if (node.isArray()) {
      array(node, indent);
    } else if (node.isTextual() || node.isBinary()) {
      string(node.asText());
    } else if (node.isNumber()) {
      String text = Numbers.finite(node);
      if (text != null) {
        out.append(text);
      } else {
        string(Double.toString(node.doubleValue()));
      }
    } else if (node.isBoolean()) {
      out.append(node.booleanValue());
    } else if (node.isNull() || node.isMissingNode()) {
      out.append("null");
    } else {
      throw new IllegalArgumentException("cannot render " + node.getNodeType() + " node as JSON");
    }
  }

  private void object(JsonNode node, int indent) {
    if (node.isEmpty()) {
      out.append("{}");
      return;
    }
    out.append('{');
    Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> entry = it.next();
      newline(indent + 2);
      string(entry.getKey());
      out.append(": ");
      value(entry.getValue(), indent + 2);
      if (it.hasNext()) {
        out.append(',');
      }
    }
    newline(indent);
    out.append('}');
  }

  private void array(JsonNode node, int indent) {
    if (node.isEmpty()) {
      out.append("[]");
      return;
    }
    out.append('[');
    Iterator<JsonNode> it = node.elements();
    while (it.hasNext()) {
      newline(indent + 2);
      value(it.next(), indent + 2);
      if (it.hasNext()) {
        out.append(',');
      }
    }
    newline(indent);
    out.append(']');
  }

  private void newline(int indent) {
    out.append('\n').append(" ".repeat(indent));
  }

  /** JSON string: escapes controls, and unpaired surrogates, which have no UTF-8 encoding. */
  private void string(String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || isUnpairedSurrogate(s, i)) {
            out.append("\\u");
            for (int shift = 12; shift >= 0; shift -= 4) {
              out.append(HEX[(c >> shift) & 0xF]);
            }
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static boolean isUnpairedSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
    }
    return false;
  }
}
