package dev.sailplan.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sailplan.core.internal.Mappers;
import java.io.IOException;
import java.util.Optional;

/**
 * The parts of Istio's MeshConfig that validation reads, from its YAML: the MeshConfig itself (as
 * given to {@code istioctl analyze --meshConfigFile}), or the {@code istio} ConfigMap holding it
 * under {@code data.mesh}. Read with the parser's safety limits.
 */
public final class MeshConfig {
  private MeshConfig() {}

  /**
   * The {@code rootNamespace}, empty when the MeshConfig does not set it.
   *
   * @throws IllegalArgumentException when the text is not a MeshConfig: malformed YAML, not a
   *     mapping, or a {@code rootNamespace} that is not a non-empty string; the message is one line
   */
  public static Optional<String> rootNamespace(String yaml) {
    JsonNode tree = read(yaml);
    JsonNode mesh = tree.path("data").path("mesh");
    if (tree.path("kind").asText().equals("ConfigMap") && mesh.isTextual()) {
      tree = read(mesh.asText());
    }
    JsonNode root = tree.get("rootNamespace");
    if (root == null || root.isNull()) {
      return Optional.empty();
    }
    if (!root.isTextual() || root.asText().isEmpty()) {
      throw new IllegalArgumentException("rootNamespace must be a namespace name");
    }
    return Optional.of(root.asText());
  }

  private static JsonNode read(String yaml) {
    JsonNode tree;
    try {
      tree = Mappers.yaml().readTree(yaml);
    } catch (IOException | RuntimeException e) {
      String m = String.valueOf(e.getMessage());
      int nl = m.indexOf('\n');
      throw new IllegalArgumentException(
          "not valid YAML: " + (nl < 0 ? m : m.substring(0, nl)).strip(), e);
    }
    if (tree == null || tree.isMissingNode() || tree.isNull()) {
      return Mappers.json().createObjectNode();
    }
    if (!tree.isObject()) {
      throw new IllegalArgumentException("a MeshConfig must be a mapping");
    }
    return tree;
  }
}
