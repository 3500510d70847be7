/**
 * Validation: what the API server would reject (schema, CEL rules, istiod's webhook), reported as
 * {@link dev.sailplan.core.validation.Findings} with code, level, object, field path, file and
 * line.
 *
 * <pre>{@code
 * Findings findings = Validation.standard().validate(List.of(virtualService));
 * if (findings.hasErrors()) {
 *   System.err.print(findings);
 * }
 * }</pre>
 */
package dev.sailplan.core.validation;
