package dev.sailplan.core.plan.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.sailplan.core.Manifests;
import dev.sailplan.core.k8s.CoreDependencies;
import dev.sailplan.core.k8s.LabelSelector;
import dev.sailplan.core.k8s.Namespace;
import dev.sailplan.core.k8s.NetworkPolicy;
import dev.sailplan.core.k8s.NetworkPolicySpec;
import dev.sailplan.core.k8s.Service;
import dev.sailplan.core.k8s.ServiceAccount;
import dev.sailplan.core.k8s.ServicePort;
import dev.sailplan.core.k8s.ServiceSpec;
import dev.sailplan.core.meta.ObjectMeta;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.plan.Barrier;
import dev.sailplan.core.plan.DependencyModel;
import dev.sailplan.core.plan.Fact;
import dev.sailplan.core.plan.Plan;
import dev.sailplan.core.plan.Planner;
import dev.sailplan.core.plan.PlanningException;
import dev.sailplan.core.plan.ResourceKey;
import dev.sailplan.core.plan.Stage;
import dev.sailplan.core.plan.State;
import dev.sailplan.core.validation.Findings;
import dev.sailplan.core.validation.Validation;
import dev.sailplan.core.validation.ValidationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Random plans written by {@link PlanWriter}: whatever the resources, names and what is already at
 * {@code OUT/<name>}, writing gives a complete plan folder or one of the documented errors, and
 * leaves nothing else behind.
 *
 * <p>The fuzz bytes choose (through {@link FuzzedDataProvider}; choices are read from the end of
 * the input, strings from its start) a pool of core resources whose names, namespaces and facts are
 * fuzzed, the current, intermediate and desired states over it, the plan's and steps' names, and
 * what is at {@code OUT/<name>} before writing: nothing, an earlier plan, a file, a folder of user
 * files, a link elsewhere, an earlier version's plan folder without marker, or a killed run's
 * content folder. The documented outcomes are a {@link PlanningException} from the planner, an
 * {@link IllegalArgumentException} for a name that cannot be a folder, and a {@link
 * FileAlreadyExistsException} for what is not a plan folder (which is then left as it was). A
 * written plan holds exactly its files, each stage file parses back to what the stage applies,
 * {@code OUT} holds only the link and its content folder, and writing again gives the same bytes.
 *
 * <p>The choices, in the order they are read (each a byte from the end; see CONTRIBUTING): the
 * pool's size (1 to 6); per resource its kind (0 Namespace, 1 Service, 2 ServiceAccount, 3
 * NetworkPolicy), namespace and name; the current state (per resource: present or not, then its
 * version, 0 to 255, see {@code resource}); the number of steps (1 to 3); per step its name, its
 * state, its barrier (0 none, 1 propagation, 2 gate), whether it has a description and that
 * description; the plan's name; what is at {@code OUT/<name>} (0 to 6, in the order of {@code
 * Before}); the settle delay and the propagation timeout (two bytes each). A string is a choice of
 * 0 to 21: one of {@code HOSTILE}, or at 21 a string from the start of the input.
 *
 * <p>{@code ./mvnw verify} runs the committed inputs in {@code PlanWriterFuzzTestInputs/}; see
 * CONTRIBUTING for fuzzing.
 */
class PlanWriterFuzzTest {
  /** Strings the fuzzer may pick whole: what is hostile to paths, shells, YAML and comments. */
  private static final List<String> HOSTILE =
      List.of(
          "shop",
          "web",
          "",
          "../../etc",
          "a/b",
          "..",
          ".",
          "gr\u00f6\u00dfe-\u00fcml\u00e4ut",
          "line\nbreak\r\nand\ttab",
          "'single\" \"double'",
          "$(touch pwned) `id` ; rm -rf /",
          "x".repeat(300),
          "\u0000nul\u0007bell",
          "-rf",
          " leading and trailing ",
          "# not a comment: {a: [b]}",
          "*?[]{}\\",
          "plan.yaml",
          "\u540d\u524d\ud83d\ude00\u202eevil",
          "null",
          "y".repeat(70_000));

  private static final Pattern FOLDER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final Set<String> PLAN_FILES =
      Set.of(
          PlanFolder.MARKER,
          PlanWriter.INDEX,
          PlanWriter.SCRIPT,
          PlanWriter.CURRENT,
          PlanWriter.DESIRED);
  private static final List<Barrier> BARRIERS =
      List.of(Barrier.NONE, Barrier.PROPAGATION, Barrier.GATE);
  private static final YAMLMapper YAML = new YAMLMapper();

  /** What is at {@code OUT/<name>} before the plan is written. */
  private enum Before {
    NOTHING,
    EARLIER_PLAN,
    FILE,
    USER_FOLDER,
    LINK_ELSEWHERE,
    UNMARKED_PLAN_FOLDER,
    KILLED_RUN
  }

