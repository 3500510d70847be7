package dev.sailplan.testing.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sailplan.core.Manifests;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.plan.Barrier;
import dev.sailplan.core.plan.Change;
import dev.sailplan.core.plan.Plan;
import dev.sailplan.core.plan.ResourceKey;
import dev.sailplan.core.plan.Stage;
import dev.sailplan.core.plan.State;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Replays a plan and reports every make-before-break violation, written from the BRIEF's rules
 * straight onto the manifests' JSON, independently of the planner and its dependency models.
 *
 * <p>Each stage is replayed in the worst order: every subset of its changes applied on top of the
 * state before it. A reference only counts when something in the plan defines its target (an object
 * managed elsewhere cannot be ordered against). The rules, numbered as in the planner's
 * documentation: (1) a route never names a subset before its DestinationRule defines it; (2) a
 * route never binds to a Gateway, Service or cross-namespace backend before it (and its
 * ReferenceGrant) exists; (3) egress is never locked down before the ServiceEntry or Sidecar that
 * keeps it open; (4) mTLS goes to STRICT only through PERMISSIVE and never while a DestinationRule
 * sends plaintext; (5) pods follow a control plane revision only when they restart: a stage that
 * moves an existing namespace to another revision ({@code istio.io/rev}, or {@code
 * istio-injection}, which takes precedence) or points a revision tag at another revision ends with
 * {@code then: restart}, and only such a stage does (the restart ends at its own gate).
 *
 * <p>Sailplan's own tests use it on every example plan; {@code
 * SailplanAssertions.assertThat(plan).isMakeBeforeBreak()} is the assertion on it.
 *
 * <pre>{@code
 * List<String> violations = MakeBeforeBreakChecker.check(plan); // [] when safe
 * }</pre>
 */
public final class MakeBeforeBreakChecker {
  private static final String SUFFIX = ".svc.cluster.local";
  private static final int MAX_EXHAUSTIVE = 12;

  private final Set<String> universeSubsets = new HashSet<>();
  private final Set<String> universeGateways = new HashSet<>();
  private final Set<String> universeServices = new HashSet<>();
  private final Set<String> universeRegistryOnly = new HashSet<>();

  private MakeBeforeBreakChecker() {}

  /**
   * Every violation of the plan, empty when it is safe; also checks it ends in its desired state.
   *
   * @param plan the plan to replay
   * @return one line per violation, naming the stage, the object and the rule
   */
  public static List<String> check(Plan plan) {
    return new MakeBeforeBreakChecker().run(plan);
  }

  private List<String> run(Plan plan) {
    List<State> states = new ArrayList<>(List.of(plan.current()));
    plan.stages().forEach(s -> states.add(apply(states.get(states.size() - 1), s.changes())));
    for (State s : states) {
      s.resources().forEach(this::learn);
    }
    plan.steps().forEach(step -> step.desired().resources().forEach(this::learn));
    List<String> out = new ArrayList<>();
    State at = plan.current();
    int n = 0;
    for (Stage stage : plan.stages()) {
      n++;
      List<Change> changes = stage.changes();
      if (changes.size() <= MAX_EXHAUSTIVE) {
        for (int mask = 0; mask < (1 << changes.size()); mask++) {
          List<Change> subset = new ArrayList<>();
          for (int i = 0; i < changes.size(); i++) {
            if ((mask & (1 << i)) != 0) {
              subset.add(changes.get(i));
            }
          }
          for (String v : violations(apply(at, subset))) {
            out.add(
                "stage "
                    + n
                    + " ("
                    + stage.label()
                    + "), with "
                    + subset.size()
                    + " of "
                    + changes.size()
                    + " changes applied: "
                    + v);
          }
        }
      } else {
        for (String v : violations(apply(at, changes))) {
          out.add("stage " + n + ": " + v);
        }
      }
      for (Change c : changes) {
        if (c.key().kind().equals("PeerAuthentication")) {
          String before = mode(c.before());
          String after = mode(c.after());
          if (after.equals("STRICT")
              && !before.equals("STRICT")
              && !before.equals("PERMISSIVE")
              && !before.isEmpty()) {
            out.add("stage " + n + ": " + c.key() + " goes from " + before + " straight to STRICT");
          }
        }
      }
      boolean moves = changes.stream().anyMatch(MakeBeforeBreakChecker::movesPods);
      if (moves && stage.then() != Barrier.RESTART) {
        out.add(
            "stage "
                + n
                + " ("
                + stage.label()
                + ") moves pods to another revision but is followed by "
                + stage.then().value()
                + ", not restart: the pods keep their old proxies");
      } else if (!moves && stage.then() == Barrier.RESTART) {
        out.add(
            "stage "
                + n
                + " ("
                + stage.label()
                + ") restarts workloads but moves no namespace or revision tag");
      }
      at = apply(at, changes);
    }
    if (!at.equals(plan.desired())) {
      out.add("the plan ends in " + at + ", not in its desired state " + plan.desired());
    }
    return out;
  }

