package dev.sailplan.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The folder {@code render} writes into. It remembers what it wrote in {@value #INDEX} (one
 * relative path a line), so that a later run deletes what it no longer renders and never touches
 * anything else. Each file is written to a temporary beside it and moved over the old one, and only
 * when its bytes change (so a build's incremental steps and file watchers see no change when there
 * is none).
 */
final class OutputFolder {
  /** The index of what the last run wrote. */
  static final String INDEX = ".sailplan-render";

  private final Path root;

  OutputFolder(Path root) {
    this.root = root;
  }

  /** What the changes did, for the build log. */
  record Result(int written, int unchanged, int deleted) {}

  /** The paths, relative to the folder, that the last run wrote: files and plan folders. */
  SortedSet<String> previous() throws IOException {
    Path index = root.resolve(INDEX);
    SortedSet<String> paths = new TreeSet<>();
    if (Files.isRegularFile(index)) {
      for (String line : Files.readAllLines(index, StandardCharsets.UTF_8)) {
        if (!line.isBlank() && isInside(line)) {
          paths.add(line);
        }
      }
    }
    return paths;
  }

  /** A path in the index is used only when it stays inside the folder: the index is a file. */
  private boolean isInside(String relative) {
    Path p = root.resolve(relative).normalize();
    return p.startsWith(root.normalize()) && !p.equals(root.normalize());
  }

  /**
   * Writes {@code files} (relative path to content), deletes the files of the last run that are
   * neither among them nor in {@code alsoKept}, and records both as this run's.
   */
  Result write(SortedMap<String, String> files, SortedSet<String> alsoKept) throws IOException {
    SortedSet<String> before = previous();
    int written = 0;
    int unchanged = 0;
    for (Map.Entry<String, String> e : files.entrySet()) {
      if (writeIfChanged(root.resolve(e.getKey()), e.getValue())) {
        written++;
      } else {
        unchanged++;
      }
    }
    SortedSet<String> now = new TreeSet<>(files.keySet());
    now.addAll(alsoKept);
    int deleted = 0;
    for (String old : before) {
      Path path = root.resolve(old);
      if (now.contains(old)) {
        continue;
      }
      if (Files.isSymbolicLink(path)) {
        deletePlanFolder(path);
        deleted++;
      } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
        Files.delete(path);
        deleteEmptyParents(path.getParent());
        deleted++;
      }
    }
    StringBuilder index = new StringBuilder();
    for (String p : now) {
      index.append(p).append('\n');
    }
    writeIfChanged(root.resolve(INDEX), index.toString());
    return new Result(written, unchanged, deleted);
  }

  /**
   * Deletes a plan folder that {@code PlanWriter} wrote: the link {@code plans/NAME} and the hidden
   * content folder beside it that it points to, {@code .NAME.plan-<id>}; a link anywhere else is
   * only removed.
   */
  private static void deletePlanFolder(Path link) throws IOException {
    Path target = Files.readSymbolicLink(link);
    String prefix = "." + link.getFileName() + ".plan-";
    Path content = link.resolveSibling(target).normalize();
    Files.delete(link);
    if (target.getNameCount() == 1
        && target.toString().startsWith(prefix)
        && Files.isDirectory(content, LinkOption.NOFOLLOW_LINKS)) {
      try (var walk = Files.walk(content)) {
        for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  private void deleteEmptyParents(Path dir) throws IOException {
    Path d = dir;
    while (d != null && !d.equals(root) && d.startsWith(root)) {
      try {
        Files.delete(d);
      } catch (DirectoryNotEmptyException e) {
        return; // another file lives there: the folder stays
      }
      d = d.getParent();
    }
  }

  /**
   * Writes {@code text} to {@code file} atomically unless it already holds exactly that.
   *
   * @return whether the file was written
   */
  static boolean writeIfChanged(Path file, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (Files.isRegularFile(file) && java.util.Arrays.equals(Files.readAllBytes(file), bytes)) {
      return false;
    }
    Files.createDirectories(file.getParent());
    Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
    try {
      Files.write(temp, bytes);
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
    return true;
  }

  /** Every path under {@code dir} (none when it is missing), for tests and logs. */
  static List<String> list(Path dir) throws IOException {
    List<String> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (var walk = Files.walk(dir)) {
      walk.filter(Files::isRegularFile)
          .map(p -> dir.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .forEach(out::add);
    }
    return out;
  }
}
