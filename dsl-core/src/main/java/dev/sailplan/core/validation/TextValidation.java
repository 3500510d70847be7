package dev.sailplan.core.validation;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sailplan.core.internal.Binder;
import dev.sailplan.core.internal.Duplicates;
import dev.sailplan.core.internal.KindFamilies;
import dev.sailplan.core.internal.TextDocuments;
import dev.sailplan.core.internal.meta.NameRule;
import dev.sailplan.core.internal.meta.ObjectMetaRules;
import dev.sailplan.core.kind.KindInfo;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.problem.ManifestException;
import dev.sailplan.core.problem.Problem;
import dev.sailplan.core.yaml.internal.TreeReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One run of validation over text inputs: each document is read, checked against its kind's schema,
 * bound to its type and checked as a resource; documents without an Error take part in the checks
 * across documents (objects defined twice). A failing document never stops the others.
 */
final class TextValidation {
  private final Map<String, TreeValidator> schemas;
  private final Map<String, TreeValidator> rules;
  private final List<ResourceCheck> checks;
  private final KindFamilies families;
  private final List<Finding> found = new ArrayList<>();

  /**
   * Each object seen, by group, kind, namespace and name: where it was first defined, in a few
   * bytes per object (a stream may hold millions).
   */
  private final Duplicates defined = new Duplicates();

  /** The Kubernetes objects Sailplan does not model, for the analyses across resources. */
  final List<KubeObject> generic = new ArrayList<>();

  /** The typed resources without an admission Error, for the analyses across resources. */
  private final List<Resource> clean = new ArrayList<>();

  /**
   * Where each object analysed across resources was read. Its text is not kept: the few documents
   * that get findings across resources are read again to find their fields' lines.
   */
  private final IdentityHashMap<Object, Anchor> anchors = new IdentityHashMap<>();

  /** The inputs read so far, by index. */
  private final List<Input> inputs = new ArrayList<>();

  /** Findings of the analyses across resources, waiting for their lines. */
  private final List<Pending> pending = new ArrayList<>();

  private final List<Analyzer> analyzers;
  private final String rootNamespace;
  private final boolean defaultGateway;
  private int suppressed;
  private List<String> external = List.of();
  private Set<String> analyzedKinds;

  private int documents;

  TextValidation(
      Map<String, TreeValidator> schemas,
      Map<String, TreeValidator> rules,
      List<ResourceCheck> checks,
      KindFamilies families) {
    this(schemas, rules, checks, List.of(), "istio-system", false, families);
  }

  TextValidation(
      Map<String, TreeValidator> schemas,
      Map<String, TreeValidator> rules,
      List<ResourceCheck> checks,
      List<Analyzer> analyzers,
      String rootNamespace,
      boolean defaultGateway,
      KindFamilies families) {
    this.analyzers = analyzers;
    this.rootNamespace = rootNamespace;
    this.defaultGateway = defaultGateway;
    this.schemas = schemas;
    this.rules = rules;
    this.checks = checks;
    this.families = families;
  }

  /**
   * Reads and checks every document of {@code input}.
   *
   * @throws IOException when the input cannot be opened or read (text that is not UTF-8 is a
   *     finding)
   */
  void read(Input input) throws IOException {
    String file = input.name();
    int index = inputs.size();
    inputs.add(input);
    try (Reader in = input.open()) {
      documents +=
          TextDocuments.read(
              in,
              new TextDocuments.Sink() {
                @Override
                public void unreadable(Problem p) {
                  found.add(
                      new Finding(
                          "SP0001",
                          "",
                          Level.ERROR,
                          "",
                          file,
                          p.line(),
                          p.path(),
                          "",
                          p.message()));
                }

                @Override
                public void document(TextDocuments.Document d) {
                  check(index, file, d);
                }
              });
    } catch (ManifestException e) {
      // UTF-16 or UTF-32 input, refused when opened.
      for (Problem p : e.problems()) {
        found.add(new Finding("SP0001", "", Level.ERROR, "", file, p.line(), "", "", p.message()));
      }
    } catch (CharacterCodingException e) {
      found.add(
          new Finding(
              "SP0001",
              "",
              Level.ERROR,
              "",
              file,
              input.malformedLine(),
              "",
              "",
              "not valid UTF-8"));
    }
  }

