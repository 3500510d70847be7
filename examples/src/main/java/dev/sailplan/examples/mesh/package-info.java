/** The example mesh laid out by persona with {@link dev.sailplan.istio.layout.MeshLayout}. */
package dev.sailplan.examples.mesh;
