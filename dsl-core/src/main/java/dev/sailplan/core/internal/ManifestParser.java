package dev.sailplan.core.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sailplan.core.ManifestException;
import dev.sailplan.core.Problem;
import dev.sailplan.core.Resource;
import dev.sailplan.core.kind.KindInfo;
import dev.sailplan.core.kind.KindRegistry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses multi-document YAML into typed resources, collecting every problem.
 *
 * <p>The text is scanned once, into one tree per document; each tree is bound to the type its
 * apiVersion and kind name. Errors carry the line of the field they are about.
 */
public final class ManifestParser {
  private final KindRegistry registry;

  /** A parser resolving kinds through {@code registry}. */
  public ManifestParser(KindRegistry registry) {
    this.registry = registry;
  }

  /** A document's first token line and tree. */
  private record Document(int number, int line, JsonNode tree) {}

  /**
   * Parses every document of {@code text}.
   *
   * @throws ManifestException with every problem found
   */
  public List<Resource> parse(String text, String source) {
    List<Document> documents = readDocuments(text, source);
    List<Problem> problems = new ArrayList<>();
    List<Resource> out = new ArrayList<>();
    for (Document d : documents) {
      bind(text, d, source, out, problems);
    }
    if (!problems.isEmpty()) {
      throw new ManifestException(problems);
    }
    return out;
  }

  private List<Document> readDocuments(String text, String source) {
    List<Document> documents = new ArrayList<>();
    try (JsonParser p = AliasGuard.wrap(Mappers.yaml().createParser(text))) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        int line = Math.max(p.currentTokenLocation().getLineNr(), 0);
        JsonNode tree = t == JsonToken.VALUE_NULL ? null : Mappers.yaml().readTree(p);
        documents.add(new Document(documents.size() + 1, line, tree));
      }
    } catch (IOException | RuntimeException e) {
      throw new ManifestException(List.of(Problems.syntax(e, source, documents.size() + 1)));
    }
    return documents;
  }

  /**
   * Binds one document's tree to its type. The YAML was scanned once, into the trees; a failure
   * is located by scanning again for its field path, which only errors pay for.
   */
  private void bind(String text, Document d, String source, List<Resource> out, List<Problem> problems) {
    if (d.tree() == null || d.tree().isMissingNode()) {
      return; // an empty document, e.g. a trailing "---"
    }
    if (!d.tree().isObject()) {
      problems.add(new Problem(source, d.number(), d.line(), "", "a manifest must be a mapping, not "
          + (d.tree().isArray() ? "a list" : "a scalar")));
      return;
    }
    Optional<KindInfo> info = resolve(d.tree(), source, d.number(), d.line(), "", problems);
    if (info.isEmpty()) {
      if (isList(d.tree())) {
        bindList(d, source, out, problems);
      }
      return;
    }
    try {
      out.add(Mappers.yaml().treeToValue(d.tree(), info.get().type()));
    } catch (JsonMappingException e) {
      Problem found = Problems.mapping(e, source, d.number(), "");
      int line = Lines.find(text, d.number(), e.getPath());
      problems.add(new Problem(found.source(), found.document(), line == 0 ? d.line() : line, found.path(),
          found.message()));
    } catch (IOException e) {
      problems.add(new Problem(source, d.number(), d.line(), "", e.getMessage()));
    }
  }

  /** {@code kind: List} from {@code kubectl get -o yaml}: its items, in order. */
  private void bindList(Document d, String source, List<Resource> out, List<Problem> problems) {
    JsonNode items = d.tree().path("items");
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      String prefix = "items[" + i + "]";
      if (!item.isObject()) {
        problems.add(new Problem(source, d.number(), d.line(), prefix, "a list item must be a mapping"));
        continue;
      }
      Optional<KindInfo> info = resolve(item, source, d.number(), d.line(), prefix, problems);
      if (info.isEmpty()) {
        continue;
      }
      try {
        out.add(Mappers.yaml().treeToValue(item, info.get().type()));
      } catch (JsonMappingException e) {
        Problem p = Problems.mapping(e, source, d.number(), prefix);
        problems.add(new Problem(p.source(), p.document(), d.line(), p.path(), p.message()));
      } catch (IOException e) {
        problems.add(new Problem(source, d.number(), d.line(), prefix, e.getMessage()));
      }
    }
  }

  private Optional<KindInfo> resolve(JsonNode tree, String source, int number, int line, String prefix,
      List<Problem> problems) {
    JsonNode apiVersion = tree.get("apiVersion");
    JsonNode kind = tree.get("kind");
    String at = prefix.isEmpty() ? "" : prefix + ".";
    if (apiVersion == null || !apiVersion.isTextual()) {
      problems.add(new Problem(source, number, line, at + "apiVersion", "missing apiVersion"));
      return Optional.empty();
    }
    if (kind == null || !kind.isTextual()) {
      problems.add(new Problem(source, number, line, at + "kind", "missing kind"));
      return Optional.empty();
    }
    if (prefix.isEmpty() && isList(tree)) {
      return Optional.empty();
    }
    Optional<KindInfo> info = registry.find(apiVersion.asText(), kind.asText());
    if (info.isEmpty()) {
      List<String> known = registry.apiVersionsOf(kind.asText());
      String message = known.isEmpty()
          ? "unknown kind " + kind.asText() + " (apiVersion " + apiVersion.asText() + ")"
          : "unknown apiVersion " + apiVersion.asText() + " for kind " + kind.asText()
              + " (known: " + String.join(", ", known) + ")";
      problems.add(new Problem(source, number, line, at + "apiVersion", message));
    }
    return info;
  }

  private static boolean isList(JsonNode tree) {
    return "v1".equals(tree.path("apiVersion").asText()) && "List".equals(tree.path("kind").asText());
  }

}
