package dev.sailplan.core.validation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Findings as a SARIF 2.1.0 log, for code-scanning tools: one rule per code (its {@code helpUri}
 * the code's {@link Finding#documentationUrl() page}), one result per finding with its level,
 * message and location (the file as a URI relative to a base folder, the line, the object and the
 * field path).
 *
 * <pre>{@code
 * ObjectNode log = Sarif.log(findings, "0.1.0", Path.of("").toAbsolutePath());
 * }</pre>
 */
public final class Sarif {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Sarif() {}

  /**
   * The log.
   *
   * @param toolVersion Sailplan's version, for {@code tool.driver.version}
   * @param base the folder file locations are relative to; files outside it keep absolute URIs
   */
  public static ObjectNode log(Findings findings, String toolVersion, Path base) {
    Objects.requireNonNull(toolVersion, "toolVersion");
    Path root = base.toAbsolutePath().normalize();
    ObjectNode log = NODES.objectNode();
    log.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    log.put("version", "2.1.0");
    ObjectNode run = log.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "sailplan");
    driver.put("informationUri", "https://sailplan.dev/docs/validation");
    driver.put("version", toolVersion);
    Map<String, Integer> rules = new LinkedHashMap<>();
    findings.stream()
        .map(Finding::code)
        .distinct()
        .sorted()
        .forEach(code -> rules.put(code, rules.size()));
    ArrayNode ruleNodes = driver.putArray("rules");
    for (Finding f : firstOfEachCode(findings, rules)) {
      ObjectNode rule = ruleNodes.addObject();
      rule.put("id", f.code());
      rule.putObject("shortDescription").put("text", f.code());
      rule.put("helpUri", f.documentationUrl());
      if (!f.istioCode().isEmpty()) {
        rule.putObject("properties").put("istioCode", f.istioCode());
      }
    }
    ArrayNode results = run.putArray("results");
    for (Finding f : findings) {
      ObjectNode r = results.addObject();
      r.put("ruleId", f.code());
      r.put("ruleIndex", rules.get(f.code()));
      r.put("level", level(f.level()));
      r.putObject("message").put("text", f.message());
      ArrayNode locations = r.putArray("locations");
      ObjectNode location = locations.addObject();
      if (!f.file().isEmpty()) {
        ObjectNode physical = location.putObject("physicalLocation");
        physical.putObject("artifactLocation").put("uri", uri(f.file(), root));
        if (f.line() > 0) {
          physical.putObject("region").put("startLine", f.line());
        }
      }
      ArrayNode logical = location.putArray("logicalLocations");
      if (!f.origin().isEmpty()) {
        logical.addObject().put("name", f.origin()).put("kind", "resource");
      }
      if (!f.path().isEmpty()) {
        logical
            .addObject()
            .put("name", f.path())
            .put("fullyQualifiedName", (f.origin() + " " + f.path()).strip())
            .put("kind", "member");
      }
      if (logical.isEmpty()) {
        location.remove("logicalLocations");
      }
      if (location.isEmpty()) {
        r.remove("locations"); // standard input and no object: nothing to point at
      }
    }
    return log;
  }

  private static List<Finding> firstOfEachCode(Findings findings, Map<String, Integer> rules) {
    Map<String, Finding> first = new LinkedHashMap<>();
    rules.keySet().forEach(code -> first.put(code, null));
    for (Finding f : findings) {
      if (first.get(f.code()) == null) {
        first.put(f.code(), f);
      }
    }
    return List.copyOf(first.values());
  }

  private static String level(Level level) {
    return switch (level) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "note";
    };
  }

  /**
   * A URI reference for a file name: relative to {@code base} when the file is below it (a relative
   * name is taken as relative already), forward slashes, each segment percent-encoded where URIs
   * need it (a space, a {@code #}); an absolute {@code file:} URI otherwise.
   */
  public static String uri(String file, Path base) {
    Path p = Path.of(file);
    if (p.isAbsolute()) {
      Path root = base.toAbsolutePath().normalize();
      Path normal = p.normalize();
      p = normal.startsWith(root) ? root.relativize(normal) : p;
    }
    if (p.isAbsolute()) {
      return p.toUri().toString();
    }
    StringBuilder b = new StringBuilder();
    for (Path segment : p) {
      if (b.length() > 0) {
        b.append('/');
      }
      b.append(encode(segment.toString()));
    }
    return b.toString();
  }

  private static String encode(String segment) {
    StringBuilder b = new StringBuilder();
    for (byte c : segment.getBytes(StandardCharsets.UTF_8)) {
      int u = c & 0xFF;
      if ((u >= 'a' && u <= 'z')
          || (u >= 'A' && u <= 'Z')
          || (u >= '0' && u <= '9')
          || "-._~".indexOf(u) >= 0) {
        b.append((char) u);
      } else {
        b.append(String.format(Locale.ROOT, "%%%02X", u));
      }
    }
    return b.toString();
  }
}
