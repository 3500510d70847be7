/**
 * Kubernetes objects Sailplan does not model as types (a Deployment, a ConfigMap, a Role), read
 * generically: every field kept, rendered back in canonical key order, and planned with the typed
 * kinds. See {@link dev.sailplan.core.generic.GenericObject}.
 */
package dev.sailplan.core.generic;
