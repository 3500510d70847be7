package dev.sailplan.core.yaml;

/**
 * A value that writes its own fields to a {@link YamlOut}, in canonical order. Codegen implements
 * it on every generated type; {@code Manifests} uses it to render without reflection.
 */
public interface YamlWritable {
  /** Writes this value's fields (keys and values) into the mapping the caller has begun. */
  void writeYaml(YamlOut out);
}
