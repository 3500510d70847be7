package dev.sailplan.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rendering a stream of 100,000 resources to a file works in a 256 MB heap. */
class StreamMeshTest {
  @Test
  void oneHundredThousandResourcesRenderWithin256Megabytes(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("mesh.yaml");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                List.of(
                    java,
                    "-Xmx256m",
                    "-cp",
                    System.getProperty("java.class.path"),
                    StreamMesh.class.getName(),
                    "100000",
                    file.toString()))
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(120, TimeUnit.SECONDS);
    assertEquals(0, p.exitValue(), output);
    long documents;
    try (BufferedReader r = Files.newBufferedReader(file)) {
      documents = r.lines().filter(l -> l.startsWith("kind: ")).count();
    }
    assertEquals(100_000, documents);
  }
}
