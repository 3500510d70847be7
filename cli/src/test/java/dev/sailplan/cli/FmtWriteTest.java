package dev.sailplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sailplan.cli.FmtCommandTest.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fmt --write}: what happens to the files it rewrites, and to those it does not. */
class FmtWriteTest {
  @TempDir Path dir;

  static final String MESSY = "kind: Namespace\napiVersion: v1\nmetadata: {name: a}\n";
  static final String CANONICAL = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n";

  private Path file(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  private static String read(Path p) throws IOException {
    return Files.readString(p, StandardCharsets.UTF_8);
  }

  private List<String> listing() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void keepsTheModeOfEachFile() throws IOException {
    Path shared = file("shared.yaml", MESSY);
    Path group = file("group.yaml", MESSY);
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-r--r--"));
    Files.setPosixFilePermissions(group, PosixFilePermissions.fromString("rw-rw----"));

    assertEquals(
        new Run(0, "", ""),
        FmtCommandTest.sailplan("fmt", "--write", shared.toString(), group.toString()));

    assertEquals(CANONICAL, read(shared));
    assertEquals("rw-r--r--", mode(shared));
    assertEquals("rw-rw----", mode(group));
    assertEquals(List.of("group.yaml", "shared.yaml"), listing());
  }

  private static String mode(Path p) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  @Test
  void writesThroughASymbolicLinkToItsTarget() throws IOException {
    Path target = Files.createDirectories(dir.resolve("real")).resolve("ns.yaml");
    Files.writeString(target, MESSY);
    Path link = Files.createSymbolicLink(dir.resolve("ns.yaml"), Path.of("real/ns.yaml"));

    assertEquals(new Run(0, "", ""), FmtCommandTest.sailplan("fmt", "--write", link.toString()));

    assertTrue(Files.isSymbolicLink(link));
    assertEquals(Path.of("real/ns.yaml"), Files.readSymbolicLink(link));
    assertEquals(CANONICAL, read(target));
  }

  @Test
  void aLinkAndItsTargetNamedTogetherAreOneFile() throws IOException {
    Path target = file("ns.yaml", MESSY);
    Path link = Files.createSymbolicLink(dir.resolve("alias.yaml"), target.getFileName());

    assertEquals(
        new Run(0, "", ""),
        FmtCommandTest.sailplan("fmt", "--write", link.toString(), target.toString()));

    assertEquals(CANONICAL, read(target));
    assertEquals(List.of("alias.yaml", "ns.yaml"), listing());
  }

  @Test
  void refusesAHardLinkedFileAndWritesNoFile() throws IOException {
    Path other = file("other.yaml", MESSY);
    Path linked = file("linked.yaml", MESSY);
    Path second = Files.createLink(dir.resolve("second-name.yaml"), linked);

    Run r = FmtCommandTest.sailplan("fmt", "--write", other.toString(), linked.toString());

    assertEquals(
        new Run(
            1,
            "",
            "sailplan: cannot write "
                + linked
                + ": has 2 hard links, which rewriting would break; print it (without --write)"
                + " and copy the output over it\n"),
        r);
    assertEquals(MESSY, read(other));
    assertEquals(MESSY, read(second));
    assertEquals(List.of("linked.yaml", "other.yaml", "second-name.yaml"), listing());
  }

  @Test
  void removesTheTemporariesOfKilledRunsAndOnlyThose() throws IOException {
    Path a = file("a.yaml", MESSY);
    file(".a.yaml.sailplan-k1.tmp", "half of a run that was killed");
    file(".sailplan-4711.tmp", "an earlier version's temporary");
    file(".b.yaml.sailplan-notes.tmp", "not ours: the id is not one we make");
    file(".sailplan-notes.tmp", "not ours either");

    assertEquals(new Run(0, "", ""), FmtCommandTest.sailplan("fmt", "--write", a.toString()));

    assertEquals(List.of(".b.yaml.sailplan-notes.tmp", ".sailplan-notes.tmp", "a.yaml"), listing());
  }

  @Test
  void aFullDiskChangesNoFileAndLeavesNoTemporary() throws IOException {
    Path a = file("a.yaml", MESSY);
    Path b = file("b.yaml", MESSY);
    Path c = file("c.yaml", MESSY);
    Map<Path, FileRewrite.Content> contents = new LinkedHashMap<>();
    for (Path p : List.of(a, b, c)) {
      contents.put(p, out -> out.write(CANONICAL.getBytes(StandardCharsets.UTF_8)));
    }
    FileRewrite fullAtB =
        new FileRewrite(
            (temp, channel, chunk) -> {
              if (temp.getFileName().toString().startsWith(".b.yaml.")) {
                channel.write(chunk.limit(chunk.position() + 3));
                throw new FileSystemException(temp.toString(), null, "No space left on device");
              }
              channel.write(chunk);
            });

    FileRewrite.Failure e =
        assertThrows(FileRewrite.Failure.class, () -> fullAtB.rewriteAll(contents));

    assertEquals(b, e.file());
    assertEquals("no space left on device", e.getMessage());
    for (Path p : List.of(a, b, c)) {
      assertEquals(MESSY, read(p), p.toString());
    }
    assertEquals(List.of("a.yaml", "b.yaml", "c.yaml"), listing());
  }
}
