package dev.sailplan.core.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sailplan.core.validation.FieldPath;
import dev.sailplan.core.validation.Level;
import dev.sailplan.core.validation.Report;
import dev.sailplan.core.validation.TreeValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The schema interpreter, on a small schema that uses every keyword it checks. */
class OpenApiSchemasTest {
  static final String SCHEMA =
      """
      {"type": "object", "required": ["spec"], "properties": {
        "apiVersion": {"type": "string"}, "kind": {"type": "string"},
        "metadata": {"type": "object"},
        "status": {"type": "object", "properties": {"phase": {"type": "string", "enum": ["Ready"]}}},
        "spec": {"type": "object", "required": ["host"], "properties": {
          "host": {"type": "string", "minLength": 1, "maxLength": 3},
          "hostname": {"type": "string",
            "pattern": "^(\\\\*\\\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"},
          "contains": {"type": "string", "pattern": "b+"},
          "mode": {"type": "string", "enum": ["A", "B"]},
          "weight": {"type": "integer", "minimum": 0, "maximum": 100},
          "ratio": {"type": "number", "minimum": 0, "exclusiveMinimum": true,
                    "maximum": 1, "exclusiveMaximum": true},
          "tags": {"type": "array", "maxItems": 2, "x-kubernetes-list-type": "set",
                   "items": {"type": "string"}},
          "ports": {"type": "array", "minItems": 1, "x-kubernetes-list-type": "map",
                    "x-kubernetes-list-map-keys": ["port", "protocol"],
                    "items": {"type": "object", "required": ["port"], "properties": {
                      "port": {"type": "integer"},
                      "protocol": {"type": "string", "default": "TCP"}}}},
          "labels": {"type": "object", "maxProperties": 1,
                     "additionalProperties": {"type": "string"}},
          "target": {"x-kubernetes-int-or-string": true},
          "address": {"type": "string", "format": "ipv4"},
          "since": {"type": "string", "format": "date-time"},
          "data": {"type": "string", "format": "byte"},
          "count": {"type": "integer", "format": "int32"},
          "note": {"type": "string", "nullable": true},
          "names": {"type": "array", "items": {"type": "string"}},
          "config": {"type": "object", "x-kubernetes-preserve-unknown-fields": true},
          "match": {"type": "object",
                    "oneOf": [{"not": {"anyOf": [{"required": ["exact"]}, {"required": ["prefix"]}]}},
                              {"required": ["exact"]}, {"required": ["prefix"]}],
                    "properties": {"exact": {"type": "string"}, "prefix": {"type": "string"}}},
          "mode2": {"type": "string", "default": "A"}
        }}
      }}
      """;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TreeValidator WIDGET =
      OpenApiSchemas.of(1, i -> SCHEMA).kind("example.dev", "Widget", true, Map.of("v1", 0));

  static List<String> check(String spec) throws Exception {
    JsonNode object =
        JSON.readTree(
            "{\"apiVersion\": \"example.dev/v1\", \"kind\": \"Widget\","
                + " \"metadata\": {\"name\": \"w\"}, \"spec\": "
                + spec
                + "}");
    List<String> out = new ArrayList<>();
    WIDGET.validate(object, null, collect(out));
    return out;
  }

  static Report collect(List<String> out) {
    return (String code, String istio, Level level, FieldPath path, String reason, String m) ->
        out.add(code + " " + path + ": " + m);
  }

  @Test
  void aValidObjectHasNoFinding() throws Exception {
    assertEquals(
        List.of(),
        check(
            """
            {"host": "a", "hostname": "*.example.com", "contains": "abc", "mode": "B",
             "weight": 100, "ratio": 0.5, "tags": ["x", "y"],
             "ports": [{"port": 80}, {"port": 80, "protocol": "UDP"}], "labels": {"a": "b"},
             "target": "http", "address": "10.0.0.1", "since": "2024-01-02T03:04:05.123Z",
             "data": "aGk=", "count": 99999999999, "note": null, "config": {"any": [1, {"x": 2}]},
             "match": {"prefix": "/"}, "mode2": null}
            """));
  }

  @Test
  void typesAndUnknownFieldsAreTypeErrors() throws Exception {
    assertEquals(
        List.of(
            "SP0006 spec.weight: must be of type integer, not string",
            "SP0006 spec.tags: must be of type array, not object",
            "SP0006 spec.colour: unknown field \"colour\"",
            "SP0006 spec.ports[0].extra: unknown field \"extra\""),
        check(
            """
            {"host": "a", "weight": "10", "tags": {}, "colour": "red",
             "ports": [{"port": 1, "extra": true}]}
            """));
    assertEquals(
        List.of("SP0006 spec.weight: must be of type integer, not number"),
        check("{\"host\": \"a\", \"weight\": 1.5}"));
    // A whole float is an integer to the server.
    assertEquals(List.of(), check("{\"host\": \"a\", \"weight\": 10.0}"));
  }

  @Test
  void requiredFieldsAreMissingWhenAbsentOrNull() throws Exception {
    // A null field is dropped before validation: it does not count as set.
    assertEquals(
        List.of("SP0101 spec.ports[0].port: Required value", "SP0101 spec.host: Required value"),
        check("{\"host\": null, \"ports\": [{\"protocol\": \"TCP\"}]}"));
    assertEquals(
        List.of(
            "SP0101 spec: Required value",
            "SP0201 metadata.name: Required value: name or generateName is required"),
        checkObject("{\"kind\": \"Widget\"}"));
  }

