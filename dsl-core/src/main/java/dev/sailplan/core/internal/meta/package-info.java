/**
 * The API server's rules for object metadata (names, namespaces, labels, annotations, finalizers),
 * with its messages. Not API.
 */
package dev.sailplan.core.internal.meta;
