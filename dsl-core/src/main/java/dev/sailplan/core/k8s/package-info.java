/**
 * Hand-written Kubernetes core kinds that mesh manifests commonly sit next to: {@code Namespace},
 * {@code ServiceAccount}, {@code Service} and {@code NetworkPolicy}, registered through
 * {@link dev.sailplan.core.k8s.CoreKinds}.
 */
@SailplanStyle
package dev.sailplan.core.k8s;

import dev.sailplan.core.style.SailplanStyle;
