package dev.sailplan.core.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sailplan.core.kind.KindInfo;
import dev.sailplan.core.kind.KindRegistry;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.problem.ManifestException;
import dev.sailplan.core.problem.Problem;
import dev.sailplan.core.yaml.internal.EventReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses multi-document YAML into typed resources, collecting every problem.
 *
 * <p>Two paths give the same objects. The direct path streams SnakeYAML's events into the generated
 * {@code readYaml} methods: no Jackson tokens, trees or reflection. It takes the common forms only
 * and reports nothing; anything else (an error, a null, an alias, a kind without a reader, a
 * document that does not start with apiVersion and kind) sends the whole text down the full path.
 * The full path scans the text once into one tree per document and binds each tree to the type its
 * apiVersion and kind name through Jackson; its errors carry the line of the field they are about.
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
    Optional<List<Resource>> direct = parseDirect(text);
    return direct.isPresent() ? direct.get() : parseFull(text, source);
  }

  /**
   * Like {@link #parse}, and an object defined twice (same group, kind, namespace and name) is a
   * problem.
   *
   * @throws ManifestException with every problem found
   */
  public List<Resource> parseUnique(String text, String source) {
    List<Resource> resources = parse(text, source);
    Duplicates.check(text, source, resources, this);
    return resources;
  }

  /** Where a resource was read: its 1-based document number and first line. */
  record Location(int document, int line) {}

  /**
   * Where each resource that {@link #parse} returns for {@code text} comes from, in the same order.
   * Only for text that parses: it scans the text again, as the full path does.
   */
  List<Location> locate(String text, String source) {
    List<Location> out = new ArrayList<>();
    for (Document d : readDocuments(text, source)) {
      if (d.tree() == null || d.tree().isMissingNode()) {
        continue;
      }
      if (isList(d.tree())) {
        for (int i = 0; i < d.tree().path("items").size(); i++) {
          int line =
              Lines.find(
                  text,
                  d.number(),
                  List.of(
                      new JsonMappingException.Reference(null, "items"),
                      new JsonMappingException.Reference(null, i)));
          out.add(new Location(d.number(), line == 0 ? d.line() : line));
        }
      } else {
        out.add(new Location(d.number(), d.line()));
      }
    }
    return out;
  }

  /**
   * The direct path alone: the resources, or empty when the full path must read the text. Tests use
   * it to check that it is taken and agrees with {@link #parseFull}.
   */
  public Optional<List<Resource>> parseDirect(String text) {
    try {
      EventReader in = new EventReader(text, Mappers.loaderOptions(), Mappers.MAX_DEPTH - 2);
      List<Resource> out = new ArrayList<>();
      in.beginStream();
      while (in.nextDocument()) {
        if (!in.emptyRoot()) {
          out.add(readResource(in));
        }
        in.endDocument();
      }
      return Optional.of(out);
    } catch (RuntimeException e) {
      // Not only EventReader.FallBack: syntax errors, failed builder checks and bad values are
      // all for the full path to report, with their lines.
      return Optional.empty();
    }
  }

  /** One document's resource, its first two keys being apiVersion and kind (in either order). */
  private Resource readResource(EventReader in) {
    in.beginMapping();
    String apiVersion = null;
    String kind = null;
    for (int i = 0; i < 2; i++) {
      String key = in.nextKey();
      if ("apiVersion".equals(key) && apiVersion == null) {
        apiVersion = in.string();
      } else if ("kind".equals(key) && kind == null) {
        kind = in.string();
      } else {
        throw in.unsupported("a document that does not start with apiVersion and kind");
      }
    }
    Optional<KindInfo> info = registry.find(apiVersion, kind);
    if (info.isEmpty()) {
      throw in.unsupported("an unknown kind");
    }
    if (info.get().reader().isPresent()) {
      return info.get().reader().get().read(in, apiVersion);
    }
    return bindTree(in, apiVersion, kind, info.get().type());
  }

  /**
   * A kind registered without a reader (every kind codegen makes has one, the core kinds too) binds
   * through Jackson from a tree, as on the full path; the tree comes from the same events, so such
   * a kind among VirtualServices does not send the whole text down the full path.
   */
  private static Resource bindTree(
      EventReader in, String apiVersion, String kind, Class<? extends Resource> type) {
    ObjectNode tree =
        JsonNodeFactory.instance.objectNode().put("apiVersion", apiVersion).put("kind", kind);
    for (String key = in.nextKey(); key != null; key = in.nextKey()) {
      if (tree.replace(key, in.tree()) != null) {
        throw in.unsupported("a repeated key");
      }
    }
    try {
      return Mappers.yaml().treeToValue(tree, type);
    } catch (IOException e) {
      throw in.unsupported("a document Jackson does not bind");
    }
  }

  /**
   * The full path alone: Jackson trees, every problem reported.
   *
   * @throws ManifestException with every problem found
   */
  public List<Resource> parseFull(String text, String source) {
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
   * Binds one document's tree to its type. The YAML was scanned once, into the trees; a failure is
   * located by scanning again for its field path, which only errors pay for.
   */
  private void bind(
      String text, Document d, String source, List<Resource> out, List<Problem> problems) {
    if (d.tree() == null || d.tree().isMissingNode()) {
      return; // an empty document, e.g. a trailing "---"
    }
    if (!d.tree().isObject()) {
      problems.add(
          new Problem(
              source,
              d.number(),
              d.line(),
              "",
              "a manifest must be a mapping, not " + (d.tree().isArray() ? "a list" : "a scalar")));
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
      problems.add(
          new Problem(
              found.source(),
              found.document(),
              line == 0 ? d.line() : line,
              found.path(),
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
        problems.add(
            new Problem(source, d.number(), d.line(), prefix, "a list item must be a mapping"));
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

  private Optional<KindInfo> resolve(
      JsonNode tree, String source, int number, int line, String prefix, List<Problem> problems) {
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
      String message =
          known.isEmpty()
              ? "unknown kind " + kind.asText() + " (apiVersion " + apiVersion.asText() + ")"
              : "unknown apiVersion "
                  + apiVersion.asText()
                  + " for kind "
                  + kind.asText()
                  + " (known: "
                  + String.join(", ", known)
                  + ")";
      problems.add(new Problem(source, number, line, at + "apiVersion", message));
    }
    return info;
  }

  private static boolean isList(JsonNode tree) {
    return "v1".equals(tree.path("apiVersion").asText())
        && "List".equals(tree.path("kind").asText());
  }
}
