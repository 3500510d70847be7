package dev.sailplan.codegen.schema;

import java.util.List;
import java.util.Set;

/**
 * A schema in the shape codegen needs: the OpenAPI v3 subset that CRDs use, reduced to the
 * constructs that decide a Java type.
 */
public sealed interface SchemaNode {
  /** The schema's description, or empty. */
  String description();

  /** The constraints recorded for this node. */
  Constraints constraints();

  /**
   * An object with declared properties: becomes a value type.
   *
   * @param description description
   * @param properties properties in schema order
   * @param required names of required properties
   * @param oneOfGroups groups of property names of which at most one may be set
   * @param constraints constraints
   */
  record ObjectSchema(
      String description,
      List<Property> properties,
      Set<String> required,
      List<List<String>> oneOfGroups,
      Constraints constraints)
      implements SchemaNode {
    /** Copies the collections. */
    public ObjectSchema {
      properties = List.copyOf(properties);
      required = Set.copyOf(required);
      oneOfGroups = oneOfGroups.stream().map(List::copyOf).toList();
    }
  }

  /**
   * A named property of an object.
   *
   * @param name the JSON name
   * @param schema its schema
   */
  record Property(String name, SchemaNode schema) {}

  /**
   * An object with only {@code additionalProperties}: a map with string keys.
   *
   * @param description description
   * @param values the schema of the values
   * @param constraints constraints
   */
  record MapSchema(String description, SchemaNode values, Constraints constraints)
      implements SchemaNode {}

  /**
   * An array.
   *
   * @param description description
   * @param items the schema of the items
   * @param constraints constraints
   */
  record ArraySchema(String description, SchemaNode items, Constraints constraints)
      implements SchemaNode {}

  /**
   * A scalar, possibly restricted to an enumeration.
   *
   * @param description description
   * @param kind the scalar type
   * @param enumValues allowed values of a string enumeration, empty otherwise
   * @param constraints constraints
   */
  record ScalarSchema(
      String description, ScalarKind kind, List<String> enumValues, Constraints constraints)
      implements SchemaNode {
    /** Copies the values. */
    public ScalarSchema {
      enumValues = List.copyOf(enumValues);
    }
  }

  /**
   * Free-form data ({@code x-kubernetes-preserve-unknown-fields}, or an object without declared
   * properties): a JSON tree.
   *
   * @param description description
   * @param constraints constraints
   */
  record FreeFormSchema(String description, Constraints constraints) implements SchemaNode {}
}