  /** Keeps only objects of these kinds (and workloads) for the analyses; null keeps all. */
  void analyzedKinds(Set<String> kinds) {
    this.analyzedKinds = kinds;
  }

  private boolean analysed(String group, String kind) {
    return !analyzers.isEmpty()
        && (analyzedKinds == null || analyzedKinds.contains(ValidationProvider.key(group, kind)));
  }

  /** Says what lives outside the inputs; see {@link Mesh.Builder#assumeExternal}. */
  void assumeExternal(List<String> globs) {
    this.external = List.copyOf(globs);
  }

  /** Runs the analyses across resources; then what was found, sorted. */
  Analysis result() {
    if (!analyzers.isEmpty()) {
      Mesh mesh =
          Mesh.builder()
              .resources(clean)
              .objects(generic)
              .rootNamespace(rootNamespace)
              .defaultGateway(defaultGateway)
              .assumeExternal(external)
              .build();
      Reports reports =
          new Reports() {
            @Override
            public Report on(Resource resource) {
              return report(resource);
            }

            @Override
            public Report on(KubeObject object) {
              return report(object);
            }
          };
      for (Analyzer a : analyzers) {
        a.analyze(mesh, reports);
      }
      locatePending();
    }
    return new Analysis(Findings.of(found), documents, suppressed);
  }

  private Report report(Object object) {
    Anchor anchor = anchors.get(object);
    if (anchor == null) {
      return Validation.DISCARD; // assumed, not read: nobody can fix it
    }
    return (code, istioCode, level, path, reason, message) -> {
      if (anchor.suppression.suppresses(code, istioCode)) {
        suppressed++;
      } else {
        pending.add(
            new Pending(
                anchor,
                new Finding(
                    code,
                    istioCode,
                    level,
                    anchor.origin,
                    anchor.file,
                    anchor.line,
                    path.toString(),
                    reason,
                    message),
                path));
      }
    };
  }

  /**
   * Gives each pending finding the line of its field: the inputs that can be read again are read
   * again, and only their documents with findings are looked at; others keep the object's line.
   */
  private void locatePending() {
    Map<Integer, Map<Long, List<Pending>>> byInput = new HashMap<>();
    for (Pending p : pending) {
      byInput
          .computeIfAbsent(p.anchor.input, k -> new HashMap<>())
          .computeIfAbsent(p.anchor.document, k -> new ArrayList<>())
          .add(p);
    }
    for (Map.Entry<Integer, Map<Long, List<Pending>>> e : byInput.entrySet()) {
      Input input = inputs.get(e.getKey());
      Map<Long, List<Pending>> byDocument = e.getValue();
      if (input.canReopen()) {
        try (Reader in = input.open()) {
          TextDocuments.read(
              in,
              new TextDocuments.Sink() {
                @Override
                public void unreadable(Problem p) {}

                @Override
                public void document(TextDocuments.Document d) {
                  List<Pending> here = byDocument.remove(Anchor.id(d));
                  if (here != null) {
                    for (Pending p : here) {
                      found.add(p.finding.atLine(d.lineOf(references(p.path))));
                    }
                  }
                }
              });
        } catch (IOException | ManifestException e2) {
          // It was read a moment ago; if it cannot be now, the objects' own lines will do.
        }
      }
      byDocument.values().forEach(list -> list.forEach(p -> found.add(p.finding)));
    }
    pending.clear();
  }

