/**
 * What the planner needs to know about Istio's reference graph: {@link
 * dev.sailplan.istio.plan.IstioDependencies}, and the names it resolves hosts and mesh-wide policy
 * by, {@link dev.sailplan.istio.plan.MeshNames}.
 */
package dev.sailplan.istio.plan;
