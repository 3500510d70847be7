/** The shared Immutables style of Sailplan's value types. */
package dev.sailplan.core.style;
