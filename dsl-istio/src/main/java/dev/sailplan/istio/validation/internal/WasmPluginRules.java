package dev.sailplan.istio.validation.internal;

import dev.sailplan.core.validation.FieldPath;
import dev.sailplan.istio.extensions.v1alpha1.EnvVar;
import dev.sailplan.istio.extensions.v1alpha1.WasmPlugin;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What istiod's {@code ValidateWasmPlugin} rejects beyond the CRD's rules. */
public final class WasmPluginRules {
  private WasmPluginRules() {}

  /** Checks {@code plugin}. */
  public static void check(WasmPlugin plugin, Rejections out) {
    List<EnvVar> env = plugin.spec().vmConfig().map(v -> v.env()).orElse(List.of());
    FieldPath path = FieldPath.root().field("spec").field("vmConfig").field("env");
    Set<String> names = new HashSet<>();
    for (int i = 0; i < env.size(); i++) {
      if (!names.add(env.get(i).name())) {
        out.add("SP0447", path.index(i).field("name"), "duplicate env");
        return; // istiod stops at the first
      }
    }
  }
}