  @FuzzTest(maxDuration = "5m")
  void writeAnyPlan(FuzzedDataProvider data) throws IOException {
    long start = System.nanoTime();
    Plan plan;
    try {
      plan = plan(data);
    } catch (PlanningException e) {
      assertFalse(e.getMessage().isBlank());
      return;
    }
    Before before = Before.values()[data.consumeInt(0, Before.values().length - 1)];
    PlanOptions options = new PlanOptions(data.consumeInt(0, 600), data.consumeInt(0, 3600));

    String stream = PlanStream.render(plan);
    assertEquals(stream, PlanStream.render(plan));

    Path root = Files.createTempDirectory("sailplan-planfuzz");
    try {
      Path out = root.resolve("out");
      Path elsewhere = Files.createDirectories(root.resolve("elsewhere"));
      Files.writeString(elsewhere.resolve("keep.txt"), "mine\n", StandardCharsets.UTF_8);
      Set<Resource> applied = new java.util.LinkedHashSet<>(plan.desired().resources());
      plan.stages().forEach(stage -> applied.addAll(stage.applies()));
      Findings findings = Validation.standard().validate(applied);
      if (findings.hasErrors()) {
        // Names the API server refuses (the hostile ones, mostly) never reach the file system.
        ValidationException e =
            assertThrows(ValidationException.class, () -> PlanWriter.write(plan, out));
        // The same finding of two versions of one object is reported once.
        assertEquals(findings.all().stream().distinct().toList(), e.findings().all());
        assertFalse(Files.exists(out), "nothing was written");
        return;
      }
      if (!FOLDER_NAME.matcher(plan.name()).matches() || plan.name().length() > 200) {
        IllegalArgumentException e =
            assertThrows(IllegalArgumentException.class, () -> PlanWriter.write(plan, out));
        assertTrue(e.getMessage().contains("cannot be a folder name"), e.getMessage());
        assertFalse(Files.exists(out), "nothing was written");
        return;
      }
      Files.createDirectories(out);
      Path at = out.resolve(plan.name());
      Map<String, byte[]> userThing = prepare(before, plan, out, at, elsewhere);

      if (userThing != null) {
        FileAlreadyExistsException e =
            assertThrows(FileAlreadyExistsException.class, () -> PlanWriter.write(plan, out));
        assertTrue(e.getReason().startsWith("exists and is "), e.getReason());
        assertSnapshot(userThing, snapshot(at));
        assertEquals(List.of(plan.name()), entries(out));
        assertEquals(List.of("keep.txt"), entries(elsewhere));
        return;
      }

      Path written = PlanWriter.write(plan, out, options);
      assertEquals(at, written);
      Map<String, byte[]> first = check(plan, out, at);
      Path again = PlanWriter.write(plan, out, options);
      assertEquals(at, again);
      assertSnapshot(first, check(plan, out, at));
      assertEquals(List.of("keep.txt"), entries(elsewhere));
    } finally {
      PlanFolder.deleteTree(root);
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(millis < 20_000, "took " + millis + " ms");
  }

  /** A plan over a fuzzed pool of resources, computed by the planner. */
  private static Plan plan(FuzzedDataProvider data) {
    int size = data.consumeInt(1, 6);
    List<Spec> pool = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      pool.add(new Spec(data.consumeInt(0, 3), text(data), text(data)));
    }
    State current = state(data, pool);
    int steps = data.consumeInt(1, 3);
    List<Planner.Target> targets = new ArrayList<>();
    for (int s = 0; s < steps; s++) {
      targets.add(
          new Planner.Target(
              text(data),
              state(data, pool),
              BARRIERS.get(data.consumeInt(0, BARRIERS.size() - 1)),
              data.consumeBoolean() ? text(data) : ""));
    }
    String name = text(data);
    return Planner.of(List.of(new CoreDependencies(), new AnnotatedFacts()))
        .plan(name, current, targets);
  }

  /** A kind (0 Namespace, 1 Service, 2 ServiceAccount, 3 NetworkPolicy), namespace and name. */
  private record Spec(int kind, String namespace, String name) {}

  /** Some of the pool, each in a fuzzed version; one resource per key. */
  private static State state(FuzzedDataProvider data, List<Spec> pool) {
    Map<ResourceKey, Resource> chosen = new TreeMap<>();
    for (Spec spec : pool) {
      if (!data.consumeBoolean()) {
        continue;
      }
      Resource r = resource(spec, data.consumeInt(0, 255));
      chosen.putIfAbsent(ResourceKey.of(r), r);
    }
    return State.of(chosen.values());
  }

