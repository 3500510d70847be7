package dev.sailplan.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sailplan.core.problem.ManifestException;
import dev.sailplan.core.problem.Problem;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestTextTest {
  private static final String NAMESPACE =
      "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop # Größe\n";

  @TempDir Path dir;

  private static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = new byte[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  private static String problem(byte[] input) {
    ManifestException e =
        assertThrows(ManifestException.class, () -> ManifestText.decode(input, "in.yaml"));
    assertEquals(1, e.problems().size(), e.problems().toString());
    return e.problems().get(0).toString();
  }

  @Test
  void decodesUtf8WhateverTheDefaultCharset() {
    assertEquals(
        "name: 日本 ✓ ü\n",
        ManifestText.decode("name: 日本 ✓ ü\n".getBytes(StandardCharsets.UTF_8), "in.yaml"));
  }

  @Test
  void skipsAUtf8ByteOrderMark() {
    byte[] withBom = concat(bytes(0xEF, 0xBB, 0xBF), NAMESPACE.getBytes(StandardCharsets.UTF_8));
    assertEquals(NAMESPACE, ManifestText.decode(withBom, "in.yaml"));
    assertEquals("", ManifestText.decode(bytes(0xEF, 0xBB, 0xBF), "in.yaml"));
  }

  @Test
  void invalidUtf8NamesTheLineOfTheFirstBadByte() {
    byte[] latin1 = NAMESPACE.getBytes(StandardCharsets.ISO_8859_1);
    assertEquals("in.yaml: line 4: not valid UTF-8", problem(latin1));
    assertEquals("in.yaml: line 1: not valid UTF-8", problem(bytes(0xFF)));
    // A truncated sequence at the very end, an overlong '/', an encoded surrogate.
    assertEquals("in.yaml: line 2: not valid UTF-8", problem(bytes('a', '\n', 0xE6, 0x97)));
    assertEquals("in.yaml: line 1: not valid UTF-8", problem(bytes('a', 0xC0, 0xAF)));
    assertEquals("in.yaml: line 3: not valid UTF-8", problem(bytes('\n', '\n', 0xED, 0xA0, 0x80)));
  }

  @Test
  void utf16AndUtf32SayWhatTheyAreAndHowToConvert() {
    String utf16 =
        "in.yaml: UTF-16 input; Sailplan reads UTF-8 (convert with iconv -f UTF-16 -t UTF-8)";
    String utf32 =
        "in.yaml: UTF-32 input; Sailplan reads UTF-8 (convert with iconv -f UTF-32 -t UTF-8)";
    assertEquals(utf16, problem(NAMESPACE.getBytes(StandardCharsets.UTF_16))); // with a BOM
    assertEquals(utf16, problem(NAMESPACE.getBytes(StandardCharsets.UTF_16LE)));
    assertEquals(utf16, problem(NAMESPACE.getBytes(StandardCharsets.UTF_16BE)));
    assertEquals(utf16, problem(bytes(0xFF, 0xFE, 'a', 0)));
    assertEquals(utf32, problem(NAMESPACE.getBytes(Charset.forName("UTF-32LE"))));
    assertEquals(utf32, problem(NAMESPACE.getBytes(Charset.forName("UTF-32BE"))));
    assertEquals(utf32, problem(bytes(0xFF, 0xFE, 0, 0, 'a', 0, 0, 0)));
  }

  @Test
  void manifestsParseOfAPathDecodesTheSameWay() throws IOException {
    Path bad =
        Files.write(dir.resolve("bad.yaml"), NAMESPACE.getBytes(StandardCharsets.ISO_8859_1));
    ManifestException e = assertThrows(ManifestException.class, () -> Manifests.parse(bad));
    assertEquals(List.of(new Problem(bad.toString(), 0, 4, "", "not valid UTF-8")), e.problems());
    assertThrows(ManifestException.class, () -> Manifests.parseUnique(bad));

    Path bom =
        Files.write(
            dir.resolve("bom.yaml"),
            concat(bytes(0xEF, 0xBB, 0xBF), NAMESPACE.getBytes(StandardCharsets.UTF_8)));
    assertEquals(Manifests.parse(NAMESPACE, "x"), Manifests.parse(bom));
    assertEquals(Manifests.parse(NAMESPACE, "x"), Manifests.parseUnique(bom));
  }
}
