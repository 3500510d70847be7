/**
 * Every seed manifest written with the DSL, the example plans, and {@code RenderAll}, the main job
 * that renders them.
 */
module dev.sailplan.examples {
  requires transitive dev.sailplan.gatewayapi;
  requires transitive dev.sailplan.istio;

  exports dev.sailplan.examples;
  exports dev.sailplan.examples.mesh;
  exports dev.sailplan.examples.seed;
}
