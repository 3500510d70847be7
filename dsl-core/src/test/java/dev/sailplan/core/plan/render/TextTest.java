package dev.sailplan.core.plan.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sailplan.core.plan.ResourceKey;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextTest {
  @Test
  void pluralsAreTheResourceNamesKubectlKnows() {
    assertEquals("virtualservices", Text.plural("VirtualService"));
    assertEquals("destinationrules", Text.plural("DestinationRule"));
    assertEquals("gateways", Text.plural("Gateway"));
    assertEquals("gatewayclasses", Text.plural("GatewayClass"));
    assertEquals("networkpolicies", Text.plural("NetworkPolicy"));
    assertEquals("authorizationpolicies", Text.plural("AuthorizationPolicy"));
    assertEquals("serviceentries", Text.plural("ServiceEntry"));
    assertEquals("telemetries", Text.plural("Telemetry"));
    assertEquals("ingresses", Text.plural("Ingress"));
    assertEquals("httproutes", Text.plural("HTTPRoute"));
    assertEquals("endpoints", Text.plural("Endpoints"));
    assertEquals("sidecars", Text.plural("Sidecar"));
  }

  @Test
  void kubectlReferencesNameTheGroupExceptForTheCoreGroup() {
    assertEquals("services/web", Text.kubectlRef(new ResourceKey("", "Service", "shop", "web")));
    assertEquals(
        "virtualservices.networking.istio.io/reviews",
        Text.kubectlRef(
            new ResourceKey("networking.istio.io", "VirtualService", "bookinfo", "reviews")));
    assertEquals(
        "gatewayclasses.gateway.networking.k8s.io/istio",
        Text.kubectlRef(new ResourceKey("gateway.networking.k8s.io", "GatewayClass", "", "istio")));
  }

  @Test
  void commentsWrapAtOneHundredColumnsAndKeepLineBreaks() {
    String words =
        "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho"
            + " sigma tau upsilon phi chi psi omega";
    assertEquals(
        List.of(
            "# alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau",
            "# upsilon phi chi psi omega",
            "#",
            "# second paragraph"),
        Text.comment(words + "\n\nsecond\tparagraph"));
    String longWord = "x".repeat(120);
    assertEquals(List.of("# a", "# " + longWord, "# b"), Text.comment("a " + longWord + " b"));
    assertEquals(List.of("#"), Text.comment(""));
  }

  @Test
  void shellWordsAreQuotedOnlyWhenNeeded() {
    assertEquals("001-a-b.yaml", Text.shell("001-a-b.yaml"));
    assertEquals("'two words'", Text.shell("two words"));
    assertEquals("'it'\\''s'", Text.shell("it's"));
    assertEquals("''", Text.shell(""));
    assertEquals("'$(rm -rf /)'", Text.shell("$(rm -rf /)"));
  }

  @Test
  void fileNamePartsAreSafe() {
    assertEquals("shift-25", Text.fileSegment("shift 25%"));
    assertEquals("etc-passwd", Text.fileSegment("../etc/passwd"));
    assertEquals("x", Text.fileSegment("///"));
    // What YAML rejects or reads as a line break does not reach a comment.
    assertEquals(List.of("# a b c d e f"), Text.comment("a\u2028b\u2029c\uFFFFd\uD800e\uFEFFf"));
    // A step name of any length gives a file name that file systems accept (at most 255 bytes).
    assertEquals("y".repeat(80), Text.fileSegment("y".repeat(70_000)));
    assertEquals("y".repeat(79), Text.fileSegment("y".repeat(79) + " and more"));
    assertEquals("reviews-canary", Text.folderName("reviews-canary"));
    for (String bad : List.of("", ".", "..", "../up", "a/b", ".hidden", "a b")) {
      assertThrows(IllegalArgumentException.class, () -> Text.folderName(bad), bad);
    }
  }
}
