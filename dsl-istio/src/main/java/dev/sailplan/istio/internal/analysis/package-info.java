/**
 * The analyses across Istio resources that {@link dev.sailplan.istio.validation.IstioValidation}
 * registers: one class per family of rules (SP1xxx traffic, SP2xxx security, SP3xxx placement and
 * API), each finding with the IST code of the {@code istioctl analyze} analyzer that reports the
 * same problem.
 */
package dev.sailplan.istio.internal.analysis;
