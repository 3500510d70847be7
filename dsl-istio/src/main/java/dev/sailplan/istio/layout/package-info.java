/**
 * The mesh by persona: {@link dev.sailplan.istio.layout.MeshLayout} names the control-plane, root,
 * gateway and app namespaces and who owns them, and produces their Namespaces, the root defaults
 * and the RBAC of each {@link dev.sailplan.istio.layout.Persona}; it places resources where their
 * persona's rules say ({@link dev.sailplan.istio.layout.MeshLayout#place}) and checks that they are
 * there ({@link dev.sailplan.istio.layout.MeshLayout#validation()}).
 */
package dev.sailplan.istio.layout;
