package dev.sailplan.codegen.model;

import dev.sailplan.codegen.schema.Constraints;
import java.util.List;

/** A type codegen emits. */
public sealed interface TypeDef {
  /** The simple name of the public type (the abstract type is {@code Abstract} + name). */
  String name();

  /** Where the type was first found, e.g. {@code VirtualService spec.http[]}. */
  String origin();

  /**
   * A value type with properties.
   *
   * @param name public simple name
   * @param origin first place found
   * @param description schema description
   * @param fields properties in schema order
   * @param oneOfGroups groups of JSON names of which at most one may be set
   * @param constraints type-level constraints (CEL rules, property counts)
   */
  record ObjectDef(
      String name,
      String origin,
      String description,
      List<FieldDef> fields,
      List<List<String>> oneOfGroups,
      Constraints constraints)
      implements TypeDef {}

  /**
   * A string enumeration.
   *
   * @param name simple name
   * @param origin first place found
   * @param description schema description of the first field using it
   * @param values the JSON values
   * @param constants the Java constants, one per value
   */
  record EnumDef(
      String name, String origin, String description, List<String> values, List<String> constants)
      implements TypeDef {}

  /**
   * A kind: an object type implementing {@code Resource}.
   *
   * @param name the kind (also the public simple name)
   * @param origin the CRD file
   * @param group the API group
   * @param versions the versions that parse into it, the model version first
   * @param namespaced whether it is namespaced
   * @param description schema description
   * @param fields root properties other than apiVersion, kind and metadata
   * @param constraints root constraints
   */
  record ResourceDef(
      String name,
      String origin,
      String group,
      List<String> versions,
      boolean namespaced,
      String description,
      List<FieldDef> fields,
      Constraints constraints)
      implements TypeDef {}
}
