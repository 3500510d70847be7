/**
 * Canonical, deterministic YAML and JSON rendering of Jackson trees: the one place that decides how
 * a manifest looks on disk. See {@link dev.sailplan.core.CanonicalYaml}.
 */
package dev.sailplan.core.yaml;
