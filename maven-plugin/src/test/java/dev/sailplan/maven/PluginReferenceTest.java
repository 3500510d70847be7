package dev.sailplan.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * {@code docs/maven-plugin.md} is generated from the plugin descriptor that the build writes from
 * the goals' annotations and Javadoc, so the reference can never differ from what Maven reads; the
 * README's parameter table is checked against the same descriptor. After changing a goal, run
 * {@code ./mvnw -pl maven-plugin test -Dtest=PluginReferenceTest -Dsailplan.approve=true} and
 * review the page.
 */
class PluginReferenceTest {
  private static final Path DESCRIPTOR = Path.of("target/classes/META-INF/maven/plugin.xml");
  private static final Path PAGE = Path.of("../docs/maven-plugin.md");
  private static final Path README = Path.of("../README.md");

  /** An element a description names, with what follows it up to a space or punctuation. */
  private static final java.util.regex.Pattern ELEMENT =
      java.util.regex.Pattern.compile("<(\\w+)>[^<\\s]*</\\1>|<[\\w/]+>[^\\s,.):]*");

  /** A goal as the descriptor has it. */
  record Goal(String name, String description, String phase, List<Param> parameters) {}

  /** The plugin: its Maven prerequisite and goals. */
  record Plugin(String maven, List<Goal> goals) {}

  /** A parameter a user can set. */
  record Param(
      String name,
      String type,
      boolean required,
      String property,
      String defaultValue,
      String description) {}

  @Test
  void theReferencePageIsTheDescriptors() throws Exception {
    String page = render(plugin());
    if (Boolean.getBoolean("sailplan.approve")) {
      Files.writeString(PAGE, page, StandardCharsets.UTF_8);
    }
    assertTrue(Files.isRegularFile(PAGE), "no " + PAGE + "; run with -Dsailplan.approve=true");
    assertEquals(
        page,
        Files.readString(PAGE, StandardCharsets.UTF_8),
        PAGE + " is stale: run with -Dsailplan.approve=true and review it");
  }

  @Test
  void theDescriptorHasTheThreeGoalsAndDocumentsEveryParameter() throws Exception {
    List<Goal> goals = goals();
    assertEquals(List.of("plan", "render", "validate"), goals.stream().map(Goal::name).toList());
    for (Goal g : goals) {
      assertFalse(g.description().isBlank(), g.name() + " has no description");
      for (Param p : g.parameters()) {
        assertFalse(p.description().isBlank(), g.name() + " " + p.name() + " has no description");
      }
    }
    Goal render = goals.get(1);
    assertEquals("package", render.phase());
    assertEquals("verify", goals.get(2).phase());
    Param layout =
        render.parameters().stream().filter(p -> p.name().equals("layout")).findFirst().get();
    assertEquals(
        new Param("layout", "String", false, "sailplan.layout", "files", ""), blank(layout));
  }

  @Test
  void theReadmeTableHasARowForEveryParameterWithItsPropertyAndDefault() throws Exception {
    Map<String, String> rows = readmeRows();
    for (Goal g : goals()) {
      for (Param p : g.parameters()) {
        String row =
            rows.getOrDefault("`" + g.name() + "` " + p.name(), rows.get("all " + p.name()));
        assertTrue(row != null, "README's plugin table lacks " + g.name() + " " + p.name());
        if (!p.property().isEmpty()) {
          assertTrue(row.contains("(`" + p.property() + "`)"), p.name() + ": " + row);
        }
        if (!p.defaultValue().isEmpty()) {
          assertTrue(row.contains("| `" + p.defaultValue() + "` |"), p.name() + ": " + row);
        }
        if (p.required()) {
          assertTrue(row.contains("| required |"), p.name() + ": " + row);
        }
      }
    }
  }

  private static Param blank(Param p) {
    return new Param(p.name(), p.type(), p.required(), p.property(), p.defaultValue(), "");
  }

  /** README table rows by {@code GOAL-CELL PARAMETER}. */
  private static Map<String, String> readmeRows() throws IOException {
    Map<String, String> rows = new TreeMap<>();
    for (String line : Files.readAllLines(README, StandardCharsets.UTF_8)) {
      String[] cells = line.split("\\|", -1);
      if (line.startsWith("| ") && cells.length > 3 && cells[2].strip().startsWith("`")) {
        String param = cells[2].strip();
        String name = param.substring(1, param.indexOf('`', 1));
        rows.put(cells[1].strip() + " " + name, line);
      }
    }
    return rows;
  }

  static List<Goal> goals() throws IOException, ParserConfigurationException, SAXException {
    return plugin().goals();
  }

