package dev.sailplan.cli;

import dev.sailplan.core.Manifests;
import dev.sailplan.core.problem.ManifestException;
import dev.sailplan.core.problem.Problem;
import dev.sailplan.core.validation.Finding;
import dev.sailplan.core.validation.Findings;
import dev.sailplan.core.validation.Validation;
import java.io.FilterReader;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sailplan fmt}: parse manifests into the typed model and print them canonically. */
@Command(
    name = "fmt",
    mixinStandardHelpOptions = true,
    description = {
      "Parses every document of each FILE into the typed model and prints canonical YAML.",
      "Problems (file, document, line, field path) go to stderr, one per line; nothing is printed then.",
      "It fails closed: a resource with an Error finding of validation is a problem too."
    })
final class FmtCommand implements Callable<Integer> {
  @Spec private picocli.CommandLine.Model.CommandSpec spec;

  @ParentCommand private Sailplan parent;

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE",
      description = "Manifest files; - reads standard input.")
  private List<String> files;

  @Option(
      names = "--check",
      description = "Print nothing; list the files that are not canonical and exit 1 if any.")
  private boolean check;

  @Option(
      names = {"-w", "--write"},
      description =
          "Rewrite the files instead of printing, all or nothing: every file is parsed and its"
              + " new content written beside it before any is replaced, each then by an atomic"
              + " rename. Mode, owner and group are kept (owner and group when allowed); a symbolic"
              + " link stays a link and its target is rewritten; a file with several hard links is"
              + " refused, as replacing it would split it from its other names. A kill during the"
              + " renames can leave some files rewritten, each whole: run it again to finish.")
  private boolean write;

  /** The findings of the resources read, when any is an Error: fmt fails closed. */
  private final List<Finding> invalid = new ArrayList<>();

  @Override
  public Integer call() {
    if (check && write) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--check and --write exclude each other");
    }
    if (write && files.contains(Inputs.STDIN)) {
      // There is no file to rewrite; printing instead would hide that nothing was written.
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(),
          "--write cannot rewrite standard input (-): name the files, or leave out --write to print");
    }
    List<Problem> problems = new ArrayList<>();
    // Print mode: each file's formatted text, in java.io.tmpdir until every file proved valid.
    List<Path> printed = new ArrayList<>();
    // --check and --write: the digest of each file's text as read, or null when it is canonical.
    List<byte[]> changed = new ArrayList<>();
    try {
      for (String file : files) {
        String source = Inputs.display(file);
        if (file.isEmpty()) {
          // An empty argument names nothing, not even a file name to show: say which command got
          // it.
          source = spec.commandLine().getCommandSpec().qualifiedName() + ": " + source;
        }
        try {
          if (!problems.isEmpty()) {
            // Nothing will be printed or written now: only this file's problems matter.
            format(file, source, Writer.nullWriter(), null);
          } else if (check || write) {
            CharDigest input = new CharDigest();
            CharDigest output = new CharDigest();
            format(file, source, output, input);
            byte[] read = input.digest();
            changed.add(MessageDigest.isEqual(read, output.digest()) ? null : read);
          } else {
            Path temp = Files.createTempFile("sailplan-fmt-", ".yaml");
            printed.add(temp);
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
              format(file, source, out, null);
            }
          }
        } catch (ManifestException e) {
          problems.addAll(e.problems());
        } catch (OutOfMemoryError e) {
          // The document and its tree are garbage now; what is left is enough for one line.
          problems.add(Inputs.tooLarge(source));
        }
      }
      if (!problems.isEmpty() || !invalid.isEmpty()) {
        problems.forEach(p -> spec.commandLine().getErr().println(p));
        invalid.forEach(f -> spec.commandLine().getErr().println(Inputs.escaped(f.toString())));
        return Sailplan.INVALID_INPUT;
      }
      if (check) {
        boolean clean = true;
        for (int i = 0; i < files.size(); i++) {
          if (changed.get(i) != null) {
            spec.commandLine().getOut().println(Inputs.display(files.get(i)));
            clean = false;
          }
        }
        return clean ? 0 : Sailplan.INVALID_INPUT;
      }
      if (write) {
        return rewrite(changed);
      }
      boolean any = false;
      for (Path temp : printed) {
        if (Files.size(temp) > 0) {
          if (any) {
            spec.commandLine().getOut().print("---\n");
          }
          copy(temp, spec.commandLine().getOut());
          any = true;
        }
      }
      return 0;
    } catch (IOException e) {
      // Only the temporary files can fail here; reading an input is a problem of its own.
      spec.commandLine()
          .getErr()
          .println(
              "sailplan: cannot write a temporary file in "
                  + System.getProperty("java.io.tmpdir")
                  + ": "
                  + IoErrors.reason(e, Path.of(System.getProperty("java.io.tmpdir"))));
      return Sailplan.INVALID_INPUT;
    } finally {
      for (Path temp : printed) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException e) {
          // Left in java.io.tmpdir, which the system cleans.
        }
      }
    }
  }

  /**
   * Rewrites the files that are not canonical: each is formatted again, straight into its temporary
   * beside it, and must read as it did when it was checked.
   */
  private int rewrite(List<byte[]> changed) {
    Map<Path, FileRewrite.Content> contents = new LinkedHashMap<>();
    for (int i = 0; i < files.size(); i++) {
      String file = files.get(i);
      byte[] checked = changed.get(i);
      if (checked != null) {
        String source = Inputs.display(file);
        contents.put(
            Path.of(file),
            out -> {
              Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
              CharDigest input = new CharDigest();
              try {
                format(file, source, w, input);
              } catch (ManifestException e) {
                throw new IOException("it changed while being formatted; run fmt again", e);
              }
              w.flush();
              if (!MessageDigest.isEqual(checked, input.digest())) {
                throw new IOException("it changed while being formatted; run fmt again");
              }
            });
      }
    }
    try {
      FileRewrite.standard().rewriteAll(contents);
    } catch (FileRewrite.Failure e) {
      spec.commandLine()
          .getErr()
          .println("sailplan: cannot write " + e.file() + ": " + e.getMessage());
      return Sailplan.INVALID_INPUT;
    }
    return 0;
  }

  /**
   * Formats one input document by document into {@code out}: only one document is held at a time.
   *
   * @param read when not null, digests the text as read
   * @throws ManifestException with the input's problems, including its being unreadable
   * @throws IOException when writing to {@code out} fails
   */
  private void format(String file, String source, Writer out, CharDigest read) throws IOException {
    try (Watched in = new Watched(Inputs.open(file, source, parent.stdin), read)) {
      boolean[] first = {true};
      try {
        Manifests.forEachMixedUniqueResource(
            in,
            source,
            r -> {
              Findings found = Validation.standard().validate(List.of(r));
              if (found.hasErrors()) {
                for (Finding f : found) {
                  invalid.add(
                      new Finding(
                          f.code(),
                          f.istioCode(),
                          f.level(),
                          f.origin(),
                          source,
                          0,
                          f.path(),
                          f.reason(),
                          f.message()));
                }
              }
              try {
                if (!first[0]) {
                  out.write("---\n");
                }
                first[0] = false;
                out.write(Manifests.toYaml(r));
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
      } catch (ManifestException e) {
        // The library reports bad bytes in a Reader without their line: name it, as for a file.
        if (in.failure != null) {
          throw Inputs.readFailure(file, source, in.failure);
        }
        throw e;
      } catch (UncheckedIOException e) {
        throw e.getCause();
      } catch (IOException e) {
        throw Inputs.readFailure(file, source, e);
      }
    }
  }

  /** Copies a temporary file to standard output. */
  private static void copy(Path temp, PrintWriter out) throws IOException {
    try (Reader in = Files.newBufferedReader(temp, StandardCharsets.UTF_8)) {
      char[] buffer = new char[8192];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        out.write(buffer, 0, n);
      }
    }
  }

  /** A reader that remembers the first read failure, and digests what is read when asked to. */
  private static final class Watched extends FilterReader {
    private final CharDigest digest;
    IOException failure;

    Watched(Reader in, CharDigest digest) {
      super(in);
      this.digest = digest;
    }

    @Override
    public int read() throws IOException {
      char[] one = new char[1];
      return read(one, 0, 1) < 0 ? -1 : one[0];
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
      int n;
      try {
        n = super.read(buffer, offset, length);
      } catch (IOException e) {
        if (failure == null) {
          failure = e;
        }
        throw e;
      }
      if (digest != null && n > 0) {
        digest.write(buffer, offset, n);
      }
      return n;
    }
  }

  /**
   * The SHA-256 of the chars written: two texts are the same exactly when their digests are, so
   * that an input and its formatted text can be compared without holding or storing either.
   */
  private static final class CharDigest extends Writer {
    private final MessageDigest sha;
    private final byte[] bytes = new byte[16384];

    CharDigest() {
      try {
        sha = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        // Every Java platform has SHA-256.
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void write(char[] chars, int offset, int length) {
      int i = 0;
      while (i < length) {
        int n = Math.min(length - i, bytes.length / 2);
        for (int j = 0; j < n; j++) {
          char c = chars[offset + i + j];
          bytes[2 * j] = (byte) (c >> 8);
          bytes[2 * j + 1] = (byte) c;
        }
        sha.update(bytes, 0, 2 * n);
        i += n;
      }
    }

    @Override
    public void write(String text) {
      write(text.toCharArray(), 0, text.length());
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    byte[] digest() {
      return sha.digest();
    }
  }
}
