package dev.sailplan.core.yaml.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sailplan.core.value.Duration;
import dev.sailplan.core.value.IntOrString;
import dev.sailplan.core.value.Timestamp;
import dev.sailplan.core.yaml.YamlIn;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * {@link YamlIn} on SnakeYAML's event parser, the same parser (and limits) Jackson's YAML module
 * runs on, without Jackson's token layer, trees or reflection on top.
 *
 * <p>Scalars are typed exactly as Jackson's {@code YAMLParser} types them (SnakeYAML's YAML 1.1
 * resolver on plain scalars, quoted ones are strings), and each accessor takes only the forms whose
 * Jackson reading is unambiguous. Everything else throws {@link FallBack}: the caller then reads
 * the input through the full Jackson path, which decides.
 */
public final class EventReader implements YamlIn {
  /** Thrown where the full path must decide; carries why, for tests and debugging. */
  public static final class FallBack extends RuntimeException {
    private static final long serialVersionUID = 1L;

    FallBack(String why) {
      super(why, null, false, false);
    }
  }

  private enum Type {
    STRING,
    INT,
    FLOAT,
    BOOLEAN,
    NULL
  }

  /**
   * Jackson's YAMLParser resolves with a default resolver; so does this (observed, not changed).
   */
  private static final TypingResolver RESOLVER = new TypingResolver();

  /**
   * Longest scalar or key, in characters; the full path's Jackson parser is configured with the
   * same limit and reports it.
   */
  public static final int MAX_SCALAR = 8 * 1024 * 1024;

  private static final int MAX_NAME = MAX_SCALAR;

  private static final int MAX_STRING = MAX_SCALAR;

  /**
   * Plain scalars typed so far: manifests repeat their values ({@code true}, {@code 80}, versions).
   */
  private static final int MAX_TYPED = 1024;

  private final Parser parser;
  private final int maxDepth;
  private final Map<String, Type> typed = new HashMap<>();
  private int depth;
  private int line;

  /**
   * A reader of {@code text}.
   *
   * @param options SnakeYAML's limits, as given to the full path
   * @param maxDepth nesting beyond which the full path decides (it enforces its own limit)
   */
  public EventReader(String text, LoaderOptions options, int maxDepth) {
    this.parser = new ParserImpl(new LinearStreamReader(new StringReader(text)), options);
    this.maxDepth = maxDepth;
  }

  // ---- documents -----------------------------------------------------------------------------

  /** Reads the stream start. */
  public void beginStream() {
    expect(Event.ID.StreamStart);
  }

  /**
   * Reads up to the next document's root node.
   *
   * @return false at the end of the stream
   */
  public boolean nextDocument() {
    Event e = parser.getEvent();
    if (e.getEventId() == Event.ID.StreamEnd) {
      return false;
    }
    if (!(e instanceof DocumentStartEvent d)
        || d.getVersion() != null
        || (d.getTags() != null && !d.getTags().isEmpty())) {
      throw new FallBack("a document with directives");
    }
    return true;
  }

  /**
   * Whether the document's root is empty (a trailing {@code ---} or only comments); reads it then.
   */
  public boolean emptyRoot() {
    Event e = parser.peekEvent();
    if (e instanceof ScalarEvent s
        && s.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN
        && s.getValue().isEmpty()
        && s.getTag() == null
        && s.getAnchor() == null) {
      parser.getEvent();
      return true;
    }
    return false;
  }

  /** The 1-based line of the last mapping or sequence begun. */
  public int line() {
    return line;
  }

  /** Reads the end of a document. */
  public void endDocument() {
    expect(Event.ID.DocumentEnd);
  }

  // ---- YamlIn --------------------------------------------------------------------------------

  @Override
  public void beginMapping() {
    beginCollection(Event.ID.MappingStart);
  }

  @Override
  public String nextKey() {
    Event e = parser.getEvent();
    if (e.getEventId() == Event.ID.MappingEnd) {
      depth--;
      return null;
    }
    if (!(e instanceof ScalarEvent s) || s.getTag() != null || s.getAnchor() != null) {
      throw new FallBack("a key that is not a plain scalar");
    }
    String key = s.getValue();
    if (s.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN && key.equals("<<")) {
      throw new FallBack("a merge key"); // the full path reports it
    }
    if (key.length() > MAX_NAME) {
      throw new FallBack("a key longer than the name limit");
    }
    return key;
  }

  @Override
  public String string() {
    ScalarEvent s = scalar();
    if (type(s) != Type.STRING) {
      throw new FallBack("a scalar that is not a string");
    }
    return s.getValue();
  }

  @Override
  public int int32() {
    long value = int64();
    if (value != (int) value) {
      throw new FallBack("an integer out of int range");
    }
    return (int) value;
  }

