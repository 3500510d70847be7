package dev.sailplan.codegen.model;

import dev.sailplan.codegen.schema.Constraints;

/**
 * One property of a generated type.
 *
 * @param jsonName the JSON name
 * @param javaName the accessor name
 * @param type the Java type
 * @param required whether the schema requires it
 * @param description the schema description
 * @param constraints constraints to record on the accessor
 */
public record FieldDef(
    String jsonName,
    String javaName,
    TypeRef type,
    boolean required,
    String description,
    Constraints constraints) {}
