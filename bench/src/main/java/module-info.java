/**
 * Benchmarks and comparisons with fabric8's models; not part of the library. fabric8's jars carry
 * no module names, so they are read as automatic modules named after their files.
 */
module dev.sailplan.bench {
  requires dev.sailplan.examples;
  requires istio.model;
  requires jmh.core;
  requires kubernetes.client.api;
  requires kubernetes.model.common;
  requires kubernetes.model.core;
  requires kubernetes.model.gatewayapi;
  requires org.yaml.snakeyaml;

  exports dev.sailplan.bench;
  exports dev.sailplan.bench.fabric8;
}