  private static List<JsonMappingException.Reference> references(FieldPath path) {
    List<JsonMappingException.Reference> references = new ArrayList<>();
    for (Object step : path.steps()) {
      references.add(
          step instanceof Integer i
              ? new JsonMappingException.Reference(null, i)
              : new JsonMappingException.Reference(null, (String) step));
    }
    return references;
  }

  /** Where an object was read: its input, document and item, origin, first line, suppressions. */
  private static final class Anchor {
    final int input;
    final long document;
    final String origin;
    final String file;
    final int line;
    final Suppression suppression;

    Anchor(int input, TextDocuments.Document d, Located report) {
      this.input = input;
      this.document = id(d);
      this.origin = report.origin;
      this.file = report.file;
      this.line = d.line();
      this.suppression = report.suppression;
    }

    /** The document's number and its item in a {@code kind: List}, as one key. */
    static long id(TextDocuments.Document d) {
      return ((long) d.number() << 32) | (d.item() + 1L);
    }
  }

  /** A finding of the analyses across resources and the field it is about. */
  private record Pending(Anchor anchor, Finding finding, FieldPath path) {}

  private void check(int input, String file, TextDocuments.Document d) {
    JsonNode tree = d.tree();
    JsonNode apiVersion = tree.get("apiVersion");
    JsonNode kind = tree.get("kind");
    boolean hasApiVersion =
        apiVersion != null && apiVersion.isTextual() && !apiVersion.asText().isEmpty();
    boolean hasKind = kind != null && kind.isTextual() && !kind.asText().isEmpty();
    String origin = hasKind ? origin(kind.asText(), tree.path("metadata")) : "";
    Located report = new Located(origin, file, d);
    if (!hasApiVersion) {
      report.error("SP0002", FieldPath.root().field("apiVersion"), "missing apiVersion");
    }
    if (!hasKind) {
      report.error("SP0002", FieldPath.root().field("kind"), "missing kind");
    }
    if (!hasApiVersion || !hasKind) {
      return;
    }
    KindFamilies.Kind family = families.classify(apiVersion.asText(), kind.asText());
    switch (family.family()) {
      case FOREIGN ->
          report.add(
              "SP0004",
              "",
              Level.INFO,
              FieldPath.root(),
              "",
              "apiVersion "
                  + apiVersion.asText()
                  + " is not a group Sailplan models; the object is not checked");
      case UNKNOWN ->
          report.error("SP0003", FieldPath.root().field("apiVersion"), family.message());
      case GENERIC -> {
        String group = KindFamilies.group(apiVersion.asText());
        checkMetadata(tree.get("metadata"), group, kind.asText(), report);
        if (report.errors) {
          return;
        }
        if (!analyzers.isEmpty()) {
          // Only analyses across resources read them: without any, memory stays flat.
          KubeObject object = KubeObject.of(tree);
          if (object.isWorkload() || analysed(group, kind.asText())) {
            generic.add(object);
            anchors.put(object, new Anchor(input, d, report));
          }
        }
        define(input, d, report, group, kind.asText());
      }
      case MODELLED -> checkModelled(input, file, d, report, family.info().orElseThrow());
    }
  }

  private void checkModelled(
      int input, String file, TextDocuments.Document d, Located report, KindInfo info) {
    TreeValidator schema = schemas.get(Validation.key(info));
    if (schema != null) {
      schema.validate(d.tree(), null, report);
    }
    TreeValidator rule = rules.get(Validation.key(info));
    if (rule != null && !report.typeErrors) {
      rule.validate(d.tree(), null, report);
    }
    if (report.errors) {
      return;
    }
    Binder.Result<? extends Resource> bound = bind(d.tree(), info);
    if (bound.value() == null) {
      for (Binder.Failure f : bound.failures()) {
        found.add(
            new Finding(
                "SP0006",
                "",
                Level.ERROR,
                report.origin,
                file,
                d.lineOf(f.path()),
                f.pathText(),
                "",
                f.message()));
      }
      return;
    }
    for (ResourceCheck c : checks) {
      c.check(bound.value(), report);
    }
    if (!report.errors) {
      define(input, d, report, info.group(), info.kind());
    }
    if (!report.errors && analysed(info.group(), info.kind())) {
      clean.add(bound.value());
      anchors.put(bound.value(), new Anchor(input, d, report));
    }
  }

