/** Internals of dsl-core: mapper setup, parsing and error translation. Not API. */
package dev.sailplan.core.internal;
