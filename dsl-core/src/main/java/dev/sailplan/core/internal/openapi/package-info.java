/**
 * The interpreter of the OpenAPI schemas that codegen writes as data: it checks a JSON tree as the
 * API server's structural-schema validation does. Not API.
 */
package dev.sailplan.core.internal.openapi;
