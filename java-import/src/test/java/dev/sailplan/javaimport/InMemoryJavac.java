package dev.sailplan.javaimport;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles generated sources against the test class path and loads them. */
final class InMemoryJavac {
  private InMemoryJavac() {}

  /** The outcome: the errors, and a loader of the classes when there were none. */
  record Result(List<String> errors, ClassLoader loader) {
    boolean ok() {
      return errors.isEmpty();
    }
  }

  /**
   * Compiles {@code sources} (qualified class name to source) into {@code out}.
   *
   * @throws IOException when the sources cannot be written
   */
  static Result compile(Map<String, String> sources, Path out) throws IOException {
    Path src = out.resolve("src");
    Path classes = out.resolve("classes");
    Files.createDirectories(classes);
    List<Path> files = new ArrayList<>();
    for (Map.Entry<String, String> e : sources.entrySet()) {
      Path f = src.resolve(e.getKey().replace('.', '/') + ".java");
      Files.createDirectories(f.getParent());
      Files.writeString(f, e.getValue());
      files.add(f);
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager fm =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      List<String> options =
          List.of(
              "-proc:none",
              "-Xlint:all",
              "-classpath",
              System.getProperty("java.class.path"),
              "-d",
              classes.toString());
      javac
          .getTask(null, fm, diagnostics, options, null, fm.getJavaFileObjectsFromPaths(files))
          .call();
    }
    List<String> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR
          || d.getKind() == Diagnostic.Kind.WARNING
          || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING) {
        errors.add(
            (d.getSource() == null ? "" : Path.of(d.getSource().toUri()).getFileName() + ":")
                + d.getLineNumber()
                + ": "
                + d.getMessage(Locale.ROOT));
      }
    }
    ClassLoader loader =
        errors.isEmpty()
            ? new URLClassLoader(
                new URL[] {classes.toUri().toURL()}, InMemoryJavac.class.getClassLoader())
            : null;
    return new Result(errors, loader);
  }
}
