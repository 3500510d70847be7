package dev.sailplan.core.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sailplan.core.value.Duration;
import dev.sailplan.core.value.IntOrString;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Events that write one canonical YAML document in a single streaming pass: what generated types
 * call from {@link YamlWritable#writeYaml}, so rendering needs neither reflection nor an
 * intermediate tree. Keys are written in the order given; the output is the same bytes as {@link
 * dev.sailplan.core.CanonicalYaml#write} produces for the equivalent tree.
 *
 * <pre>{@code
 * out.beginMapping()
 *     .key("hosts").beginSequence().value("reviews").endSequence()
 *     .key("timeout").value(Duration.parse("10s"))
 *     .endMapping();
 * }</pre>
 */
public interface YamlOut {
  /** Starts a mapping (as the document, a key's value or a sequence item). */
  YamlOut beginMapping();

  /** Ends the current mapping; an empty one renders as {@code {}}. */
  YamlOut endMapping();

  /** Starts a sequence. */
  YamlOut beginSequence();

  /** Ends the current sequence; an empty one renders as {@code []}. */
  YamlOut endSequence();

  /** The next key of the current mapping; its value follows. */
  YamlOut key(String key);

  /** A string, quoted exactly when a YAML 1.1 or 1.2 reader would read it as something else. */
  YamlOut value(String value);

  /** An integer. */
  YamlOut value(long value);

  /** A floating-point number (integral values print as integers). */
  YamlOut value(double value);

  /** A boolean. */
  YamlOut value(boolean value);

  /** An explicit {@code null}. */
  YamlOut valueNull();

  /** A duration, as written. */
  default YamlOut value(Duration value) {
    return value(value.toString());
  }

  /** An int-or-string, in its own form. */
  default YamlOut value(IntOrString value) {
    return value.isInt() ? value(value.intValue()) : value(value.stringValue());
  }

  /** A nested object: its fields inside a mapping. */
  default YamlOut object(YamlWritable value) {
    beginMapping();
    value.writeYaml(this);
    return endMapping();
  }

  /** A free-form JSON tree, keys in the tree's order. */
  YamlOut tree(JsonNode value);

  /** A map's entries in key order: canonical output sorts map keys. */
  static <V> Iterable<Map.Entry<String, V>> sorted(Map<String, V> map) {
    return map instanceof SortedMap || map.size() < 2
        ? map.entrySet()
        : new TreeMap<>(map).entrySet();
  }
}
