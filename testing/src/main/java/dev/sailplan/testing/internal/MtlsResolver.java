package dev.sailplan.testing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sailplan.core.Manifests;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.istio.security.v1.MutualTLSMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The mTLS mode a workload's sidecar accepts, resolved from PeerAuthentications the way istiod
 * does: a policy selecting the workload, else its namespace's policy without a selector, else the
 * root namespace's; {@code UNSET} hands over to the next level, and nothing at all is PERMISSIVE.
 * Port-level settings count only on a policy with a selector (istiod ignores them elsewhere).
 */
public final class MtlsResolver {
  private MtlsResolver() {}

  /**
   * What decided the mode.
   *
   * @param mode the mode, empty when the manifests alone cannot tell
   * @param reason the policies that decided, or why it cannot be told
   */
  public record Decision(Optional<MutualTLSMode> mode, String reason) {}

  /** One policy's say at one level: its mode for the question, and how it is named. */
  private record Say(MutualTLSMode mode, String who) {}

  /**
   * Resolves the mode.
   *
   * @param labels the pod's labels, or {@code null} for the namespace's mode
   * @param port the port, or {@code null} for the workload's mode
   */
  public static Decision resolve(
      List<? extends Resource> resources,
      String rootNamespace,
      String namespace,
      Map<String, String> labels,
      Integer port) {
    List<JsonNode> workload = new ArrayList<>();
    List<JsonNode> namespaceWide = new ArrayList<>();
    List<JsonNode> meshWide = new ArrayList<>();
    for (Resource r : resources) {
      if (!"PeerAuthentication".equals(r.kind())) {
        continue;
      }
      JsonNode tree = Manifests.toTree(r);
      String ns = tree.path("metadata").path("namespace").asText("");
      JsonNode match = tree.path("spec").path("selector").path("matchLabels");
      boolean selects = match.size() > 0;
      if (selects) {
        if (labels != null && ns.equals(namespace) && Labels.matches(match, labels)) {
          workload.add(tree);
        }
      } else if (ns.equals(rootNamespace)) {
        meshWide.add(tree);
      } else if (ns.equals(namespace)) {
        namespaceWide.add(tree);
      }
    }
    List<String> inherited = new ArrayList<>();
    List<List<JsonNode>> levels = List.of(workload, namespaceWide, meshWide);
    List<String> levelNames = List.of("selecting the workload", "namespace-wide", "mesh-wide");
    for (int i = 0; i < levels.size(); i++) {
      List<JsonNode> level = levels.get(i);
      if (level.isEmpty()) {
        continue;
      }
      List<Say> says = new ArrayList<>();
      for (JsonNode p : level) {
        says.add(say(p, i == 0 ? port : null, levelNames.get(i)));
      }
      Say first = says.get(0);
      if (says.stream().anyMatch(s -> s.mode() != first.mode())) {
        return new Decision(
            Optional.empty(),
            prefix(inherited)
                + says.size()
                + " PeerAuthentications "
                + levelNames.get(i)
                + " conflict ("
                + String.join(", ", says.stream().map(s -> s.who() + " " + s.mode()).toList())
                + "): Istio applies the oldest, which the manifests do not tell");
      }
      String who = String.join(" and ", says.stream().map(Say::who).toList());
      if (first.mode() == MutualTLSMode.UNSET) {
        inherited.add(who + " leaves it UNSET");
        continue;
      }
      return new Decision(
          Optional.of(first.mode()), prefix(inherited) + who + " sets " + first.mode());
    }
    inherited.add("no PeerAuthentication sets a mode: Istio's default is PERMISSIVE");
    return new Decision(Optional.of(MutualTLSMode.PERMISSIVE), String.join("; ", inherited));
  }

  private static String prefix(List<String> inherited) {
    return inherited.isEmpty() ? "" : String.join("; ", inherited) + "; ";
  }

  private static Say say(JsonNode policy, Integer port, String level) {
    String name = "PeerAuthentication " + Labels.ref(policy) + " (" + level + ")";
    if (port != null) {
      for (Map.Entry<String, JsonNode> e : policy.path("spec").path("portLevelMtls").properties()) {
        MutualTLSMode mode = mode(e.getValue());
        if (e.getKey().equals(String.valueOf(port)) && mode != MutualTLSMode.UNSET) {
          return new Say(mode, name + " on port " + port);
        }
      }
    }
    return new Say(mode(policy.path("spec").path("mtls")), name);
  }

  private static MutualTLSMode mode(JsonNode mtls) {
    String mode = mtls.path("mode").asText("UNSET");
    for (MutualTLSMode m : MutualTLSMode.values()) {
      if (m.name().equals(mode)) {
        return m;
      }
    }
    return MutualTLSMode.UNSET;
  }
}