  @Override
  public long int64() {
    ScalarEvent s = scalar();
    Long value = type(s) == Type.INT ? decimal(s.getValue()) : null;
    if (value == null) {
      throw new FallBack("a scalar that is not a decimal integer");
    }
    return value;
  }

  @Override
  public double number() {
    ScalarEvent s = scalar();
    Type type = type(s);
    if (type == Type.INT) {
      Long value = decimal(s.getValue());
      if (value != null) {
        return value;
      }
    } else if (type == Type.FLOAT && simpleFloat(s.getValue())) {
      return Double.parseDouble(s.getValue());
    }
    throw new FallBack("a scalar that is not a plain decimal number");
  }

  @Override
  public boolean bool() {
    ScalarEvent s = scalar();
    if (type(s) == Type.BOOLEAN) {
      // Jackson also takes yes/no/on/off/y/n in any case; those stay with it.
      if (s.getValue().equals("true")) {
        return true;
      }
      if (s.getValue().equals("false")) {
        return false;
      }
    }
    throw new FallBack("a scalar that is not true or false");
  }

  @Override
  public Duration duration() {
    return Duration.parse(string());
  }

  @Override
  public IntOrString intOrString() {
    ScalarEvent s = scalar();
    Type type = type(s);
    if (type == Type.STRING) {
      return IntOrString.of(s.getValue());
    }
    Long value = type == Type.INT ? decimal(s.getValue()) : null;
    if (value == null) {
      throw new FallBack("a scalar that is neither a decimal integer nor a string");
    }
    return IntOrString.of(value);
  }

  @Override
  public Timestamp timestamp() {
    return Timestamp.of(string());
  }

  @Override
  public boolean readNull() {
    Event e = parser.peekEvent();
    if (e instanceof ScalarEvent s
        && s.getTag() == null
        && s.getAnchor() == null
        && type(s) == Type.NULL) {
      parser.getEvent();
      return true;
    }
    return false;
  }

  @Override
  public JsonNode tree() {
    if (readNull()) {
      throw new FallBack("a null tree"); // a null field is absent to Jackson, not a null node
    }
    return node();
  }

  /** A tree as Jackson's readTree builds it; nulls inside it are null nodes, as there. */
  private JsonNode node() {
    Event e = parser.peekEvent();
    switch (e.getEventId()) {
      case MappingStart -> {
        beginMapping();
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        for (String key = nextKey(); key != null; key = nextKey()) {
          if (node.replace(key, node()) != null) {
            throw new FallBack("a repeated key");
          }
        }
        return node;
      }
      case SequenceStart -> {
        beginCollection(Event.ID.SequenceStart);
        ArrayNode node = JsonNodeFactory.instance.arrayNode();
        while (!endOfSequence()) {
          node.add(node());
        }
        return node;
      }
      case Scalar -> {
        return leaf(scalar());
      }
      default -> throw new FallBack("an alias");
    }
  }

  @Override
  public <T> List<T> list(Function<YamlIn, T> item) {
    beginCollection(Event.ID.SequenceStart);
    List<T> out = new ArrayList<>();
    while (!endOfSequence()) {
      out.add(item.apply(this));
    }
    return out;
  }

  @Override
  public <T> Map<String, T> map(Function<YamlIn, T> value) {
    beginMapping();
    Map<String, T> out = new LinkedHashMap<>();
    for (String key = nextKey(); key != null; key = nextKey()) {
      if (out.put(key, value.apply(this)) != null) {
        throw new FallBack("a repeated key");
      }
    }
    return out;
  }

  @Override
  public long once(long seen, long bit) {
    if ((seen & bit) != 0) {
      throw new FallBack("a repeated key");
    }
    return seen | bit;
  }

  @Override
  public RuntimeException unknownKey(String key) {
    return new FallBack("an unknown key: " + key);
  }

  @Override
  public RuntimeException unsupported(String what) {
    return new FallBack(what);
  }

  // ---- internals -----------------------------------------------------------------------------

  private void expect(Event.ID id) {
    if (parser.getEvent().getEventId() != id) {
      throw new FallBack("not " + id);
    }
  }

  private void beginCollection(Event.ID id) {
    Event e = parser.getEvent();
    if (e.getEventId() != id) {
      throw new FallBack("not " + id);
    }
    CollectionStartEvent c = (CollectionStartEvent) e;
    line = c.getStartMark().getLine() + 1;
    if (c.getTag() != null || c.getAnchor() != null) {
      throw new FallBack("a tag or anchor");
    }
    if (++depth > maxDepth) {
      throw new FallBack("nesting near the depth limit");
    }
  }

  /** Reads the sequence end if it is next. */
  private boolean endOfSequence() {
    if (parser.checkEvent(Event.ID.SequenceEnd)) {
      parser.getEvent();
      depth--;
      return true;
    }
    return false;
  }

