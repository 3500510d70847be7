package dev.sailplan.istio.internal.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sailplan.core.validation.Analyzer;
import dev.sailplan.core.validation.FieldPath;
import dev.sailplan.core.validation.Level;
import dev.sailplan.core.validation.Mesh;
import dev.sailplan.core.validation.Report;
import dev.sailplan.core.validation.Reports;
import dev.sailplan.istio.networking.v1alpha3.ApplyTo;
import dev.sailplan.istio.networking.v1alpha3.EnvoyConfigObjectMatch;
import dev.sailplan.istio.networking.v1alpha3.EnvoyConfigObjectPatch;
import dev.sailplan.istio.networking.v1alpha3.EnvoyFilter;
import dev.sailplan.istio.networking.v1alpha3.EnvoyFilterSpec;
import dev.sailplan.istio.networking.v1alpha3.FilterChainMatch;
import dev.sailplan.istio.networking.v1alpha3.FilterMatch;
import dev.sailplan.istio.networking.v1alpha3.ListenerMatch;
import dev.sailplan.istio.networking.v1alpha3.Patch;
import dev.sailplan.istio.networking.v1alpha3.PatchOperation;
import dev.sailplan.istio.networking.v1alpha3.ProxyMatch;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The EnvoyFilter rules: SP3001 (outside the root namespace, or without a workloadSelector), SP3007
 * (a relative patch without priority, IST0151/IST0155) and SP3008 (an operation Istio ignores for
 * its applyTo, IST0152/IST0153/IST0154).
 */
final class PlacementEnvoyFilterAnalyzer implements Analyzer {
  @Override
  public void analyze(Mesh mesh, Reports reports) {
    // Names of patched filters whose patch matched a proxyVersion, in input order, as istioctl
    // keeps them to tell a relative patch that may miss during an upgrade (IST0155).
    Set<String> versioned = new HashSet<>();
    for (EnvoyFilter ef : mesh.all(EnvoyFilter.class)) {
      EnvoyFilterSpec spec = ef.spec().orElse(null);
      if (spec == null) {
        continue;
      }
      Report report = reports.on(ef);
      placement(report, ef, spec, mesh.rootNamespace());
      List<EnvoyConfigObjectPatch> patches = spec.configPatches();
      boolean prioritized = spec.priority().orElse(0) != 0;
      for (int i = 0; i < patches.size(); i++) {
        EnvoyConfigObjectPatch p = patches.get(i);
        if (p.patch().isEmpty()) {
          break;
        }
        String name = filterName(p);
        PatchOperation op = p.patch().flatMap(Patch::operation).orElse(PatchOperation.INVALID);
        ApplyTo applyTo = p.applyTo().orElse(ApplyTo.INVALID);
        FieldPath at =
            FieldPath.root()
                .field("spec")
                .field("configPatches")
                .index(i)
                .field("patch")
                .field("operation");
        boolean routes = applyTo == ApplyTo.ROUTE_CONFIGURATION || applyTo == ApplyTo.HTTP_ROUTE;
        boolean relative = false;
        switch (op) {
          case ADD -> {
            if (routes) {
              ignored(
                  report,
                  at,
                  "IST0153",
                  op,
                  applyTo,
                  "a route configuration or route cannot be added by a patch; use MERGE");
            }
          }
          case REMOVE -> {
            if (routes) {
              ignored(
                  report,
                  at,
                  "IST0154",
                  op,
                  applyTo,
                  "a route configuration or route cannot be removed by a patch");
            } else {
              relative = true;
            }
          }
          case REPLACE -> {
            if (applyTo != ApplyTo.HTTP_FILTER && applyTo != ApplyTo.NETWORK_FILTER) {
              ignored(
                  report,
                  at,
                  "IST0152",
                  op,
                  applyTo,
                  "only HTTP_FILTER and NETWORK_FILTER can be replaced");
            } else {
              relative = true;
            }
          }
          case INSERT_BEFORE, INSERT_AFTER -> relative = true;
          default -> {}
        }
        if (relative && !prioritized) {
          boolean upgrade = versioned.contains(name);
          report.add(
              "SP3007",
              upgrade ? "IST0155" : "IST0151",
              Level.WARNING,
              at,
              "",
              op
                  + " is relative to other patches, and without spec.priority the order of"
                  + " EnvoyFilters is undefined, so the filter it is relative to may not be there"
                  + (upgrade
                      ? " (another patch of it matches a proxyVersion, as in an upgrade)"
                      : "")
                  + "; set priority, or use INSERT_FIRST or ADD");
        }
        if (p.match()
            .flatMap(EnvoyConfigObjectMatch::proxy)
            .flatMap(ProxyMatch::proxyVersion)
            .filter(v -> !v.isEmpty())
            .isPresent()) {
          versioned.add(name);
        }
      }
    }
  }

  /** SP3001: EnvoyFilters belong to the root namespace, and workloads opt in by label. */
  private static void placement(Report report, EnvoyFilter ef, EnvoyFilterSpec spec, String root) {
    String ns = SecurityMeshIndex.namespace(ef);
    boolean selected =
        spec.workloadSelector().filter(w -> !w.labels().isEmpty()).isPresent()
            || !spec.targetRefs().isEmpty();
    if (!ns.equals(root)) {
      report.add(
          "SP3001",
          "",
          Level.WARNING,
          FieldPath.root().field("metadata").field("namespace"),
          "",
          "EnvoyFilter in "
              + ns
              + ", outside the root namespace "
              + root
              + (selected ? "" : ", without a workloadSelector")
              + ": keep EnvoyFilters in the root namespace, each with a workloadSelector that"
              + " workloads opt in to by label");
    } else if (!selected) {
      report.add(
          "SP3001",
          "",
          Level.WARNING,
          FieldPath.root().field("spec"),
          "",
          "EnvoyFilter in the root namespace "
              + root
              + " without a workloadSelector patches every proxy of the mesh; select the"
              + " workloads that opt in by label");
    }
  }

  private static void ignored(
      Report report, FieldPath at, String istio, PatchOperation op, ApplyTo applyTo, String why) {
    report.add(
        "SP3008",
        istio,
        Level.ERROR,
        at,
        "",
        "Istio ignores " + op + " with applyTo " + applyTo + ": " + why);
  }

  /** The patched filter's name: the patch value's {@code name}, else the matched filter's. */
  private static String filterName(EnvoyConfigObjectPatch p) {
    JsonNode value = p.patch().flatMap(Patch::value).orElse(null);
    if (value == null || !value.isObject()) {
      return "";
    }
    if (value.has("name")) {
      return value.get("name").asText();
    }
    return p.match()
        .flatMap(EnvoyConfigObjectMatch::listener)
        .flatMap(ListenerMatch::filterChain)
        .flatMap(FilterChainMatch::filter)
        .flatMap(FilterMatch::name)
        .orElse("");
  }
}
