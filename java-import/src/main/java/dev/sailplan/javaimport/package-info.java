/**
 * {@link dev.sailplan.javaimport.JavaImport}: existing manifests in, a Java class that builds them
 * with the DSL out.
 */
package dev.sailplan.javaimport;
