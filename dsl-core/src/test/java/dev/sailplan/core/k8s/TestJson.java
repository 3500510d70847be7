package dev.sailplan.core.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.sailplan.core.meta.ObjectMeta;

/** The mapper the k8s tests render and parse with, and round-trip helpers. */
final class TestJson {
  /**
   * {@code ObjectMeta} declares no inclusion on its optional fields, so a plain mapper would render
   * them as {@code null}; this mix-in scopes NON_ABSENT to {@code ObjectMeta} alone, so the k8s
   * types' own annotations are what the tests check.
   */
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  abstract static class ObjectMetaNonAbsent {}

  static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new Jdk8Module())
          .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
          .addMixIn(ObjectMeta.class, ObjectMetaNonAbsent.class);

  private TestJson() {}

  static String write(Object value) throws JsonProcessingException {
    return MAPPER.writeValueAsString(value);
  }

  static <T> T read(String json, Class<T> type) throws JsonProcessingException {
    return MAPPER.readValue(json, type);
  }

  /**
   * Asserts {@code value} renders as {@code json} and {@code json} parses back to {@code value}.
   */
  static <T> void assertRoundTrip(String json, T value, Class<T> type)
      throws JsonProcessingException {
    assertEquals(json, write(value));
    assertEquals(value, read(json, type));
  }

  /** Asserts that parsing fails with a message containing {@code expected}. */
  static void assertParseFails(String json, Class<?> type, String expected) {
    JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> read(json, type));
    if (!e.getMessage().contains(expected)) {
      throw new AssertionError(
          "expected a message containing '" + expected + "', got: " + e.getMessage());
    }
  }
}
