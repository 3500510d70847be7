package dev.sailplan.core.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How a finding reads and where it points. */
class FindingTest {
  private static Finding finding(String code, String origin, String file, int line, String path) {
    return new Finding(
        code, "", Level.ERROR, origin, file, line, path, "", "must be a valid hostname");
  }

  @Test
  void readsLikeIstioctlAnalyze() {
    assertEquals(
        "Error [SP0107] (HTTPRoute default/api mesh.yaml:14) spec.hostnames[0]: must be a valid"
            + " hostname",
        finding("SP0107", "HTTPRoute default/api", "mesh.yaml", 14, "spec.hostnames[0]")
            .toString());
    assertEquals(
        "Error [SP0107] (HTTPRoute default/api) spec.hostnames[0]: must be a valid hostname",
        finding("SP0107", "HTTPRoute default/api", "", 0, "spec.hostnames[0]").toString());
    assertEquals(
        "Error [SP0107] (mesh.yaml:3) must be a valid hostname",
        finding("SP0107", "", "mesh.yaml", 3, "").toString());
  }

  @Test
  void atLineKeepsEverythingElse() {
    Finding f = finding("SP1001", "VirtualService a/b", "mesh.yaml", 1, "spec");
    assertEquals(
        new Finding(
            "SP1001",
            "",
            Level.ERROR,
            "VirtualService a/b",
            "mesh.yaml",
            9,
            "spec",
            "",
            "must be a valid hostname"),
        f.atLine(9));
  }

  @Test
  void admissionCodesPointAtTheirSectionAndOthersAtTheirRulePage() {
    assertEquals(
        "https://sailplan.dev/docs/validation#sp0107",
        finding("SP0107", "", "", 0, "").documentationUrl());
    assertEquals(
        "https://sailplan.dev/docs/rules/SP1001",
        finding("SP1001", "", "", 0, "").documentationUrl());
  }
}
