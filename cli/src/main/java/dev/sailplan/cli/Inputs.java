package dev.sailplan.cli;

import dev.sailplan.core.ManifestText;
import dev.sailplan.core.problem.ManifestException;
import dev.sailplan.core.problem.Problem;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads the manifest files named on the command line, every failure a {@link ManifestException}
 * with one problem that names the input as the user typed it and says why in words.
 */
final class Inputs {
  /** The argument that stands for standard input. */
  static final String STDIN = "-";

  private Inputs() {}

  /**
   * The text of the input {@code argument} (a path, or {@code -} for {@code stdin}), decoded as
   * {@link ManifestText} decodes it.
   *
   * @param source names the input in problems ({@link #display(String)} of the argument, with the
   *     option it was given to)
   */
  static String read(String argument, String source, InputStream stdin) {
    return access(
        argument,
        source,
        () -> ManifestText.decode(stdin.readAllBytes(), source),
        ManifestText::read);
  }

  /**
   * A strict UTF-8 reader of the input {@code argument}, for reading it as a stream: a file through
   * {@link ManifestText#open}, standard input through {@link StrictUtf8Reader}. Failures to open
   * are problems as in {@link #read}; for failures while reading, see {@link #readFailure}.
   */
  static Reader open(String argument, String source, InputStream stdin) {
    return access(
        argument,
        source,
        // Not closed with the reader: it is the process's standard input.
        () ->
            new StrictUtf8Reader(
                new BufferedInputStream(stdin) {
                  @Override
                  public void close() {}
                },
                source),
        ManifestText::open);
  }

  /** Reads standard input. */
  @FunctionalInterface
  private interface FromStdin<T> {
    T get() throws IOException;
  }

  /** Reads a file. */
  @FunctionalInterface
  private interface FromFile<T> {
    T get(Path path) throws IOException;
  }

  /** One place that turns what goes wrong reaching an input into a one-line problem. */
  private static <T> T access(
      String argument, String source, FromStdin<T> stdin, FromFile<T> file) {
    try {
      if (argument.equals(STDIN)) {
        return stdin.get();
      }
      if (argument.isEmpty()) {
        // Path.of("") is the working folder, which would read as "is a directory".
        throw problem(source, "no such file");
      }
      Path path = Path.of(argument);
      if (Files.isDirectory(path)) {
        throw problem(source, "cannot read: is a directory");
      }
      return file.get(path);
    } catch (InvalidPathException e) {
      throw problem(source, invalidPath(e));
    } catch (NoSuchFileException e) {
      throw problem(source, "no such file");
    } catch (IOException e) {
      throw problem(source, "cannot read: " + IoErrors.reason(e, Path.of(argument)));
    } catch (ManifestException e) {
      // ManifestText names a file by its path; the user knows it by what they typed.
      throw renamed(e, source);
    }
  }

  /**
   * The problem for {@code e}, met while reading a reader of {@link #open}: text that is not UTF-8
   * names its line as {@link #read} does (a file is read again to find it, as a stream), anything
   * else says why it cannot be read.
   */
  static ManifestException readFailure(String argument, String source, IOException e) {
    if (e instanceof StrictUtf8Reader.NotUtf8 bad) {
      return notUtf8(source, bad.line());
    }
    if (e instanceof CharacterCodingException && !argument.equals(STDIN)) {
      int line;
      try (InputStream in = Files.newInputStream(Path.of(argument))) {
        line = StrictUtf8Reader.lineOfFirstError(in);
      } catch (IOException again) {
        line = 0;
      }
      return notUtf8(source, line);
    }
    return problem(source, "cannot read: " + IoErrors.reason(e, Path.of(argument)));
  }

  private static ManifestException notUtf8(String source, int line) {
    return new ManifestException(List.of(new Problem(source, 0, line, "", "not valid UTF-8")));
  }

  /**
   * The problem for an input that did not fit in the heap: the limit and what to do, instead of a
   * stack trace. The caller drops its references to the input first, so that there is room again.
   */
  static Problem tooLarge(String source) {
    long mib = Runtime.getRuntime().maxMemory() / (1024 * 1024);
    return new Problem(
        source,
        0,
        0,
        "",
        String.format(
            Locale.ROOT,
            "input too large for the memory available (-Xmx%dm); give Java more memory"
                + " (JAVA_TOOL_OPTIONS=-Xmx4g) or split the file",
            mib));
  }

  /**
   * An argument as it appears in a one-line message: as typed, except that an empty one shows as
   * {@code ''} and control characters (a line end in a file name) as escapes, so that every problem
   * stays one visible line.
   */
  static String display(String argument) {
    if (argument.equals(STDIN)) {
      return "<stdin>";
    }
    boolean plain = !argument.isEmpty() && argument.chars().noneMatch(Character::isISOControl);
    if (plain) {
      return argument;
    }
    return "'" + escaped(argument) + "'";
  }

  /**
   * {@code text} with line ends and other control characters as escapes ({@code \n}, {@code \x00}).
   */
  static String escaped(String text) {
    StringBuilder b = new StringBuilder(text.length() + 8);
    text.chars()
        .forEach(
            c -> {
              if (c == '\n') {
                b.append("\\n");
              } else if (c == '\t') {
                b.append("\\t");
              } else if (Character.isISOControl(c)) {
                b.append(String.format(Locale.ROOT, "\\x%02x", c));
              } else {
                b.append((char) c);
              }
            });
    return b.toString();
  }

  /**
   * Why a name is not a path: a NUL, or characters that the charset the JVM takes from the locale
   * for file names cannot encode ({@code LC_ALL=C} is ASCII).
   */
  static String invalidPath(InvalidPathException e) {
    if (e.getReason().contains("unmappable")) {
      return "not a valid file name in the locale's charset "
          + System.getProperty("sun.jnu.encoding", "")
          + "; use a UTF-8 locale, such as LC_ALL=C.UTF-8";
    }
    return "not a valid file name: " + lowerFirst(e.getReason());
  }

  private static String lowerFirst(String s) {
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  private static ManifestException renamed(ManifestException e, String source) {
    return new ManifestException(
        e.problems().stream()
            .map(p -> new Problem(source, p.document(), p.line(), p.path(), p.message()))
            .toList());
  }

  static ManifestException problem(String source, String message) {
    return new ManifestException(List.of(new Problem(source, 0, 0, "", message)));
  }
}
