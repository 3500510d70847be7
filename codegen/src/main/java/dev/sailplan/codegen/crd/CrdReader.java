package dev.sailplan.codegen.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the {@code CustomResourceDefinition} documents of a multi-document YAML file. */
public final class CrdReader {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private CrdReader() {}

  /**
   * Every version of every CRD in the file, in file order; other documents are skipped.
   *
   * @throws IOException when the file cannot be read or is not YAML
   */
  public static List<CrdVersion> read(Path file) throws IOException {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(file.getFileName().toString(), in);
    }
  }

  /** Like {@link #read(Path)}, from a reader; {@code sourceName} names the file in headers. */
  public static List<CrdVersion> read(String sourceName, Reader in) throws IOException {
    List<CrdVersion> out = new ArrayList<>();
    try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(in)) {
      while (docs.hasNext()) {
        JsonNode doc = docs.next();
        if (doc == null || !"CustomResourceDefinition".equals(doc.path("kind").asText())) {
          continue;
        }
        JsonNode spec = doc.path("spec");
        String group = group(spec, sourceName);
        String kind = require(spec.path("names"), "kind", sourceName);
        boolean namespaced = !"Cluster".equals(spec.path("scope").asText());
        for (JsonNode v : spec.path("versions")) {
          JsonNode schema = v.path("schema").path("openAPIV3Schema");
          if (schema.isMissingNode()) {
            throw new IOException(
                sourceName
                    + ": "
                    + kind
                    + " "
                    + v.path("name").asText()
                    + " has no schema.openAPIV3Schema");
          }
          out.add(
              new CrdVersion(
                  sourceName,
                  group,
                  kind,
                  require(v, "name", sourceName),
                  namespaced,
                  v.path("served").asBoolean(false),
                  v.path("storage").asBoolean(false),
                  schema));
        }
      }
    }
    return out;
  }

  /**
   * The group; {@code ""} is the Kubernetes core group, which no real CRD has but a CRD-shaped
   * schema of core kinds does (apiVersion {@code v1}). A missing group is still an error.
   */
  private static String group(JsonNode spec, String source) throws IOException {
    JsonNode v = spec.get("group");
    if (v != null && v.isTextual() && v.asText().isEmpty()) {
      return "";
    }
    return require(spec, "group", source);
  }

  private static String require(JsonNode node, String field, String source) throws IOException {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual() || v.asText().isEmpty()) {
      throw new IOException(source + ": a CustomResourceDefinition lacks " + field);
    }
    return v.asText();
  }
}
