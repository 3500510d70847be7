package dev.sailplan.core.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.io.IOException;
import java.util.List;

/**
 * Finds the line where a field path starts in a document. Jackson reports some failures (a missing
 * required field, a failed check) where it stood when the object ended, which in block YAML is the
 * next object's line; the start of the field is where a reader should look.
 */
final class Lines {
  private Lines() {}

  /**
   * The 1-based line of the first token at {@code path} in document {@code number} (1-based) of
   * {@code text}, or 0 when it cannot be found.
   */
  static int find(String text, int number, List<JsonMappingException.Reference> path) {
    if (path.isEmpty()) {
      return 0;
    }
    JsonPointer target = pointer(path);
    try (JsonParser p = Mappers.yaml().createParser(text)) {
      for (int i = 1; i < number; i++) {
        p.nextToken();
        p.skipChildren();
      }
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
