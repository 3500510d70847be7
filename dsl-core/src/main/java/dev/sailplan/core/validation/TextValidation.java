package dev.sailplan.core.validation;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sailplan.core.internal.Binder;
import dev.sailplan.core.internal.GenericObject;
import dev.sailplan.core.internal.KindFamilies;
import dev.sailplan.core.internal.TextDocuments;
import dev.sailplan.core.internal.meta.NameRule;
import dev.sailplan.core.internal.meta.ObjectMetaRules;
import dev.sailplan.core.kind.KindInfo;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.problem.ManifestException;
import dev.sailplan.core.problem.Problem;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

  /** Each object seen, by group, kind, namespace and name: where it was first defined. */
  private final Map<String, String> defined = new HashMap<>();

  /** The Kubernetes objects Sailplan does not model, for the analyses across resources. */
  final List<GenericObject> generic = new ArrayList<>();

  private int documents;

  TextValidation(
      Map<String, TreeValidator> schemas,
      Map<String, TreeValidator> rules,
      List<ResourceCheck> checks,
      KindFamilies families) {
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
                  check(file, d);
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

  /** What was found, sorted. */
  Analysis result() {
    return new Analysis(Findings.of(found), documents);
  }

  private void check(String file, TextDocuments.Document d) {
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
        generic.add(GenericObject.of(tree, file, d.line()));
        define(file, d, report, group, kind.asText());
      }
      case MODELLED -> checkModelled(file, d, report, family.info().orElseThrow());
    }
  }

  private void checkModelled(String file, TextDocuments.Document d, Located report, KindInfo info) {
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
    Binder.Result<? extends Resource> bound = Binder.bind(d.tree(), info.type());
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
      define(file, d, report, info.group(), info.kind());
    }
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
      String file, TextDocuments.Document d, Located report, String group, String kind) {
    JsonNode name = d.tree().path("metadata").path("name");
    if (!name.isTextual() || name.asText().isEmpty()) {
      return; // generateName: the server makes each one unique
    }
    String namespace = d.tree().path("metadata").path("namespace").asText("");
    String key = group + "\u0000" + kind + "\u0000" + namespace + "\u0000" + name.asText();
    String here =
        file.isEmpty() ? "line " + d.line() + " of standard input" : file + ":" + d.line();
    String first = defined.putIfAbsent(key, here);
    if (first != null) {
      report.error("SP0005", FieldPath.root(), report.origin + " is already defined at " + first);
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
    private final String file;
    private final TextDocuments.Document document;
    boolean errors;
    boolean typeErrors;

    Located(String origin, String file, TextDocuments.Document document) {
      this.origin = origin;
      this.file = file;
      this.document = document;
    }

    @Override
    public void add(
        String code, String istioCode, Level level, FieldPath path, String reason, String message) {
      errors |= level == Level.ERROR;
      typeErrors |= Validation.TYPE_ERROR.equals(code);
      List<JsonMappingException.Reference> references = new ArrayList<>();
      for (Object step : path.steps()) {
        references.add(
            step instanceof Integer i
                ? new JsonMappingException.Reference(null, i)
                : new JsonMappingException.Reference(null, (String) step));
      }
      found.add(
          new Finding(
              code,
              istioCode,
              level,
              origin,
              file,
              document.lineOf(references),
              path.toString(),
              reason,
              message));
    }
  }
}