  /**
   * Whether the change moves running pods to another revision: an existing Namespace whose
   * injecting revision changes, or a revision tag's webhook (labelled {@code istio.io/tag}) whose
   * {@code istio.io/rev} changes.
   */
  private static boolean movesPods(Change c) {
    if (c.before().isEmpty() || c.after().isEmpty()) {
      return c.after().isPresent()
          && c.key().kind().equals("MutatingWebhookConfiguration")
          && !label(c.after(), "istio.io/tag").isEmpty();
    }
    if (c.key().kind().equals("Namespace") && c.key().group().isEmpty()) {
      return !injectedBy(c.before()).equals(injectedBy(c.after()));
    }
    return c.key().kind().equals("MutatingWebhookConfiguration")
        && !label(c.after(), "istio.io/tag").isEmpty()
        && !label(c.before(), "istio.io/rev").equals(label(c.after(), "istio.io/rev"));
  }

  /** The revision injecting a namespace's pods, {@code istio-injection} first. */
  private static String injectedBy(Optional<Resource> ns) {
    String injection = label(ns, "istio-injection");
    if (!injection.isEmpty()) {
      return injection.equals("enabled") ? "default" : "";
    }
    return label(ns, "istio.io/rev");
  }

  private static String label(Optional<Resource> r, String key) {
    return r.map(x -> Manifests.toTree(x).path("metadata").path("labels").path(key).asText(""))
        .orElse("");
  }

  private static State apply(State s, List<Change> changes) {
    State out = s;
    for (Change c : changes) {
      out = out.with(c.key(), c.after());
    }
    return out;
  }

  private void learn(Resource r) {
    JsonNode t = Manifests.toTree(r);
    String ns = r.metadata().namespace().orElse("");
    switch (r.kind()) {
      case "DestinationRule" ->
          t.path("spec")
              .path("subsets")
              .forEach(
                  s ->
                      universeSubsets.add(
                          fqdn(t.path("spec").path("host").asText(), ns)
                              + "/"
                              + s.path("name").asText()));
      case "Gateway" ->
          universeGateways.add(r.group() + " " + ns + "/" + r.metadata().name().orElse(""));
      case "Service" -> universeServices.add(ns + "/" + r.metadata().name().orElse(""));
      case "Sidecar" -> {
        if (registryOnly(t)) {
          universeRegistryOnly.add(ns);
        }
      }
      default -> {}
    }
  }

