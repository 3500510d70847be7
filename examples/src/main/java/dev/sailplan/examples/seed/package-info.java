/**
 * The seed manifests of {@code shared/seed-examples}, one method per file, written with the DSL.
 * Each method's body is what a platform engineer would write for that manifest.
 */
package dev.sailplan.examples.seed;