  /**
   * The typed resource: read directly from the tree by the kind's generated reader when the tree
   * has only the plain cases, else bound by Jackson, which reports every problem.
   */
  private static Binder.Result<? extends Resource> bind(JsonNode tree, KindInfo info) {
    if (info.reader().isPresent()) {
      Resource direct = TreeReader.read(tree, info.reader().get());
      if (direct != null && info.type().isInstance(direct)) {
        return new Binder.Result<>(direct, List.of());
      }
    }
    return Binder.bind(tree, info.type());
  }

  /**
   * The API server's ObjectMeta rules for a Kubernetes kind Sailplan reads without a schema (the
   * schema validators of modelled kinds check their metadata themselves).
   */
  private static void checkMetadata(JsonNode metadata, String group, String kind, Report report) {
    if (metadata != null && !metadata.isObject()) {
      report.error(
          Validation.TYPE_ERROR, FieldPath.root().field("metadata"), "must be of type object");
      return;
    }
    ObjectMetaRules.check(
        metadata,
        NameRule.of(group, kind),
        ObjectMetaRules.namespaced(group, kind),
        kind,
        (code, warning, field, step, message) -> {
          FieldPath path = FieldPath.root().field("metadata").field(field);
          if (step instanceof String key) {
            path = path.key(key);
          } else if (step instanceof Integer index) {
            path = path.index(index);
          }
          report.add(code, "", warning ? Level.WARNING : Level.ERROR, path, "", message);
        });
  }

  /** Records where an object is defined; a second definition is an SP0005 naming the first. */
  private void define(
      int input, TextDocuments.Document d, Located report, String group, String kind) {
    JsonNode name = d.tree().path("metadata").path("name");
    if (!name.isTextual() || name.asText().isEmpty()) {
      return; // generateName: the server makes each one unique
    }
    String namespace = d.tree().path("metadata").path("namespace").asText("");
    long first = defined.firstAt(group, kind, namespace, name.asText(), input, d.line());
    if (first >= 0) {
      String firstFile = inputs.get((int) (first >>> 32)).name();
      int firstLine = (int) first;
      String at =
          firstFile.isEmpty()
              ? "line " + firstLine + " of standard input"
              : firstFile + ":" + firstLine;
      report.error("SP0005", FieldPath.root(), report.origin + " is already defined at " + at);
    }
  }

  private static String origin(String kind, JsonNode metadata) {
    String name = metadata.path("name").asText("");
    if (name.isEmpty()) {
      name = metadata.path("generateName").asText("");
    }
    return Validation.origin(kind, metadata.path("namespace").asText(""), name);
  }

  /** A report that puts each finding at the line of its field path, found only for findings. */
  private final class Located implements Report {
    final String origin;
    final String file;
    private final TextDocuments.Document document;
    boolean errors;
    boolean typeErrors;

    final Suppression suppression;

    Located(String origin, String file, TextDocuments.Document document) {
      this.origin = origin;
      this.file = file;
      this.document = document;
      this.suppression = Suppression.of(document.tree().path("metadata").path("annotations"));
    }

    @Override
    public void add(
        String code, String istioCode, Level level, FieldPath path, String reason, String message) {
      if (suppression.suppresses(code, istioCode)) {
        suppressed++;
        return;
      }
      errors |= level == Level.ERROR;
      typeErrors |= Validation.TYPE_ERROR.equals(code);
      found.add(
          new Finding(
              code,
              istioCode,
              level,
              origin,
              file,
              document.lineOf(references(path)),
              path.toString(),
              reason,
              message));
    }
  }
}
