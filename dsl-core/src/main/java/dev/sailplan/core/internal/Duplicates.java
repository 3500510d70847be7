package dev.sailplan.core.internal;

import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.problem.Problem;
import java.util.Optional;

/**
 * Finds objects a stream defines more than once: the same group, kind, namespace and name (the
 * version does not count, as in a cluster). {@code kubectl apply} would apply both and keep the
 * last, so a repeat is almost always a copy-and-paste slip.
 *
 * <p>A stream may hold millions of small objects, so the index keeps no strings: each identity is a
 * 128-bit hash in an open-addressing table of primitive arrays (about 32 bytes per object, where a
 * map of records took about 200). Two different identities share a hash with a probability of about
 * n²/2¹²⁹ — for ten million objects, less than one in 10²⁴.
 */
public final class Duplicates {
  private final String source;
  private long[] high = new long[1024];
  private long[] low = new long[1024];
  private int[] documents = new int[1024];
  private int[] lines = new int[1024];
  private int size;

  Duplicates(String source) {
    this.source = source;
  }

  /** An index for {@link #firstAt}, over several inputs. */
  public Duplicates() {
    this("");
  }

  /**
   * Records an object at {@code input} (≥ 0) and {@code line}; when the same group, kind, namespace
   * and name was recorded before, returns where, as {@code input << 32 | line}, and records
   * nothing; else -1.
   */
  public long firstAt(
      String group, String kind, String namespace, String name, int input, int line) {
    Hash h = new Hash();
    h.add(group);
    h.add(kind);
    h.add(namespace);
    h.add(name);
    long hi = h.high();
    long lo = h.low();
    int slot = find(hi, lo);
    if (documents[slot] != 0) {
      return ((long) (documents[slot] - 1) << 32) | (lines[slot] & 0xffffffffL);
    }
    high[slot] = hi;
    low[slot] = lo;
    documents[slot] = input + 1; // 0 marks a free slot
    lines[slot] = line;
    if (++size * 4 > high.length * 3) {
      grow();
    }
    return -1;
  }

  /**
   * A problem when {@code r} is an object seen before, at the repeat's document and line and naming
   * where the object was first defined.
   */
  Optional<Problem> check(ManifestParser.Located r) {
    Resource resource = r.resource();
    Optional<String> name = resource.metadata().name();
    if (name.isEmpty()) {
      return Optional.empty(); // generateName: the server makes each one unique
    }
    String namespace = resource.metadata().namespace().orElse("");
    Hash h = new Hash();
    h.add(resource.group());
    h.add(resource.kind());
    h.add(namespace);
    h.add(name.get());
    long hi = h.high();
    long lo = h.low();
    int slot = find(hi, lo);
    if (documents[slot] != 0) {
      String what =
          resource.kind() + " " + (namespace.isEmpty() ? name.get() : namespace + "/" + name.get());
      return Optional.of(
          new Problem(
              source,
              r.document(),
              r.line(),
              "",
              what
                  + " is already defined in document "
                  + documents[slot]
                  + ", line "
                  + lines[slot]));
    }
    high[slot] = hi;
    low[slot] = lo;
    documents[slot] = Math.max(r.document(), 1); // 0 marks a free slot
    lines[slot] = r.line();
    if (++size * 4 > high.length * 3) {
      grow();
    }
    return Optional.empty();
  }

  /** The slot holding the hash, or the free slot where it belongs. */
  private int find(long hi, long lo) {
    int mask = high.length - 1;
    int slot = (int) (lo ^ (lo >>> 32)) & mask;
    while (documents[slot] != 0 && (high[slot] != hi || low[slot] != lo)) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private void grow() {
    long[] oldHigh = high;
    long[] oldLow = low;
    int[] oldDocuments = documents;
    int[] oldLines = lines;
    int capacity = oldHigh.length * 2;
    high = new long[capacity];
    low = new long[capacity];
    documents = new int[capacity];
    lines = new int[capacity];
    for (int i = 0; i < oldHigh.length; i++) {
      if (oldDocuments[i] != 0) {
        int slot = find(oldHigh[i], oldLow[i]);
        high[slot] = oldHigh[i];
        low[slot] = oldLow[i];
        documents[slot] = oldDocuments[i];
        lines[slot] = oldLines[i];
      }
    }
  }

  /** Two independent 64-bit hashes of a sequence of strings, each length-prefixed. */
  static final class Hash {
    private long a = 0xcbf29ce484222325L;
    private long b = 0x9E3779B97F4A7C15L;

    void add(String s) {
      mix(s.length());
      for (int i = 0; i < s.length(); i++) {
        mix(s.charAt(i));
      }
    }

    private void mix(int v) {
      a = (a ^ v) * 0x100000001b3L;
      b = Long.rotateLeft(b ^ (v * 0xC2B2AE3D27D4EB4FL), 29) * 0x9E3779B97F4A7C15L;
    }

    long high() {
      return finish(a);
    }

    long low() {
      return finish(b ^ 0x632BE59BD9B4E019L);
    }

    /** splitmix64's finaliser: spreads every input bit over the whole word. */
    private static long finish(long z) {
      z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
      z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
      return z ^ (z >>> 31);
    }
  }
}
