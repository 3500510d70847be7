package dev.sailplan.core.internal;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.sailplan.core.yaml.internal.LinearStreamReader;
import java.io.IOException;
import java.io.Reader;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.ParserImpl;

/**
 * Jackson's YAML parser on {@link LinearStreamReader}, rejecting what Jackson would read as
 * something else than the author meant (Sailplan never guesses what a document means):
 *
 * <ul>
 *   <li>aliases ({@code *name}), which Jackson reads as the string {@code "name"} (and which make
 *       alias bombs);
 *   <li>merge keys ({@code <<: *base}), which Jackson keeps as a literal key {@code "<<"} where
 *       kubectl would merge;
 *   <li>explicit tags ({@code !foo}, {@code !!str}), which Jackson drops silently;
 *   <li>keys that are not scalars, with a message instead of SnakeYAML's event dump.
 * </ul>
 */
final class StrictYamlParser extends YAMLParser {
  StrictYamlParser(
      IOContext ctxt,
      int parserFeatures,
      int formatFeatures,
      LoaderOptions options,
      ObjectCodec codec,
      Reader reader) {
    super(
        ctxt,
        parserFeatures,
        formatFeatures,
        codec,
        reader,
        new ParserImpl(new LinearStreamReader(reader), options));
  }

  @Override
  public JsonToken nextToken() throws IOException {
    JsonToken t;
    try {
      t = super.nextToken();
    } catch (StreamConstraintsException e) {
      // No path: it would be as deep as the nesting.
      throw new RejectedYaml(this, Problems.limit(e.getMessage()), "");
    } catch (JsonParseException e) {
      if (e.getOriginalMessage() != null
          && e.getOriginalMessage().startsWith("Expected a field name")) {
        throw new RejectedYaml(this, "a mapping key must be a plain string", path(null));
      }
      throw e;
    }
    if (t == null || t.isStructEnd()) {
      return t;
    }
    if ((t == JsonToken.FIELD_NAME || t.isScalarValue())
        && _lastEvent instanceof ScalarEvent s
        && s.getValue().length() > Mappers.MAX_SCALAR) {
      throw new RejectedYaml(
          this, "a scalar longer than " + Mappers.MAX_SCALAR + " characters", path(t));
    }
    if (_currentIsAlias) {
      throw new RejectedYaml(
          this,
          "YAML aliases are not supported (*" + getText() + "): write the value out in full",
          path(t));
    }
    String tag = tag(_lastEvent);
    if (tag != null) {
      throw new RejectedYaml(
          this,
          "YAML tags are not supported ("
              + tag
              + "): remove it (quote the value to make it a string)",
          path(t));
    }
    if (t == JsonToken.FIELD_NAME
        && _lastEvent instanceof ScalarEvent s
        && s.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN
        && s.getValue().equals("<<")) {
      throw new RejectedYaml(
          this, "merge keys (<<) are not supported: write the merged fields out in full", path(t));
    }
    return t;
  }

  private static String tag(Event e) {
    if (e instanceof ScalarEvent s) {
      return s.getTag();
    }
    return e instanceof CollectionStartEvent c ? c.getTag() : null;
  }

  /** The field path of the current token, as problems write it. */
  private String path(JsonToken t) {
    JsonStreamContext ctx = getParsingContext();
    if (t != null && t.isStructStart()) {
      ctx = ctx.getParent();
    }
    return RejectedYaml.path(ctx);
  }
}
