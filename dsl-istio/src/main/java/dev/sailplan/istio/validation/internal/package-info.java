/**
 * What istiod's validating webhook rejects beyond the CRD schemas, one small class per kind, with
 * the name, address and pattern rules they share. Not API: {@code IstioWebhookChecks} is the entry
 * point.
 */
package dev.sailplan.istio.validation.internal;
