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
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Jackson's YAML parser on {@link LinearStreamReader}, rejecting what Jackson would read as
 * something else than the author meant (Sailplan never guesses what a document means):
 *
 * <ul>
 *   <li>aliases ({@code *name}), which Jackson reads as the string {@code "name"} (and which make
 *       alias bombs);
 *   <li>merge keys ({@code <<: *base}), which Jackson keeps as a literal key {@code "<<"} where
 *       kubectl would merge;
 *   <li>explicit tags other than the core schema's ({@code !foo}, {@code !!binary}, {@code
 *       !!javax.script.ScriptEngineManager}), which Jackson drops silently;
 *   <li>keys that are not scalars, with a message instead of SnakeYAML's event dump.
 * </ul>
 */
final class StrictYamlParser extends YAMLParser {
  private static final Resolver RESOLVER = new Resolver();
  private static final Set<String> IMPLICIT_TYPES =
      Set.of(Tag.INT.getValue(), Tag.FLOAT.getValue(), Tag.BOOL.getValue(), Tag.NULL.getValue());

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
    String tagProblem = tagProblem(_lastEvent);
    if (tagProblem != null) {
      throw new RejectedYaml(this, tagProblem, path(t));
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

  /**
   * Why an explicit tag is not read, or null. Only the core-schema tags that Jackson reads with
   * their YAML meaning are taken: {@code !!str}, and {@code !!int}, {@code !!float}, {@code !!bool}
   * and {@code !!null} on a value of that type, {@code !!map} on a mapping and {@code !!seq} on a
   * sequence. Jackson reads any other as a plain string or drops it.
   */
  private static String tagProblem(Event e) {
    String tag;
    if (e instanceof ScalarEvent s) {
      tag = s.getTag();
      if (tag == null || tag.equals(Tag.STR.getValue())) {
        return null;
      }
      if (IMPLICIT_TYPES.contains(tag)) {
        return RESOLVER.resolve(NodeId.scalar, s.getValue(), true).getValue().equals(tag)
            ? null
            : "the value does not match its tag (" + tag + ")";
      }
    } else if (e instanceof CollectionStartEvent c) {
      tag = c.getTag();
      if (tag == null
          || (e instanceof MappingStartEvent && tag.equals(Tag.MAP.getValue()))
          || (e instanceof SequenceStartEvent && tag.equals(Tag.SEQ.getValue()))) {
        return null;
      }
    } else {
      return null;
    }
    return "YAML tags are not supported ("
        + tag
        + "): remove it (quote the value to make it a string)";
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
