package dev.sailplan.core.validation;

import dev.sailplan.core.internal.ManifestParser;
import dev.sailplan.core.internal.Utf8Files;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One named YAML stream for {@link Validation#analyze(java.util.List)}: a file, a string, standard
 * input. It is read as a stream, document by document; an input that {@linkplain #canReopen() can
 * be opened again} is read a second time only when analyses across resources found something in it.
 */
public interface Input {
  /** How findings name it: a file name, or empty for standard input. */
  String name();

  /**
   * The text, decoded.
   *
   * @throws IOException when it cannot be opened
   */
  Reader open() throws IOException;

  /**
   * The 1-based line of the first byte that is not UTF-8, after {@link #open()}'s reader failed on
   * it, or 0 when the input cannot say (it cannot be read again).
   */
  default int malformedLine() {
    return 0;
  }

  /**
   * Whether {@link #open()} may be called again to read the same text (findings across resources
   * read their documents again to find their fields' lines); false when not overridden.
   */
  default boolean canReopen() {
    return false;
  }

  /** A string, named {@code name} in findings. */
  static Input of(String name, String text) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(text, "text");
    return new Input() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Reader open() {
        return new StringReader(text);
      }

      @Override
      public boolean canReopen() {
        return true;
      }
    };
  }

  /** A file, read strictly as UTF-8 and named by {@code name} in findings. */
  static Input of(Path file, String name) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(name, "name");
    return new Input() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Reader open() throws IOException {
        return Utf8Files.open(file, name);
      }

      @Override
      public int malformedLine() {
        return ManifestParser.notUtf8(file, name).line();
      }

      @Override
      public boolean canReopen() {
        return true;
      }
    };
  }

  /** A file, read strictly as UTF-8 and named by its path in findings. */
  static Input of(Path file) {
    return of(file, file.toString());
  }
}
