package dev.sailplan.core.internal.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.sailplan.core.internal.Mappers;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;

/**
 * The distinct schemas of one module, as JSON text from generated code, each compiled to {@link
 * Node}s on first use: a kind nobody validates costs nothing.
 */
public final class SchemaTable {
  private final IntFunction<String> source;
  private final AtomicReferenceArray<Node> compiled;

  /**
   * A table of {@code size} schemas.
   *
   * @param source the JSON text of schema {@code i}
   */
  public SchemaTable(int size, IntFunction<String> source) {
    this.source = source;
    this.compiled = new AtomicReferenceArray<>(size);
  }

  Node node(int i) {
    Node n = compiled.get(i);
    if (n == null) {
      try {
        n = new Node(Mappers.json().readTree(source.apply(i)), false);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("generated schema " + i + " is not JSON", e);
      }
      // Two threads may both compile it; either result is the same.
      compiled.compareAndSet(i, null, n);
    }
    return n;
  }
}
