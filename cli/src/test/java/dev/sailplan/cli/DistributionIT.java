package dev.sailplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution as a user installs it: unpacked with {@code tar}, run through {@code
 * bin/sailplan}, which prints what the jar prints and keeps a class-data sharing archive in the
 * user's cache.
 */
class DistributionIT {
  private static final Path ARCHIVE =
      Path.of(System.getProperty("sailplan.dist", "target/sailplan-dist.tar.gz"));
  private static final String VERSION = System.getProperty("sailplan.version", "development");

  @TempDir static Path dir;

  private static Path home;

  /** What one run printed. */
  record Run(int status, String out, String err) {}

  @BeforeAll
  static void unpack() throws IOException, InterruptedException {
    assumeTrue(new File("/bin/sh").canExecute(), "a POSIX shell");
    Path into = Files.createDirectories(dir.resolve("install"));
    Process tar =
        new ProcessBuilder(
                "tar", "-xzf", ARCHIVE.toAbsolutePath().toString(), "-C", into.toString())
            .inheritIO()
            .start();
    assertTrue(tar.waitFor(60, TimeUnit.SECONDS), "tar did not end");
    assertEquals(0, tar.exitValue(), "tar -xzf " + ARCHIVE);
    home = into.resolve("sailplan-" + VERSION);
  }

  @Test
  void holdsTheLaunchersTheJarTheLicenceAndTheReadmeInBothFormats() throws IOException {
    List<String> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(home)) {
      walk.filter(Files::isRegularFile)
          .forEach(f -> files.add(home.relativize(f).toString().replace(File.separatorChar, '/')));
    }
    Collections.sort(files);
    assertEquals(
        List.of(
            "LICENSE",
            "README.txt",
            "bin/sailplan",
            "bin/sailplan.cmd",
            "lib/sailplan-" + VERSION + ".jar"),
        files);
    assertTrue(Files.isExecutable(home.resolve("bin/sailplan")), "bin/sailplan is executable");

    Path zip = Path.of(ARCHIVE.toString().replaceFirst("\\.tar\\.gz$", ".zip"));
    TreeSet<String> zipped = new TreeSet<>();
    try (ZipFile z = new ZipFile(zip.toFile())) {
      z.stream()
          .filter(e -> !e.isDirectory())
          .forEach(e -> zipped.add(e.getName().substring(("sailplan-" + VERSION + "/").length())));
    }
    assertEquals(new TreeSet<>(files), zipped, zip.toString());
  }

  @Test
  void validatePrintsWhatTheJarPrintsAndTheSecondRunUsesTheArchiveOfTheFirst()
      throws IOException, InterruptedException {
    Path work = Files.createDirectories(dir.resolve("valid"));
    Files.writeString(
        work.resolve("small.yaml"),
        """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: reviews, namespace: default}
        spec:
          hosts: [reviews]
          http:
          - route:
            - destination: {host: reviews}
        """);
    Path cache = work.resolve("cache");
    Run expected = new Run(0, "", "✔ No validation issues found in 1 document.\n");

    assertEquals(expected, launch(work, cache, "validate", "small.yaml"));
    List<Path> archives = archives(cache);
    assertEquals(1, archives.size(), "the first run leaves one archive: " + archives);
    assertTrue(archives.get(0).getFileName().toString().startsWith("sailplan-" + VERSION + "-"));
    assertTrue(archives.get(0).getFileName().toString().endsWith(".jsa"));
    long size = Files.size(archives.get(0));
    assertTrue(size > 0, "an archive with classes in it");

    assertEquals(expected, launch(work, cache, "validate", "small.yaml"));
    assertEquals(archives, archives(cache), "the second run makes no new archive");
    assertEquals(size, Files.size(archives.get(0)));

    assertEquals(new Run(0, "sailplan " + VERSION + "\n", ""), launch(work, cache, "--version"));
    assertEquals(archives, archives(cache), "--version makes no archive");
    assertTrue(archives.get(0).getFileName().toString().endsWith("-validate.jsa"));

    // Each command keeps an archive of its own classes.
    assertEquals(jar(work, "fmt", "small.yaml"), launch(work, cache, "fmt", "small.yaml"));
    List<Path> both = archives(cache);
    assertEquals(2, both.size(), both.toString());
    assertTrue(
        both.stream().anyMatch(a -> a.getFileName().toString().endsWith("-fmt.jsa")),
        both::toString);
  }

  @Test
  void aBadFileGivesTheJarsOneLineErrorAndStatusAnUnwritableCacheANormalStart()
      throws IOException, InterruptedException {
    Path work = Files.createDirectories(dir.resolve("bad"));
    Files.writeString(
        work.resolve("bad.yaml"),
        "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  colour: blue\n");
    // A file where the cache folder would be: no archive can be written there.
    Path cache = Files.writeString(work.resolve("not-a-folder"), "");
    Run run = launch(work, cache, "fmt", "bad.yaml");
    assertEquals(
        new Run(
            1,
            "",
            "bad.yaml: document 1, line 5: metadata.colour: unknown field (known: annotations,"
                + run.err().substring(run.err().indexOf(" creationTimestamp"))),
        run);
    assertEquals(1, run.err().lines().count(), run.err());
    assertEquals(run, jar(work, "fmt", "bad.yaml"));
  }

  private static List<Path> archives(Path cache) throws IOException {
    try (Stream<Path> list = Files.list(cache.resolve("sailplan"))) {
      return list.sorted().toList();
    }
  }

  /** {@code bin/sailplan args} in {@code work}, with {@code cache} as XDG_CACHE_HOME. */
  private static Run launch(Path work, Path cache, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(home.resolve("bin/sailplan").toString()));
    command.addAll(List.of(args));
    return run(work, command, Map.of("XDG_CACHE_HOME", cache.toString()));
  }

  /** The jar the distribution holds, run with {@code java -jar} as the other tests do. */
  private static Run jar(Path work, String... args) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                home.resolve("lib/sailplan-" + VERSION + ".jar").toString()));
    command.addAll(List.of(args));
    return run(work, command, Map.of());
  }

  private static Run run(Path work, List<String> command, Map<String, String> variables)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(work.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    Map<String, String> environment = builder.environment();
    environment.remove("JAVA_TOOL_OPTIONS");
    environment.remove("SAILPLAN_JAVA_OPTS");
    environment.remove("SAILPLAN_CDS");
    environment.put("JAVA_HOME", System.getProperty("java.home"));
    environment.putAll(variables);
    Process p = builder.start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", command) + " did not end");
    return new Run(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
