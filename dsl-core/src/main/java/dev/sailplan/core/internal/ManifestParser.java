package dev.sailplan.core.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sailplan.core.generic.GenericObject;
import dev.sailplan.core.kind.KindInfo;
import dev.sailplan.core.kind.KindRegistry;
import dev.sailplan.core.meta.ObjectMeta;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.problem.ManifestException;
import dev.sailplan.core.problem.Problem;
import dev.sailplan.core.yaml.internal.EventReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

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

  /** Sorts unknown kinds when they are read generically; null when they are errors. */
  private final KindFamilies generic;

  /** A parser resolving kinds through {@code registry}; any other kind is a problem. */
  public ManifestParser(KindRegistry registry) {
    this(registry, false);
  }

  /**
   * A parser resolving kinds through {@code registry}; with {@code generic}, a Kubernetes kind it
   * does not know becomes a {@link GenericObject} (an unknown kind of a modelled group, or of any
   * other group, stays a problem).
   */
  public ManifestParser(KindRegistry registry, boolean generic) {
    this.registry = registry;
    this.generic = generic ? new KindFamilies(registry) : null;
  }

  /** A document's number, first token line and tree. */
  private record Document(int number, int line, JsonNode tree) {}

  /** A resource with where it was read: its 1-based document number and first line. */
  record Located(Resource resource, int document, int line) {}

  /**
   * Parses every document of {@code text}.
   *
   * @throws ManifestException with every problem found
   */
  public List<Resource> parse(String text, String source) {
    return collect(text, source, false);
  }

  /**
   * Like {@link #parse}, and an object defined twice (same group, kind, namespace and name) is a
   * problem.
   *
   * @throws ManifestException with every problem found
   */
  public List<Resource> parseUnique(String text, String source) {
    return collect(text, source, true);
  }

  private List<Resource> collect(String text, String source, boolean unique) {
    List<Resource> out = new ArrayList<>();
    try {
      forEach(new StringReader(text), source, unique, out::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringReader does not fail
    }
    return out;
  }

  /**
   * Reads the stream document by document, handing each resource to {@code each} as soon as its
   * document is read; only one document's text and trees are held at a time. Problems are collected
   * and thrown after the last document, so {@code each} may have seen resources of a stream that
   * turns out to be invalid.
   *
   * @param unique whether an object defined twice is a problem
   * @throws IOException when reading fails, e.g. on text that is not UTF-8 (only {@link #notUtf8}
   *     knows its line)
   * @throws ManifestException with every problem found, after the whole stream was read
   */
  public void forEach(Reader in, String source, boolean unique, Consumer<? super Resource> each)
      throws IOException {
    DocumentSplitter splitter = new DocumentSplitter(in, Mappers.MAX_CODE_POINTS);
    Duplicates duplicates = unique ? new Duplicates(source) : null;
    List<Problem> problems = new ArrayList<>();
    List<Located> found = new ArrayList<>();
    int number = 1;
    while (true) {
      DocumentSplitter.Chunk chunk;
      try {
        chunk = splitter.next();
      } catch (DocumentSplitter.TooLarge e) {
        problems.add(
            new Problem(
                source,
                number,
                e.start().firstLine(),
                "",
                "a document longer than " + Mappers.MAX_CODE_POINTS + " characters"));
        break;
      }
      if (chunk == null) {
        break;
      }
      found.clear();
      read(chunk, number, source, found, problems);
      for (Located r : found) {
        if (duplicates != null) {
          duplicates.check(r).ifPresent(problems::add);
        }
        each.accept(r.resource());
      }
      number += chunk.hasDocument() ? 1 : 0;
    }
    if (!problems.isEmpty()) {
      throw new ManifestException(problems);
    }
  }

  /**
   * The problem for a file that is not UTF-8, at the line of its first malformed byte (read again:
   * only a bad file pays for it).
   */
  public static Problem notUtf8(Path file, String source) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    int line = 1;
    try (InputStream in = Files.newInputStream(file)) {
      ByteBuffer bytes = ByteBuffer.allocate(8192);
      CharBuffer chars = CharBuffer.allocate(16384); // a UTF-8 byte decodes to one char at most
      while (true) {
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        boolean end = n < 0;
        bytes.position(bytes.position() + Math.max(n, 0));
        bytes.flip();
        int from = bytes.position();
        CoderResult result = decoder.decode(bytes, chars, end);
        for (int i = from; i < bytes.position(); i++) {
          line += bytes.get(i) == '\n' ? 1 : 0;
        }
        chars.clear();
        if (result.isError() || end) {
          break;
        }
        bytes.compact();
      }
    } catch (IOException e) {
      line = 0;
    }
    return new Problem(source, 0, line, "", "not valid UTF-8");
  }

  /** One chunk's resources: the direct path when it can, the full path otherwise. */
  private void read(
      DocumentSplitter.Chunk chunk,
      int number,
      String source,
      List<Located> out,
      List<Problem> problems) {
    Optional<List<Located>> direct = readDirect(chunk.text(), number, chunk.firstLine());
    if (direct.isPresent()) {
      out.addAll(direct.get());
      return;
    }
    List<Problem> local = new ArrayList<>();
    readFull(chunk.text(), number, source, out, local);
    int shift = chunk.firstLine() - 1;
    for (Problem p : local) {
      problems.add(
          new Problem(
              p.source(),
              p.document(),
              p.line() == 0 ? 0 : p.line() + shift,
              p.path(),
              p.message()));
    }
    if (shift != 0) {
      out.replaceAll(r -> new Located(r.resource(), r.document(), r.line() + shift));
    }
  }

  /**
   * The direct path alone: the resources, or empty when the full path must read the text. Tests use
   * it to check that it is taken and agrees with {@link #parseFull}.
   */
  public Optional<List<Resource>> parseDirect(String text) {
    return readDirect(text, 1, 1).map(found -> found.stream().map(Located::resource).toList());
  }

  private Optional<List<Located>> readDirect(String text, int number, int firstLine) {
    try {
      EventReader in = new EventReader(text, Mappers.loaderOptions(), Mappers.MAX_DEPTH - 2);
      List<Located> out = new ArrayList<>();
      in.beginStream();
      for (int document = number; in.nextDocument(); document++) {
        if (!in.emptyRoot()) {
          in.beginMapping();
          int line = in.line() + firstLine - 1;
          out.add(new Located(readResource(in), document, line));
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

  /**
   * One document's resource, its mapping begun, its first two keys being apiVersion and kind (in
   * either order).
   */
  private Resource readResource(EventReader in) {
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
   * The full path alone, document by document: Jackson trees, every problem reported.
   *
   * @throws ManifestException with every problem found
   */
  public List<Resource> parseFull(String text, String source) {
    DocumentSplitter splitter = new DocumentSplitter(new StringReader(text), Integer.MAX_VALUE);
    List<Problem> problems = new ArrayList<>();
    List<Resource> out = new ArrayList<>();
    try {
      int number = 1;
      for (DocumentSplitter.Chunk c = splitter.next(); c != null; c = splitter.next()) {
        List<Located> found = new ArrayList<>();
        List<Problem> local = new ArrayList<>();
        readFull(c.text(), number, source, found, local);
        int shift = c.firstLine() - 1;
        local.forEach(
            p ->
                problems.add(
                    new Problem(
                        p.source(),
                        p.document(),
                        p.line() == 0 ? 0 : p.line() + shift,
                        p.path(),
                        p.message())));
        found.forEach(r -> out.add(r.resource()));
        number += c.hasDocument() ? 1 : 0;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringReader does not fail
    }
    if (!problems.isEmpty()) {
      throw new ManifestException(problems);
    }
    return out;
  }

  /** The documents of {@code text} (one chunk), lines relative to it. */
  private void readFull(
      String text, int number, String source, List<Located> out, List<Problem> problems) {
    List<Document> documents = new ArrayList<>();
    try (JsonParser p = Mappers.yaml().createParser(text)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        int line = Math.max(p.currentTokenLocation().getLineNr(), 0);
        JsonNode tree = t == JsonToken.VALUE_NULL ? null : Mappers.yaml().readTree(p);
        documents.add(new Document(number + documents.size(), line, tree));
      }
    } catch (IOException | RuntimeException e) {
      problems.add(Problems.syntax(e, source, number + documents.size()));
      return;
    }
    for (Document d : documents) {
      bind(text, d, source, out, problems);
    }
  }

  /**
   * Binds one document's tree to its type. The YAML was scanned once, into the tree; a failure is
   * located by scanning the document again for its field path, which only errors pay for.
   */
  private void bind(
      String text, Document d, String source, List<Located> out, List<Problem> problems) {
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
    if (isGeneric(d.tree())) {
      bindGeneric(
          d.tree(), "", problems, out, d.number(), d.line(), p -> Lines.find(text, p), source);
      return;
    }
    Optional<KindInfo> info = resolve(d.tree(), source, d.number(), d.line(), "", problems);
    if (info.isEmpty()) {
      if (isList(d.tree())) {
        bindList(text, d, source, out, problems);
      }
      return;
    }
    Binder.Result<? extends Resource> bound = Binder.bind(d.tree(), info.get().type());
    if (bound.value() != null) {
      out.add(new Located(bound.value(), d.number(), d.line()));
      return;
    }
    for (Binder.Failure f : bound.failures()) {
      int line = Lines.find(text, f.path());
      problems.add(
          new Problem(source, d.number(), line == 0 ? d.line() : line, f.pathText(), f.message()));
    }
  }

  /** {@code kind: List} from {@code kubectl get -o yaml}: its items, in order. */
  private void bindList(
      String text, Document d, String source, List<Located> out, List<Problem> problems) {
    JsonNode items = d.tree().get("items");
    if (items == null || !items.isArray()) {
      String what =
          items == null || items.isNull()
              ? "missing items"
              : "items must be a list, not " + (items.isObject() ? "a mapping" : "a scalar");
      int line = Lines.find(text, List.of(new JsonMappingException.Reference(null, "items")));
      problems.add(new Problem(source, d.number(), line == 0 ? d.line() : line, "items", what));
      return;
    }
    List<Integer> lines = items.isEmpty() ? List.of() : Lines.itemLines(text);
    int[] starts = null;
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      String prefix = "items[" + i + "]";
      int itemLine = i < lines.size() && lines.get(i) > 0 ? lines.get(i) : d.line();
      if (!item.isObject()) {
        problems.add(
            new Problem(source, d.number(), itemLine, prefix, "a list item must be a mapping"));
        continue;
      }
      if (isGeneric(item)) {
        int[] at = starts == null ? Lines.starts(text) : starts;
        starts = at;
        int index = i;
        bindGeneric(
            item,
            prefix,
            problems,
            out,
            d.number(),
            itemLine,
            p -> itemFieldLine(text, at, lines, index, p),
            source);
        continue;
      }
      Optional<KindInfo> info = resolve(item, source, d.number(), itemLine, prefix, problems);
      if (info.isEmpty()) {
        continue;
      }
      Binder.Result<? extends Resource> bound = Binder.bind(item, info.get().type());
      if (bound.value() != null) {
        out.add(new Located(bound.value(), d.number(), itemLine));
        continue;
      }
      if (starts == null) {
        starts = Lines.starts(text);
      }
      for (Binder.Failure f : bound.failures()) {
        int line = itemFieldLine(text, starts, lines, i, f.path());
        problems.add(
            new Problem(
                source,
                d.number(),
                line == 0 ? itemLine : line,
                Problems.join(prefix, f.pathText()),
                f.message()));
      }
    }
  }

  /**
   * The line of {@code path} inside item {@code i}, searching only that item's lines (from its line
   * to the next item's): each item's error costs the item's size, not the list's.
   */
  static int itemFieldLine(
      String text,
      int[] starts,
      List<Integer> lines,
      int i,
      List<JsonMappingException.Reference> path) {
    if (i >= lines.size() || lines.get(i) <= 0 || lines.get(i) > starts.length) {
      return 0;
    }
    int from = starts[lines.get(i) - 1];
    int to =
        i + 1 < lines.size() && lines.get(i + 1) > lines.get(i) && lines.get(i + 1) <= starts.length
            ? starts[lines.get(i + 1) - 1]
            : text.length();
    if (i + 1 < lines.size() && lines.get(i + 1) <= lines.get(i)) {
      return 0; // items on one line (flow style): the item's line is all there is
    }
    List<JsonMappingException.Reference> inItem = new ArrayList<>();
    inItem.add(new JsonMappingException.Reference(null, 0));
    inItem.addAll(path);
    int line = Lines.find(text.substring(from, to), inItem);
    return line == 0 ? 0 : line + lines.get(i) - 1;
  }

  /**
   * Whether {@code tree} is read generically: in generic mode, a Kubernetes kind the registry does
   * not know (not {@code kind: List}, which holds items).
   */
  private boolean isGeneric(JsonNode tree) {
    if (generic == null || !tree.path("apiVersion").isTextual() || !tree.path("kind").isTextual()) {
      return false;
    }
    return !isList(tree)
        && generic.classify(tree.get("apiVersion").asText(), tree.get("kind").asText()).family()
            == KindFamilies.Family.GENERIC;
  }

  /**
   * A generic object: every field kept, its metadata bound (and checked) as any kind's. Problems
   * are located through {@code lineOf}, given a field path from the object's root.
   */
  private static void bindGeneric(
      JsonNode tree,
      String prefix,
      List<Problem> problems,
      List<Located> out,
      int number,
      int line,
      java.util.function.ToIntFunction<List<JsonMappingException.Reference>> lineOf,
      String source) {
    JsonNode metadata = tree.get("metadata");
    String at = prefix.isEmpty() ? "metadata" : prefix + ".metadata";
    if (metadata == null || !metadata.isObject()) {
      problems.add(
          new Problem(
              source,
              number,
              line,
              at,
              metadata == null || metadata.isNull()
                  ? "missing metadata"
                  : "metadata must be a mapping"));
      return;
    }
    Binder.Result<ObjectMeta> meta = Binder.bind(metadata, ObjectMeta.class);
    if (meta.value() == null) {
      for (Binder.Failure f : meta.failures()) {
        List<JsonMappingException.Reference> path = new ArrayList<>();
        path.add(new JsonMappingException.Reference(null, "metadata"));
        path.addAll(f.path());
        int found = lineOf.applyAsInt(path);
        problems.add(
            new Problem(
                source,
                number,
                found == 0 ? line : found,
                Problems.join(at, f.pathText()),
                f.message()));
      }
      return;
    }
    out.add(new Located(GenericObject.of(tree, meta.value()), number, line));
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
      problems.add(
          new Problem(
              source,
              number,
              line,
              at + "apiVersion",
              unknownKind(registry, apiVersion.asText(), kind.asText())));
    }
    return info;
  }

  /** What is wrong with a kind and apiVersion that {@code registry} does not know. */
  static String unknownKind(KindRegistry registry, String apiVersion, String kind) {
    List<String> known = registry.apiVersionsOf(kind);
    return known.isEmpty()
        ? "unknown kind " + kind + " (apiVersion " + apiVersion + ")"
        : "unknown apiVersion "
            + apiVersion
            + " for kind "
            + kind
            + " (known: "
            + String.join(", ", known)
            + ")";
  }

  static boolean isList(JsonNode tree) {
    return "v1".equals(tree.path("apiVersion").asText())
        && "List".equals(tree.path("kind").asText());
  }
}
