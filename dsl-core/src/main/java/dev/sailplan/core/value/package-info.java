/** Small value types shared by every schema: durations and int-or-string values. */
package dev.sailplan.core.value;
