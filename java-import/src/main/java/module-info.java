/**
 * Java source from existing YAML manifests: {@code JavaImport} writes a {@code ManifestSource}
 * class that builds the manifests with the Sailplan DSL. The emitter's parts are internal.
 */
module dev.sailplan.javaimport {
  requires transitive dev.sailplan.istio;
  requires transitive dev.sailplan.gatewayapi;
  requires com.palantir.javapoet;
  requires org.yaml.snakeyaml;
  requires java.compiler;

  exports dev.sailplan.javaimport;
}
