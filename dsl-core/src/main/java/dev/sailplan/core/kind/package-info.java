/** The registry of kinds that parsing resolves {@code apiVersion} and {@code kind} through. */
package dev.sailplan.core.kind;
