package dev.sailplan.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFolderTest {
  @TempDir Path dir;

  private static SortedMap<String, String> files(String... pathsAndTexts) {
    SortedMap<String, String> map = new TreeMap<>();
    for (int i = 0; i < pathsAndTexts.length; i += 2) {
      map.put(pathsAndTexts[i], pathsAndTexts[i + 1]);
    }
    return map;
  }

  @Test
  void writesOnlyWhatChangedAndDeletesWhatItWroteBeforeAndNoLongerRenders() throws IOException {
    OutputFolder folder = new OutputFolder(dir);
    assertEquals(
        new OutputFolder.Result(2, 0, 0),
        folder.write(files("a/one.yaml", "1\n", "b/two.yaml", "2\n"), new TreeSet<>()));
    Files.writeString(dir.resolve("mine.txt"), "the user's\n");
    FileTime before = FileTime.fromMillis(1_000_000L);
    Files.setLastModifiedTime(dir.resolve("a/one.yaml"), before);

    OutputFolder.Result second =
        folder.write(files("a/one.yaml", "1\n", "c/three.yaml", "3\n"), new TreeSet<>());

    assertEquals(new OutputFolder.Result(1, 1, 1), second);
    assertEquals(before, Files.getLastModifiedTime(dir.resolve("a/one.yaml")));
    assertFalse(Files.exists(dir.resolve("b")), "the emptied folder goes with the file");
    assertEquals(
        List.of(".sailplan-render", "a/one.yaml", "c/three.yaml", "mine.txt"),
        OutputFolder.list(dir));
    assertEquals("a/one.yaml\nc/three.yaml\n", Files.readString(dir.resolve(".sailplan-render")));
  }

  @Test
  void anIndexLineOutsideTheFolderIsIgnored() throws IOException {
    Path outside = Files.writeString(dir.resolve("outside.yaml"), "x\n");
    Path out = Files.createDirectories(dir.resolve("out"));
    Files.writeString(out.resolve(OutputFolder.INDEX), "../outside.yaml\n");
    new OutputFolder(out).write(files("k.yaml", "k\n"), new TreeSet<>());
    assertTrue(Files.exists(outside));
  }

  @Test
  void fileNamesQualifyKindsOutsideTheCoreGroupAndPutClusterScopedOnesApart() {
    assertEquals(
        "bookinfo/virtualservice.networking.istio.io-reviews.yaml",
        RenderMojo.fileName(
            dev.sailplan.istio.Traffic.virtualService(
                "bookinfo/reviews",
                dev.sailplan.istio.networking.v1.VirtualServiceSpec.builder()
                    .addHosts("reviews")
                    .build())));
    assertEquals(
        "_cluster/namespace-bookinfo.yaml",
        RenderMojo.fileName(dev.sailplan.core.k8s.Namespace.named("bookinfo")));
  }
}
