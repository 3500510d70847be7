package dev.sailplan.examples;

import static dev.sailplan.istio.Traffic.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sailplan.core.Manifests;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.plan.render.PlanWriter;
import dev.sailplan.istio.layout.DataPlane;
import dev.sailplan.istio.layout.GatewayNamespace;
import dev.sailplan.istio.layout.MeshLayout;
import dev.sailplan.istio.networking.v1.HTTPRoute;
import dev.sailplan.istio.networking.v1.VirtualService;
import dev.sailplan.istio.networking.v1.VirtualServiceSpec;
import dev.sailplan.istio.rollout.CanaryRollout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java snippets of the README, compiled and run, so that they cannot rot. The code between a
 * {@code // README: name} marker and {@code // README end} is a snippet exactly as the README shows
 * it, and this file imports what the README's snippets import; {@link #theReadmeShowsTheseSnippets}
 * checks both. (The README's {@code Path out = Path.of("out")} stays out of the test, which writes
 * into a temporary folder instead.)
 */
class ReadmeSnippetsTest {
  private static final Path README = Path.of("../README.md");
  private static final Path SELF =
      Path.of("src/test/java/dev/sailplan/examples/ReadmeSnippetsTest.java");

  @TempDir Path out;

  @Test
  void aVirtualServiceRendersAndParsesBack() {
    // spotless:off
    // README: virtual-service
    VirtualService reviews = virtualService("bookinfo/reviews", VirtualServiceSpec.builder()
        .addHosts("reviews")
        .addHttp(HTTPRoute.builder()
            .addMatch(matchHeader("end-user", exact("jason")))
            .addRoute(routeTo("reviews", "v2"))
            .build())
        .addHttp(HTTPRoute.builder()
            .addRoute(routeTo("reviews", "v1").withWeight(90))
            .addRoute(routeTo("reviews", "v2").withWeight(10))
            .timeout(seconds(10))
            .build())
        .build());

    String yaml = Manifests.toYaml(reviews);                  // canonical YAML, same bytes every time
    List<Resource> mesh = Manifests.parse(yaml, "mesh.yaml"); // typed, strictly checked
    // README end
    // spotless:on
    assertEquals(List.of(reviews), mesh);
    assertEquals(
        """
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
          - route:
            - destination:
                host: reviews
                subset: v1
              weight: 90
            - destination:
                host: reviews
                subset: v2
              weight: 10
            timeout: 10s
        """,
        yaml);
  }

  @Test
  void aCanaryWritesItsPlanFolders() throws IOException {
    // spotless:off
    // README: canary
    CanaryRollout canary = CanaryRollout.of("bookinfo/reviews")
        .stable("v1").canary("v2")
        .steps(10, 25, 50, 100)              // strictly increasing, ending at 100
        .headerOverride("x-canary", "true")  // testers reach v2 from the first step
        .build();
    PlanWriter.write(canary.plan(), out);                          // out/reviews-canary/
    PlanWriter.write(canary.rollbackFrom("shift-25").plan(), out); // out/reviews-canary-rollback-from-shift-25/
    // README end
    // spotless:on
    // Run again, as a user would: the plan folders are replaced.
    PlanWriter.write(canary.plan(), out);
    try (Stream<Path> list = Files.list(out)) {
      // The hidden entries are the folders the plan folders (links) point to.
      assertEquals(
          List.of("reviews-canary", "reviews-canary-rollback-from-shift-25"),
          list.map(p -> p.getFileName().toString())
              .filter(n -> !n.startsWith("."))
              .sorted()
              .toList());
    }
    assertEquals(
        "plan: reviews-canary",
        Files.readAllLines(out.resolve("reviews-canary/plan.yaml"), StandardCharsets.UTF_8).get(0));
  }

  @Test
  void aMeshLayoutPlacesAGatewayRouteAndWritesTheBase() {
    // spotless:off
    // README: mesh-layout
    MeshLayout layout = MeshLayout.builder()        // root istio-config, control plane istio-system
        .gateway(GatewayNamespace.ingress())        // istio-ingress
        .app("bookinfo", "bookinfo-team", DataPlane.sidecar())
        .clusterAdmins("mesh-admins")
        .networkOwners("network-team")
        .build();
    VirtualService front = layout.place(virtualService("bookinfo/front", VirtualServiceSpec.builder()
        .addHosts("bookinfo.example.com")
        .addGateways("istio-ingress/bookinfo-gateway")
        .addHttp(HTTPRoute.builder().addRoute(routeTo("productpage")).build())
        .build()));  // now istio-ingress/front, routing to productpage.bookinfo.svc.cluster.local
    List<Resource> base = layout.all();  // Namespaces, root Sidecar and PeerAuthentication, RBAC
    // README end
    // spotless:on
    assertEquals("istio-ingress/front", front.qualifiedName());
    assertEquals(
        "productpage.bookinfo.svc.cluster.local",
        front.spec().orElseThrow().http().get(0).route().get(0).destination().host());
    assertEquals(
        List.of(
            "Namespace istio-system",
            "Namespace istio-config",
            "Namespace istio-ingress",
            "Namespace bookinfo",
            "Sidecar istio-config/default",
            "PeerAuthentication istio-config/default",
            "ClusterRole sailplan:cluster-admin",
            "RoleBinding istio-config/sailplan:cluster-admin",
            "ClusterRole sailplan:network-owner",
            "RoleBinding istio-ingress/sailplan:network-owner",
            "ClusterRole sailplan:service-owner",
            "RoleBinding bookinfo/sailplan:service-owner"),
        base.stream().map(r -> r.kind() + " " + r.qualifiedName()).toList());
  }

  @Test
  void theReadmeShowsTheseSnippets() throws IOException {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    List<String> javaBlocks =
        Pattern.compile("```java\n(.*?)```", Pattern.DOTALL)
            .matcher(readme)
            .results()
            .map(m -> m.group(1))
            .toList();
    String self = Files.readString(SELF, StandardCharsets.UTF_8);
    List<String> snippets =
        Pattern.compile("// README: [a-z-]+\n(.*?)\n *// README end", Pattern.DOTALL)
            .matcher(self)
            .results()
            .map(m -> unindent(m.group(1)))
            .toList();
    assertEquals(3, snippets.size());
    for (String snippet : snippets) {
      assertEquals(
          1,
          javaBlocks.stream().filter(b -> b.contains(snippet)).count(),
          "README shows:\n" + snippet);
    }
    List<String> imports =
        javaBlocks.stream().flatMap(String::lines).filter(l -> l.startsWith("import ")).toList();
    assertEquals(10, imports.size(), String.join("\n", imports));
    for (String i : imports) {
      assertTrue(self.contains("\n" + i + "\n"), "this test imports what the README does: " + i);
    }
  }

  /** The lines without the indentation of the first. */
  private static String unindent(String code) {
    int indent = code.length() - code.stripLeading().length();
    return code.lines()
        .map(l -> l.isBlank() ? "" : l.substring(indent))
        .collect(Collectors.joining("\n"));
  }
}
