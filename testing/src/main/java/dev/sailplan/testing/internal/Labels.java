package dev.sailplan.testing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** Label selectors and object names on manifests' trees. */
final class Labels {
  private Labels() {}

  /** Whether every label of a {@code matchLabels} map is on the pod, with its value. */
  static boolean matches(JsonNode matchLabels, Map<String, String> pod) {
    for (Map.Entry<String, JsonNode> e : matchLabels.properties()) {
      if (!e.getValue().asText().equals(pod.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /** {@code namespace/name} of an object's tree. */
  static String ref(JsonNode tree) {
    JsonNode m = tree.path("metadata");
    return m.path("namespace").asText("") + "/" + m.path("name").asText("");
  }
}
