/**
 * Sailplan's shared core: {@link dev.sailplan.core.meta.Resource}, canonical rendering and parsing
 * through {@link dev.sailplan.core.Manifests}.
 */
package dev.sailplan.core;
