package dev.sailplan.cli;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sailplan.core.Manifests;
import dev.sailplan.core.kind.KindInfo;
import dev.sailplan.core.kind.KindRegistry;
import dev.sailplan.core.meta.ObjectMeta;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.plan.State;
import dev.sailplan.core.problem.ManifestException;
import dev.sailplan.core.problem.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads {@code --current} of {@code sailplan rollout}: a file, a folder (every {@code *.yaml} and
 * {@code *.yml} below it, sorted) or {@code -}, with mixed kinds and {@code kind: List}.
 *
 * <p>{@link #read} is the one place that decides how the objects are read. For now it reads the
 * kinds Sailplan models and skips the Kubernetes kinds it does not (Deployment, ConfigMap, …),
 * saying so in one line on stderr; unknown kinds of a group Sailplan models (an Istio or Gateway
 * API typo) stay errors. When the planner reads unmodelled kinds generically, this method reads
 * them that way instead.
 */
final class CurrentState {
  /** The groups of the Kubernetes API server itself: their unmodelled kinds are skipped. */
  private static final Set<String> KUBERNETES =
      Set.of(
          "",
          "apps",
          "autoscaling",
          "batch",
          "policy",
          "coordination.k8s.io",
          "discovery.k8s.io",
          "events.k8s.io",
          "networking.k8s.io",
          "node.k8s.io",
          "rbac.authorization.k8s.io",
          "scheduling.k8s.io",
          "storage.k8s.io",
          "admissionregistration.k8s.io",
          "apiextensions.k8s.io",
          "certificates.k8s.io");

  private static final Pattern UNKNOWN_KIND =
      Pattern.compile("unknown kind ([A-Za-z0-9]+) \\(apiVersion ([^)\\s]+)\\)");

  private CurrentState() {}

  /**
   * The current state given as {@code --current}: every object of every file.
   *
   * @throws ManifestException naming the file, document, line and field of every problem, or an
   *     object defined twice
   */
  static State read(String argument, InputStream stdin, PrintWriter err) {
    List<Resource> all = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (String file : files(argument)) {
      String source = "--current " + Inputs.display(file);
      String text;
      try {
        text = Inputs.read(file, source, stdin);
      } catch (OutOfMemoryError e) {
        throw new ManifestException(List.of(Inputs.tooLarge(source)));
      }
      for (Resource r : parse(text, source)) {
        if (r instanceof Unmodelled u) {
          skipped.add(u.kind() + " " + u.ref());
        } else {
          all.add(r);
        }
      }
    }
    if (!skipped.isEmpty()) {
      err.println(
          "sailplan: skipped "
              + skipped.size()
              + " object"
              + (skipped.size() == 1 ? "" : "s")
              + " of kinds Sailplan does not model: "
              + String.join(", ", skipped));
    }
    try {
      return State.of(all);
    } catch (IllegalArgumentException e) {
      // An object defined twice across files, or one without a name.
      throw Inputs.problem("--current " + Inputs.display(argument), e.getMessage());
    }
  }

  /** The files {@code argument} names: itself, or the manifests below a folder, sorted. */
  private static List<String> files(String argument) {
    String source = "--current " + Inputs.display(argument);
    Path path;
    try {
      path = Path.of(argument);
    } catch (InvalidPathException e) {
      throw Inputs.problem(source, Inputs.invalidPath(e));
    }
    if (argument.equals(Inputs.STDIN) || argument.isEmpty() || !Files.isDirectory(path)) {
      return List.of(argument);
    }
    try (Stream<Path> walk = Files.walk(path)) {
      List<String> found =
          walk.filter(Files::isRegularFile)
              .map(Path::toString)
              .filter(f -> f.endsWith(".yaml") || f.endsWith(".yml"))
              .sorted()
              .toList();
      if (found.isEmpty()) {
        throw Inputs.problem(source, "no *.yaml or *.yml files in this folder");
      }
      return found;
    } catch (IOException | UncheckedIOException e) {
      IOException cause = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
      throw Inputs.problem(source, "cannot read: " + IoErrors.reason(cause, path));
    }
  }

  /**
   * The objects of one file. When its only problems are Kubernetes kinds Sailplan does not model,
   * it is read again with those kinds as {@link Unmodelled}, so every other problem keeps its line.
   */
  private static List<Resource> parse(String text, String source) {
    try {
      return Manifests.parseUnique(text, source);
    } catch (ManifestException e) {
      KindRegistry registry = KindRegistry.discover();
      Map<String, KindInfo> unmodelled = new LinkedHashMap<>();
      List<Problem> others = new ArrayList<>();
      for (Problem p : e.problems()) {
        Matcher m = UNKNOWN_KIND.matcher(p.message());
        String group = m.matches() ? group(m.group(2)) : null;
        if (group != null && KUBERNETES.contains(group)) {
          String version = m.group(2).substring(m.group(2).indexOf('/') + 1);
          unmodelled.putIfAbsent(
              m.group(2) + " " + m.group(1),
              new KindInfo(group, m.group(1), List.of(version), true, Unmodelled.class));
        } else {
          others.add(p);
        }
      }
      if (unmodelled.isEmpty() || !others.isEmpty()) {
        throw others.isEmpty() ? e : new ManifestException(others);
      }
      List<KindInfo> kinds = new ArrayList<>(registry.kinds());
      kinds.addAll(unmodelled.values());
      return Manifests.parse(text, source, KindRegistry.of(kinds));
    }
  }

  private static String group(String apiVersion) {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }

  /** An object of a Kubernetes kind Sailplan does not model: only its identity is kept. */
  static final class Unmodelled implements Resource {
    private final String apiVersion;
    private final String kind;
    private final ObjectMeta metadata;

    private Unmodelled(String apiVersion, String kind, ObjectMeta metadata) {
      this.apiVersion = apiVersion;
      this.kind = kind;
      this.metadata = metadata;
    }

    /** Binds any object: only apiVersion, kind, name and namespace are read. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static Unmodelled of(JsonNode tree) {
      JsonNode meta = tree.path("metadata");
      ObjectMeta.Builder m = ObjectMeta.builder();
      if (meta.path("name").isTextual()) {
        m.name(meta.path("name").asText());
      }
      if (meta.path("namespace").isTextual()) {
        m.namespace(meta.path("namespace").asText());
      }
      return new Unmodelled(
          tree.path("apiVersion").asText(), tree.path("kind").asText(), m.build());
    }

    @Override
    public String apiVersion() {
      return apiVersion;
    }

    @Override
    public String kind() {
      return kind;
    }

    @Override
    public ObjectMeta metadata() {
      return metadata;
    }

    String ref() {
      return metadata.namespace().map(ns -> ns + "/").orElse("") + metadata.name().orElse("");
    }
  }
}
