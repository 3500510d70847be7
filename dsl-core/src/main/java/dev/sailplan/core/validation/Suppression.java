package dev.sailplan.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The codes an object's annotations suppress: {@code sailplan.dev/suppress: "SP1005,SP2004"} and
 * {@code istioctl}'s {@code galley.istio.io/analyze-suppress: "IST0102"}, each a comma-separated
 * list of codes or {@code *} for all. Admission findings (SP0xxx) are never suppressed: the API
 * server rejects the object whatever its annotations say.
 */
final class Suppression {
  /** Sailplan's annotation. */
  static final String ANNOTATION = "sailplan.dev/suppress";

  /** The annotation {@code istioctl analyze} reads. */
  static final String ISTIO_ANNOTATION = "galley.istio.io/analyze-suppress";

  private static final Suppression NONE = new Suppression(Set.of());

  private final Set<String> codes;

  private Suppression(Set<String> codes) {
    this.codes = codes;
  }

  /** What annotations, as a JSON mapping (or a missing node), suppress. */
  static Suppression of(JsonNode annotations) {
    Set<String> codes = new TreeSet<>();
    add(codes, annotations.path(ANNOTATION).asText(""));
    add(codes, annotations.path(ISTIO_ANNOTATION).asText(""));
    return codes.isEmpty() ? NONE : new Suppression(codes);
  }

  /** What annotations suppress. */
  static Suppression of(Map<String, String> annotations) {
    Set<String> codes = new TreeSet<>();
    add(codes, annotations.getOrDefault(ANNOTATION, ""));
    add(codes, annotations.getOrDefault(ISTIO_ANNOTATION, ""));
    return codes.isEmpty() ? NONE : new Suppression(codes);
  }

  private static void add(Set<String> codes, String list) {
    for (String code : list.split(",", -1)) {
      String c = code.strip();
      if (!c.isEmpty()) {
        codes.add(c);
      }
    }
  }

  /** Whether a finding with these codes is suppressed. */
  boolean suppresses(String code, String istioCode) {
    if (codes.isEmpty() || code.startsWith("SP0")) {
      return false;
    }
    return codes.contains("*")
        || codes.contains(code)
        || (!istioCode.isEmpty() && codes.contains(istioCode));
  }
}