  /**
   * The resource of a spec in a version: bits 0-1 its spec variant, 2-3 the fact it provides, 4-5
   * the fact it requires, 6-7 the fact it excludes (0 for none, else {@code f a}, {@code f b} or
   * {@code f c}).
   */
  private static Resource resource(Spec spec, int version) {
    ObjectMeta.Builder meta = ObjectMeta.builder().name(spec.name().isEmpty() ? "x" : spec.name());
    if (spec.kind() != 0 && !spec.namespace().isEmpty()) {
      meta.namespace(spec.namespace());
    }
    fact(meta, AnnotatedFacts.PROVIDES, version >> 2);
    fact(meta, AnnotatedFacts.REQUIRES, version >> 4);
    fact(meta, AnnotatedFacts.EXCLUDES, version >> 6);
    int variant = version & 3;
    return switch (spec.kind()) {
      case 0 -> Namespace.builder().metadata(meta.putLabels("v", "v" + variant).build()).build();
      case 1 ->
          Service.builder()
              .metadata(meta.build())
              .spec(
                  ServiceSpec.builder()
                      .putSelector("app", spec.name())
                      .addPorts(ServicePort.of("http", 80 + variant))
                      .build())
              .build();
      case 2 ->
          ServiceAccount.builder()
              .metadata(meta.build())
              .automountServiceAccountToken(variant % 2 == 0)
              .build();
      default ->
          NetworkPolicy.builder()
              .metadata(meta.build())
              .spec(
                  NetworkPolicySpec.builder()
                      .podSelector(LabelSelector.all())
                      .addPolicyTypes(variant % 2 == 0 ? "Ingress" : "Egress")
                      .build())
              .build();
    };
  }

  private static void fact(ObjectMeta.Builder meta, String annotation, int bits) {
    if ((bits & 3) != 0) {
      meta.putAnnotations(annotation, "abc".substring((bits & 3) - 1, bits & 3));
    }
  }

  /** A hostile string from the list, or one the fuzzer made. */
  private static String text(FuzzedDataProvider data) {
    int pick = data.consumeInt(0, HOSTILE.size());
    return pick < HOSTILE.size() ? HOSTILE.get(pick) : data.consumeString(400);
  }

  /**
   * Puts something at {@code OUT/<name>}.
   *
   * @return what a refused write must leave as it is, or null when the write must succeed
   */
  private static Map<String, byte[]> prepare(
      Before before, Plan plan, Path out, Path at, Path elsewhere) throws IOException {
    switch (before) {
      case NOTHING -> {
        return null;
      }
      case EARLIER_PLAN -> {
        PlanWriter.write(new Plan(plan.name(), plan.desired(), List.of()), out);
        return null;
      }
      case FILE -> Files.writeString(at, "my notes\n", StandardCharsets.UTF_8);
      case USER_FOLDER -> {
        Files.createDirectories(at);
        Files.writeString(at.resolve(PlanWriter.INDEX), "mine: true\n", StandardCharsets.UTF_8);
        Files.writeString(at.resolve("notes.txt"), "keep me\n", StandardCharsets.UTF_8);
      }
      case LINK_ELSEWHERE -> Files.createSymbolicLink(at, elsewhere);
      case UNMARKED_PLAN_FOLDER -> {
        Files.createDirectories(at);
        Files.writeString(at.resolve(PlanWriter.INDEX), "plan: old\n", StandardCharsets.UTF_8);
        Files.writeString(at.resolve("001-old-x.yaml"), "# old\n", StandardCharsets.UTF_8);
        return null;
      }
      case KILLED_RUN -> {
        Path stale = out.resolve("." + plan.name() + ".plan-killed0");
        Files.createDirectories(stale);
        Files.writeString(
            stale.resolve(PlanFolder.MARKER), PlanFolder.MARKER_TEXT, StandardCharsets.UTF_8);
        Files.writeString(stale.resolve(PlanWriter.INDEX), "plan: half\n", StandardCharsets.UTF_8);
        Files.createSymbolicLink(out.resolve("." + plan.name() + ".link-killed0"), Path.of("gone"));
        return null;
      }
    }
    return snapshot(at);
  }

