package dev.sailplan.core.internal;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;

/**
 * Rejects YAML aliases ({@code *name}). Jackson's YAML parser does not expand them: it reports an
 * alias as the string {@code "name"}, which would silently corrupt the manifest. Rejecting them
 * also rules out alias bombs.
 */
final class AliasGuard extends JsonParserDelegate {
  private final YAMLParser yaml;

  AliasGuard(YAMLParser yaml) {
    super(yaml);
    this.yaml = yaml;
  }

  @Override
  public JsonToken nextToken() throws IOException {
    return check(super.nextToken());
  }

  @Override
  public JsonToken nextValue() throws IOException {
    return check(super.nextValue());
  }

  @Override
  public String nextFieldName() throws IOException {
    String name = super.nextFieldName();
    check(currentToken());
    return name;
  }

  @Override
  public boolean nextFieldName(SerializableString str) throws IOException {
    boolean matched = super.nextFieldName(str);
    check(currentToken());
    return matched;
  }

  private JsonToken check(JsonToken t) throws IOException {
    if (t != null && yaml.isCurrentAlias()) {
      throw new JsonParseException(
          this,
          "YAML aliases are not supported (*" + yaml.getText() + "): write the value out in full");
    }
    return t;
  }

  static JsonParser wrap(JsonParser p) {
    return p instanceof YAMLParser y ? new AliasGuard(y) : p;
  }
}