  @Test
  void enumsBoundsAndLengths() throws Exception {
    assertEquals(
        List.of(
            "SP0104 spec.host: Too long: may not be more than 3 characters, not 4",
            "SP0102 spec.mode: Unsupported value: \"C\": supported values: \"A\", \"B\"",
            "SP0103 spec.weight: Invalid value: 150: should be less than or equal to 100",
            "SP0103 spec.ratio: Invalid value: 0: should be greater than 0"),
        check("{\"host\": \"abcd\", \"mode\": \"C\", \"weight\": 150, \"ratio\": 0}"));
    assertEquals(
        List.of(
            "SP0104 spec.host: Invalid value: \"\": should be at least 1 chars long",
            "SP0103 spec.weight: Invalid value: -5: should be greater than or equal to 0",
            "SP0103 spec.ratio: Invalid value: 1.0: should be less than 1"),
        check("{\"host\": \"\", \"weight\": -5, \"ratio\": 1.0}"));
  }

  @Test
  void lengthsCountCodePoints() throws Exception {
    // Three emoji are six UTF-16 units and twelve bytes, but three runes: as long as allowed.
    assertEquals(List.of(), check("{\"host\": \"\\ud83d\\ude00\\ud83d\\ude00\\ud83d\\ude00\"}"));
    assertEquals(
        List.of("SP0104 spec.host: Too long: may not be more than 3 characters, not 4"),
        check("{\"host\": \"\\ud83d\\ude00\\ud83d\\ude00\\ud83d\\ude00a\"}"));
  }

  @Test
  void countsOfItemsAndProperties() throws Exception {
    assertEquals(
        List.of(
            "SP0105 spec.tags: Too many: 3: must have at most 2 items",
            "SP0105 spec.ports: Invalid value: 0: should have at least 1 items",
            "SP0106 spec.labels: Too many: 2: must have at most 1 items"),
        check(
            "{\"host\": \"a\", \"tags\": [\"a\", \"b\", \"c\"], \"ports\": [],"
                + " \"labels\": {\"a\": \"1\", \"b\": \"2\"}}"));
  }

  @Test
  void patternsFindAnywhereUnlessAnchored() throws Exception {
    assertEquals(
        List.of(
            "SP0107 spec.hostname: must be a valid hostname",
            "SP0107 spec.contains: must match b+"),
        check("{\"host\": \"a\", \"hostname\": \"*.*.example.com\", \"contains\": \"acd\"}"));
  }

  @Test
  void formatsTheServerChecks() throws Exception {
    assertEquals(
        List.of(
            "SP0108 spec.address: Invalid value: \"01.2.3.4\": must be of type ipv4",
            "SP0108 spec.since: Invalid value: \"2024-01-02 03:04:05\": must be of type date-time",
            "SP0108 spec.data: Invalid value: \"aGk\": must be of type byte"),
        check(
            "{\"host\": \"a\", \"address\": \"01.2.3.4\", \"since\": \"2024-01-02 03:04:05\","
                + " \"data\": \"aGk\"}"));
    assertEquals(List.of(), check("{\"host\": \"a\", \"address\": \"::ffff:10.1.2.3\"}"));
  }

  @Test
  void duplicatesInSetsAndMaps() throws Exception {
    // The second port has the default protocol, TCP: the same key as the first. A value
    // repeated more than once is reported once, as the server does.
    assertEquals(
        List.of(
            "SP0109 spec.tags[1]: Duplicate value: \"x\"",
            "SP0109 spec.ports[1]: Duplicate value: {\"port\":80,\"protocol\":\"TCP\"}"),
        check(
            "{\"host\": \"a\", \"tags\": [\"x\", \"x\"],"
                + " \"ports\": [{\"port\": 80, \"protocol\": \"TCP\"}, {\"port\": 80},"
                + " {\"port\": 80}]}"));
  }

  @Test
  void nullsIntOrStringAndOneOf() throws Exception {
    assertEquals(
        List.of(
            "SP0110 spec.names[1]: Invalid value: \"null\": must be of type string",
            "SP0111 spec.target: must be an integer or a string, not boolean",
            "SP0112 spec.match: must validate one and only one schema (oneOf): at most one of"
                + " exact, prefix may be set"),
        check(
            "{\"host\": \"a\", \"names\": [\"x\", null], \"target\": true,"
                + " \"match\": {\"exact\": \"/a\", \"prefix\": \"/\"}}"));
  }

  @Test
  void metadataIsCheckedWithTheSchema() throws Exception {
    assertEquals(
        List.of(
            "SP0201 metadata.name: Invalid value: \"a\\nb\": a lowercase RFC 1123 subdomain must"
                + " consist of lower case alphanumeric characters, '-' or '.', and must start and"
                + " end with an alphanumeric character (e.g. 'example.com', regex used for"
                + " validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"),
        checkObject("{\"metadata\": {\"name\": \"a\\nb\"}, \"spec\": {\"host\": \"a\"}}"));
  }

  @Test
  void theStatusOfANewObjectIsNotValidated() throws Exception {
    // The server resets it (status subresource) rather than checking it.
    assertEquals(
        List.of(),
        checkObject(
            "{\"metadata\": {\"name\": \"w\"}, \"spec\": {\"host\": \"a\"},"
                + " \"status\": {\"phase\": \"Gone\", \"extra\": 1}}"));
  }

  private static List<String> checkObject(String json) throws Exception {
    List<String> out = new ArrayList<>();
    WIDGET.validate(JSON.readTree(json), null, collect(out));
    return out;
  }
}