  static Plugin plugin() throws IOException, ParserConfigurationException, SAXException {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document doc = factory.newDocumentBuilder().parse(DESCRIPTOR.toFile());
    List<Goal> goals = new ArrayList<>();
    for (Element mojo : children(doc.getDocumentElement(), "mojos", "mojo")) {
      Map<String, Element> config = new TreeMap<>();
      for (Element c : children(mojo, "configuration")) {
        NodeList nodes = c.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
          if (nodes.item(i) instanceof Element e) {
            config.put(e.getTagName(), e);
          }
        }
      }
      List<Param> params = new ArrayList<>();
      for (Element p : children(mojo, "parameters", "parameter")) {
        if (!Boolean.parseBoolean(text(p, "editable"))) {
          continue; // ${project} and the like: Maven sets them
        }
        String name = text(p, "name");
        Element c = config.get(name);
        String expression = c == null ? "" : c.getTextContent().strip();
        String property =
            expression.startsWith("${") && expression.endsWith("}")
                ? expression.substring(2, expression.length() - 1)
                : "";
        String type = text(p, "type");
        params.add(
            new Param(
                name,
                type.substring(type.lastIndexOf('.') + 1),
                Boolean.parseBoolean(text(p, "required")),
                property,
                c == null ? "" : c.getAttribute("default-value"),
                oneLine(text(p, "description"))));
      }
      goals.add(
          new Goal(
              text(mojo, "goal"), oneLine(text(mojo, "description")), text(mojo, "phase"), params));
    }
    goals.sort(java.util.Comparator.comparing(Goal::name));
    return new Plugin(text(doc.getDocumentElement(), "requiredMavenVersion"), goals);
  }

  /** The Markdown page. */
  static String render(Plugin plugin) {
    List<Goal> goals = plugin.goals();
    StringBuilder b = new StringBuilder();
    b.append("# sailplan-maven-plugin reference\n\n")
        .append(
            "Generated from the plugin descriptor (`META-INF/maven/plugin.xml`, written by the build"
                + " from the\ngoals' annotations and Javadoc) by `PluginReferenceTest`; do not edit"
                + " by hand. The README's\n[Use it in your build](../README.md#use-it-in-your-build)"
                + " shows a complete configuration.\n\n")
        .append("Coordinates `dev.sailplan:sailplan-maven-plugin`, prefix `sailplan`")
        .append(" (`mvn sailplan:GOAL`); Java 17 and Maven ")
        .append(plugin.maven())
        .append(" or later.\n\n")
        .append("| goal | default phase | what it does |\n| --- | --- | --- |\n");
    for (Goal g : goals) {
      b.append("| [`")
          .append(g.name())
          .append("`](#sailplan")
          .append(g.name())
          .append(") | ")
          .append(g.phase().isEmpty() ? "none (run it by name)" : "`" + g.phase() + "`")
          .append(" | ")
          .append(firstSentence(g.description()))
          .append(" |\n");
    }
    for (Goal g : goals) {
      b.append("\n## sailplan:").append(g.name()).append("\n\n");
      b.append(wrap(g.description())).append("\n\n");
      b.append(
          g.phase().isEmpty()
              ? "Bound to no phase: run `mvn sailplan:"
                  + g.name()
                  + "` or bind it in an"
                  + " `<execution>`.\n\n"
              : "Default phase: `" + g.phase() + "`.\n\n");
      b.append("| parameter | type | user property | default | description |\n");
      b.append("| --- | --- | --- | --- | --- |\n");
      for (Param p : g.parameters()) {
        b.append("| `")
            .append(p.name())
            .append("` | ")
            .append(p.type())
            .append(" | ")
            .append(p.property().isEmpty() ? "" : "`" + p.property() + "`")
            .append(" | ")
            .append(
                p.required()
                    ? "required"
                    : p.defaultValue().isEmpty() ? "" : "`" + p.defaultValue() + "`")
            .append(" | ")
            .append(p.description().replace("|", "\\|"))
            .append(" |\n");
      }
    }
    return b.toString();
  }

  private static String firstSentence(String text) {
    int dot = text.indexOf(". ");
    String first = dot < 0 ? text : text.substring(0, dot + 1);
    int colon = first.indexOf(": ");
    return (colon < 0 ? first : first.substring(0, colon) + ".").replace("|", "\\|");
  }

  /** Lines of at most 100 characters, as the project's Markdown is written. */
  private static String wrap(String text) {
    StringBuilder out = new StringBuilder();
    int column = 0;
    for (String word : text.split(" ", -1)) {
      if (column > 0 && column + 1 + word.length() > 100) {
        out.append('\n');
        column = 0;
      } else if (column > 0) {
        out.append(' ');
        column++;
      }
      out.append(word);
      column += word.length();
    }
    return out.toString();
  }

  /**
   * One line, with the elements the Javadoc names ({@code <sources>}, {@code
   * <layout>files</layout>}) as code: Markdown would take them for HTML.
   */
  private static String oneLine(String text) {
    return ELEMENT
        .matcher(text.strip().replaceAll("\\s+", " ").replace("*", "\\*"))
        .replaceAll(m -> "`" + m.group().replace("\\", "\\\\").replace("$", "\\$") + "`");
  }

  private static List<Element> children(Element parent, String... path) {
    List<Element> level = List.of(parent);
    for (String name : path) {
      List<Element> next = new ArrayList<>();
      for (Element e : level) {
        NodeList nodes = e.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
          Node n = nodes.item(i);
          if (n instanceof Element c && c.getTagName().equals(name)) {
            next.add(c);
          }
        }
      }
      level = next;
    }
    return level;
  }

  private static String text(Element parent, String name) {
    List<Element> found = children(parent, name);
    return found.isEmpty() ? "" : found.get(0).getTextContent();
  }
}
