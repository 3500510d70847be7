package dev.sailplan.core.yaml.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sailplan.core.kind.ResourceReader;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.value.Duration;
import dev.sailplan.core.value.IntOrString;
import dev.sailplan.core.value.Timestamp;
import dev.sailplan.core.yaml.YamlIn;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@link YamlIn} over a tree that Jackson read: lets validation, which needs the tree for the
 * schemas and CEL rules, bind it with the generated {@code readYaml} methods instead of Jackson's
 * reflective binding (whose set-up, per type, is most of the start-up of a small run).
 *
 * <p>As for {@link EventReader}, only the plain cases are read, each exactly as Jackson binds the
 * same tree: a value of the node type the field expects. Anything else ({@link #read} returns null
 * then) goes to Jackson, which accepts it or reports it. The tree already carries what the YAML
 * parser decided (a quoted {@code "80"} is text, {@code 80} a number), so no scalar is resolved
 * again here.
 */
public final class TreeReader implements YamlIn {
  private final Deque<Iterator<Map.Entry<String, JsonNode>>> mappings = new ArrayDeque<>();

  /** The value the next read takes; null once taken. */
  private JsonNode pending;

  private TreeReader() {}

  /**
   * The resource {@code reader} reads from {@code tree}, or null when the tree has anything the
   * direct path leaves to Jackson.
   */
  public static Resource read(JsonNode tree, ResourceReader reader) {
    JsonNode apiVersion = tree.get("apiVersion");
    if (!tree.isObject() || apiVersion == null || !apiVersion.isTextual()) {
      return null;
    }
    TreeReader in = new TreeReader();
    Iterator<Map.Entry<String, JsonNode>> all = tree.properties().iterator();
    in.mappings.push(
        new Iterator<>() {
          private Map.Entry<String, JsonNode> next = advance();

          private Map.Entry<String, JsonNode> advance() {
            while (all.hasNext()) {
              Map.Entry<String, JsonNode> e = all.next();
              if (!e.getKey().equals("apiVersion") && !e.getKey().equals("kind")) {
                return e;
              }
            }
            return null;
          }

          @Override
          public boolean hasNext() {
            return next != null;
          }

          @Override
          public Map.Entry<String, JsonNode> next() {
            Map.Entry<String, JsonNode> e = next;
            next = advance();
            return e;
          }
        });
    try {
      return reader.read(in, apiVersion.textValue());
    } catch (RuntimeException e) {
      // A fall-back, or a value a builder refuses (a bad duration, a missing required field):
      // Jackson's binding decides and says what is wrong.
      return null;
    }
  }

  private JsonNode take() {
    JsonNode n = pending;
    if (n == null) {
      throw new EventReader.FallBack("no value to read");
    }
    pending = null;
    return n;
  }

  @Override
  public void beginMapping() {
    JsonNode n = take();
    if (!n.isObject()) {
      throw new EventReader.FallBack("not a mapping");
    }
    mappings.push(n.properties().iterator());
  }

  @Override
  public String nextKey() {
    Iterator<Map.Entry<String, JsonNode>> fields = mappings.peek();
    if (fields == null) {
      throw new EventReader.FallBack("no mapping");
    }
    if (!fields.hasNext()) {
      mappings.pop();
      return null;
    }
    Map.Entry<String, JsonNode> e = fields.next();
    pending = e.getValue();
    return e.getKey();
  }

  @Override
  public String string() {
    JsonNode n = take();
    if (!n.isTextual()) {
      throw new EventReader.FallBack("not a string");
    }
    return n.textValue();
  }

  @Override
  public int int32() {
    JsonNode n = take();
    if (!(n.isInt() || n.isLong()) || !n.canConvertToInt()) {
      throw new EventReader.FallBack("not an int");
    }
    return n.intValue();
  }

  @Override
  public long int64() {
    JsonNode n = take();
    if (!(n.isInt() || n.isLong())) {
      throw new EventReader.FallBack("not a long");
    }
    return n.longValue();
  }

  @Override
  public double number() {
    JsonNode n = take();
    if (!(n.isInt() || n.isLong() || n.isDouble()) || !Double.isFinite(n.doubleValue())) {
      throw new EventReader.FallBack("not a plain number");
    }
    return n.doubleValue();
  }

  @Override
  public boolean bool() {
    JsonNode n = take();
    if (!n.isBoolean()) {
      throw new EventReader.FallBack("not a boolean");
    }
    return n.booleanValue();
  }

  @Override
  public Duration duration() {
    return Duration.parse(string());
  }

  @Override
  public IntOrString intOrString() {
    JsonNode n = take();
    if (n.isTextual()) {
      return IntOrString.of(n.textValue());
    }
    if (n.isInt() || n.isLong()) {
      return IntOrString.of(n.longValue());
    }
    throw new EventReader.FallBack("neither an integer nor a string");
  }

  @Override
  public Timestamp timestamp() {
    return Timestamp.of(string());
  }

  @Override
  public boolean readNull() {
    if (pending != null && pending.isNull()) {
      pending = null;
      return true;
    }
    return false;
  }

  @Override
  public JsonNode tree() {
    JsonNode n = take();
    if (n.isNull()) {
      throw new EventReader.FallBack("a null tree"); // absent to Jackson, not a null node
    }
    return n.deepCopy();
  }

  @Override
  public <T> List<T> list(Function<YamlIn, T> item) {
    JsonNode n = take();
    if (!n.isArray()) {
      throw new EventReader.FallBack("not a sequence");
    }
    List<T> out = new ArrayList<>(n.size());
    for (JsonNode element : n) {
      pending = element;
      out.add(item.apply(this));
      if (pending != null) {
        throw new EventReader.FallBack("an item not read");
      }
    }
    return out;
  }

  @Override
  public <T> Map<String, T> map(Function<YamlIn, T> value) {
    JsonNode n = take();
    if (!n.isObject()) {
      throw new EventReader.FallBack("not a mapping");
    }
    Map<String, T> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = n.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      pending = e.getValue();
      out.put(e.getKey(), value.apply(this));
      if (pending != null) {
        throw new EventReader.FallBack("a value not read");
      }
    }
    return out;
  }

  @Override
  public long once(long seen, long bit) {
    if ((seen & bit) != 0) {
      throw new EventReader.FallBack("a repeated key");
    }
    return seen | bit;
  }

  @Override
  public RuntimeException unknownKey(String key) {
    return new EventReader.FallBack("an unknown key: " + key);
  }

  @Override
  public RuntimeException unsupported(String what) {
    return new EventReader.FallBack(what);
  }
}
