/**
 * Schema constraints that codegen records on generated types without turning them into Java types:
 * patterns, bounds, list types and CEL rules. They are retained at run time so that validation can
 * read them.
 */
package dev.sailplan.core.schema;
