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
 *
 * <p>Model modules plug in through {@link dev.sailplan.core.validation.ValidationProvider}:
 * generated schema validators ({@link dev.sailplan.core.validation.TreeValidator}) and checks of
 * typed resources ({@link dev.sailplan.core.validation.ResourceCheck}).
 */
package dev.sailplan.core.validation;
