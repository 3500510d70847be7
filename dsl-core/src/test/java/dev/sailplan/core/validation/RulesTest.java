package dev.sailplan.core.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sailplan.core.internal.Mappers;
import dev.sailplan.core.k8s.Namespace;
import dev.sailplan.core.meta.ObjectMeta;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CEL rules run after the schema validators, unless a value has the wrong type. */
class RulesTest {
  /** A schema that calls a label {@code kind: wrong} a type error, and a rule on every name. */
  private static final ValidationProvider PROVIDER =
      new ValidationProvider() {
        @Override
        public Map<String, TreeValidator> schemas() {
          return Map.of(
              "Namespace",
              (object, old, report) -> {
                if (object.path("metadata").path("labels").path("kind").asText().equals("wrong")) {
                  report.error(
                      "SP0006",
                      FieldPath.root().field("metadata").field("labels").key("kind"),
                      "expected an integer, not a string");
                }
              });
        }

        @Override
        public Map<String, TreeValidator> rules() {
          return Map.of(
              "Namespace",
              (object, old, report) -> {
                String name = object.path("metadata").path("name").asText();
                if (old != null && !old.path("metadata").path("name").asText().equals(name)) {
                  report.error("SP0302", FieldPath.root().field("metadata"), "name is immutable");
                }
                if (name.length() > 3) {
                  report.error(
                      "SP0301", FieldPath.root().field("metadata").field("name"), "too long");
                }
              });
        }
      };

  private final Validation validation = Validation.builder().provider(PROVIDER).build();

  @Test
  void rulesRunOnTextWhoseTypesAreRight() {
    Findings found =
        validation.validate(
            """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: shop
              labels: {kind: fine}
            """,
            "ns.yaml");
    assertEquals(
        List.of("Error [SP0301] (Namespace shop ns.yaml:4) metadata.name: too long"),
        found.all().stream().map(Finding::toString).toList());
  }

  @Test
  void rulesDoNotRunAfterATypeError() {
    Findings found =
        validation.validate(
            """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: shop
              labels: {kind: wrong}
            """,
            "ns.yaml");
    assertEquals(
        List.of(
            "Error [SP0006] (Namespace shop ns.yaml:5) metadata.labels[kind]: expected an integer,"
                + " not a string"),
        found.all().stream().map(Finding::toString).toList());
  }

  @Test
  void rulesRunOnBuiltResources() {
    assertEquals(
        List.of("Error [SP0301] (Namespace shop) metadata.name: too long"),
        validation.validate(List.of(Namespace.named("shop"))).all().stream()
            .map(Finding::toString)
            .toList());
    assertEquals(List.of(), validation.validate(List.of(Namespace.named("web"))).all());
  }

  @Test
  void aChangeIsCheckedAgainstTheVersionItReplaces() {
    Namespace old = labelled("1");
    Namespace edited = labelled("2");
    assertEquals(List.of(), validation.validateChange(old, edited).all());
    assertEquals(List.of(), validation.validateChange(null, edited).all());
  }

  private static Namespace labelled(String version) {
    return Namespace.builder()
        .metadata(ObjectMeta.builder().name("web").putLabels("v", version).build())
        .build();
  }

  @Test
  void theOldVersionMustBeTheSameObject() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> validation.validateChange(Namespace.named("api"), Namespace.named("web")));
    assertEquals(
        "old version of another object: Namespace api replaced by Namespace web", e.getMessage());
  }

  @Test
  void transitionRulesSeeTheOldVersion() {
    List<Finding> out = new ArrayList<>();
    // The package-private entry point: an old version under another name reaches the rule.
    validation.validate(
        Namespace.named("web"), Mappers.json().valueToTree(Namespace.named("api")), "", 0, out);
    assertEquals(
        List.of("Error [SP0302] (Namespace web) metadata: name is immutable"),
        out.stream().map(Finding::toString).toList());
  }
}
