package dev.sailplan.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sailplan.core.Manifests;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.plan.Barrier;
import dev.sailplan.core.plan.Change;
import dev.sailplan.core.plan.Plan;
import dev.sailplan.core.plan.ResourceKey;
import dev.sailplan.core.plan.Stage;
import dev.sailplan.core.plan.State;
import dev.sailplan.core.plan.Step;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.yaml.snakeyaml.Yaml;

/**
 * Reads a plan folder back and checks it on the manifests' JSON alone, independently of the
 * planner: replays every stage in its worst arrival order (every subset of its changes on top of
 * the state before it) and reports a route or mirror to a subset that no DestinationRule of its
 * host defines at that moment (rule 1 of make-before-break), and a last state that is not {@code
 * desired.yaml}.
 */
final class PlanFolderCheck {
  private static final String SUFFIX = ".svc.cluster.local";

  /** The state before each stage and after the last, by {@code Kind namespace/name}. */
  final List<Map<String, JsonNode>> states = new ArrayList<>();

  /** Every object each stage applies, as JSON. */
  final List<List<JsonNode>> applied = new ArrayList<>();

  final List<String> violations = new ArrayList<>();

  private PlanFolderCheck() {}

  @SuppressWarnings("unchecked")
  static PlanFolderCheck of(Path folder) throws IOException {
    PlanFolderCheck c = new PlanFolderCheck();
    Map<String, JsonNode> at = objects(folder.resolve("current.yaml"));
    c.states.add(at);
    Map<String, Object> index = new Yaml().load(Files.readString(folder.resolve("plan.yaml")));
    for (Map<String, Object> step : (List<Map<String, Object>>) index.get("steps")) {
      for (Map<String, Object> stage : (List<Map<String, Object>>) step.get("stages")) {
        List<Function<Map<String, JsonNode>, Map<String, JsonNode>>> changes = new ArrayList<>();
        List<JsonNode> applies = new ArrayList<>();
        Object file = stage.get("file");
        if (file != null) {
          for (JsonNode t : objects(folder.resolve((String) file)).values()) {
            applies.add(t);
            changes.add(s -> with(s, key(t), t));
          }
        }
        for (Map<String, Object> ref :
            (List<Map<String, Object>>) stage.getOrDefault("delete", List.of())) {
          String key =
              ref.get("kind") + " " + ref.getOrDefault("namespace", "") + "/" + ref.get("name");
          changes.add(s -> with(s, key, null));
        }
        c.applied.add(applies);
        Map<String, JsonNode> before = at;
        for (int mask = 0; mask < (1 << changes.size()); mask++) {
          Map<String, JsonNode> s = before;
          for (int i = 0; i < changes.size(); i++) {
            if ((mask & (1 << i)) != 0) {
              s = changes.get(i).apply(s);
            }
          }
          for (String v : undefinedSubsets(s)) {
            c.violations.add("stage " + stage.get("file") + ": " + v);
          }
        }
        for (var change : changes) {
          at = change.apply(at);
        }
        c.states.add(at);
      }
    }
    if (!at.equals(objects(folder.resolve("desired.yaml")))) {
      c.violations.add("the last stage does not reach desired.yaml");
    }
    return c;
  }

  /**
   * The plan a folder holds, read back from its files alone (plan.yaml, the stage files and
   * current.yaml), for checkers that replay {@link Plan}s.
   */
  @SuppressWarnings("unchecked")
  static Plan plan(Path folder) throws IOException {
    State current = State.of(read(folder.resolve("current.yaml")));
    Map<String, Object> index = new Yaml().load(Files.readString(folder.resolve("plan.yaml")));
    List<Step> steps = new ArrayList<>();
    State at = current;
    for (Map<String, Object> step : (List<Map<String, Object>>) index.get("steps")) {
      List<Stage> stages = new ArrayList<>();
      for (Map<String, Object> stage : (List<Map<String, Object>>) step.get("stages")) {
        List<Change> changes = new ArrayList<>();
        Object file = stage.get("file");
        if (file != null) {
          for (Resource r : read(folder.resolve((String) file))) {
            ResourceKey k = ResourceKey.of(r);
            changes.add(new Change(k, at.get(k), Optional.of(r)));
          }
        }
        for (Map<String, Object> ref :
            (List<Map<String, Object>>) stage.getOrDefault("delete", List.of())) {
          String kind = (String) ref.get("kind");
          String ns = (String) ref.getOrDefault("namespace", "");
          String name = (String) ref.get("name");
          ResourceKey k =
              at.keys().stream()
                  .filter(
                      x ->
                          x.kind().equals(kind)
                              && x.namespace().equals(ns)
                              && x.name().equals(name))
                  .findFirst()
                  .orElseThrow(() -> new AssertionError("deletes a missing " + kind + " " + name));
          changes.add(new Change(k, at.get(k), Optional.empty()));
        }
        for (Change c : changes) {
          at = at.with(c.key(), c.after());
        }
        String then = String.valueOf(stage.getOrDefault("then", "none"));
        Barrier barrier =
            Arrays.stream(Barrier.values())
                .filter(b -> b.value().equals(then))
                .findFirst()
                .orElse(Barrier.NONE);
        stages.add(new Stage(String.valueOf(file), changes, barrier, ""));
      }
      steps.add(new Step((String) step.get("name"), at, stages));
    }
    return new Plan((String) index.get("plan"), current, steps);
  }

