/**
 * The generator: CRD YAML in, a typed model out. {@code dev.sailplan.codegen.Main} is the command
 * line; {@code Codegen.generate} with a {@code CodegenConfig} the API. The pipeline stages (CRD
 * reading, schema model, naming, emitting, writing) are internal to the module.
 */
module dev.sailplan.codegen {
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.yaml;
  requires com.palantir.javapoet;
  requires java.compiler;

  exports dev.sailplan.codegen;
  exports dev.sailplan.codegen.config;

  // Jackson reads codegen.yaml into the configuration records.
  opens dev.sailplan.codegen.config to
      com.fasterxml.jackson.databind;
}
