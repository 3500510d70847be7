package dev.sailplan.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every finding code the code can report is documented: an admission code (SP0xxx) has its section
 * in {@code docs/validation.md}, every other code its page {@code docs/rules/<CODE>.md}, and {@code
 * docs/rules/README.md} is the index of those pages. After adding pages, regenerate the index with
 * {@code -Dsailplan.approve=true} and review it.
 */
class RuleDocsTest {
  private static final Path ROOT = Path.of("..");
  private static final Path RULES = ROOT.resolve("docs/rules");
  private static final Pattern CODE = Pattern.compile("\"(SP\\d{4})\"");
  private static final Pattern TITLE = Pattern.compile("# (SP\\d{4}) — (.+)");
  private static final Pattern LEVEL = Pattern.compile("(?m)^Level: (Error|Warning|Info)$");
  private static final Pattern ISTIO = Pattern.compile("(?m)^istioctl: (IST\\d{4})");

  /** The codes in string literals of the modules' code, comments left out. */
  static Set<String> codesInCode() {
    Set<String> codes = new TreeSet<>();
    for (String module : List.of("dsl-core", "dsl-istio", "dsl-gatewayapi", "cli")) {
      for (String dir : List.of("src/main/java", "src/generated/java")) {
        Path base = ROOT.resolve(module).resolve(dir);
        if (!Files.isDirectory(base)) {
          continue;
        }
        try (Stream<Path> files = Files.walk(base)) {
          for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
              String code = line.strip();
              if (code.startsWith("*") || code.startsWith("//") || code.startsWith("/*")) {
                continue;
              }
              Matcher m = CODE.matcher(code);
              while (m.find()) {
                codes.add(m.group(1));
              }
            }
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return codes;
  }

  @Test
  void everyAdmissionCodeHasItsSection() throws IOException {
    String docs = Files.readString(ROOT.resolve("docs/validation.md"), StandardCharsets.UTF_8);
    List<String> missing =
        codesInCode().stream()
            .filter(c -> c.startsWith("SP0"))
            .filter(c -> !docs.contains("\n### " + c + "\n") && !docs.contains("| " + c + " |"))
            .toList();
    assertEquals(List.of(), missing, "codes without a section (### CODE) in docs/validation.md");
  }

  @Test
  void everyOtherCodeHasItsPage() throws IOException {
    List<String> missing = new ArrayList<>();
    for (String code : codesInCode()) {
      if (code.startsWith("SP0")) {
        continue;
      }
      Path page = RULES.resolve(code + ".md");
      if (!Files.isRegularFile(page)) {
        missing.add(code + ": no " + page);
        continue;
      }
      String text = Files.readString(page, StandardCharsets.UTF_8);
      Matcher title = TITLE.matcher(text.lines().findFirst().orElse(""));
      if (!title.matches() || !title.group(1).equals(code)) {
        missing.add(code + ": first line is not '# " + code + " — <title>'");
      }
      if (!LEVEL.matcher(text).find()) {
        missing.add(code + ": no 'Level: Error|Warning|Info' line");
      }
    }
    assertEquals(List.of(), missing);
  }

  @Test
  void theIndexListsEveryPage() throws IOException {
    Path index = RULES.resolve("README.md");
    List<Path> pages = pages();
    if (pages.isEmpty()) {
      assertFalse(Files.exists(index), "an index of no rule pages");
      return;
    }
    String expected = index(pages);
    if (Boolean.getBoolean("sailplan.approve")) {
      Files.writeString(index, expected, StandardCharsets.UTF_8);
    }
    assertTrue(Files.isRegularFile(index), "no " + index + "; run with -Dsailplan.approve=true");
    assertEquals(
        expected,
        Files.readString(index, StandardCharsets.UTF_8),
        "docs/rules/README.md is not the index of the pages; run with -Dsailplan.approve=true");
  }

  private static List<Path> pages() throws IOException {
    if (!Files.isDirectory(RULES)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(RULES)) {
      return files
          .filter(p -> p.getFileName().toString().matches("SP\\d{4}\\.md"))
          .sorted()
          .toList();
    }
  }

  private static String index(List<Path> pages) throws IOException {
    StringBuilder b =
        new StringBuilder(
            """
            # Analysis rules

            What `sailplan validate` and `Validation` report beyond admission (the admission codes,
            SP0xxx, are in [../validation.md](../validation.md)): SP1xxx traffic, SP2xxx security,
            SP3xxx placement and API, SP4xxx ambient, SP5xxx Gateway API. A finding that `istioctl
            analyze` reports too carries its IST code. This index is generated from the pages.

            | Code | Level | istioctl | Rule |
            |---|---|---|---|
            """);
    for (Path page : pages) {
      String text = Files.readString(page, StandardCharsets.UTF_8);
      Matcher title = TITLE.matcher(text.lines().findFirst().orElse(""));
      Matcher level = LEVEL.matcher(text);
      Matcher istio = ISTIO.matcher(text);
      String code = page.getFileName().toString().replace(".md", "");
      b.append("| [")
          .append(code)
          .append("](")
          .append(code)
          .append(".md) | ")
          .append(level.find() ? level.group(1) : "")
          .append(" | ")
          .append(istio.find() ? istio.group(1) : "")
          .append(" | ")
          .append(title.matches() ? title.group(2) : "")
          .append(" |\n");
    }
    return b.toString();
  }
}
