package dev.sailplan.core.plan.render;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where a plan folder lives and how it is swapped: {@code OUT/N} is a relative symbolic link to
 * {@code OUT/.N.plan-<id>}, and a new plan replaces the old one by one atomic rename of a new link
 * over {@code OUT/N}, so at every instant {@code OUT/N} is the complete old plan or the complete
 * new one. Everything it creates carries a recognisable name, and a content folder carries {@link
 * #MARKER}, so that the temporaries of a killed run are recognised and removed by the next one.
 */
final class PlanFolder {
  /** Present in every plan folder Sailplan writes; only such a folder is ever replaced. */
  static final String MARKER = ".sailplan-plan";

  /** The marker's content: what the folder is and which format version it has. */
  static final String MARKER_TEXT =
      """
      # A plan folder written by Sailplan: the next plan of the same name replaces it.
      format: 1
      """;

  /** The files of the format itself, as written by every version: {@code 001-a-b.yaml} etc. */
  private static final Pattern FORMAT_FILE =
      Pattern.compile("plan\\.yaml|apply\\.sh|current\\.yaml|desired\\.yaml|[0-9]{3}-.*\\.yaml");

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path dir;
  private final String name;
  private final Path link;

  PlanFolder(Path dir, String name) {
    this.dir = dir;
    this.name = name;
    this.link = dir.resolve(name);
  }

  /** {@code OUT/N}. */
  Path path() {
    return link;
  }

  /**
   * Checks that {@code OUT/N} may be replaced: it does not exist, or it is a plan folder.
   *
   * @throws FileAlreadyExistsException naming {@code OUT/N} and why it is not a plan folder
   */
  void checkReplaceable() throws IOException {
    if (Files.isSymbolicLink(link)) {
      String target = Files.readSymbolicLink(link).toString();
      if (!isOwnContent(target)) {
        throw refused("a symbolic link to " + target + ", not a plan folder");
      }
      Path content = dir.resolve(target);
      if (Files.exists(content, LinkOption.NOFOLLOW_LINKS) && !hasMarker(content)) {
        throw refused("a symbolic link to " + target + ", which is not a plan folder");
      }
    } else if (Files.isDirectory(link, LinkOption.NOFOLLOW_LINKS)) {
      if (!hasMarker(link) && !onlyFormatFiles(link)) {
        throw refused(
            "a folder that is not a plan folder (no "
                + MARKER
                + " and files a plan does not have); nothing was written");
      }
    } else if (Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
      throw refused("a file, not a plan folder; nothing was written");
    }
  }

  private FileAlreadyExistsException refused(String why) {
    return new FileAlreadyExistsException(link.toString(), null, "exists and is " + why);
  }

  /** What goes into a new content folder. */
  @FunctionalInterface
  interface Content {
    void writeInto(Path folder) throws IOException;
  }

  /**
   * Writes {@code outDir/name/} with {@code content}, replacing a Sailplan folder of that name
   * atomically once the new one is complete; {@code outDir} is created when missing.
   *
   * @throws java.nio.file.FileAlreadyExistsException when something that is not a Sailplan folder
   *     has that name; its reason says what
   * @throws IOException when the folder cannot be written; nothing was changed then
   */
  static Path write(Path outDir, String name, Content content) throws IOException {
    Path dir = outDir.toAbsolutePath().normalize();
    Files.createDirectories(dir);
    PlanFolder folder = new PlanFolder(dir, name);
    folder.checkReplaceable();
    folder.removeStale();
    try (Staged staged = folder.stage()) {
      try {
        content.writeInto(staged.content());
        if (folder.holdsTheSameAs(staged.content())) {
          // Nothing changed: the folder, its files and their times stay as they are, so that file
          // watchers, incremental builds and a shell cd'd into the plan see no change.
          deleteTree(staged.content());
          return folder.path();
        }
      } catch (IOException | RuntimeException | Error e) {
        deleteQuietly(staged.content(), e);
        throw e;
      }
      staged.publish();
    }
    return folder.path();
  }

  /** A new content folder, its marker written and locked until {@link Staged#close()}. */
  Staged stage() throws IOException {
    Path content = createUnique(prefix("plan"), Files::createDirectory);
    try {
      FileChannel channel =
          FileChannel.open(
              content.resolve(MARKER), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      try {
        channel.lock();
        channel.write(StandardCharsets.UTF_8.encode(MARKER_TEXT));
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
      return new Staged(content, channel);
    } catch (IOException | RuntimeException e) {
      deleteQuietly(content, e);
      throw e;
    }
  }

  /** A content folder being written; its lock tells other runs it is not stale. */
  final class Staged implements AutoCloseable {
    private final Path content;
    private final FileChannel lock;

    private Staged(Path content, FileChannel lock) {
      this.content = content;
      this.lock = lock;
    }

    Path content() {
      return content;
    }

    /**
     * Makes the content folder {@code OUT/N}: a new link to it is renamed over {@code OUT/N}
     * (atomic), then the folder it replaces is deleted.
     */
    void publish() throws IOException {
      Path newLink;
      try {
        checkReplaceable(); // again: something may have appeared at OUT/N while writing
        newLink =
            createUnique(prefix("link"), c -> Files.createSymbolicLink(c, content.getFileName()));
      } catch (IOException | RuntimeException e) {
        deleteQuietly(content, e);
        throw e;
      }
      Optional<Path> previous = currentContent();
      try {
        KillPoints.reached("link created");
        if (Files.isDirectory(link, LinkOption.NOFOLLOW_LINKS)) {
          // A real folder (an earlier version's, or a copy) cannot be swapped atomically with a
          // link, so it is moved aside first: OUT/N is missing until the next rename, and the run
          // after a kill here writes it again and removes what was moved aside.
          Path aside = dir.resolve(prefix("plan") + randomId());
          rename(link, aside);
          previous = Optional.of(aside);
          KillPoints.reached("real folder moved aside");
        }
        rename(newLink, link);
      } catch (IOException | RuntimeException e) {
        try {
          Files.deleteIfExists(newLink);
        } catch (IOException suppressed) {
          e.addSuppressed(suppressed);
        }
        deleteQuietly(content, e);
        throw e;
      }
      KillPoints.reached("swapped");
      if (previous.isPresent()) {
        try {
          deleteTree(previous.get());
        } catch (IOException e) {
          // The new plan is in place; the next run removes what is left of the old one.
        }
        KillPoints.reached("previous deleted");
      }
    }

    @Override
    public void close() throws IOException {
      lock.close();
    }
  }

  /**
   * Whether {@code OUT/N} links to a content folder holding exactly what {@code staged} holds: the
   * same paths, the same bytes and the same executable bits.
   */
  boolean holdsTheSameAs(Path staged) throws IOException {
    Optional<Path> current = currentContent();
    if (current.isEmpty() || !Files.isDirectory(current.get(), LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    SortedMap<String, Path> now = tree(current.get());
    SortedMap<String, Path> next = tree(staged);
    if (!now.keySet().equals(next.keySet())) {
      return false;
    }
    for (Map.Entry<String, Path> e : next.entrySet()) {
      Path old = now.get(e.getKey());
      Path fresh = e.getValue();
      boolean oldIsFile = Files.isRegularFile(old, LinkOption.NOFOLLOW_LINKS);
      if (oldIsFile != Files.isRegularFile(fresh, LinkOption.NOFOLLOW_LINKS)) {
        return false;
      }
      if (oldIsFile
          && (Files.isExecutable(old) != Files.isExecutable(fresh)
              || Files.mismatch(old, fresh) != -1)) {
        return false;
      }
    }
    return true;
  }

  /** Every path under {@code root} (files and folders, not following links) by relative name. */
  private static SortedMap<String, Path> tree(Path root) throws IOException {
    SortedMap<String, Path> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(p -> !p.equals(root)).forEach(p -> out.put(root.relativize(p).toString(), p));
    }
    return out;
  }

  /** The content folder {@code OUT/N} links to, when it is such a link. */
  private Optional<Path> currentContent() throws IOException {
    if (!Files.isSymbolicLink(link)) {
      return Optional.empty();
    }
    String target = Files.readSymbolicLink(link).toString();
    return isOwnContent(target) ? Optional.of(dir.resolve(target)) : Optional.empty();
  }

  /**
   * Removes what killed runs for this name left: content folders {@code OUT/N} does not link to and
   * no run is writing (their marker is not locked), unused links, and the {@code .N.new-*} and
   * {@code .N.old-*} folders of earlier versions when they hold only plan files.
   */
  void removeStale() throws IOException {
    List<Path> candidates = new ArrayList<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "." + glob(name) + ".*")) {
      s.forEach(candidates::add);
    }
    for (Path p : candidates) {
      String file = p.getFileName().toString();
      if (file.matches(Pattern.quote(prefix("link")) + "[0-9a-z]+") && Files.isSymbolicLink(p)) {
        Files.deleteIfExists(p);
      } else if (isOwnContent(file) && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
        removeIfStale(p);
      } else if (file.matches(Pattern.quote("." + name + ".new-") + "[0-9a-z]+")
          && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
          && onlyFormatFiles(p)) {
        deleteTree(p);
      } else if (file.matches(Pattern.quote("." + name + ".old-") + "[0-9a-z]+")
          && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
          && isEarlierVersionsAside(p)) {
        deleteTree(p);
      }
      KillPoints.reached("stale checked");
    }
  }

  private void removeIfStale(Path content) throws IOException {
    Path marker = content.resolve(MARKER);
    if (!Files.exists(marker, LinkOption.NOFOLLOW_LINKS)) {
      // Killed before the marker was written, or a real folder moved aside: plan files only.
      if (onlyFormatFiles(content)) {
        deleteTree(content);
      }
      return;
    }
    try (FileChannel channel = FileChannel.open(marker, StandardOpenOption.WRITE);
        FileLock lock = tryLock(channel)) {
      // Checked again under the lock: a run may have published this folder since it was listed.
      if (lock != null && !currentContent().equals(Optional.of(content))) {
        deleteTree(content);
      }
    } catch (NoSuchFileException e) {
      // Removed meanwhile by another run.
    }
  }

  /** The lock, or null when another run (or this one) holds it. */
  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null;
    }
  }

  private boolean isOwnContent(String file) {
    return file.matches(Pattern.quote(prefix("plan")) + "[0-9a-z]+");
  }

  private String prefix(String kind) {
    return "." + name + "." + kind + "-";
  }

  private static String glob(String s) {
    return s.replaceAll("([*?\\[\\]{}\\\\])", "\\\\$1");
  }

  /** Sailplan wrote the folder: a plan folder, or the Argo CD syncs of a plan (no plan.yaml). */
  private static boolean hasMarker(Path folder) {
    return Files.isRegularFile(folder.resolve(MARKER), LinkOption.NOFOLLOW_LINKS);
  }

  /**
   * Whether a folder holds nothing but regular files of the plan format (or nothing at all): the
   * plan folders earlier versions wrote carry no marker, and losing such files loses nothing the
   * next plan does not write again.
   */
  static boolean onlyFormatFiles(Path folder) throws IOException {
    try (DirectoryStream<Path> s = Files.newDirectoryStream(folder)) {
      for (Path p : s) {
        if (!FORMAT_FILE.matcher(p.getFileName().toString()).matches()
            || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          return false;
        }
      }
    }
    return true;
  }

  /** An earlier version's {@code .N.old-*}: empty, or holding one plan folder named previous. */
  private static boolean isEarlierVersionsAside(Path folder) throws IOException {
    try (DirectoryStream<Path> s = Files.newDirectoryStream(folder)) {
      for (Path p : s) {
        if (!p.getFileName().toString().equals("previous")
            || !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
            || !onlyFormatFiles(p)) {
          return false;
        }
      }
    }
    return true;
  }

  /** Creates something at a path. */
  private interface Creation {
    Path at(Path candidate) throws IOException;
  }

  /** {@code prefix<random>}, created by {@code creation}; retried when the name is taken. */
  private Path createUnique(String prefix, Creation creation) throws IOException {
    for (int attempt = 0; ; attempt++) {
      try {
        return creation.at(dir.resolve(prefix + randomId()));
      } catch (FileAlreadyExistsException e) {
        if (attempt >= 100) {
          throw e;
        }
      }
    }
  }

  private static String randomId() {
    return Long.toUnsignedString(RANDOM.nextLong(), 36);
  }

  private static void rename(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  /** Deletes a tree, recording a failure on {@code cause} rather than throwing. */
  static void deleteQuietly(Path root, Throwable cause) {
    try {
      deleteTree(root);
    } catch (IOException e) {
      cause.addSuppressed(e);
    }
  }

  /** Deletes a tree without following links; what is already gone is no error. */
  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.deleteIfExists(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
            if (e instanceof NoSuchFileException) {
              return FileVisitResult.CONTINUE;
            }
            throw e;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
            if (e != null && !(e instanceof NoSuchFileException)) {
              throw e;
            }
            Files.deleteIfExists(d);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
