/**
 * Sailplan's core: resource identity, canonical YAML rendering and strict parsing, the kind
 * registry, values shared by every API group, plans and their renderings, and the Kubernetes core
 * kinds the composites need.
 *
 * <p>Every package is public API except {@code dev.sailplan.core.internal} (and its subpackages)
 * and {@code dev.sailplan.core.yaml.internal}. Model modules register their kinds with {@code
 * provides dev.sailplan.core.kind.KindProvider} and their planner knowledge with {@code provides
 * dev.sailplan.core.plan.DependencyModel}.
 */
module dev.sailplan.core {
  requires transitive com.fasterxml.jackson.annotation;
  requires transitive com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.dataformat.yaml;
  requires com.fasterxml.jackson.datatype.jdk8;
  requires org.yaml.snakeyaml;
  // RE2 semantics, as the API server's Go regexp (schema patterns, CEL's matches()); the jar
  // names no module, so its file name does.
  requires re2j;
  // Compile-time only: the Immutables style annotation and the @Generated marker of generated code.
  requires static org.immutables.value;
  requires static java.compiler;

  exports dev.sailplan.core;
  exports dev.sailplan.core.cel;
  exports dev.sailplan.core.diff;
  exports dev.sailplan.core.generic;
  exports dev.sailplan.core.k8s;
  exports dev.sailplan.core.kind;
  exports dev.sailplan.core.meta;
  exports dev.sailplan.core.openapi;
  exports dev.sailplan.core.plan;
  exports dev.sailplan.core.plan.render;
  exports dev.sailplan.core.problem;
  exports dev.sailplan.core.rollout;
  exports dev.sailplan.core.schema;
  exports dev.sailplan.core.style;
  exports dev.sailplan.core.validation;
  exports dev.sailplan.core.value;
  exports dev.sailplan.core.yaml;

  // Jackson binds the value types through their Immutables builders and JSON delegates.
  // Jackson writes generic objects through their serializer, a nested class.
  opens dev.sailplan.core.generic to
      com.fasterxml.jackson.databind;
  opens dev.sailplan.core.k8s to
      com.fasterxml.jackson.databind;
  opens dev.sailplan.core.meta to
      com.fasterxml.jackson.databind;
  opens dev.sailplan.core.value to
      com.fasterxml.jackson.databind;

  uses dev.sailplan.core.kind.KindProvider;
  uses dev.sailplan.core.plan.DependencyModel;
  uses dev.sailplan.core.validation.ValidationProvider;

  provides dev.sailplan.core.kind.KindProvider with
      dev.sailplan.core.k8s.CoreKinds;
  provides dev.sailplan.core.plan.DependencyModel with
      dev.sailplan.core.k8s.CoreDependencies;
  provides dev.sailplan.core.validation.ValidationProvider with
      dev.sailplan.core.internal.validation.CoreValidation;
}
