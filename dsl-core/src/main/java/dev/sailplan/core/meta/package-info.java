/** Kubernetes object metadata. */
@SailplanStyle
package dev.sailplan.core.meta;

import dev.sailplan.core.style.SailplanStyle;
