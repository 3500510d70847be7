package dev.sailplan.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every {@code java} block of docs/testing.md is, in order, the static imports of {@link
 * TestingGuideSnippetsTest} or one of its marked regions, so the guide shows code that compiles and
 * passes.
 */
class TestingGuideTest {
  private static final Pattern BLOCK = Pattern.compile("```java\n(.*?)\n```", Pattern.DOTALL);
  private static final Pattern REGION =
      Pattern.compile("\n( *)// docs: ([a-z]+)\n(.*?)\n *// end\n", Pattern.DOTALL);

  @Test
  void theGuidesJavaBlocksAreTheSnippetsAsWritten() throws IOException {
    String guide = Files.readString(Path.of("../docs/testing.md"), StandardCharsets.UTF_8);
    String source =
        Files.readString(
            Path.of("src/test/java/dev/sailplan/testing/TestingGuideSnippetsTest.java"),
            StandardCharsets.UTF_8);
    List<String> blocks = new ArrayList<>();
    Matcher b = BLOCK.matcher(guide);
    while (b.find()) {
      blocks.add(b.group(1));
    }
    List<String> snippets = new ArrayList<>();
    snippets.add(
        String.join("\n", source.lines().filter(l -> l.startsWith("import static ")).toList()));
    Matcher r = REGION.matcher(source);
    while (r.find()) {
      snippets.add(unindent(r.group(3), r.group(1).length()));
    }
    assertThat(snippets).hasSize(9);
    assertThat(blocks).containsExactlyElementsOf(snippets);
  }

  private static String unindent(String text, int by) {
    List<String> lines = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      lines.add(line.length() >= by ? line.substring(by) : line.strip());
    }
    return String.join("\n", lines);
  }
}
