package dev.sailplan.istio.internal.analysis;

import static dev.sailplan.istio.internal.analysis.SecurityPolicyAnalyzerTest.found;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Istio's pod annotations, and what AuthorizationPolicies refer to. */
class AnnotationAndReferenceTest {
  private static final String WORKLOADS =
      """
      apiVersion: v1
      kind: Namespace
      metadata:
        name: production
        annotations:
          sidecar.istio.io/proxyCPU: "100m"
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        namespace: production
        annotations:
          sidecar.istio.io/inject: "true"
      spec:
        selector:
          matchLabels: {app: web}
        template:
          metadata:
            labels: {app: web}
            annotations:
              sidecar.istio.io/proxyCPUs: "100m"
              sidecar.istio.io/statsInclusionPrefixes: cluster.outbound
              sidecar.istio.io/proxyMemory: 128Mi
          spec:
            containers:
            - name: web
              image: shop/web:1.0
      ---
      """;

  @Test
  void misplacedUnknownAndDeprecatedAnnotations() {
    assertEquals(
        List.of(
            "Warning [SP3011] (Namespace production mesh.yaml:6)"
                + " metadata.annotations[sidecar.istio.io/proxyCPU]: sidecar.istio.io/proxyCPU is"
                + " read from pods only, not from a Namespace, so it has no effect here; put it on"
                + " the pod template (spec.template.metadata.annotations) {IST0107}",
            "Warning [SP3011] (Deployment production/web mesh.yaml:14)"
                + " metadata.annotations[sidecar.istio.io/inject]: sidecar.istio.io/inject is read"
                + " from pods only, not from a Deployment, so it has no effect here; put it on the"
                + " pod template (spec.template.metadata.annotations) {IST0107}",
            "Warning [SP3012] (Deployment production/web mesh.yaml:22)"
                + " spec.template.metadata.annotations[sidecar.istio.io/proxyCPUs]: unknown Istio"
                + " annotation sidecar.istio.io/proxyCPUs: Istio ignores it (a misspelt name?)"
                + " {IST0108}",
            "Info [SP3013] (Deployment production/web mesh.yaml:23)"
                + " spec.template.metadata.annotations[sidecar.istio.io/statsInclusionPrefixes]:"
                + " annotation sidecar.istio.io/statsInclusionPrefixes is deprecated (use"
                + " proxy.istio.io/config proxyStatsMatcher) and may not work in future Istio"
                + " versions {IST0135}"),
        found(WORKLOADS, "SP3011", "SP3012", "SP3013"));
  }

  @Test
  void objectAnnotationsOnTheWrongKindTyposAndUnparsableValues() {
    String yaml =
        """
        apiVersion: v1
        kind: Service
        metadata:
          name: ledger
          namespace: finance
          annotations:
            networking.istio.io/exportTo: "."
            networking.istio.io/exportToo: "*"
        spec:
          selector:
            app: ledger
          ports:
          - name: http
            port: 8080
        ---
        apiVersion: v1
        kind: Namespace
        metadata:
          name: finance
          annotations:
            networking.istio.io/exportTo: "."
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: ledger
          namespace: finance
          annotations:
            sidecar.istio.io/statsInclusionRegexps: http.*
        spec:
          selector:
            matchLabels:
              app: ledger
          template:
            metadata:
              labels:
                app: ledger
              annotations:
                readiness.status.sidecar.istio.io/periodSeconds: "15"
                readiness.status.sidecar.istio.io/failureThreshold: three
            spec:
              containers:
              - name: ledger
                image: ledger:1.4
        """;
    assertEquals(
        List.of(
            "Warning [SP3012] (Service finance/ledger mesh.yaml:8)"
                + " metadata.annotations[networking.istio.io/exportToo]: unknown Istio annotation"
                + " networking.istio.io/exportToo: Istio ignores it (a misspelt name?) {IST0108}",
            "Warning [SP3011] (Namespace finance mesh.yaml:21)"
                + " metadata.annotations[networking.istio.io/exportTo]: networking.istio.io/exportTo"
                + " is read from a Service only, not from a Namespace, so it has no effect {IST0107}",
            "Warning [SP3011] (Deployment finance/ledger mesh.yaml:29)"
                + " metadata.annotations[sidecar.istio.io/statsInclusionRegexps]:"
                + " sidecar.istio.io/statsInclusionRegexps is read from pods only, not from a"
                + " Deployment, so it has no effect here; put it on the pod template"
                + " (spec.template.metadata.annotations) {IST0107}",
            "Info [SP3013] (Deployment finance/ledger mesh.yaml:29)"
                + " metadata.annotations[sidecar.istio.io/statsInclusionRegexps]: annotation"
                + " sidecar.istio.io/statsInclusionRegexps is deprecated (use proxy.istio.io/config"
                + " proxyStatsMatcher) and may not work in future Istio versions {IST0135}",
            "Warning [SP3020] (Deployment finance/ledger mesh.yaml:40)"
                + " spec.template.metadata.annotations[readiness.status.sidecar.istio.io/failureThreshold]:"
                + " readiness.status.sidecar.istio.io/failureThreshold must be a whole number, not"
                + " \"three\": the sidecar injector cannot use it {IST0125}"),
        found(yaml, "SP3011", "SP3012", "SP3013", "SP3020"));
  }

  @Test
  void annotationsWherePodsAreRead() {
    String yaml =
        """
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          namespace: production
          annotations:
            sidecar.istio.io/proxyCPU: "100m"
            proxy.istio.io/config: "{holdApplicationUntilProxyStarts: true}"
        spec:
          containers:
          - name: web
            image: shop/web:1.0
        """;
    assertEquals(List.of(), found(yaml, "SP3011", "SP3012", "SP3013"));
  }

  private static final String POLICIES =
      """
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata:
        name: allow-frontend
        namespace: production
      spec:
        selector:
          matchLabels:
            app: backend
        rules:
        - from:
          - source:
              namespaces: ["frontend", "production"]
      """;

  @Test
  void aPolicyThatSelectsNoPodAndANamespaceThatDoesNotExist() {
    assertEquals(
        List.of(
            "Warning [SP2013] (AuthorizationPolicy production/allow-frontend mesh.yaml:36)"
                + " spec.selector: no workload in the input matches this policy (the workloads"
                + " app=backend in production), so it has no effect; check the selector's labels"
                + " {IST0127}",
            "Warning [SP2014] (AuthorizationPolicy production/allow-frontend mesh.yaml:42)"
                + " spec.rules[0].from[0].source.namespaces[0]: namespace frontend is not defined"
                + " in the input, so no request comes from it; check the name {IST0101}"),
        found(WORKLOADS + POLICIES, "SP2013", "SP2014"));
  }

  @Test
  void aPolicyThatSelectsPodsFromNamespacesThatExist() {
    String yaml =
        WORKLOADS
            + POLICIES.replace("app: backend", "app: web")
            + """
            ---
            apiVersion: v1
            kind: Namespace
            metadata:
              name: frontend
            """;
    assertEquals(List.of(), found(yaml, "SP2013", "SP2014"));
    // Without workloads or Namespaces in the input, nothing says what exists.
    assertEquals(List.of(), found(POLICIES, "SP2013", "SP2014"));
  }
}
