package dev.sailplan.examples;

import dev.sailplan.core.Manifests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Renders every example into a folder: {@code OUT/examples/<name>.yaml}.
 *
 * <p>The folder is written whole or not at all: everything goes to a temporary sibling first,
 * which then replaces {@code OUT}.
 */
public final class RenderAll {
  private RenderAll() {}

  /** {@code RenderAll OUT}: renders into OUT and prints a summary. */
  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: RenderAll OUT");
      System.exit(2);
    }
    Path out = Path.of(args[0]).toAbsolutePath().normalize();
    try {
      Summary s = render(out);
      System.out.printf("Rendered %d seed examples (%d resources, %d bytes) into %s%n",
          s.examples(), s.resources(), s.bytes(), out);
    } catch (IOException | UncheckedIOException e) {
      System.err.println("RenderAll: cannot write " + out + ": " + e.getMessage());
      System.exit(1);
    }
  }

  /**
   * What a render wrote.
   *
   * @param examples example files
   * @param resources resources in them
   * @param bytes total size
   */
  public record Summary(int examples, int resources, long bytes) {}

  /** Renders every example into {@code out}, replacing it atomically. */
  public static Summary render(Path out) throws IOException {
    Map<String, String> files = new LinkedHashMap<>();
    int resources = 0;
    for (SeedExample e : SeedExamples.all()) {
      files.put("examples/" + e.name() + ".yaml", Manifests.toYaml(e.resources()));
      resources += e.resources().size();
    }
    long bytes = writeAtomically(out, files);
    return new Summary(files.size(), resources, bytes);
  }

  private static long writeAtomically(Path out, Map<String, String> files) throws IOException {
    Path parent = out.getParent();
    Files.createDirectories(parent);
    Path staging = Files.createTempDirectory(parent, "." + out.getFileName() + ".staging-");
    long bytes = 0;
    try {
      for (Map.Entry<String, String> f : files.entrySet()) {
        Path target = staging.resolve(f.getKey());
        Files.createDirectories(target.getParent());
        byte[] data = f.getValue().getBytes(StandardCharsets.UTF_8);
        Files.write(target, data);
        bytes += data.length;
      }
      Path old = null;
      if (Files.exists(out)) {
        old = Files.createTempDirectory(parent, "." + out.getFileName() + ".old-");
        Files.delete(old);
        Files.move(out, old, StandardCopyOption.ATOMIC_MOVE);
      }
      Files.move(staging, out, StandardCopyOption.ATOMIC_MOVE);
      if (old != null) {
        deleteTree(old);
      }
      return bytes;
    } catch (IOException | RuntimeException e) {
      deleteTree(staging);
      throw e;
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
