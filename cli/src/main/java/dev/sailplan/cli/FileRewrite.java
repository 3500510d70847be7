package dev.sailplan.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Rewrites several files all or nothing, as far as a file system allows: every new content is
 * written to a temporary file beside its target first, with the target's permissions (and owner and
 * group when allowed); only when all of them are written are they renamed over their targets, each
 * rename atomic. A symbolic link is followed, so its target is rewritten and the link stays. A file
 * with several hard links is refused before anything is written: a rename gives the name a new file
 * and would silently split it from its other names, and writing in place is not atomic.
 *
 * <p>A kill during the renames can leave some files rewritten and the rest as they were, each one
 * whole; the next run rewrites the rest and removes the temporaries killed runs left.
 */
final class FileRewrite {
  /** Writes a temporary file's content, a chunk at a time; a seam for tests of a full disk. */
  interface ContentWriter {
    /** Writes {@code chunk} to {@code channel}, open on {@code temp}. */
    void write(Path temp, FileChannel channel, ByteBuffer chunk) throws IOException;
  }

  /**
   * A file's new content, written on demand into its temporary, so that no file's content needs to
   * be held in memory.
   */
  interface Content {
    /** Writes the whole content to {@code out}; throws to give up, and no file is changed. */
    void writeTo(OutputStream out) throws IOException;
  }

  /** A file that could not be rewritten, and why; nothing was changed. */
  static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    Failure(Path file, String reason, Throwable cause) {
      super(reason, cause);
      this.file = file;
    }

