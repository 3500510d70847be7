package dev.sailplan.core.yaml.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sailplan.core.yaml.YamlOut;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one layout engine for canonical YAML: 2-space indentation, sequences kubectl-style (the dash
 * at the parent key's column), a mapping or sequence item starting on its dash line, empty
 * containers in flow style. Scalars are delegated to {@link ScalarStyle}.
 *
 * <p>A container's first line is written only when its first entry arrives, so an empty one can
 * still become {@code {}} or {@code []} on its key's line.
 */
public final class StreamingYamlWriter implements YamlOut {
  private static final int STEP = 2;

  /**
   * Longest key we write as a simple key. YAML readers reject simple keys over 1024 characters
   * (SnakeYAML counts code points, which never exceed chars), so longer ones use "? key".
   */
  private static final int MAX_SIMPLE_KEY = 1000;

  /** How a value came to be written: as the document, after a key, or as a sequence item. */
  private enum Slot {
    ROOT,
    KEY,
    ITEM
  }

  /** An open mapping or sequence. */
  private static final class Frame {
    final boolean mapping;
    final Slot slot;

    /** The column its entries sit at, once opened. */
    int indent;

    /** Whether its first entry continues the current line (after "- "). */
    boolean inline;

    boolean opened;
    int entries;
    String pendingKey;

    /** For a container that is a key's value: the owning mapping's key and indent. */
    final String ownerKey;

    final int ownerIndent;
    final boolean ownerContinues;

    Frame(boolean mapping, Slot slot, String ownerKey, int ownerIndent, boolean ownerContinues) {
      this.mapping = mapping;
      this.slot = slot;
      this.ownerKey = ownerKey;
      this.ownerIndent = ownerIndent;
      this.ownerContinues = ownerContinues;
    }
  }

  private final StringBuilder out;
  private final List<Frame> stack = new ArrayList<>();
  private boolean rootWritten;

  /** A writer appending one document to {@code out}. */
  public StreamingYamlWriter(StringBuilder out) {
    this.out = out;
  }

  /** Appends {@code document} without a leading "---", ending with exactly one line break. */
  public static void write(JsonNode document, StringBuilder out) {
    new StreamingYamlWriter(out).tree(document);
  }

  @Override
  public YamlOut beginMapping() {
    return begin(true);
  }

  @Override
  public YamlOut beginSequence() {
    return begin(false);
  }

  private YamlOut begin(boolean mapping) {
    Frame parent = top();
    if (parent == null) {
      checkRoot();
      stack.add(new Frame(mapping, Slot.ROOT, null, 0, false));
      return this;
    }
    open(parent);
    if (parent.mapping) {
      String key = takeKey(parent);
      stack.add(new Frame(mapping, Slot.KEY, key, parent.indent, continues(parent)));
    } else {
      stack.add(new Frame(mapping, Slot.ITEM, null, parent.indent, continues(parent)));
    }
    parent.entries++;
    return this;
  }

  @Override
  public YamlOut endMapping() {
    return end(true);
  }

  @Override
  public YamlOut endSequence() {
    return end(false);
  }

  private YamlOut end(boolean mapping) {
    Frame f = top();
    if (f == null || f.mapping != mapping) {
      throw new IllegalStateException(
          "end" + (mapping ? "Mapping" : "Sequence") + " without a matching begin");
    }
    if (f.mapping && f.pendingKey != null) {
      throw new IllegalStateException("key " + f.pendingKey + " has no value");
    }
    stack.remove(stack.size() - 1);
    if (!f.opened) {
      // Empty: the flow form on the introducer's line.
      introduce(f);
      out.append(f.mapping ? "{}" : "[]").append('\n');
    }
    return this;
  }

  @Override
  public YamlOut key(String key) {
    Frame f = top();
    if (f == null || !f.mapping) {
      throw new IllegalStateException("key " + key + " outside a mapping");
    }
    if (f.pendingKey != null) {
      throw new IllegalStateException("key " + f.pendingKey + " has no value");
    }
    f.pendingKey = key;
    return this;
  }

  @Override
  public YamlOut value(String value) {
    int owner = startScalar();
    text(value, owner);
    return this;
  }

  @Override
  public YamlOut value(long value) {
    startScalar();
    out.append(value).append('\n');
    return this;
  }

  @Override
  public YamlOut value(double value) {
    startScalar();
    String text = Numbers.ofDouble(value);
    out.append(text != null ? text : Numbers.yamlNonFinite(value)).append('\n');
    return this;
  }

  @Override
  public YamlOut value(boolean value) {
    startScalar();
    out.append(value).append('\n');
    return this;
  }

  @Override
  public YamlOut valueNull() {
    startScalar();
    out.append("null\n");
    return this;
  }

  @Override
  public YamlOut tree(JsonNode node) {
    if (node.isObject()) {
      beginMapping();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        key(e.getKey());
        tree(e.getValue());
      }
      return endMapping();
    }
    if (node.isArray()) {
      beginSequence();
      for (JsonNode item : node) {
        tree(item);
      }
      return endSequence();
    }
    if (node.isTextual() || node.isBinary()) {
      return value(node.asText()); // binary: base64, as Jackson writes it into text formats
    }
    if (node.isNumber()) {
      startScalar();
      String text = Numbers.finite(node);
      out.append(text != null ? text : Numbers.yamlNonFinite(node.doubleValue())).append('\n');
      return this;
    }
    if (node.isBoolean()) {
      return value(node.booleanValue());
    }
    if (node.isNull() || node.isMissingNode()) {
      return valueNull();
    }
    throw new IllegalArgumentException("cannot render " + node.getNodeType() + " node as YAML");
  }

  /**
   * Writes what precedes a scalar (pad, key or dash) and returns the owner's indent, the column a
   * block scalar's content is measured from.
   */
  private int startScalar() {
    Frame parent = top();
    if (parent == null) {
      checkRoot();
      return 0;
    }
    open(parent);
    if (parent.mapping) {
      String key = takeKey(parent);
      if (!continues(parent)) {
        pad(parent.indent);
      }
      key(key, parent.indent);
      out.append(' ');
    } else {
      if (!continues(parent)) {
        pad(parent.indent);
      }
      out.append("- ");
    }
    parent.entries++;
    return parent.indent;
  }

  /** Writes a container's first line, now that it has an entry, and fixes its indent. */
  private void open(Frame f) {
    if (f.opened) {
      return;
    }
    f.opened = true;
    switch (f.slot) {
      case ROOT -> {
        f.indent = 0;
        f.inline = false;
      }
      case KEY -> {
        if (!f.ownerContinues) {
          pad(f.ownerIndent);
        }
        key(f.ownerKey, f.ownerIndent);
        out.append('\n');
        f.indent =
            f.mapping ? f.ownerIndent + STEP : f.ownerIndent; // kubectl style: dashes under the key
        f.inline = false;
      }
      case ITEM -> {
        if (!f.ownerContinues) {
          pad(f.ownerIndent);
        }
        out.append("- ");
        f.indent = f.ownerIndent + STEP;
        f.inline = true;
      }
    }
  }

  /** For an empty container: its key or dash, then the caller adds the flow form. */
  private void introduce(Frame f) {
    switch (f.slot) {
      case ROOT -> {}
      case KEY -> {
        if (!f.ownerContinues) {
          pad(f.ownerIndent);
        }
        key(f.ownerKey, f.ownerIndent);
        out.append(' ');
      }
      case ITEM -> {
        if (!f.ownerContinues) {
          pad(f.ownerIndent);
        }
        out.append("- ");
      }
    }
  }

  private boolean continues(Frame f) {
    return f.inline && f.entries == 0;
  }

  private String takeKey(Frame mapping) {
    String key = mapping.pendingKey;
    if (key == null) {
      throw new IllegalStateException("a mapping entry needs a key first");
    }
    mapping.pendingKey = null;
    return key;
  }

  private void checkRoot() {
    if (rootWritten) {
      throw new IllegalStateException("a document has one root value");
    }
    rootWritten = true;
  }

  private Frame top() {
    return stack.isEmpty() ? null : stack.get(stack.size() - 1);
  }

  /** Writes a key and its ':' (the value follows); long keys use the explicit "? " form. */
  private void key(String key, int indent) {
    int start = out.length();
    if (ScalarStyle.forKey(key) == ScalarStyle.PLAIN) {
      out.append(key);
    } else {
      DoubleQuoted.append(key, out);
    }
    if (out.length() - start > MAX_SIMPLE_KEY) {
      String text = out.substring(start);
      out.setLength(start);
      out.append("? ").append(text).append('\n');
      pad(indent);
      out.append(':');
      return;
    }
    out.append(':');
  }

  private void text(String s, int ownerIndent) {
    switch (ScalarStyle.forValue(s)) {
      case PLAIN -> out.append(s).append('\n');
      case DOUBLE_QUOTED -> {
        DoubleQuoted.append(s, out);
        out.append('\n');
      }
      case LITERAL_CLIP -> {
        out.append("|\n");
        LiteralBlocks.appendBody(s, ownerIndent + STEP, out);
      }
      case LITERAL_STRIP -> {
        out.append("|-\n");
        LiteralBlocks.appendBody(s, ownerIndent + STEP, out);
      }
    }
  }

  private void pad(int indent) {
    for (int i = 0; i < indent; i++) {
      out.append(' ');
    }
  }
}
