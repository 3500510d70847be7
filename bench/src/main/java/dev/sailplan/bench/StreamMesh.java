package dev.sailplan.bench;

import dev.sailplan.core.Manifests;
import dev.sailplan.core.meta.Resource;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * {@code StreamMesh N FILE}: renders N resources of the synthetic mesh (VirtualService,
 * DestinationRule and AuthorizationPolicy per service, built one at a time) into FILE as one
 * stream. Run with a small heap ({@code -Xmx256m}) to show that memory stays flat.
 */
public final class StreamMesh {
  private StreamMesh() {}

  /** Entry point. */
  public static void main(String[] args) throws IOException {
    int n = Integer.parseInt(args[0]);
    try (Writer out = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
      Manifests.writeYaml(() -> resources(n), out);
    }
  }

  /** The first {@code n} resources of the mesh, made as they are asked for. */
  static Iterator<Resource> resources(int n) {
    return new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < n;
      }

      @Override
      public Resource next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        int service = next / 3;
        Resource r =
            switch (next % 3) {
              case 0 -> SailplanMesh.virtualServiceOf(service);
              case 1 -> SailplanMesh.destinationRuleOf(service);
              default -> SailplanMesh.authorizationPolicyOf(service);
            };
        next++;
        return r;
      }
    };
  }
}
