/** The independent make-before-break checker, written from the planner's rules onto manifests. */
package dev.sailplan.testing.plan;
