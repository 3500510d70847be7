/** What the planner needs to know about Istio's reference graph: {@link dev.sailplan.istio.plan.IstioDependencies}. */
package dev.sailplan.istio.plan;