  /** Every rule broken in one state. */
  private List<String> violations(State s) {
    Set<String> subsets = new HashSet<>();
    Set<String> gateways = new HashSet<>();
    Set<String> services = new HashSet<>();
    Set<String> grants = new HashSet<>();
    Set<String> externalHosts = new HashSet<>();
    Set<String> registryOnly = new HashSet<>();
    Map<String, String> plaintextRules = new TreeMap<>();
    Map<String, JsonNode> trees = new TreeMap<>();
    for (Map.Entry<ResourceKey, Resource> e : s.asMap().entrySet()) {
      Resource r = e.getValue();
      JsonNode t = Manifests.toTree(r);
      trees.put(e.getKey().toString(), t);
      String ns = e.getKey().namespace();
      JsonNode spec = t.path("spec");
      switch (r.kind()) {
        case "DestinationRule" -> {
          String host = fqdn(spec.path("host").asText(), ns);
          spec.path("subsets").forEach(x -> subsets.add(host + "/" + x.path("name").asText()));
          boolean plaintext =
              "DISABLE".equals(spec.path("trafficPolicy").path("tls").path("mode").asText());
          for (JsonNode p : spec.path("trafficPolicy").path("portLevelSettings")) {
            plaintext |= "DISABLE".equals(p.path("tls").path("mode").asText());
          }
          if (plaintext && host.endsWith(SUFFIX)) {
            plaintextRules.put(
                e.getKey().toString(),
                host.substring(0, host.length() - SUFFIX.length()).replaceFirst("^[^.]*\\.", ""));
          }
        }
        case "Gateway" -> gateways.add(r.group() + " " + ns + "/" + e.getKey().name());
        case "Service" -> services.add(ns + "/" + e.getKey().name());
        case "ServiceEntry" -> spec.path("hosts").forEach(h -> externalHosts.add(h.asText()));
        case "Sidecar" -> {
          if (registryOnly(t)) {
            registryOnly.add(ns);
          }
        }
        case "ReferenceGrant" -> {
          for (JsonNode from : spec.path("from")) {
            for (JsonNode to : spec.path("to")) {
              grants.add(
                  from.path("namespace").asText()
                      + "/"
                      + from.path("kind").asText()
                      + ">"
                      + ns
                      + "/"
                      + to.path("kind").asText()
                      + "/"
                      + to.path("name").asText("*"));
            }
          }
        }
        default -> {}
      }
    }
    List<String> out = new ArrayList<>();
    for (Map.Entry<ResourceKey, Resource> e : s.asMap().entrySet()) {
      Resource r = e.getValue();
      JsonNode spec = trees.get(e.getKey().toString()).path("spec");
      String ns = e.getKey().namespace();
      String who = e.getKey().toString();
      switch (r.kind()) {
        case "VirtualService" -> {
          for (JsonNode d : spec.findValues("destination")) {
            if (d.has("subset")) {
              String want = fqdn(d.path("host").asText(), ns) + "/" + d.path("subset").asText();
              if (universeSubsets.contains(want) && !subsets.contains(want)) {
                out.add(
                    who
                        + " routes to subset "
                        + want
                        + " that no DestinationRule defines (rule 1)");
              }
            }
          }
          for (JsonNode m : spec.findValues("mirror")) {
            String want = fqdn(m.path("host").asText(), ns) + "/" + m.path("subset").asText();
            if (m.has("subset") && universeSubsets.contains(want) && !subsets.contains(want)) {
              out.add(who + " mirrors to undefined subset " + want + " (rule 1)");
            }
          }
          for (JsonNode g : spec.path("gateways")) {
            String ref = g.asText().contains("/") ? g.asText() : ns + "/" + g.asText();
            String want = "networking.istio.io " + ref;
            if (!g.asText().equals("mesh")
                && universeGateways.contains(want)
                && !gateways.contains(want)) {
              out.add(who + " binds to Gateway " + ref + " that does not exist (rule 2)");
            }
          }
        }
        case "HTTPRoute", "GRPCRoute", "TCPRoute", "TLSRoute", "UDPRoute" -> {
          for (JsonNode p : spec.path("parentRefs")) {
            String want =
                "gateway.networking.k8s.io "
                    + p.path("namespace").asText(ns)
                    + "/"
                    + p.path("name").asText();
            if (universeGateways.contains(want) && !gateways.contains(want)) {
              out.add(who + " attaches to Gateway " + want + " that does not exist (rule 2)");
            }
          }
          for (JsonNode b : spec.findValues("backendRefs")) {
            for (JsonNode ref : b) {
              String bns = ref.path("namespace").asText(ns);
              String svc = bns + "/" + ref.path("name").asText();
              if (universeServices.contains(svc) && !services.contains(svc)) {
                out.add(who + " points at Service " + svc + " that does not exist (rule 2)");
              }
              if (!bns.equals(ns)
                  && !grants.contains(
                      ns + "/" + r.kind() + ">" + bns + "/Service/" + ref.path("name").asText())
                  && !grants.contains(ns + "/" + r.kind() + ">" + bns + "/Service/*")) {
                out.add(
                    who
                        + " points across namespaces at "
                        + svc
                        + " without a ReferenceGrant (rule 2)");
              }
            }
          }
        }
        case "Sidecar" -> {
          if (registryOnly(trees.get(who))) {
            for (JsonNode l : spec.path("egress")) {
              for (JsonNode h : l.path("hosts")) {
                String host = h.asText().substring(h.asText().indexOf('/') + 1);
                if (!host.contains("*")
                    && host.contains(".")
                    && !host.endsWith(SUFFIX)
                    && !externalHosts.contains(host)) {
                  out.add(
                      who
                          + " is REGISTRY_ONLY before a ServiceEntry for "
                          + host
                          + " exists (rule 3)");
                }
              }
            }
          }
        }
        case "NetworkPolicy" -> {
          boolean egress =
              spec.path("policyTypes").toString().contains("Egress") || spec.has("egress");
          if (egress && universeRegistryOnly.contains(ns) && !registryOnly.contains(ns)) {
            out.add(
                who + " locks egress down before the namespace's REGISTRY_ONLY Sidecar (rule 3)");
          }
        }
        case "PeerAuthentication" -> {
          if ("STRICT".equals(spec.path("mtls").path("mode").asText()) && !spec.has("selector")) {
            boolean mesh = ns.equals("istio-system") || ns.equals("istio-config");
            plaintextRules.forEach(
                (rule, target) -> {
                  if (mesh || target.equals(ns)) {
                    out.add(
                        who
                            + " is STRICT while "
                            + rule
                            + " sends plaintext to "
                            + target
                            + " (rule 4)");
                  }
                });
          }
        }
        default -> {}
      }
    }
    return out;
  }

  private static boolean registryOnly(JsonNode t) {
    return "REGISTRY_ONLY"
        .equals(t.path("spec").path("outboundTrafficPolicy").path("mode").asText());
  }

  private static String mode(Optional<Resource> r) {
    return r.map(x -> Manifests.toTree(x).path("spec").path("mtls").path("mode").asText(""))
        .orElse("");
  }

  private static String fqdn(String host, String ns) {
    return host.contains(".") || host.equals("*")
        ? host
        : host + "." + (ns.isEmpty() ? "default" : ns) + SUFFIX;
  }
}
