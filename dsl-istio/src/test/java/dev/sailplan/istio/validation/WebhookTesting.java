package dev.sailplan.istio.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.validation.Finding;
import dev.sailplan.core.validation.Level;
import dev.sailplan.core.validation.Validation;
import java.util.List;

/** Runs the standard validation and keeps the webhook's findings (SP04xx), as printed lines. */
final class WebhookTesting {
  private WebhookTesting() {}

  static List<String> webhook(String yaml) {
    return only(Validation.standard().validate(yaml, "mesh.yaml").all());
  }

  static List<String> webhook(Resource resource) {
    return only(Validation.standard().validate(List.of(resource)).all());
  }

  private static List<String> only(List<Finding> findings) {
    return findings.stream()
        .filter(f -> f.code().startsWith("SP04"))
        .peek(f -> assertEquals("IST0106", f.istioCode(), f.toString()))
        .map(Finding::toString)
        .toList();
  }

  static void expect(String yaml, String... lines) {
    assertEquals(List.of(lines), webhook(yaml));
  }

  /** Asserts every finding of {@code yaml}, of any code. */
  static void expectAll(String yaml, String... lines) {
    assertEquals(
        List.of(lines),
        Validation.standard().validate(yaml, "mesh.yaml").all().stream()
            .map(Finding::toString)
            .toList());
  }

  /** Asserts that nothing in {@code yaml} is an Error, so that every check ran and passed. */
  static void accepted(String yaml) {
    assertEquals(
        List.of(),
        Validation.standard().validate(yaml, "mesh.yaml").atLeast(Level.ERROR).stream()
            .map(Finding::toString)
            .toList());
  }
}
