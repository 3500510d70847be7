package dev.sailplan.core.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sailplan.core.problem.Problem;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a YAML stream document by document into trees for validation, with the parser's safety
 * limits: only one document's text and tree are held at a time. The items of a {@code kind: List}
 * are handed on one by one, each with its own line. What cannot be read (a syntax error, a limit, a
 * document that is not a mapping) is a problem of its document only; the rest of the stream is
 * still read, except after a document longer than the limit, where the splitter stops.
 */
public final class TextDocuments {
  private TextDocuments() {}

  /** Receives what is read, in stream order. */
  public interface Sink {
    /** A document (or list item) that cannot be read as an object. */
    void unreadable(Problem problem);

    /** A document or list item that is a mapping. */
    void document(Document document);
  }

  /** One object's tree, and what is needed to find the line of any of its fields. */
  public static final class Document {
    private final int number;
    private final int line;
    private final JsonNode tree;
    private final Chunk chunk;
    private final int item;

    private Document(int number, int line, JsonNode tree, Chunk chunk, int item) {
      this.number = number;
      this.line = line;
      this.tree = tree;
      this.chunk = chunk;
      this.item = item;
    }

    /** The 1-based number of the YAML document in its stream. */
    public int number() {
      return number;
    }

    /** The 0-based index of the object in its document's {@code kind: List}, or -1. */
    public int item() {
      return item;
    }

    /** The 1-based line where the object starts. */
    public int line() {
      return line;
    }

    /** The object; a mapping. */
    public JsonNode tree() {
      return tree;
    }

    /**
     * The line of {@code path} (field names and list indices of the object), its nearest enclosing
     * field that is written when the path itself is not (a missing field), else the object's line.
     * Only findings call it: each call reads the object's text again.
     */
    public int lineOf(List<JsonMappingException.Reference> path) {
      for (int n = path.size(); n > 0; n--) {
        int found = find(path.subList(0, n));
        if (found > 0) {
          return found;
        }
      }
      return line;
    }

    private int find(List<JsonMappingException.Reference> path) {
      int found;
      if (item < 0) {
        found = Lines.find(chunk.text, path);
      } else {
        if (chunk.starts == null) {
          chunk.starts = Lines.starts(chunk.text);
        }
        found = ManifestParser.itemFieldLine(chunk.text, chunk.starts, chunk.itemLines, item, path);
      }
      return found == 0 ? 0 : found + chunk.shift;
    }
  }

  /** The text of one piece of the stream and what locating in it needs, computed once. */
  private static final class Chunk {
    final String text;
    final int shift;
    List<Integer> itemLines;
    int[] starts;

    Chunk(String text, int shift) {
      this.text = text;
      this.shift = shift;
    }
  }

  /**
   * Reads every document of {@code in}.
   *
   * @return how many documents the stream holds (empty ones not counted)
   * @throws IOException when reading fails, e.g. on text that is not UTF-8
   */
  public static int read(Reader in, Sink sink) throws IOException {
    DocumentSplitter splitter = new DocumentSplitter(in, Mappers.MAX_CODE_POINTS);
    int number = 1;
    int documents = 0;
    while (true) {
      DocumentSplitter.Chunk piece;
      try {
        piece = splitter.next();
      } catch (DocumentSplitter.TooLarge e) {
        sink.unreadable(
            new Problem(
                "",
                number,
                e.start().firstLine(),
                "",
                "a document longer than " + Mappers.MAX_CODE_POINTS + " characters"));
        return documents + 1;
      }
      if (piece == null) {
        return documents;
      }
      Chunk chunk = new Chunk(piece.text(), piece.firstLine() - 1);
      List<JsonNode> trees = new ArrayList<>();
      List<Integer> lines = new ArrayList<>();
      try (JsonParser p = Mappers.yaml().createParser(piece.text())) {
        JsonToken t;
        while ((t = p.nextToken()) != null) {
          lines.add(Math.max(p.currentTokenLocation().getLineNr(), 0) + chunk.shift);
          trees.add(t == JsonToken.VALUE_NULL ? null : Mappers.yaml().readTree(p));
        }
      } catch (IOException | RuntimeException e) {
        Problem p = Problems.syntax(e, "", number + trees.size());
        sink.unreadable(
            new Problem(
                "",
                p.document(),
                p.line() == 0 ? 0 : p.line() + chunk.shift,
                p.path(),
                p.message()));
        documents++;
        number += piece.hasDocument() ? 1 : 0;
        continue;
      }
      for (int i = 0; i < trees.size(); i++) {
        JsonNode tree = trees.get(i);
        if (tree != null && !tree.isMissingNode()) {
          documents++;
          handle(new Document(number + i, lines.get(i), tree, chunk, -1), sink);
        }
      }
      number += piece.hasDocument() ? 1 : 0;
    }
  }

  private static void handle(Document d, Sink sink) {
    JsonNode tree = d.tree();
    if (!tree.isObject()) {
      sink.unreadable(
          new Problem(
              "",
              d.number(),
              d.line(),
              "",
              "a manifest must be a mapping, not " + (tree.isArray() ? "a list" : "a scalar")));
      return;
    }
    if (!ManifestParser.isList(tree)) {
      sink.document(d);
      return;
    }
    JsonNode items = tree.get("items");
    if (items == null || !items.isArray()) {
      String what =
          items == null || items.isNull()
              ? "missing items"
              : "items must be a list, not " + (items.isObject() ? "a mapping" : "a scalar");
      sink.unreadable(
          new Problem(
              "",
              d.number(),
              d.lineOf(List.of(new JsonMappingException.Reference(null, "items"))),
              "items",
              what));
      return;
    }
    Chunk chunk = d.chunk;
    if (chunk.itemLines == null) {
      chunk.itemLines = items.isEmpty() ? List.of() : Lines.itemLines(chunk.text);
    }
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      int itemLine =
          i < chunk.itemLines.size() && chunk.itemLines.get(i) > 0
              ? chunk.itemLines.get(i) + chunk.shift
              : d.line();
      if (!item.isObject()) {
        sink.unreadable(
            new Problem(
                "", d.number(), itemLine, "items[" + i + "]", "a list item must be a mapping"));
      } else {
        sink.document(new Document(d.number(), itemLine, item, chunk, i));
      }
    }
  }
}
