package dev.sailplan.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * How the *IT tests start the shaded jar: with a class-data sharing archive of its classes, made by
 * one run at the first use, as {@code bin/sailplan} does for users. The tests start well over a
 * hundred JVMs, and each starts in about half the time; what the jar prints is the same.
 */
final class JarJvm {
  /** The shaded jar under test. */
  static final Path JAR = Path.of(System.getProperty("sailplan.jar", "target/sailplan.jar"));

  private static final String JAVA =
      Path.of(System.getProperty("java.home"), "bin", "java").toString();

  /** An archive the JVM cannot map means a normal start, not a warning in the output compared. */
  private static final List<String> QUIET = List.of("-Xlog:cds*=off");

  private static List<String> command;

  private JarJvm() {}

  /** {@code java} and the options that map the archive, before any option of the test's own. */
  static synchronized List<String> java() {
    if (command == null) {
      command = new ArrayList<>(List.of(JAVA));
      Path archive = JAR.toAbsolutePath().resolveSibling("it-classes.jsa");
      // Made afresh by each test run: the JVM would not map one of an earlier build of the jar.
      if (record(archive)) {
        command.add("-XX:SharedArchiveFile=" + archive);
        command.addAll(QUIET);
      }
    }
    return List.copyOf(command);
  }

  /** One run that loads what most tests use (parsing, validation, rendering); false if it fails. */
  private static boolean record(Path archive) {
    List<String> training = new ArrayList<>(List.of(JAVA, "-XX:ArchiveClassesAtExit=" + archive));
    training.addAll(QUIET);
    training.addAll(
        List.of(
            "-jar",
            JAR.toAbsolutePath().toString(),
            "fmt",
            Path.of("src/test/resources/environment/desired.yaml").toAbsolutePath().toString()));
    try {
      Files.deleteIfExists(archive);
      Process p =
          new ProcessBuilder(training)
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      return p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0 && Files.size(archive) > 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
