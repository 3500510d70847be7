package dev.sailplan.core.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the line where a field path starts in one document's text. Jackson reports some failures (a
 * missing required field, a failed check) where it stood when the object ended, which in block YAML
 * is the next object's line; the start of the field is where a reader should look.
 *
 * <p>Each search reads only the one document (or list item) it is about, never the stream before
 * it: a stream with an error in every document costs time linear in its size.
 */
final class Lines {
  private Lines() {}

  /**
   * The 1-based line of the first token at {@code path} in the first document of {@code text}, or 0
   * when it cannot be found.
   */
  static int find(String text, List<JsonMappingException.Reference> path) {
    if (path.isEmpty()) {
      return 0;
    }
    JsonPointer target = pointer(path);
    try (JsonParser p = Mappers.yaml().createParser(text)) {
      JsonToken t = p.nextToken();
      int depth = 0;
      while (t != null) {
        JsonPointer at =
            t == JsonToken.FIELD_NAME || t.isScalarValue()
                ? p.getParsingContext().pathAsPointer()
                : (t.isStructStart() ? p.getParsingContext().getParent().pathAsPointer() : null);
        if (target.equals(at)) {
          return Math.max(p.currentTokenLocation().getLineNr(), 0);
        }
        depth += t.isStructStart() ? 1 : t.isStructEnd() ? -1 : 0;
        if (depth == 0) {
          break;
        }
        t = p.nextToken();
      }
    } catch (IOException | RuntimeException e) {
      return 0; // the text was read once already; failing here only loses the line
    }
    return 0;
  }

  /**
   * The 1-based line of each item of {@code items} in a {@code kind: List} document, in order, as
   * far as they can be read.
   */
  static List<Integer> itemLines(String text) {
    List<Integer> lines = new ArrayList<>();
    try (JsonParser p = Mappers.yaml().createParser(text)) {
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        if (t.isStructEnd() || t == JsonToken.FIELD_NAME) {
          continue;
        }
        JsonStreamContext at = p.getParsingContext();
        JsonStreamContext list = t.isStructStart() ? at.getParent() : at;
        if (list != null
            && list.inArray()
            && list.getParent() != null
            && list.getParent().inObject()
            && "items".equals(list.getParent().getCurrentName())
            && list.getParent().getParent() != null
            && list.getParent().getParent().inRoot()) {
          lines.add(Math.max(p.currentTokenLocation().getLineNr(), 0));
        }
      }
    } catch (IOException | RuntimeException e) {
      // the lines found so far; the others fall back to the document's line
    }
    return lines;
  }

  /** The offset of the start of each line of {@code text}: index {@code i} for line {@code i+1}. */
  static int[] starts(String text) {
    int count = 1;
    for (int i = 0; i < text.length(); i++) {
      count += breakAt(text, i) ? 1 : 0;
    }
    int[] starts = new int[count];
    int line = 1;
    for (int i = 0; i < text.length(); i++) {
      if (breakAt(text, i)) {
        starts[line++] = i + 1;
      }
    }
    return starts;
  }

  /** A line ends at {@code i}: \n, or \r not followed by \n. */
  private static boolean breakAt(String text, int i) {
    char c = text.charAt(i);
    return c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'));
  }

  private static JsonPointer pointer(List<JsonMappingException.Reference> path) {
    StringBuilder b = new StringBuilder();
    for (JsonMappingException.Reference r : path) {
      b.append('/');
      if (r.getFieldName() != null) {
        b.append(r.getFieldName().replace("~", "~0").replace("/", "~1"));
      } else {
        b.append(r.getIndex());
      }
    }
    return JsonPointer.compile(b.toString());
  }
}
