/**
 * The goals of {@code sailplan-maven-plugin}: {@link dev.sailplan.maven.RenderMojo render}, {@link
 * dev.sailplan.maven.ValidateMojo validate} and {@link dev.sailplan.maven.PlanMojo plan}.
 */
package dev.sailplan.maven;
