package dev.sailplan.core.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sailplan.core.value.Duration;
import dev.sailplan.core.value.IntOrString;
import dev.sailplan.core.value.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A cursor over YAML parser events that generated {@code readYaml} methods pull typed values from:
 * the reading counterpart of {@link YamlOut}, so parsing needs neither reflection nor an
 * intermediate tree.
 *
 * <p>It reads only the plain cases, each exactly as the full Jackson path would: a value of the
 * type the field expects, written the common way. Anything else (a null, a tag or anchor, a {@code
 * yes} for a boolean, a quoted number for an integer, an unknown or repeated key) makes the method
 * throw, and the caller reads the whole input again through the full path, which accepts or reports
 * it. So a reader never reports errors itself, and never accepts what the full path rejects.
 *
 * <pre>{@code
 * in.beginMapping();
 * for (String key = in.nextKey(); key != null; key = in.nextKey()) {
 *   switch (key) {
 *     case "hosts" -> b.addAllHosts(in.list(YamlIn::string));
 *     case "timeout" -> b.timeout(in.duration());
 *     default -> throw in.unknownKey(key);
 *   }
 * }
 * }</pre>
 */
public interface YamlIn {
  /** Reads the start of a mapping. */
  void beginMapping();

  /** The next key of the current mapping, or {@code null} once its end is read. */
  String nextKey();

  /** A string, plain or quoted; not a scalar YAML reads as a number, boolean or null. */
  String string();

  /** A decimal integer within {@code int} range. */
  int int32();

  /** A decimal integer within {@code long} range. */
  long int64();

  /** A decimal number. */
  double number();

  /** {@code true} or {@code false}. */
  boolean bool();

  /** A duration string. */
  Duration duration();

  /** A decimal integer or a string. */
  IntOrString intOrString();

  /** A timestamp string. */
  Timestamp timestamp();

  /**
   * Reads an explicit null ({@code ~}, {@code null} or nothing) if one is next. For the few fields
   * that keep an explicit null; everywhere else a null makes the value readers throw.
   */
  boolean readNull();

  /** A free-form tree of mappings, sequences and plain values. */
  JsonNode tree();

  /** A sequence, each item read by {@code item}. */
  <T> List<T> list(Function<YamlIn, T> item);

  /** A mapping with string keys, each value read by {@code value}; keys keep their order. */
  <T> Map<String, T> map(Function<YamlIn, T> value);

  /**
   * Marks field {@code bit} (a power of two) of the current mapping read.
   *
   * @param seen the fields read so far
   * @return {@code seen} with {@code bit} added
   */
  long once(long seen, long bit);

  /** What to throw for a key the type does not have. */
  RuntimeException unknownKey(String key);

  /** What to throw for a value the type does not take, such as an unknown enum value. */
  RuntimeException unsupported(String what);
}
