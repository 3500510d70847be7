package dev.sailplan.istio.layout;

import dev.sailplan.core.kind.KindInfo;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.validation.Analyzer;
import dev.sailplan.core.validation.FieldPath;
import dev.sailplan.core.validation.Level;
import dev.sailplan.core.validation.Mesh;
import dev.sailplan.core.validation.Reports;
import dev.sailplan.core.validation.ValidationProvider;
import dev.sailplan.istio.kinds.IstioKinds;
import dev.sailplan.istio.networking.v1.Gateway;
import dev.sailplan.istio.networking.v1.VirtualService;
import dev.sailplan.istio.networking.v1alpha3.EnvoyFilter;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The layout's checks: SP3022 (Istio configuration in the control-plane namespace), SP3023 (a
 * resource its namespace's persona may not edit, or in a namespace the layout does not have) and
 * SP3024 (a gateway-bound VirtualService outside its gateway's namespace). EnvoyFilters and
 * Gateways out of place are SP3001 and SP3002, which run without a layout.
 */
final class LayoutValidation implements ValidationProvider, Analyzer {
  private static final FieldPath NAMESPACE = FieldPath.root().field("metadata").field("namespace");

  private final MeshLayout layout;

  LayoutValidation(MeshLayout layout) {
    this.layout = layout;
  }

  @Override
  public List<Analyzer> analyzers() {
    return List.of(this);
  }

  /** Istio's kinds: the only ones the checks read. */
  @Override
  public Set<String> analyzedKinds() {
    Set<String> kinds = new HashSet<>();
    for (KindInfo k : new IstioKinds().kinds()) {
      kinds.add(ValidationProvider.key(k.group(), k.kind()));
    }
    return kinds;
  }

  @Override
  public void analyze(Mesh mesh, Reports reports) {
    for (Resource r : mesh.resources()) {
      if (!r.group().endsWith(".istio.io") || mesh.isAssumed(r) || r instanceof EnvoyFilter) {
        continue;
      }
      String ns = r.metadata().namespace().orElse("");
      if (ns.equals(layout.controlPlaneNamespace()) && !ns.equals(layout.rootNamespace())) {
        reports
            .on(r)
            .add(
                "SP3022",
                "",
                Level.WARNING,
                NAMESPACE,
                "",
                r.kind()
                    + " in the control-plane namespace "
                    + ns
                    + ", which holds istiod alone: mesh-wide defaults belong in the root namespace "
                    + layout.rootNamespace()
                    + ", gateways in a gateway namespace, the rest in its app namespace");
        continue;
      }
      if (r instanceof Gateway) {
        continue; // SP3002
      }
      Optional<Persona> persona = layout.personaOf(ns);
      if (persona.isEmpty()) {
        persona(reports, r, ns + " is not a namespace of the mesh layout, so no persona owns it");
        continue;
      }
      if (r instanceof VirtualService vs) {
        virtualService(reports, vs, ns, persona.get());
      } else if (!persona.get().mayEdit(r.group(), r.kind())) {
        persona(
            reports,
            r,
            "the "
                + persona.get().id()
                + "s of "
                + ns
                + " may not edit a "
                + r.kind()
                + " (ClusterRole "
                + persona.get().roleName()
                + ")");
      }
    }
  }

  private void virtualService(Reports reports, VirtualService vs, String ns, Persona persona) {
    List<String> all = vs.spec().map(s -> s.gateways()).orElse(List.of());
    boolean bound = false;
    for (int i = 0; i < all.size(); i++) {
      String g = all.get(i);
      if (g.equals(LayoutRules.MESH)) {
        continue;
      }
      bound = true;
      String gatewayNs = LayoutRules.namespaceOf(g, ns);
      if (!gatewayNs.equals(ns) && layout.gatewayNamespace(gatewayNs).isPresent()) {
        reports
            .on(vs)
            .add(
                "SP3024",
                "",
                Level.WARNING,
                FieldPath.root().field("spec").field("gateways").index(i),
                "",
                "VirtualService in "
                    + ns
                    + " bound to gateway "
                    + g
                    + ": the routes of a gateway belong to its network owners, in "
                    + gatewayNs
                    + ", pointing at "
                    + ns
                    + " by fully qualified hosts (MeshLayout.place moves it)");
      }
    }
    if (!bound && persona == Persona.NETWORK_OWNER) {
      persona(
          reports,
          vs,
          "a VirtualService of the mesh (not bound to a gateway) in the gateway namespace "
              + ns
              + " routes the sidecars' traffic: it belongs to the app namespace of its hosts");
    }
  }

  private static void persona(Reports reports, Resource r, String why) {
    reports
        .on(r)
        .add(
            "SP3023",
            "",
            Level.WARNING,
            NAMESPACE,
            "",
            r.kind() + " outside its persona's namespaces: " + why);
  }
}
