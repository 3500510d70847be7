package dev.sailplan.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's "Use it in your build" blocks are the regions of the sample's pom marked {@code <!--
 * Use it in your build: NAME -->}, so what users copy is what the build proves.
 */
class ReadmeBuildSectionTest {
  private static final Pattern REGION =
      Pattern.compile(
          "\n( *)<!-- Use it in your build: ([a-zA-Z]+) -->\n(.*?)\n *<!-- end -->",
          Pattern.DOTALL);

  @Test
  void theReadmeShowsTheSamplesBomDependencyAndPluginAsWritten() throws IOException {
    String pom =
        Files.readString(Path.of("../samples/bookinfo-mesh/pom.xml"), StandardCharsets.UTF_8);
    String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
    Matcher m = REGION.matcher(pom);
    List<String> names = new java.util.ArrayList<>();
    while (m.find()) {
      names.add(m.group(2));
      String block = "```xml\n" + unindent(m.group(3), m.group(1).length()) + "\n```";
      assertTrue(readme.contains(block), "README lacks the sample's " + m.group(2) + ":\n" + block);
    }
    assertEquals(List.of("BOM", "dependency", "tests", "plugin"), names);
  }

  private static String unindent(String text, int by) {
    StringBuilder b = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      if (b.length() > 0) {
        b.append('\n');
      }
      b.append(line.length() >= by ? line.substring(by) : line.strip());
    }
    return b.toString();
  }
}
