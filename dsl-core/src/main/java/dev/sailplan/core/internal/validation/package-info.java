/**
 * Not API. The validation provider of the Kubernetes core kinds, apart from both {@code
 * dev.sailplan.core.k8s} and {@code dev.sailplan.core.validation}, which depend on each other
 * otherwise.
 */
package dev.sailplan.core.internal.validation;
