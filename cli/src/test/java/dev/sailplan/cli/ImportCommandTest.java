package dev.sailplan.cli;

import static dev.sailplan.cli.FmtCommandTest.sailplan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sailplan.cli.FmtCommandTest.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {
  @TempDir Path dir;

  private static final String REVIEWS =
      """
      # Reviews: jason sees v2.
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata:
        name: reviews
        namespace: bookinfo
      spec:
        hosts:
        - reviews
        http:
        - match:
          - headers:
              end-user:
                exact: jason
          route:
          - destination:
              host: reviews
              subset: v2
        # everyone else
        - route:
          - destination:
              host: reviews
              subset: v1
            weight: 100
          timeout: 10s
      """;

  private static final String REVIEWS_JAVA =
      """
      // Written by sailplan import; edit it as your own code.
      package com.acme.mesh;

      import static dev.sailplan.istio.Traffic.exact;
      import static dev.sailplan.istio.Traffic.matchHeader;
      import static dev.sailplan.istio.Traffic.routeTo;
      import static dev.sailplan.istio.Traffic.seconds;
      import static dev.sailplan.istio.Traffic.virtualService;

      import dev.sailplan.core.ManifestSource;
      import dev.sailplan.core.meta.Resource;
      import dev.sailplan.istio.networking.v1.HTTPRoute;
      import dev.sailplan.istio.networking.v1.VirtualService;
      import dev.sailplan.istio.networking.v1.VirtualServiceSpec;
      import java.util.List;

      /**
       * The manifests of reviews.yaml, written with the Sailplan DSL.
       */
      public final class MeshConfig implements ManifestSource {
        /**
         * Called by the build to render the manifests.
         */
        public MeshConfig() {
        }

        @Override
        public List<Resource> manifests() {
          return List.of(
              reviewsVirtualService());
        }

        /**
         * VirtualService bookinfo/reviews.
         *
         * <pre>
         * Reviews: jason sees v2.
         * </pre>
         */
        private static VirtualService reviewsVirtualService() {
          return virtualService("bookinfo/reviews", VirtualServiceSpec.builder()
              .addHosts("reviews")
              .addHttp(HTTPRoute.builder()
                  .addMatch(matchHeader("end-user", exact("jason")))
                  .addRoute(routeTo("reviews", "v2"))
                  .build())
              // everyone else
              .addHttp(HTTPRoute.builder()
                  .addRoute(routeTo("reviews", "v1").withWeight(100))
                  .timeout(seconds(10))
                  .build())
              .build());
        }
      }
      """;

  private Path file(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void printsTheJavaSource() throws IOException {
    Path in = file("reviews.yaml", REVIEWS);
    Run r =
        sailplan("import", in.toString(), "--package", "com.acme.mesh", "--class", "MeshConfig");
    assertEquals(new Run(0, REVIEWS_JAVA.replace("reviews.yaml", in.toString()), ""), r);
  }

  @Test
  void writesTheClassUnderItsPackage() throws IOException {
    Path in = file("reviews.yaml", REVIEWS);
    Path out = dir.resolve("src/main/java");
    Run r =
        sailplan(
            "import",
            in.toString(),
            "--package",
            "com.acme.mesh",
            "--class",
            "MeshConfig",
            "--out",
            out.toString());
    Path written = out.resolve("com/acme/mesh/MeshConfig.java");
    assertEquals(new Run(0, written + "\n", ""), r);
    assertEquals(
        REVIEWS_JAVA.replace("reviews.yaml", in.toString()),
        Files.readString(written, StandardCharsets.UTF_8));
    try (var left = Files.list(written.getParent())) {
      assertEquals(1, left.count(), "no temporary file is left beside it");
    }
  }

  @Test
  void readsAFolderInNameOrderIntoOneClass() throws IOException {
    Path mesh = dir.resolve("mesh");
    Files.createDirectories(mesh.resolve("b"));
    Files.writeString(
        mesh.resolve("b/sa.yml"), "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: api}\n");
    Files.writeString(
        mesh.resolve("a.yaml"), "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n");
    Files.writeString(mesh.resolve("notes.txt"), "not a manifest");
    Run r = sailplan("import", mesh.toString(), "--package", "p", "--class", "C");
    assertEquals(0, r.status(), r.err());
    assertTrue(
        r.out()
            .contains("return List.of(\n        shopNamespace(),\n        apiServiceAccount());"),
        r.out());
    assertTrue(r.out().contains("return Namespace.named(\"shop\");"), r.out());
  }

  @Test
  void carriesUnmodelledKubernetesKindsAsGenericObjects() throws IOException {
    Path in =
        file(
            "cm.yaml",
            """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings, namespace: shop}
            data: {mode: fast}
            """);
    Run r = sailplan("import", in.toString(), "--package", "shop", "--class", "Shop");
    assertEquals(0, r.status(), r.err());
    assertTrue(
        r.out()
            .contains(
                """
                  private static GenericObject settingsConfigMap() {
                    return GenericObject.of(
                        "v1",
                        "ConfigMap",
                        ObjectMeta.ref("shop/settings"),
                        Map.of(
                            "data", Map.of("mode", "fast")));
                  }
                """),
        r.out());
    assertTrue(
        r.out().contains("Sailplan does not model ConfigMap (v1): it is carried as a"), r.out());
  }

  @Test
  void badInputIsOneLineNamingFileDocumentAndLine() throws IOException {
    Path in =
        file(
            "bad.yaml",
            REVIEWS
                + """
                ---
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata: {name: reviews, namespace: bookinfo}
                spec:
                  host: reviews
                  subsets:
                  - name: v1
                    labelz: {version: v1}
                """);
    Path out = dir.resolve("out");
    Run r =
        sailplan(
            "import", in.toString(), "--package", "p", "--class", "C", "--out", out.toString());
    assertEquals(
        new Run(
            1,
            "",
            in
                + ": document 2, line 34: spec.subsets[0].labelz: unknown field (known: labels,"
                + " name, trafficPolicy)\n"),
        r);
    assertFalse(Files.exists(out), "nothing is written");
  }

  @Test
  void refusesKindsOfOtherApiGroups() throws IOException {
    Path in =
        file(
            "cert.yaml",
            """
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata: {name: shop, namespace: shop}
            spec: {secretName: shop-tls}
            """);
    Run r = sailplan("import", in.toString(), "--package", "p", "--class", "C");
    assertEquals(1, r.status());
    assertEquals("", r.out());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().startsWith(in + ": document 1, line 1: "), r.err());
    assertTrue(r.err().contains("Certificate"), r.err());
  }

  @Test
  void anInvalidClassNameIsWrongUsage() throws IOException {
    Path in = file("reviews.yaml", REVIEWS);
    Run r = sailplan("import", in.toString(), "--package", "p", "--class", "class");
    assertEquals(2, r.status());
    assertEquals(
        "sailplan import: not a valid class name: class (see sailplan import --help)\n", r.err());
  }
}
