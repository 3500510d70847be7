/**
 * Renders {@link dev.sailplan.core.plan.Plan}s for people and tools: the on-disk plan folder with
 * its {@code plan.yaml} index, stage files and {@code apply.sh} ({@link
 * dev.sailplan.core.plan.render.PlanWriter}), one annotated YAML stream ({@link
 * dev.sailplan.core.plan.render.PlanStream}), and each step as the Argo CD syncs it needs ({@link
 * dev.sailplan.core.plan.render.ArgoCdPlan}). Every output is byte-deterministic: the same plan
 * always gives the same bytes.
 */
package dev.sailplan.core.plan.render;
