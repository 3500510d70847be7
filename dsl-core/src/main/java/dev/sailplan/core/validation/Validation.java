package dev.sailplan.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sailplan.core.internal.KindFamilies;
import dev.sailplan.core.internal.Mappers;
import dev.sailplan.core.kind.KindInfo;
import dev.sailplan.core.kind.KindRegistry;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.plan.Plan;
import dev.sailplan.core.plan.ResourceKey;
import dev.sailplan.core.plan.Stage;
import dev.sailplan.core.yaml.YamlWritable;
import dev.sailplan.core.yaml.internal.TreeWriter;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Validates resources, built with the DSL or read from YAML text, and returns every {@link
 * Finding}.
 *
 * <pre>{@code
 * Findings findings = Validation.standard().validate(resources);
 * Findings inFiles = Validation.standard().validate(Path.of("mesh.yaml"), Path.of("gateway.yaml"));
 * }</pre>
 *
 * <p>Text is read document by document. Per document: YAML that cannot be read is {@code SP0001}; a
 * missing apiVersion or kind {@code SP0002}; a kind or version Sailplan does not know in a group it
 * models {@code SP0003}; a kind of a group it does not model an {@code SP0004} Info, and nothing
 * else is checked; Kubernetes kinds it does not model (Deployment, Pod, ConfigMap, …) are read
 * without findings. Then the kind's schema validators run on the document's tree, each finding at
 * the line of its field, then its CEL rules unless a value has the wrong type; when they found no
 * Error the document is bound to its Java type (what does not bind is {@code SP0006}) and the
 * resource checks run. An object defined twice in all the inputs together is {@code SP0005}. A
 * failing document never stops the others.
 *
 * <p>Then the {@link Analyzer}s look at all the objects without an admission Error together, as a
 * {@link Mesh}; their findings get the lines of their fields too (files are read a second time for
 * that, only when an analyzer found something in them). An object's annotation {@code
 * sailplan.dev/suppress: "SP1005,SP2004"} (or {@code istioctl}'s {@code
 * galley.istio.io/analyze-suppress}, with IST codes; {@code *} for all) suppresses those findings
 * on it, except admission findings, and {@link Analysis#suppressed()} counts them.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Validation {
  private final Map<String, TreeValidator> schemas;
  private final Map<String, TreeValidator> rules;
  private final List<ResourceCheck> checks;
  private final List<Analyzer> analyzers;
  private final Set<String> analyzedKinds;
  private final String rootNamespace;
  private final boolean defaultGateway;
  private final List<String> external;
  private final KindRegistry kinds;
  private final List<SuppressRule> suppress;
  private volatile KindFamilies families;

  private static volatile Validation standard;

  private Validation(Builder b) {
    this.schemas = Map.copyOf(b.schemas);
    this.rules = Map.copyOf(b.rules);
    this.checks = List.copyOf(b.checks);
    this.analyzers = List.copyOf(b.analyzers);
    this.analyzedKinds = b.allKinds ? null : Set.copyOf(b.analyzedKinds);
    this.rootNamespace = b.rootNamespace;
    this.defaultGateway = b.defaultGateway;
    this.external = List.copyOf(b.external);
    this.kinds = b.kinds;
    this.suppress = List.copyOf(b.suppress);
  }

  /**
   * Validation with every provider on the class path or module path, root namespace {@code
   * istio-system} (found once, then shared).
   */
  public static Validation standard() {
    Validation v = standard;
    if (v == null) {
      v = builder().discover().build();
      standard = v;
    }
    return v;
  }

  /** A builder with no providers; call {@link Builder#discover()} or add them. */
  public static Builder builder() {
    return new Builder();
  }

  /** The mesh's root namespace (Istio's {@code rootNamespace}). */
  public String rootNamespace() {
    return rootNamespace;
  }

  /**
   * Whether Istio's default ingress gateway is assumed unless the input defines one; see {@link
   * Builder#defaultGateway(boolean)}.
   */
  public boolean defaultGateway() {
    return defaultGateway;
  }

  /**
   * Everything found in one YAML stream.
   *
   * @param source names it in findings, e.g. a file name; empty for standard input
   */
  public Findings validate(String yaml, String source) {
    try {
      return analyze(List.of(Input.of(source, yaml))).findings();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e); // a string does not fail to read
    }
  }

  /**
   * Everything found in one YAML stream, read document by document: memory grows only with the
   * objects the analyses read (Istio and Gateway API kinds, Services, Namespaces, workloads, …) and
   * a few bytes per other object, kept to find objects defined twice.
   *
   * @param source names it in findings, e.g. a file name; empty for standard input
   * @throws IOException when reading fails (text that is not UTF-8 is a finding)
   */
  public Findings validate(Reader in, String source) throws IOException {
    Objects.requireNonNull(in, "in");
    return analyze(
            List.of(
                new Input() {
                  @Override
                  public String name() {
                    return source;
                  }

                  @Override
                  public Reader open() {
                    // The caller owns the reader and closes it.
                    return new java.io.FilterReader(in) {
                      @Override
                      public void close() {}
                    };
                  }
                }))
        .findings();
  }

  /**
   * Everything found in the files, analysed together (an object defined in two of them is a
   * finding), each named by its path.
   *
   * @throws IOException when a file cannot be opened or read
   */
  public Findings validate(Path... files) throws IOException {
    return analyze(Arrays.stream(files).map(Input::of).toList()).findings();
  }

  /**
   * Everything found in the inputs, analysed together, and how many documents they hold.
   *
   * @throws IOException when an input cannot be opened or read (text that is not UTF-8 is a
   *     finding)
   */
  public Analysis analyze(List<? extends Input> inputs) throws IOException {
    TextValidation run =
        new TextValidation(
            schemas, rules, checks, analyzers, rootNamespace, defaultGateway, families());
    run.assumeExternal(external);
    run.analyzedKinds(analyzedKinds);
    for (Input input : inputs) {
      run.read(input);
    }
    Analysis result = run.result();
    if (suppress.isEmpty()) {
      return result;
    }
    Findings kept = kept(result.findings());
    return new Analysis(
        kept, result.documents(), result.suppressed() + result.findings().size() - kept.size());
  }

  /** {@code findings} without those the builder's suppress rules drop. */
  private Findings kept(Findings findings) {
    if (suppress.isEmpty()) {
      return findings;
    }
    return Findings.of(
        findings.stream().filter(f -> suppress.stream().noneMatch(r -> r.matches(f))).toList());
  }

  private KindFamilies families() {
    KindFamilies f = families;
    if (f == null) {
      f = new KindFamilies(kinds == null ? KindRegistry.discover() : kinds);
      families = f;
    }
    return f;
  }

  /** The key of a kind's schema validators. */
  static String key(KindInfo info) {
    return ValidationProvider.key(info.group(), info.kind());
  }

  /**
   * Everything found in {@code resources}, each checked alone and then all of them together by the
   * analyzers (those with an admission Error left out); built objects carry no file or line.
   */
  public Findings validate(Iterable<? extends Resource> resources) {
    List<Finding> found = new ArrayList<>();
    IdentityHashMap<Resource, Collector> reports = new IdentityHashMap<>();
    List<Resource> clean = new ArrayList<>();
    for (Resource r : resources) {
      Collector c = validate(r, null, "", 0, found);
      if (!c.errors) {
        clean.add(r);
        reports.put(r, c);
      }
    }
    if (!analyzers.isEmpty()) {
      Mesh mesh =
          Mesh.builder()
              .resources(clean)
              .rootNamespace(rootNamespace)
              .defaultGateway(defaultGateway)
              .assumeExternal(external)
              .build();
      Reports sink =
          new Reports() {
            @Override
            public Report on(Resource resource) {
              Collector c = reports.get(resource);
              return c == null ? DISCARD : c;
            }

            @Override
            public Report on(KubeObject object) {
              return DISCARD; // built resources hold none
            }
          };
      for (Analyzer a : analyzers) {
        a.analyze(mesh, sink);
      }
    }
    return kept(Findings.of(found));
  }

  /** A report that keeps nothing: for objects the analysis only assumes. */
  static final Report DISCARD = (code, istioCode, level, path, reason, message) -> {};

  /**
   * Everything found in {@code resource} as it replaces {@code old}: besides what {@link
   * #validate(Iterable)} finds, the transition rules (CEL rules on {@code oldSelf}, such as a field
   * that may not change) that the change breaks, as the API server checks an update.
   *
   * <pre>{@code
   * Findings findings = Validation.standard().validateChange(live, edited);
   * }</pre>
   *
   * @param old the version it replaces, or null when the resource is new
   * @throws IllegalArgumentException when {@code old} is another object (kind, namespace or name)
   */
  public Findings validateChange(Resource old, Resource resource) {
    Objects.requireNonNull(resource, "resource");
    if (old != null
        && !(old.group().equals(resource.group())
            && old.kind().equals(resource.kind())
            && old.metadata().namespace().equals(resource.metadata().namespace())
            && old.metadata().name().equals(resource.metadata().name()))) {
      throw new IllegalArgumentException(
          "old version of another object: " + origin(old) + " replaced by " + origin(resource));
    }
    List<Finding> found = new ArrayList<>();
    validate(resource, old == null ? null : tree(old), "", 0, found);
    return kept(Findings.of(found));
  }

  /**
   * Everything found in what {@code plan} applies: its desired state and every stage's objects,
   * each change also checked against the version it replaces when the stage runs ({@link
   * #validateChange}), as {@code PlanWriter} checks a plan before it writes it.
   *
   * <pre>{@code
   * if (Validation.standard().validatePlan(plan).hasErrors()) { ... }
   * }</pre>
   */
  public Findings validatePlan(Plan plan) {
    Objects.requireNonNull(plan, "plan");
    Set<Resource> applied = new LinkedHashSet<>(plan.desired().resources());
    plan.stages().forEach(s -> applied.addAll(s.applies()));
    Set<Finding> found = new LinkedHashSet<>(validate(applied).all());
    Map<ResourceKey, Resource> live = new HashMap<>(plan.current().asMap());
    for (Stage stage : plan.stages()) {
      for (Resource r : stage.applies()) {
        Resource before = live.put(ResourceKey.of(r), r);
        if (before != null && !before.equals(r)) {
          // The findings of the resource itself come again; the set keeps one of each.
          found.addAll(validateChange(before, r).all());
        }
      }
      stage.deletes().forEach(live::remove);
    }
    return Findings.of(found);
  }

  private static String origin(Resource r) {
    return origin(r.kind(), r.metadata().namespace().orElse(""), name(r));
  }

  /**
   * The tree the validators read: a generated kind writes it from its fields directly; another
   * resource goes through Jackson.
   */
  private static JsonNode tree(Resource resource) {
    return resource instanceof YamlWritable w
        ? TreeWriter.of(w)
        : Mappers.json().valueToTree(resource);
  }

  /**
   * Checks one resource and adds what is wrong to {@code out}.
   *
   * @param old the version it replaces (for transition rules), or null
   * @param file the file it was read from, or empty
   * @param line its first line, or 0
   */
  Collector validate(Resource resource, JsonNode old, String file, int line, List<Finding> out) {
    String origin = origin(resource);
    Collector report =
        new Collector(origin, file, line, out, Suppression.of(resource.metadata().annotations()));
    String key = ValidationProvider.key(resource.group(), resource.kind());
    TreeValidator schema = schemas.get(key);
    TreeValidator rule = rules.get(key);
    if (schema != null || rule != null) {
      // Only a kind with validators pays for the tree.
      JsonNode tree = tree(resource);
      if (schema != null) {
        schema.validate(tree, old, report);
      }
      if (rule != null && !report.typeErrors) {
        rule.validate(tree, old, report);
      }
    }
    if (!report.errors) {
      for (ResourceCheck c : checks) {
        c.check(resource, report);
      }
    }
    return report;
  }

  private static String name(Resource r) {
    return r.metadata().name().orElse(r.metadata().generateName().orElse(""));
  }

  /** {@code Kind ns/name}, or {@code Kind name} without a namespace. */
  static String origin(String kind, String namespace, String name) {
    if (name.isEmpty() && namespace.isEmpty()) {
      return kind; // no name yet: the kind is all there is to say
    }
    return namespace.isEmpty() ? kind + " " + name : kind + " " + namespace + "/" + name;
  }

  /** The code of a value of the wrong type, after which CEL rules do not run. */
  static final String TYPE_ERROR = "SP0006";

  /** Turns a check's report into findings of one object. */
  static final class Collector implements Report {
    private final String origin;
    private final String file;
    private final int line;
    private final List<Finding> out;
    private final Suppression suppression;
    boolean errors;
    boolean typeErrors;

    Collector(String origin, String file, int line, List<Finding> out, Suppression suppression) {
      this.origin = origin;
      this.file = file;
      this.line = line;
      this.out = out;
      this.suppression = suppression;
    }

    @Override
    public void add(
        String code, String istioCode, Level level, FieldPath path, String reason, String message) {
      if (suppression.suppresses(code, istioCode)) {
        return;
      }
      errors |= level == Level.ERROR;
      typeErrors |= TYPE_ERROR.equals(code);
      out.add(
          new Finding(
              code, istioCode, level, origin, file, line, path.toString(), reason, message));
    }
  }

  /** Builds a {@link Validation}. */
  public static final class Builder {
    private final Map<String, TreeValidator> schemas = new HashMap<>();
    private final Map<String, TreeValidator> rules = new HashMap<>();
    private final List<ResourceCheck> checks = new ArrayList<>();
    private final List<Analyzer> analyzers = new ArrayList<>();
    private final Set<String> analyzedKinds = new HashSet<>();
    private boolean allKinds;
    private String rootNamespace = "istio-system";
    private boolean defaultGateway = true;
    private final List<String> external = new ArrayList<>();
    private KindRegistry kinds;
    private final List<SuppressRule> suppress = new ArrayList<>();

    private Builder() {}

    /** Adds every {@link ValidationProvider} that {@link ServiceLoader} finds. */
    public Builder discover() {
      for (ValidationProvider p :
          ServiceLoader.load(ValidationProvider.class, Validation.class.getClassLoader())) {
        provider(p);
      }
      return this;
    }

    /** Adds one provider's schema validators, rules, checks and analyzers. */
    public Builder provider(ValidationProvider provider) {
      // Several providers may check one kind (the schema's constraints, its CEL rules): all run.
      provider.schemas().forEach((key, v) -> schemas.merge(key, v, Builder::both));
      provider.rules().forEach((key, v) -> rules.merge(key, v, Builder::both));
      checks.addAll(provider.checks());
      analyzers.addAll(provider.analyzers());
      if (!provider.analyzers().isEmpty()) {
        allKinds |= provider.analyzedKinds().isEmpty();
        analyzedKinds.addAll(provider.analyzedKinds());
      }
      return this;
    }

    private static TreeValidator both(TreeValidator a, TreeValidator b) {
      return (object, old, report) -> {
        a.validate(object, old, report);
        b.validate(object, old, report);
      };
    }

    /** Sets the mesh's root namespace; {@code istio-system} when not set. */
    public Builder rootNamespace(String namespace) {
      this.rootNamespace = Objects.requireNonNull(namespace, "namespace");
      return this;
    }

    /**
     * Whether Istio's default ingress gateway (Service {@code istio-system/istio-ingressgateway},
     * ports 80, 443, 31400, 15443, pods labelled {@code istio: ingressgateway}) is assumed unless
     * the input defines one; true when not set.
     */
    public Builder defaultGateway(boolean assumed) {
      this.defaultGateway = assumed;
      return this;
    }

    /**
     * Says what lives outside the input: references to hosts or objects matching these globs
     * ({@code *.svc.cluster.local}, {@code Service payments/*}) are not reported as missing.
     */
    public Builder assumeExternal(List<String> globs) {
      external.addAll(globs);
      return this;
    }

    /**
     * Drops the findings these rules match from every result (as {@code --suppress
     * CODE=RESOURCE-GLOB} does); {@link Analysis#suppressed()} counts them. A plan checked with
     * this validation ({@code PlanWriter}) is then refused only for what is left.
     *
     * <pre>{@code
     * Validation.builder()
     *     .discover()
     *     .suppress(List.of(SuppressRule.parse("SP1005=VirtualService legacy/*")))
     *     .build();
     * }</pre>
     */
    public Builder suppress(Collection<SuppressRule> rules) {
      rules.forEach(r -> suppress.add(Objects.requireNonNull(r, "rule")));
      return this;
    }

    /** Reads text with these kinds; {@link KindRegistry#discover()} when not set. */
    public Builder kinds(KindRegistry registry) {
      this.kinds = Objects.requireNonNull(registry, "registry");
      return this;
    }

    /** The validation. */
    public Validation build() {
      return new Validation(this);
    }
  }
}
