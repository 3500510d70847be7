package dev.sailplan.core.yaml.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Block layout of one YAML document: 2-space indentation, sequences kubectl-style (the dash at
 * the parent key's column), a mapping or sequence item starting on its dash line, empty
 * containers in flow style. Scalars are delegated to {@link ScalarStyle}.
 */
public final class YamlWriter {
  private static final int STEP = 2;

  /**
   * Longest key we write as a simple key. YAML readers reject simple keys over 1024 characters
   * (SnakeYAML counts code points, which never exceed chars), so longer ones use "? key".
   */
  private static final int MAX_SIMPLE_KEY = 1000;

  private final StringBuilder out;

  private YamlWriter(StringBuilder out) {
    this.out = out;
  }

  /** Appends {@code document} without a leading "---", ending with exactly one line break. */
  public static void write(JsonNode document, StringBuilder out) {
    YamlWriter writer = new YamlWriter(out);
    if (isBlockContainer(document)) {
      writer.container(document, 0, false);
    } else {
      writer.leaf(document, 0);
    }
  }

  /** A non-empty object or array: written in block style over several lines. */
  private static boolean isBlockContainer(JsonNode node) {
    return node.isContainerNode() && !node.isEmpty();
  }

  /**
   * Writes a non-empty object or array whose entries sit at column {@code indent}. When
   * {@code inline} the cursor is already at that column (after "- "), so the first entry
   * continues the current line.
   */
  private void container(JsonNode node, int indent, boolean inline) {
    if (node.isObject()) {
      mapping(node, indent, inline);
    } else {
      sequence(node, indent, inline);
    }
  }

  private void mapping(JsonNode node, int indent, boolean inline) {
    boolean continueLine = inline;
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      if (!continueLine) {
        pad(indent);
      }
      continueLine = false;
      key(entry.getKey(), indent);
      JsonNode value = entry.getValue();
      if (value.isObject() && !value.isEmpty()) {
        out.append('\n');
        mapping(value, indent + STEP, false);
      } else if (value.isArray() && !value.isEmpty()) {
        out.append('\n');
        sequence(value, indent, false); // kubectl style: dashes under the key
      } else {
        out.append(' ');
        leaf(value, indent);
      }
    }
  }

  private void sequence(JsonNode node, int indent, boolean inline) {
    boolean continueLine = inline;
    for (JsonNode item : node) {
      if (!continueLine) {
        pad(indent);
      }
      continueLine = false;
      out.append("- ");
      if (isBlockContainer(item)) {
        container(item, indent + STEP, true);
      } else {
        leaf(item, indent);
      }
    }
  }

  /** Writes a key and its ':' (the value follows); long keys use the explicit "? " form. */
  private void key(String key, int indent) {
    StringBuilder text = new StringBuilder();
    if (ScalarStyle.forKey(key) == ScalarStyle.PLAIN) {
      text.append(key);
    } else {
      DoubleQuoted.append(key, text);
    }
    if (text.length() > MAX_SIMPLE_KEY) {
      out.append("? ").append(text).append('\n');
      pad(indent);
    } else {
      out.append(text);
    }
    out.append(':');
  }

  /**
   * Writes a scalar or an empty container at the cursor and ends the line. A block scalar's
   * content goes {@code STEP} columns right of {@code ownerIndent}, the column of the key or
   * dash that owns it.
   */
  private void leaf(JsonNode node, int ownerIndent) {
    if (node.isTextual()) {
      text(node.textValue(), ownerIndent);
      return;
    }
    if (node.isObject()) {
      out.append("{}");
    } else if (node.isArray()) {
      out.append("[]");
    } else if (node.isNumber()) {
      String text = Numbers.finite(node);
      out.append(text != null ? text : Numbers.yamlNonFinite(node.doubleValue()));
    } else if (node.isBoolean()) {
      out.append(node.booleanValue());
    } else if (node.isNull() || node.isMissingNode()) {
      out.append("null");
    } else if (node.isBinary()) {
      text(node.asText(), ownerIndent); // base64, as Jackson writes binary into text formats
      return;
    } else {
      throw new IllegalArgumentException("cannot render " + node.getNodeType() + " node as YAML");
    }
    out.append('\n');
  }

  private void text(String s, int ownerIndent) {
    switch (ScalarStyle.forValue(s)) {
      case PLAIN:
        out.append(s).append('\n');
        break;
      case DOUBLE_QUOTED:
        DoubleQuoted.append(s, out);
        out.append('\n');
        break;
      case LITERAL_CLIP:
        out.append("|\n");
        LiteralBlocks.appendBody(s, ownerIndent + STEP, out);
        break;
      case LITERAL_STRIP:
        out.append("|-\n");
        LiteralBlocks.appendBody(s, ownerIndent + STEP, out);
        break;
    }
  }

  private void pad(int indent) {
    out.append(" ".repeat(indent));
  }
}
