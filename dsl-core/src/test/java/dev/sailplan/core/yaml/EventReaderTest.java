package dev.sailplan.core.yaml;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.sailplan.core.internal.Mappers;
import dev.sailplan.core.value.Duration;
import dev.sailplan.core.value.IntOrString;
import dev.sailplan.core.value.Timestamp;
import dev.sailplan.core.yaml.internal.EventReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The direct reader against Jackson, value by value: for every scalar form and every type, when the
 * direct reader takes a value it is the value Jackson (configured as for parsing) reads, and what
 * Jackson rejects or reads as null the direct reader does not take. Plus the forms it must take,
 * since a reader that took nothing would pass the first rule.
 */
class EventReaderTest {
  /** Scalars as written after {@code v: }, covering every YAML 1.1 type and quoting style. */
  static List<String> scalars() {
    return List.of(
        "abc",
        "hello world",
        "networking.istio.io/v1",
        "true",
        "True",
        "TRUE",
        "false",
        "yes",
        "No",
        "on",
        "OFF",
        "y",
        "n",
        "~",
        "null",
        "Null",
        "",
        "0",
        "-0",
        "+5",
        "007",
        "08",
        "0x1F",
        "0b101",
        "1_000",
        "12:30",
        "190:20:30",
        "1.5",
        "-1.5",
        "1.",
        ".5",
        "1e3",
        "1.5e3",
        ".inf",
        "-.Inf",
        ".nan",
        "2024-01-01",
        "2001-12-14t21:59:43.10-05:00",
        "2147483647",
        "2147483648",
        "-2147483648",
        "-2147483649",
        "9223372036854775807",
        "9223372036854775808",
        "-9223372036854775809",
        "10s",
        "1h30m",
        "0.5s",
        "05s",
        "1000000h",
        "<<",
        "=",
        "'quoted'",
        "\"8080\"",
        "\"\"",
        "''",
        "\"true\"",
        "'yes'",
        "\"10s\"",
        "!!str 5",
        "!!int \"5\"",
        "!!bool yes",
        "! x",
        "&a x",
        "|\n  text\n",
        ">\n  folded\n",
        "|-\n  7\n",
        "[]",
        "{}",
        "[1, two, true]",
        "{a: 1, b: [x]}",
        "{a: 1, a: 2}",
        "[~]",
        "[1.5]",
        "{a: &x 1}",
        "\"multi\n  line\"",
        "plain\n  continued");
  }

  private record Target(String name, Function<YamlIn, Object> direct, Class<?> holder) {}

  // Jackson reads each into a one-field record, so it applies the mapper's strict coercion rules.
  record S(String v) {}

  record I(Integer v) {}

  record L(Long v) {}

  record D(Double v) {}

  record B(Boolean v) {}

  record Dur(Duration v) {}

  record Ios(IntOrString v) {}

  record Ts(Timestamp v) {}

  record Tree(JsonNode v) {}

  private static final List<Target> TARGETS =
      List.of(
          new Target("string", YamlIn::string, S.class),
          new Target("int32", YamlIn::int32, I.class),
          new Target("int64", YamlIn::int64, L.class),
          new Target("number", YamlIn::number, D.class),
          new Target("bool", YamlIn::bool, B.class),
          new Target("duration", YamlIn::duration, Dur.class),
          new Target("intOrString", YamlIn::intOrString, Ios.class),
          new Target("timestamp", YamlIn::timestamp, Ts.class),
          new Target("tree", YamlIn::tree, Tree.class));

