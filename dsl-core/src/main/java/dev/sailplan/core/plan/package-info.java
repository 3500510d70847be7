/**
 * Make-before-break plans: the ordered stages between a current and a desired {@link
 * dev.sailplan.core.plan.State}, computed by the {@link dev.sailplan.core.plan.Planner} from the
 * facts each resource provides and requires ({@link dev.sailplan.core.plan.DependencyModel}).
 */
package dev.sailplan.core.plan;
