/**
 * Runnable examples: every seed manifest reproduced through the DSL ({@link
 * dev.sailplan.examples.SeedExamples}) and {@link dev.sailplan.examples.RenderAll}, which renders
 * them into a folder.
 */
package dev.sailplan.examples;