  private static List<Resource> read(Path file) throws IOException {
    return Manifests.parseMixed(Files.readString(file, StandardCharsets.UTF_8), file.toString());
  }

  /** The objects of a file as canonical JSON trees, by {@code Kind namespace/name}. */
  static Map<String, JsonNode> objects(Path file) throws IOException {
    Map<String, JsonNode> out = new TreeMap<>();
    String text = Files.readString(file, StandardCharsets.UTF_8);
    for (Resource r : Manifests.parseMixed(text, file.toString())) {
      JsonNode t = Manifests.toTree(r);
      out.put(key(t), t);
    }
    return out;
  }

  static String key(JsonNode t) {
    return t.path("kind").asText()
        + " "
        + t.path("metadata").path("namespace").asText()
        + "/"
        + t.path("metadata").path("name").asText();
  }

  /** The last state: what the plan ends in. */
  Map<String, JsonNode> last() {
    return states.get(states.size() - 1);
  }

  private static Map<String, JsonNode> with(Map<String, JsonNode> s, String key, JsonNode t) {
    Map<String, JsonNode> out = new TreeMap<>(s);
    if (t == null) {
      out.remove(key);
    } else {
      out.put(key, t);
    }
    return out;
  }

  /** Every route or mirror of a VirtualService to a subset no DestinationRule defines. */
  static List<String> undefinedSubsets(Map<String, JsonNode> state) {
    Set<String> defined = new HashSet<>();
    for (JsonNode t : state.values()) {
      if (t.path("kind").asText().equals("DestinationRule")) {
        String host = fqdn(t.path("spec").path("host").asText(), namespace(t));
        for (JsonNode s : t.path("spec").path("subsets")) {
          defined.add(host + " " + s.path("name").asText());
        }
      }
    }
    List<String> out = new ArrayList<>();
    for (JsonNode t : state.values()) {
      if (!t.path("kind").asText().equals("VirtualService")) {
        continue;
      }
      for (JsonNode route : t.path("spec").path("http")) {
        List<JsonNode> destinations = new ArrayList<>();
        route.path("route").forEach(d -> destinations.add(d.path("destination")));
        destinations.add(route.path("mirror"));
        for (JsonNode d : destinations) {
          if (d.has("subset")) {
            String ref =
                fqdn(d.path("host").asText(), namespace(t)) + " " + d.get("subset").asText();
            if (!defined.contains(ref)) {
              out.add(key(t) + " routes to undefined subset " + ref);
            }
          }
        }
      }
    }
    return out;
  }

  /** Every destination {@code host subset} of a VirtualService's HTTP routes (not mirrors). */
  static List<String> destinations(JsonNode vs) {
    List<String> out = new ArrayList<>();
    for (JsonNode route : vs.path("spec").path("http")) {
      for (JsonNode d : route.path("route")) {
        JsonNode dest = d.path("destination");
        out.add(
            fqdn(dest.path("host").asText(), namespace(vs)) + " " + dest.path("subset").asText());
      }
    }
    return out;
  }

  /**
   * The object without the paths a subset rollout owns: a DestinationRule's subsets, the
   * destinations and weights of HTTP routes, and the header override route it adds.
   */
  static JsonNode withoutSubsetRolloutPaths(JsonNode t) {
    ObjectNode copy = t.deepCopy();
    ObjectNode spec = (ObjectNode) copy.path("spec");
    if (t.path("kind").asText().equals("DestinationRule")) {
      spec.remove("subsets");
    }
    if (t.path("kind").asText().equals("VirtualService") && spec.has("http")) {
      ArrayNode kept = JsonNodeFactory.instance.arrayNode();
      for (JsonNode route : spec.get("http")) {
        if (!route.path("name").asText().equals("canary-override")) {
          kept.add(((ObjectNode) route.deepCopy()).without("route"));
        }
      }
      spec.set("http", kept);
    }
    return copy;
  }

  private static String namespace(JsonNode t) {
    return t.path("metadata").path("namespace").asText();
  }

  private static String fqdn(String host, String ns) {
    return host.contains(".") ? host : host + "." + ns + SUFFIX;
  }
}
