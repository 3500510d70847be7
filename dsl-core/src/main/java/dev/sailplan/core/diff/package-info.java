/** Semantic comparison of manifests as data. */
package dev.sailplan.core.diff;