  /** The value the direct reader reads for {@code v}, or empty when it declines. */
  private static Optional<Object> direct(String doc, Function<YamlIn, Object> read) {
    try {
      EventReader in = reader(doc);
      in.beginMapping();
      assertEquals("v", in.nextKey());
      Object value = read.apply(in);
      assertNull(in.nextKey());
      in.endDocument();
      assertFalse(in.nextDocument());
      return Optional.of(value);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static EventReader reader(String doc) {
    EventReader in = new EventReader(doc, Mappers.loaderOptions(), Mappers.MAX_DEPTH - 2);
    in.beginStream();
    assertTrue(in.nextDocument());
    return in;
  }

  /** Jackson's value for {@code v}, or empty when it fails or reads null. */
  private static Optional<Object> jackson(String doc, Class<?> holder) {
    try {
      Object record = Mappers.yaml().readValue(doc, holder);
      return Optional.ofNullable(holder.getRecordComponents()[0].getAccessor().invoke(record));
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  private static String doc(String scalar) {
    return "v: " + scalar + "\n";
  }

  @ParameterizedTest
  @MethodSource("scalars")
  void takesOnlyWhatJacksonReadsTheSame(String scalar) {
    String doc = doc(scalar);
    List<org.junit.jupiter.api.function.Executable> checks = new ArrayList<>();
    for (Target t : TARGETS) {
      Optional<Object> direct = direct(doc, t.direct());
      if (direct.isPresent()) {
        Optional<Object> expected = jackson(doc, t.holder());
        checks.add(() -> assertEquals(expected, direct, t.name() + " of " + doc));
      }
    }
    assertAll(checks);
  }

  @Test
  void takesTheCommonFormsOfEachType() {
    Map<String, Object> strings = new LinkedHashMap<>();
    strings.put("abc", "abc");
    strings.put("networking.istio.io/v1", "networking.istio.io/v1");
    strings.put("'quoted'", "quoted");
    strings.put("\"8080\"", "8080");
    strings.put("\"true\"", "true");
    strings.put("''", "");
    strings.put("|\n  text\n", "text\n");
    strings.put("2024-01-01", "2024-01-01"); // YAML 1.1 timestamps are strings to Jackson
    strings.forEach(
        (scalar, value) ->
            assertEquals(Optional.of(value), direct(doc(scalar), YamlIn::string), scalar));

    assertEquals(Optional.of(0), direct(doc("-0"), YamlIn::int32));
    assertEquals(Optional.of(Integer.MIN_VALUE), direct(doc("-2147483648"), YamlIn::int32));
    assertEquals(Optional.of(Long.MAX_VALUE), direct(doc("9223372036854775807"), YamlIn::int64));
    assertEquals(Optional.of(-1.5), direct(doc("-1.5"), YamlIn::number));
    assertEquals(Optional.of(3.0), direct(doc("3"), YamlIn::number));
    assertEquals(Optional.of(true), direct(doc("true"), YamlIn::bool));
    assertEquals(Optional.of(false), direct(doc("false"), YamlIn::bool));
    assertEquals(Optional.of(Duration.parse("1h30m")), direct(doc("1h30m"), YamlIn::duration));
    assertEquals(Optional.of(IntOrString.of(8080)), direct(doc("8080"), YamlIn::intOrString));
    assertEquals(Optional.of(IntOrString.of("8080")), direct(doc("\"8080\""), YamlIn::intOrString));
    assertEquals(
        Optional.of(Timestamp.of("2024-01-01T00:00:00Z")),
        direct(doc("2024-01-01T00:00:00Z"), YamlIn::timestamp));

    JsonNodeFactory f = JsonNodeFactory.instance;
    JsonNode tree =
        f.objectNode().put("a", 1).set("b", f.arrayNode().add("x").add(true).add(5_000_000_000L));
    assertEquals(Optional.of(tree), direct(doc("{a: 1, b: [x, true, 5000000000]}"), YamlIn::tree));
  }

  @ParameterizedTest
  @ValueSource(strings = {"~", "", "yes", "\"5\"", "5.5", "0x10", "&a 5", "!!int 5", "[5]"})
  void declinesAnIntegerWrittenAnyOtherWay(String scalar) {
    assertEquals(Optional.empty(), direct(doc(scalar), YamlIn::int32));
  }

  @Test
  void readsListsAndMapsInOrderAndDeclinesRepeatedKeys() {
    assertEquals(
        Optional.of(List.of("a", "b")), direct(doc("[a, b]"), in -> in.list(YamlIn::string)));
    assertEquals(
        Optional.of(List.of(List.of(1), List.of())),
        direct(doc("[[1], []]"), in -> in.list(i -> i.list(YamlIn::int32))));
    Optional<Object> map = direct("v:\n  z: 1\n  a: 2\n", in -> in.map(YamlIn::int32));
    assertEquals(List.of("z", "a"), new ArrayList<>(((Map<?, ?>) map.orElseThrow()).keySet()));
    assertEquals(Optional.empty(), direct("v:\n  a: 1\n  a: 2\n", in -> in.map(YamlIn::int32)));
    assertEquals(Optional.empty(), direct(doc("{a: 1, a: 2}"), YamlIn::tree));
  }

  @Test
  void onceDeclinesTheSecondReadOfAField() {
    EventReader in = reader("v: 1\n");
    long seen = in.once(0L, 1L << 3);
    assertEquals(8L, seen);
    assertThrows(EventReader.FallBack.class, () -> in.once(seen, 1L << 3));
  }

  @Test
  void declinesNestingNearTheDepthLimit() {
    String deep = "v: " + "[".repeat(Mappers.MAX_DEPTH) + "]".repeat(Mappers.MAX_DEPTH) + "\n";
    assertEquals(Optional.empty(), direct(deep, YamlIn::tree));
    String shallow = "v: " + "[".repeat(10) + "]".repeat(10) + "\n";
    assertTrue(direct(shallow, YamlIn::tree).isPresent());
  }

  @Test
  void declinesDirectivesAndReadsEmptyDocuments() {
    EventReader in = new EventReader("%YAML 1.1\n---\nv: 1\n", Mappers.loaderOptions(), 10);
    in.beginStream();
    assertThrows(EventReader.FallBack.class, in::nextDocument);

    EventReader empty =
        new EventReader("---\n# only a comment\n---\n", Mappers.loaderOptions(), 10);
    empty.beginStream();
    for (int i = 0; i < 2; i++) {
      assertTrue(empty.nextDocument());
      assertTrue(empty.emptyRoot());
      empty.endDocument();
    }
    assertFalse(empty.nextDocument());
  }
}
