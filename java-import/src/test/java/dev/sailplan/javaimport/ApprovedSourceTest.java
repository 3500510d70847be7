package dev.sailplan.javaimport;

import dev.sailplan.testing.Snapshots;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The Java written for Bookinfo's gateway, routes and destination rules (Istio samples, comments
 * included), as a reviewer reads it: {@code -Dsailplan.approve=true} rewrites the approved file, to
 * be reviewed by hand.
 */
class ApprovedSourceTest {
  private static final Path CORPUS = Path.of("src/test/resources/corpus");

  @Test
  void bookinfoSource() throws IOException {
    JavaImport bookinfo =
        read("istio-bookinfo-gateway.yaml")
            .and(read("istio-bookinfo-destination-rule-all.yaml"))
            .and(read("istio-bookinfo-networking-misc.yaml"))
            .and(read("istio-httpbin.yaml"))
            .packageName("com.acme.mesh")
            .className("BookinfoMesh");
    Snapshots.verifyText(
        Path.of("src/test/resources/approved/BookinfoMesh.approved.java"), bookinfo.toSource());
  }

  private static JavaImport read(String file) throws IOException {
    return JavaImport.ofYaml(Files.readString(CORPUS.resolve(file)), file);
  }
}