  private ScalarEvent scalar() {
    Event e = parser.getEvent();
    if (!(e instanceof ScalarEvent s) || s.getTag() != null || s.getAnchor() != null) {
      throw new FallBack("not an untagged scalar");
    }
    if (s.getValue().length() > MAX_STRING) {
      throw new FallBack("a scalar longer than the string limit");
    }
    return s;
  }

  /**
   * The type Jackson's YAMLParser gives the scalar (with empty strings read as null, as
   * configured).
   */
  private Type type(ScalarEvent s) {
    String value = s.getValue();
    if (s.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN || RESOLVER.alwaysString(value)) {
      return Type.STRING;
    }
    Type type = typed.get(value);
    if (type == null) {
      type = resolve(value);
      if (typed.size() < MAX_TYPED) {
        typed.put(value, type);
      }
    }
    return type;
  }

  /** A plain scalar's type: SnakeYAML's tag for it, read as Jackson reads it. */
  @SuppressWarnings("ReferenceEquality") // the resolver hands back the very Tag constants it holds
  private static Type resolve(String value) {
    Tag tag = RESOLVER.resolve(NodeId.scalar, value, true);
    if (tag == Tag.INT) {
      return Type.INT;
    }
    if (tag == Tag.FLOAT) {
      return Type.FLOAT;
    }
    if (tag == Tag.BOOL) {
      return Type.BOOLEAN;
    }
    if (tag == Tag.NULL) {
      return Type.NULL;
    }
    return Type.STRING; // Jackson reads timestamps, merge keys and the rest as strings
  }

  /**
   * SnakeYAML's default resolver, noting as it registers its patterns which first characters a
   * number, boolean or null can start with. Other plain scalars are strings without running a
   * pattern: most keys and values, so this saves a regular expression per scalar.
   */
  private static final class TypingResolver extends Resolver {
    // Filled while the super constructor registers; no initializer, which would run after it.
    private BitSet typedFirst;
    private boolean typedAny;

    @Override
    public void addImplicitResolver(Tag tag, Pattern regexp, String first, int limit) {
      note(tag, first);
      super.addImplicitResolver(tag, regexp, first, limit);
    }

    @Override
    public void addImplicitResolver(Tag tag, Pattern regexp, String first) {
      note(tag, first);
      super.addImplicitResolver(tag, regexp, first);
    }

    @SuppressWarnings("ReferenceEquality") // the registering constructor passes Tag's constants
    private void note(Tag tag, String first) {
      if (tag != Tag.INT && tag != Tag.FLOAT && tag != Tag.BOOL && tag != Tag.NULL) {
        return;
      }
      if (first == null) {
        typedAny = true;
        return;
      }
      if (typedFirst == null) {
        typedFirst = new BitSet();
      }
      first.chars().forEach(typedFirst::set);
    }

    /**
     * Whether {@code resolve} types this plain scalar as a string whatever its other characters.
     */
    boolean alwaysString(String value) {
      return !value.isEmpty()
          && !typedAny
          && typedFirst != null
          && !typedFirst.get(value.charAt(0));
    }
  }

  /**
   * The value of an integer scalar written in plain decimal within long range; null for the other
   * integer forms (octal, hex, underscores, a plus sign), which Jackson decodes its own way.
   */
  private static Long decimal(String text) {
    int start = text.startsWith("-") ? 1 : 0;
    int digits = text.length() - start;
    if (digits < 1 || digits > 19 || (text.charAt(start) == '0' && digits > 1)) {
      return null;
    }
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** {@code -?digits.digits}, which every float parser reads the same. */
  private static boolean simpleFloat(String text) {
    int i = text.startsWith("-") ? 1 : 0;
    int dot = text.indexOf('.');
    if (dot <= i || dot == text.length() - 1 || text.length() > 40) {
      return false;
    }
    for (int j = i; j < text.length(); j++) {
      char c = text.charAt(j);
      if (j != dot && (c < '0' || c > '9')) {
        return false;
      }
    }
    return true;
  }

  /** A tree leaf as Jackson's readTree makes it: int, long, boolean, null or text nodes only. */
  private JsonNode leaf(ScalarEvent s) {
    Type type = type(s);
    if (type == Type.STRING) {
      return JsonNodeFactory.instance.textNode(s.getValue());
    }
    if (type == Type.INT) {
      Long value = decimal(s.getValue());
      if (value != null) {
        long v = value;
        return v == (int) v
            ? JsonNodeFactory.instance.numberNode((int) v)
            : JsonNodeFactory.instance.numberNode(v);
      }
    }
    if (type == Type.BOOLEAN && (s.getValue().equals("true") || s.getValue().equals("false"))) {
      return JsonNodeFactory.instance.booleanNode(s.getValue().equals("true"));
    }
    if (type == Type.NULL) {
      return JsonNodeFactory.instance.nullNode();
    }
    throw new FallBack("a tree value other than a string, decimal integer, boolean or null");
  }
}