  /**
   * Checks a written plan folder and {@code OUT}.
   *
   * @return the folder's files by name
   */
  private static Map<String, byte[]> check(Plan plan, Path out, Path at) throws IOException {
    assertTrue(Files.isSymbolicLink(at), "OUT/<name> is a link");
    String target = Files.readSymbolicLink(at).toString();
    assertTrue(target.startsWith("." + plan.name() + ".plan-"), target);
    List<String> expectedOut = new ArrayList<>(List.of(plan.name(), target));
    expectedOut.sort(null);
    assertEquals(expectedOut, entries(out), "OUT holds the link and its content folder only");

    JsonNode index = YAML.readTree(Files.readString(at.resolve(PlanWriter.INDEX)));
    assertEquals(plan.name(), index.get("plan").asText());
    List<Stage> stages = plan.stages();
    List<String> stageFiles = new ArrayList<>();
    for (JsonNode step : index.get("steps")) {
      for (JsonNode stage : step.get("stages")) {
        stageFiles.add(stage.get("file").asText());
      }
    }
    assertEquals(stages.size(), stageFiles.size());
    assertEquals(stageFiles.size(), new TreeSet<>(stageFiles).size(), "stage files are distinct");
    Set<String> expected = new TreeSet<>(PLAN_FILES);
    expected.addAll(stageFiles);
    assertEquals(List.copyOf(expected), entries(at));

    for (int i = 0; i < stages.size(); i++) {
      String file = stageFiles.get(i);
      assertFalse(file.contains("/") || file.startsWith("."), file);
      assertEquals(
          stages.get(i).applies(), Manifests.parse(Files.readString(at.resolve(file)), file));
    }
    assertEquals(
        plan.current().resources(),
        Manifests.parse(Files.readString(at.resolve(PlanWriter.CURRENT)), PlanWriter.CURRENT));
    assertEquals(
        plan.desired().resources(),
        Manifests.parse(Files.readString(at.resolve(PlanWriter.DESIRED)), PlanWriter.DESIRED));
    return snapshot(out.resolve(target));
  }

  /** A file's bytes, a link's target, or a folder's files by name (one level). */
  private static Map<String, byte[]> snapshot(Path p) throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    if (Files.isSymbolicLink(p)) {
      files.put("-> ", Files.readSymbolicLink(p).toString().getBytes(StandardCharsets.UTF_8));
    } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
      for (String name : entries(p)) {
        files.put(name, Files.readAllBytes(p.resolve(name)));
      }
    } else {
      files.put("", Files.readAllBytes(p));
    }
    return files;
  }

  private static void assertSnapshot(Map<String, byte[]> expected, Map<String, byte[]> actual) {
    assertEquals(expected.keySet(), actual.keySet());
    for (Map.Entry<String, byte[]> e : expected.entrySet()) {
      assertArrayEquals(e.getValue(), actual.get(e.getKey()), e.getKey());
    }
  }

  private static List<String> entries(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /**
   * Facts written in annotations ({@code f a}, {@code f b}, {@code f c}), so that any core resource
   * may depend on any other, and a version swapping what it provides passes through one providing
   * both, as a DestinationRule swapping subsets does.
   */
  static final class AnnotatedFacts implements DependencyModel {
    static final String PROVIDES = "fuzz.sailplan.dev/provides";
    static final String REQUIRES = "fuzz.sailplan.dev/requires";
    static final String EXCLUDES = "fuzz.sailplan.dev/excludes";

    @Override
    public Set<Fact> provides(Resource r) {
      return facts(r, PROVIDES);
    }

    @Override
    public Set<Fact> requires(Resource r) {
      return facts(r, REQUIRES);
    }

    @Override
    public Set<Fact> excludes(Resource r) {
      return facts(r, EXCLUDES);
    }

    @Override
    public List<Resource> intermediates(Resource from, Resource to) {
      Set<Fact> a = provides(from);
      Set<Fact> b = provides(to);
      if (a.isEmpty() || b.isEmpty() || a.containsAll(b) || b.containsAll(a)) {
        return List.of();
      }
      Set<String> both = new TreeSet<>();
      Stream.concat(a.stream(), b.stream()).forEach(f -> both.add(f.subject()));
      Map<String, String> annotations = new TreeMap<>(to.metadata().annotations());
      annotations.put(PROVIDES, String.join(" ", both));
      ObjectMeta meta = to.metadata().withAnnotations(annotations);
      return List.of(withMetadata(to, meta));
    }

    private static Set<Fact> facts(Resource r, String annotation) {
      String value = r.metadata().annotations().get(annotation);
      Set<Fact> out = new TreeSet<>();
      if (value != null) {
        Arrays.stream(value.split(" ")).forEach(s -> out.add(new Fact("f", s)));
      }
      return out;
    }

    private static Resource withMetadata(Resource r, ObjectMeta meta) {
      if (r instanceof Namespace n) {
        return n.withMetadata(meta);
      } else if (r instanceof Service s) {
        return s.withMetadata(meta);
      } else if (r instanceof ServiceAccount a) {
        return a.withMetadata(meta);
      } else if (r instanceof NetworkPolicy p) {
        return p.withMetadata(meta);
      }
      fail("not a resource of the pool: " + r);
      return r;
    }
  }
}
