package dev.sailplan.istio.internal.analysis;

import static dev.sailplan.istio.internal.analysis.SecurityPolicyAnalyzerTest.found;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sailplan.core.validation.Validation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The namespaces' injection labels, on the namespaces of istioctl's own injection test input. */
class NamespaceInjectionAnalyzerTest {
  private static final String NAMESPACES =
      """
      apiVersion: v1
      kind: Namespace
      metadata:
        name: default
        labels:
          istio-injection: enabled
      ---
      apiVersion: v1
      kind: Namespace
      metadata:
        name: foo
        labels:
          istio-injection: disabled
      ---
      apiVersion: v1
      kind: Namespace
      metadata:
        name: bar
      ---
      apiVersion: v1
      kind: Namespace
      metadata:
        name: canary-test
        labels:
          istio.io/rev: canary
      ---
      apiVersion: v1
      kind: Namespace
      metadata:
        name: busted
        labels:
          istio-injection: enabled
          istio.io/rev: canary
      ---
      apiVersion: v1
      kind: Namespace
      metadata:
        name: istio-system
        labels:
          istio-injection: disabled
          istio.io/rev: stable
      """;

  @Test
  void bothInjectionLabelsOnOneNamespaceAreReportedWhereTheRevisionIs() {
    assertEquals(
        List.of(
            "Warning [SP3021] (Namespace busted mesh.yaml:33) metadata.labels[istio.io/rev]:"
                + " namespace busted has both istio-injection=enabled and istio.io/rev=canary: the"
                + " istio-injection label wins and the revision is ignored; keep only one of them"
                + " (istio.io/rev for revision-based upgrades) {IST0123}"),
        found(NAMESPACES, "SP3021"));
  }

  private static List<String> namespaces(String yaml, String rootNamespace) {
    return Validation.builder()
        .discover()
        .rootNamespace(rootNamespace)
        .build()
        .validate(yaml, "mesh.yaml")
        .all()
        .stream()
        .filter(f -> f.code().equals("SP3021"))
        .map(f -> f.origin().substring("Namespace ".length()))
        .toList();
  }

  @Test
  void anEmptyInjectionLabelIsNoLabelAndTheRootNamespaceIsNotJudged() {
    String yaml =
        """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop
          labels:
            istio-injection: ""
            istio.io/rev: canary
        ---
        apiVersion: v1
        kind: Namespace
        metadata:
          name: istio-config
          labels:
            istio-injection: enabled
            istio.io/rev: canary
        """;
    assertEquals(List.of("istio-config"), namespaces(yaml, "istio-system"));
    assertEquals(List.of(), namespaces(yaml, "istio-config"));
  }
}
