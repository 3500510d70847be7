package dev.sailplan.core.plan.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.Map;

/**
 * Writes a folder of text files all or nothing, as {@link PlanWriter} writes a plan folder: the
 * files go to a temporary sibling, which is renamed into place only when complete; an existing
 * folder of that name is moved aside first and deleted last, and put back if the rename fails.
 */
final class AtomicFolder {
  private static final SecureRandom RANDOM = new SecureRandom();

  private AtomicFolder() {}

  /**
   * Writes {@code outDir/name/} holding exactly {@code files} (file name to text, UTF-8), creating
   * {@code outDir} when missing.
   *
   * @return the folder
   * @throws IOException when it cannot be written; nothing was changed then
   */
  static Path write(Path outDir, String name, Map<String, String> files) throws IOException {
    Path dir = outDir.toAbsolutePath().normalize();
    Files.createDirectories(dir);
    Path target = dir.resolve(name);
    Path temp = createSibling(dir, "." + name + ".new-");
    try {
      for (Map.Entry<String, String> f : files.entrySet()) {
        Files.writeString(temp.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
      }
      replace(temp, target);
    } catch (IOException | RuntimeException | Error e) {
      deleteQuietly(temp, e);
      throw e;
    }
    return target;
  }

  private static void replace(Path temp, Path target) throws IOException {
    if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      rename(temp, target);
      return;
    }
    Path old = createSibling(target.getParent(), "." + target.getFileName() + ".old-");
    Path aside = old.resolve("previous");
    try {
      rename(target, aside);
    } catch (IOException | RuntimeException | Error e) {
      deleteQuietly(old, e);
      throw e;
    }
    try {
      rename(temp, target);
    } catch (IOException | RuntimeException | Error e) {
      try {
        rename(aside, target);
        Files.delete(old);
      } catch (IOException restore) {
        e.addSuppressed(restore);
      }
      throw e;
    }
    deleteQuietly(old, null);
  }

  /** A new empty folder with the umask's permissions (a temporary directory's are owner-only). */
  private static Path createSibling(Path dir, String prefix) throws IOException {
    for (int attempt = 0; ; attempt++) {
      Path candidate = dir.resolve(prefix + Long.toUnsignedString(RANDOM.nextLong(), 36));
      try {
        return Files.createDirectory(candidate);
      } catch (FileAlreadyExistsException e) {
        if (attempt >= 100) {
          throw e;
        }
      }
    }
  }

  private static void rename(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  private static void deleteQuietly(Path root, Throwable cause) {
    try {
      PlanWriter.deleteTree(root);
    } catch (IOException e) {
      if (cause != null) {
        cause.addSuppressed(e);
      }
    }
  }
}
