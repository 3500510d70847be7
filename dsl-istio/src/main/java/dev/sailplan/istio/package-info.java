/**
 * The hand-written Istio DSL on top of the generated model: {@link dev.sailplan.istio.Traffic},
 * {@link dev.sailplan.istio.Security} and {@link dev.sailplan.istio.Observability} hold the
 * factories that make common configuration read like intent. Every generated type stays
 * available through its own builder, e.g. {@code HTTPRetry.builder()}.
 */
package dev.sailplan.istio;
