package dev.sailplan.core.cel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sailplan.core.validation.Report;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CEL's semantics in the runtime the compiled rules call. */
class CelTest {
  private static final Cel.Lazy ERROR =
      () -> {
        throw new CelError("no such key: x");
      };

  @Test
  void andAndOrAbsorbErrorsOnEitherSide() {
    assertFalse(Cel.and(ERROR, () -> false));
    assertFalse(Cel.and(() -> false, ERROR));
    assertTrue(Cel.or(ERROR, () -> true));
    assertTrue(Cel.or(() -> true, ERROR));
    assertEquals(
        "no such key: x",
        assertThrows(CelError.class, () -> Cel.and(ERROR, () -> true)).getMessage());
    assertEquals(
        "no such key: x",
        assertThrows(CelError.class, () -> Cel.or(() -> false, ERROR)).getMessage());
  }

  @Test
  void intOverflowAndDivisionByZeroAreErrors() {
    assertEquals(
        "integer overflow",
        assertThrows(CelError.class, () -> Cel.add(Long.MAX_VALUE, 1L)).getMessage());
    assertEquals(
        "integer overflow",
        assertThrows(CelError.class, () -> Cel.neg(Long.MIN_VALUE)).getMessage());
    assertEquals(
        "division by zero", assertThrows(CelError.class, () -> Cel.div(1L, 0L)).getMessage());
    assertEquals(3L, Cel.add(1L, 2L));
  }

  @Test
  void stringsCountCodePoints() {
    assertEquals(2L, Cel.size("\uD83D\uDE00a"));
    assertEquals("a", Cel.substring("\uD83D\uDE00a", 1L));
    assertEquals(1L, Cel.indexOf("\uD83D\uDE00a", "a"));
    assertEquals(List.of("a", "", "b"), Cel.split("a//b", "/"));
    assertEquals(List.of(""), Cel.split("", "/"));
  }

  @Test
  void allIsFalseWhenAnyItemIsFalseEvenAfterAnError() {
    List<Object> items = Cel.list(1L, 2L, 3L);
    // all(x, x != 2 && 10 / (x - 1) > 0): the error at x == 1 is absorbed by x == 2.
    Object result =
        Cel.fold(
            items,
            true,
            acc -> Cel.notStrictlyFalse(() -> Cel.val(acc)),
            (acc, x) ->
                Cel.and(
                    () -> Cel.val(acc),
                    () -> Cel.gt(Cel.div(10L, Cel.sub(x, 1L)), 0L) && Cel.ne(x, 2L)),
            acc -> Cel.val(acc));
    assertEquals(false, result);
  }

  @Test
  void goDurations() {
    assertEquals(Duration.ofMillis(1), Cel.toDuration("1ms"));
    assertEquals(Duration.ofMinutes(90), Cel.toDuration("1h30m"));
    assertEquals(Duration.ofMillis(500), Cel.toDuration("0.5s"));
    assertEquals(Duration.ofSeconds(-1), Cel.toDuration("-1s"));
    assertEquals(Duration.ZERO, Cel.toDuration("0"));
    assertEquals(
        "time: missing unit in duration \"1\"",
        assertThrows(CelError.class, () -> Cel.toDuration("1")).getMessage());
    assertEquals(
        "time: unknown unit \"x\" in duration \"1x\"",
        assertThrows(CelError.class, () -> Cel.toDuration("1x")).getMessage());
    assertEquals(
        "time: invalid duration \"\"",
        assertThrows(CelError.class, () -> Cel.toDuration("")).getMessage());
  }

  @Test
  void urlsAsGoParsesThem() {
    assertTrue(Cel.isURL("https://example.com/keys"));
    assertTrue(Cel.isURL("/keys"));
    assertFalse(Cel.isURL("example.com/keys"));
    assertFalse(Cel.isURL(""));
    assertFalse(Cel.isURL("http://exa mple.com"));
    assertEquals("https", Cel.getScheme(Cel.url("HTTPS://example.com:8443/a")));
    assertEquals("example.com:8443", Cel.getHost(Cel.url("https://example.com:8443/a")));
    assertEquals("example.com", Cel.getHostname(Cel.url("https://example.com:8443/a")));
    assertEquals("8443", Cel.getPort(Cel.url("https://example.com:8443/a")));
    assertEquals("::1", Cel.getHostname(Cel.url("https://[::1]:80/")));
    assertEquals("", Cel.getScheme(Cel.url("/keys")));
    assertEquals(
        "URL parse error during conversion from string: invalid URI for request",
        assertThrows(CelError.class, () -> Cel.url("keys")).getMessage());
  }

  @Test
  void ipAddresses() {
    assertTrue(Cel.isIP("10.0.0.1"));
    assertTrue(Cel.isIP("2001:db8::1"));
    assertTrue(Cel.isIP("::"));
    assertFalse(Cel.isIP("010.0.0.1"));
    assertFalse(Cel.isIP("10.0.0"));
    assertFalse(Cel.isIP("::ffff:10.0.0.1"));
    assertFalse(Cel.isIP("fe80::1%eth0"));
    assertFalse(Cel.isIP("shop.example.com"));
    assertTrue(Cel.isCIDR("10.0.0.0/8"));
    assertFalse(Cel.isCIDR("10.0.0.0/33"));
  }

  @Test
  void aMessageExpressionNamesTheValueAndAnEmptyOneFallsBackToTheMessage() throws Exception {
    CelRules rules =
        CelRules.builder(
                (rule, self, old) ->
                    rule == 0
                        ? Cel.lt(Cel.size(Cel.get(self, "name")), 3L)
                        : Cel.get(self, "message"))
            .rule(
                "spec",
                0,
                false,
                "name is too long",
                "name is too long",
                1,
                "FieldValueForbidden",
                ".name")
            .build();
    List<String> found = new ArrayList<>();
    Report collect =
        (code, i, level, path, reason, message) ->
            found.add(code + " " + path + " " + reason + ": " + message);
    ObjectMapper json = new ObjectMapper();
    rules.validate(
        json.readTree("{\"spec\":{\"name\":\"abcd\",\"message\":\"abcd is long\"}}"),
        null,
        collect);
    rules.validate(
        json.readTree("{\"spec\":{\"name\":\"abcd\",\"message\":\" \"}}"), null, collect);
    assertEquals(
        List.of(
            "SP0301 spec.name FieldValueForbidden: abcd is long",
            "SP0301 spec.name FieldValueForbidden: name is too long"),
        found);
  }

  @Test
  void rulesRunAtEveryInstanceOfTheirNodeAfterDefaulting() throws Exception {
    // Rule 0: self.port > 0 at spec.ports[]; spec.ports[].port defaults to 80.
    CelRules rules =
        CelRules.builder((rule, self, old) -> Cel.gt(Cel.get(self, "port"), 0L))
            .defaultValue("spec.ports[].port", "80")
            .rule("spec.ports[]", 0, "port must be positive")
            .build();
    ObjectNode object =
        (ObjectNode)
            new ObjectMapper()
                .readTree("{\"spec\":{\"ports\":[{\"port\":0},{},{\"port\":\"x\"}]}}");
    List<String> found = new ArrayList<>();
    rules.validate(
        object,
        null,
        (code, i, level, path, reason, message) -> found.add(code + " " + path + ": " + message));
    assertEquals(
        List.of(
            "SP0301 spec.ports[0]: port must be positive",
            "SP0303 spec.ports[2]: no such overload: _>_ evaluating rule: port must be positive"),
        found);
    assertEquals("{\"spec\":{\"ports\":[{\"port\":0},{},{\"port\":\"x\"}]}}", object.toString());
  }
}
