/** Internals of the canonical renderer: layout, scalar styles, quoting and numbers. Not API. */
package dev.sailplan.core.yaml.internal;