    /** The file as the user named it. */
    Path file() {
      return file;
    }
  }

  private static final Pattern OUR_TEMP = Pattern.compile("\\..+\\.sailplan-[0-9a-z]+\\.tmp");

  /** The temporaries earlier versions made: {@code .sailplan-<digits>.tmp}. */
  private static final Pattern EARLIER_TEMP = Pattern.compile("\\.sailplan-[0-9]+\\.tmp");

  private static final SecureRandom RANDOM = new SecureRandom();

  private final ContentWriter writer;

  FileRewrite(ContentWriter writer) {
    this.writer = writer;
  }

  /** Writes the whole content through the channel. */
  static FileRewrite standard() {
    return new FileRewrite(
        (temp, channel, chunk) -> {
          while (chunk.hasRemaining()) {
            channel.write(chunk);
          }
        });
  }

  /** One file to rewrite: where the user named it, the resolved regular file, its attributes. */
  private record Target(Path named, Path real, PosixFileAttributes attributes, Content content) {}

  /** A temporary file written and locked, to be renamed over its target. */
  private record Temp(Target target, Path path, FileChannel channel) {}

  /**
   * Rewrites every file of {@code contents} (named as the user named them) with its new content.
   *
   * @throws Failure naming the first file that could not be rewritten; no file was changed then
   */
  void rewriteAll(Map<Path, Content> contents) throws Failure {
    List<Target> targets = resolve(contents);
    for (Target t : targets) {
      removeStaleTemporaries(t);
    }
    List<Temp> temps = new ArrayList<>();
    try {
      for (Target t : targets) {
        temps.add(writeTemp(t));
        KillPoints.reached("temporary written");
      }
      for (int i = 0; i < temps.size(); i++) {
        Temp temp = temps.get(i);
        try {
          rename(temp.path(), temp.target().real());
        } catch (IOException e) {
          String done = i == 0 ? "" : "; the " + i + " files before it were rewritten";
          throw new Failure(temp.target().named(), IoErrors.reason(e, temp.path()) + done, e);
        }
        KillPoints.reached("renamed");
      }
    } finally {
      for (Temp temp : temps) {
        closeAndDelete(temp);
      }
    }
  }

  /** Every file's regular file, with the checks that come before anything is written. */
  private static List<Target> resolve(Map<Path, Content> contents) throws Failure {
    Map<Path, Target> byReal = new LinkedHashMap<>();
    for (Map.Entry<Path, Content> e : contents.entrySet()) {
      Path named = e.getKey();
      try {
        Path real = named.toRealPath();
        if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
          throw new Failure(named, "not a regular file", null);
        }
        PosixFileAttributes attributes = posix(real);
        Object links = unixLinks(real);
        if (links instanceof Integer n && n > 1) {
          throw new Failure(
              named,
              "has "
                  + n
                  + " hard links, which rewriting would break; print it (without --write) and copy"
                  + " the output over it",
              null);
        }
        // The same file named twice (or by a link and its target) is written once.
        byReal.putIfAbsent(real, new Target(named, real, attributes, e.getValue()));
      } catch (IOException x) {
        throw new Failure(named, IoErrors.reason(x, named), x);
      }
    }
    return List.copyOf(byReal.values());
  }

  private static PosixFileAttributes posix(Path real) throws IOException {
    PosixFileAttributeView view =
        Files.getFileAttributeView(real, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    return view == null ? null : view.readAttributes();
  }

  private static Object unixLinks(Path real) throws IOException {
    if (!real.getFileSystem().supportedFileAttributeViews().contains("unix")) {
      return null;
    }
    return Files.getAttribute(real, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
  }

  private Temp writeTemp(Target t) throws Failure {
    Path dir = t.real().getParent();
    String prefix = "." + t.real().getFileName() + ".sailplan-";
    Path path = null;
    FileChannel channel = null;
    try {
      for (int attempt = 0; channel == null; attempt++) {
        path = dir.resolve(prefix + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
        try {
          channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
          if (attempt >= 100) {
            throw e;
          }
        }
      }
      // Locked until renamed, so that a run beside this one does not take it for a killed run's.
      channel.lock();
      try (OutputStream out = new BufferedOutputStream(new Chunks(path, channel), 65536)) {
        t.content().writeTo(out);
      }
      keepAttributes(path, t.attributes());
      return new Temp(t, path, channel);
    } catch (IOException e) {
      if (channel != null) {
        closeAndDelete(new Temp(t, path, channel));
      }
      throw new Failure(t.named(), IoErrors.reason(e, path == null ? t.named() : path), e);
    } catch (RuntimeException | Error e) {
      // Out of memory while producing the content, say: no temporary is left behind.
      if (channel != null) {
        closeAndDelete(new Temp(t, path, channel));
      }
      throw e;
    }
  }

  /** Hands what is written to the content writer; closing it leaves the channel open (locked). */
  private final class Chunks extends OutputStream {
    private final Path temp;
    private final FileChannel channel;

    Chunks(Path temp, FileChannel channel) {
      this.temp = temp;
      this.channel = channel;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      writer.write(temp, channel, ByteBuffer.wrap(b, off, len));
    }
  }

  /** The target's permissions, and its owner and group when this user may give them. */
  private static void keepAttributes(Path temp, PosixFileAttributes attributes) throws IOException {
    if (attributes == null) {
      return;
    }
    PosixFileAttributeView view =
        Files.getFileAttributeView(temp, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    view.setPermissions(attributes.permissions());
    try {
      view.setGroup(attributes.group());
      view.setOwner(attributes.owner());
    } catch (IOException e) {
      // Only the superuser may give a file away; the rewritten file is then this user's.
    }
  }

  /** Temporaries beside {@code t} of killed runs: ours by name, and no longer locked by a run. */
  private static void removeStaleTemporaries(Target t) throws Failure {
    Path dir = t.real().getParent();
    String ours = "." + t.real().getFileName() + ".sailplan-";
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, ".*sailplan-*.tmp")) {
      for (Path p : s) {
        String name = p.getFileName().toString();
        boolean match =
            (name.startsWith(ours) && OUR_TEMP.matcher(name).matches())
                || EARLIER_TEMP.matcher(name).matches();
        if (match && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          deleteUnlessLocked(p);
        }
      }
    } catch (IOException e) {
      throw new Failure(t.named(), IoErrors.reason(e, dir), e);
    }
  }

  private static void deleteUnlessLocked(Path temp) throws IOException {
    try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock != null) {
        Files.deleteIfExists(temp);
        lock.release();
      }
    } catch (NoSuchFileException e) {
      // Renamed or removed meanwhile by the run that made it.
    }
  }

  private static void rename(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Closes a temporary's channel and deletes it when it was not renamed. */
  private static void closeAndDelete(Temp temp) {
    try {
      temp.channel().close();
    } catch (IOException e) {
      // Nothing to do: the file is deleted next.
    }
    try {
      Files.deleteIfExists(temp.path());
    } catch (IOException e) {
      // Left for the next run, which removes it.
    }
  }
}
