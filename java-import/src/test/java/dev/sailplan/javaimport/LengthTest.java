package dev.sailplan.javaimport;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sailplan.core.Manifests;
import dev.sailplan.core.meta.Resource;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The Java {@code JavaImport} writes is shorter than the same objects built with fabric8's
 * builders: over the whole corpus, counting the characters (whitespace and comments left out) and
 * lines of the resource expressions only, so that neither side pays for imports or class
 * boilerplate.
 */
class LengthTest {
  @Test
  void shorterThanFabric8Builders() throws Exception {
    List<Resource> all = new ArrayList<>();
    for (Corpus.Input input : Corpus.all()) {
      all.addAll(Manifests.parseMixed(Files.readString(input.file()), input.name()));
    }
    long oursChars = 0;
    long oursLines = 0;
    long theirsChars = 0;
    long theirsLines = 0;
    for (Resource r : all) {
      List<String> ours = body(JavaImport.of(List.of(r)).className("One").toSource());
      oursLines += ours.size();
      oursChars += ours.stream().mapToLong(LengthTest::significant).sum();
      List<String> theirs = Fabric8Style.of(r);
      theirsLines += theirs.size();
      theirsChars += theirs.stream().mapToLong(LengthTest::significant).sum();
    }
    double chars = (double) oursChars / theirsChars;
    double lines = (double) oursLines / theirsLines;
    System.out.printf(
        Locale.ROOT,
        "JavaImport length over %d resources: %d chars vs fabric8 %d (%.2f), %d lines vs %d"
            + " (%.2f)%n",
        all.size(),
        oursChars,
        theirsChars,
        chars,
        oursLines,
        theirsLines,
        lines);
    assertTrue(chars < 1.0, "characters: " + chars);
    assertTrue(lines < 1.0, "lines: " + lines);
  }

  /** The lines of the one resource method's expression, comments left out. */
  private static List<String> body(String source) {
    List<String> out = new ArrayList<>();
    boolean in = false;
    for (String line : source.split("\n", -1)) {
      String t = line.strip();
      if (line.startsWith("  private static ") && !line.contains(" json(")) {
        in = true;
      } else if (in && line.equals("  }")) {
        in = false;
      } else if (in && !t.startsWith("//")) {
        out.add(t.startsWith("return ") ? t.substring("return ".length()) : t);
      }
    }
    return out;
  }

  private static long significant(String line) {
    return line.chars().filter(c -> !Character.isWhitespace(c)).count();
  }
}
