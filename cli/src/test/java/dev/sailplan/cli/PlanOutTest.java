package dev.sailplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sailplan.cli.FmtCommandTest.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plan --out OUT --name N}: what it does to whatever is at {@code OUT/N}. */
class PlanOutTest {
  @TempDir Path dir;

  static final String NAMESPACE = "apiVersion: v1\nkind: Namespace\nmetadata: {name: %s}\n";

  private Run plan(String namespace) throws IOException {
    Path to = Files.writeString(dir.resolve("to.yaml"), NAMESPACE.formatted(namespace));
    return FmtCommandTest.sailplan(
        "plan", "--to", to.toString(), "--out", dir.resolve("out").toString(), "--name", "n");
  }

  private List<String> listing(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static String read(Path p) throws IOException {
    return Files.readString(p, StandardCharsets.UTF_8);
  }

  @Test
  void refusesToReplaceASourceFolderAndLeavesItAsItWas() throws IOException {
    Path src = Files.createDirectories(dir.resolve("out/n/src"));
    Files.writeString(src.resolve("Main.java"), "class Main {}");

    Run r = plan("a");

    Path target = dir.resolve("out/n");
    assertEquals(
        new Run(
            1,
            "",
            "sailplan: cannot write plan folder "
                + target
                + ": exists and is a folder that is not a plan folder (no .sailplan-plan and files"
                + " a plan does not have); nothing was written; remove it or choose another"
                + " --name\n"),
        r);
    assertEquals(List.of("n"), listing(dir.resolve("out")));
    assertEquals("class Main {}", read(src.resolve("Main.java")));
  }

  @Test
  void refusesToReplaceAPlainFile() throws IOException {
    Files.createDirectories(dir.resolve("out"));
    Path file = Files.writeString(dir.resolve("out/n"), "notes");

    Run r = plan("a");

    assertEquals(
        new Run(
            1,
            "",
            "sailplan: cannot write plan folder "
                + file
                + ": exists and is a file, not a plan folder; nothing was written; remove it or"
                + " choose another --name\n"),
        r);
    assertEquals("notes", read(file));
  }

  @Test
  void replacesItsOwnPlanFolderAndLeavesOnlyIt() throws IOException {
    assertEquals(0, plan("a").status());
    Run second = plan("b");

    assertEquals(0, second.status(), second.err());
    Path n = dir.resolve("out/n");
    assertTrue(Files.isSymbolicLink(n));
    String content = Files.readSymbolicLink(n).toString();
    assertTrue(content.matches("\\.n\\.plan-[0-9a-z]+"), content);
    assertEquals(List.of(content, "n"), listing(dir.resolve("out")));
    assertTrue(read(n.resolve("desired.yaml")).contains("name: b\n"));
  }

  @Test
  void helpSaysWhatIsReplacedAndWhatIsRefused() {
    String help = FmtCommandTest.sailplan("plan", "--help").out().replaceAll("\\s+", " ");
    assertTrue(
        help.contains("DIR/NAME is replaced only when it is a plan folder (one Sailplan wrote)"),
        help);
    assertTrue(help.contains("is refused and left as it is"), help);
    String fmt = FmtCommandTest.sailplan("fmt", "--help").out().replaceAll("\\s+", " ");
    assertTrue(fmt.contains("Mode, owner and group are kept"), fmt);
    assertTrue(fmt.contains("stays a link and its target is rewritten"), fmt);
    assertTrue(fmt.contains("a file with several hard links is refused"), fmt);
  }
}
