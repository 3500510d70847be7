package dev.sailplan.core.yaml.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sailplan.core.yaml.YamlOut;
import dev.sailplan.core.yaml.YamlWritable;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * {@link YamlOut} that builds the JSON tree of a generated object from its {@code writeYaml}
 * events: the tree validation checks a built resource against, without Jackson's reflective
 * serialization (whose set-up, per type, was most of a one-file {@code fmt}'s start-up).
 *
 * <p>The tree holds what the canonical YAML holds, key for key. Integers are {@code int} nodes when
 * they fit, {@code long} ones otherwise; the schema and CEL validators compare numbers by value, so
 * that Jackson would have written a {@code long} field as a {@code long} node does not matter to
 * them.
 */
public final class TreeWriter implements YamlOut {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Deque<JsonNode> open = new ArrayDeque<>();
  private String key;
  private JsonNode root;

  private TreeWriter() {}

  /** The tree of {@code value}'s fields, as one mapping. */
  public static JsonNode of(YamlWritable value) {
    TreeWriter w = new TreeWriter();
    w.beginMapping();
    value.writeYaml(w);
    w.endMapping();
    return w.root;
  }

  private YamlOut add(JsonNode node) {
    JsonNode parent = open.peek();
    if (parent == null) {
      root = node;
    } else if (parent instanceof ObjectNode o) {
      if (key == null) {
        throw new IllegalStateException("a value without a key");
      }
      o.set(key, node);
      key = null;
    } else {
      ((ArrayNode) parent).add(node);
    }
    return this;
  }

  @Override
  public YamlOut beginMapping() {
    ObjectNode node = NODES.objectNode();
    add(node);
    open.push(node);
    return this;
  }

  @Override
  public YamlOut endMapping() {
    open.pop();
    return this;
  }

  @Override
  public YamlOut beginSequence() {
    ArrayNode node = NODES.arrayNode();
    add(node);
    open.push(node);
    return this;
  }

  @Override
  public YamlOut endSequence() {
    open.pop();
    return this;
  }

  @Override
  public YamlOut key(String name) {
    this.key = name;
    return this;
  }

  @Override
  public YamlOut value(String value) {
    return add(NODES.textNode(value));
  }

  @Override
  public YamlOut value(long value) {
    return add(value == (int) value ? NODES.numberNode((int) value) : NODES.numberNode(value));
  }

  @Override
  public YamlOut value(double value) {
    return add(NODES.numberNode(value));
  }

  @Override
  public YamlOut value(boolean value) {
    return add(NODES.booleanNode(value));
  }

  @Override
  public YamlOut valueNull() {
    return add(NODES.nullNode());
  }

  @Override
  public YamlOut tree(JsonNode value) {
    return add(value.deepCopy());
  }
}
