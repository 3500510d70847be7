package dev.sailplan.codegen.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.palantir.javapoet.JavaFile;
import dev.sailplan.codegen.crd.CrdVersion;
import dev.sailplan.codegen.schema.SchemaParser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Compiling x-kubernetes-validations rules: every rule is compiled, or generation fails. */
class RulesEmitterTest {
  private static JavaFile emit(String rules) throws Exception {
    JsonNode schema =
        new ObjectMapper(new YAMLFactory())
            .readTree(
                """
                type: object
                properties:
                  spec:
                    type: object
                    properties:
                      name:
                        type: string
                      namespace:
                        type: string
                      when:
                        type: string
                      parts:
                        type: array
                        items:
                          type: object
                          properties:
                            name:
                              type: string
                    x-kubernetes-validations:
                %s
                """
                    .formatted(rules.indent(4)));
    CrdVersion v =
        new CrdVersion("widgets.yaml", "example.dev", "Widget", "v1", true, true, true, schema);
    return RulesEmitter.emit(
        "dev.example.internal.rules.WidgetRules",
        Map.of(v, SchemaParser.parse(schema, "Widget")),
        List.of("widgets.yaml"));
  }

  @Test
  void aFunctionTheRuntimeLacksFailsGenerationNamingTheRule() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> emit("- rule: timestamp(self.when) > timestamp('2020-01-01T00:00:00Z')"));
    assertEquals(
        "Widget spec: rule 'timestamp(self.when) > timestamp('2020-01-01T00:00:00Z')' cannot be"
            + " compiled: the CEL runtime does not support the function timestamp with 1"
            + " argument(s)",
        e.getMessage());
  }

  @Test
  void aFieldTheSchemaLacksFailsTypeChecking() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> emit("- rule: self.nmae == 'x'"));
    assertTrue(
        e.getMessage().startsWith("Widget spec: rule 'self.nmae == 'x'' cannot be compiled: "),
        e.getMessage());
    assertTrue(e.getMessage().contains("undefined field 'nmae'"), e.getMessage());
  }

  @Test
  void optionalOldSelfIsRefusedRatherThanSkipped() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> emit("- rule: self == oldSelf\n  optionalOldSelf: true"));
    assertEquals(
        "Widget spec: rule 'self == oldSelf': optionalOldSelf is not supported", e.getMessage());
  }

  @Test
  void aRuleIsCompiledOnceAndReservedNamesAreUnescaped() throws Exception {
    String code =
        emit("""
                - rule: "has(self.__namespace__) ? self.__namespace__ != '' : true"
                  message: namespace must not be empty
                - rule: self.parts.all(p, self.parts.exists_one(q, q.name == p.name))
                - rule: self.name == oldSelf.name
                  reason: FieldValueForbidden
                  fieldPath: .name
                """)
            .toString();
    assertTrue(
        code.contains(
            "return (Cel.truth(Cel.has(self, \"namespace\")) ? Cel.ne(Cel.get(self, \"namespace\"),"
                + " \"\") : true);"),
        code);
    assertTrue(
        code.contains(
            ".rule(\"spec\", 1, \"failed rule: self.parts.all(p, self.parts.exists_one(q, q.name"
                + " == p.name))\")"),
        code);
    assertTrue(
        code.contains(
            ".rule(\"spec\", 2, true, \"failed rule: self.name == oldSelf.name\", \"self.name =="
                + " oldSelf.name\", -1, \"FieldValueForbidden\", \".name\")"),
        code);
  }

  @Test
  void aMessageExpressionIsCompiledAsAString() throws Exception {
    String code =
        emit("""
                - rule: self.name.size() < 10
                  messageExpression: "'name ' + self.name + ' is too long'"
                  message: name is too long
                """)
            .toString();
    assertTrue(
        code.contains(
            ".rule(\"spec\", 0, false, \"name is too long\", \"name is too long\", 1,"
                + " \"FieldValueInvalid\", \"\")"),
        code);
    assertTrue(
        code.contains(
            "return Cel.add(Cel.add(\"name \", Cel.get(self, \"name\")), \" is too long\");"),
        code);
  }

  @Test
  void aMessageExpressionThatIsNoStringFailsGeneration() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> emit("- rule: self.name.size() < 10\n  messageExpression: self.name.size()"));
    assertTrue(
        e.getMessage().startsWith("Widget spec: rule 'self.name.size() < 10' cannot be compiled: "),
        e.getMessage());
  }

  @Test
  void aSchemaWithoutRulesGetsNoClass() throws Exception {
    JsonNode schema =
        new ObjectMapper().readTree("{\"type\":\"object\",\"properties\":{\"spec\":{}}}");
    CrdVersion v =
        new CrdVersion("widgets.yaml", "example.dev", "Widget", "v1", true, true, true, schema);
    assertNull(
        RulesEmitter.emit(
            "dev.example.internal.rules.WidgetRules",
            Map.of(v, SchemaParser.parse(schema, "Widget")),
            List.of("widgets.yaml")));
  }

  @Test
  void eachKindsTableIsAMethodNamedAfterIt() {
    assertEquals("httpRoute", RulesEmitter.methodName("HTTPRoute"));
    assertEquals("backendTLSPolicy", RulesEmitter.methodName("BackendTLSPolicy"));
    assertEquals("gateway", RulesEmitter.methodName("Gateway"));
    assertEquals("abc", RulesEmitter.methodName("ABC"));
  }

  @Test
  void theClassIsNamedAfterTheKindProvider() {
    assertEquals(
        "dev.sailplan.istio.internal.rules.IstioRules",
        RulesEmitter.className("dev.sailplan.istio.kinds.IstioKinds"));
  }
}
