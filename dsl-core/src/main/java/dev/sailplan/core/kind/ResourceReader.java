package dev.sailplan.core.kind;

import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.yaml.YamlIn;

/**
 * Reads a kind's resource from {@link YamlIn}: what codegen registers for every generated kind (as
 * {@code VirtualService::readYaml}), so parsing binds without reflection.
 */
@FunctionalInterface
public interface ResourceReader {
  /**
   * Reads the rest of a resource mapping whose {@code apiVersion} and {@code kind} keys were read.
   *
   * @param in the reader, positioned at the next key
   * @param apiVersion the apiVersion read, one the kind parses from
   */
  Resource read(YamlIn in, String apiVersion);
}
