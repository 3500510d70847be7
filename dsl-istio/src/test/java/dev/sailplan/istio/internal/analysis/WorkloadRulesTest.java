package dev.sailplan.istio.internal.analysis;

import static dev.sailplan.istio.internal.analysis.RouteRulesTest.traffic;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Selectors matched against the pods of the input's workloads: SP1017 to SP1021, SP1025, SP1026.
 */
class WorkloadRulesTest {
  private static final String APP =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: reviews-v1
        namespace: bookinfo
      spec:
        selector:
          matchLabels: {app: reviews, version: v1}
        template:
          metadata:
            labels: {app: reviews, version: v1}
          spec:
            containers:
            - name: reviews
              image: example/reviews:1.0
              ports:
              - name: http
                containerPort: 9080
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: reviews
        namespace: bookinfo
      spec:
        selector: {app: reviews}
        ports:
        - name: http
          port: 9080
          targetPort: 9080
      ---
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata:
        name: reviews
        namespace: bookinfo
      spec:
        host: reviews
        subsets:
        - name: v1
          labels: {version: v1}
      ---
      apiVersion: networking.istio.io/v1
      kind: Sidecar
      metadata:
        name: reviews
        namespace: bookinfo
      spec:
        workloadSelector:
          labels: {app: reviews}
        egress:
        - hosts: ["./*"]
      """;

  @Test
  void workloadsThatMatchTheirSelectorsAreFine() {
    assertEquals(List.of(), traffic(APP));
  }

  @Test
  void subsetWithoutPodsIsReported() {
    String yaml =
        APP.replace(
            "  - name: v1\n    labels: {version: v1}\n",
            "  - name: v1\n    labels: {version: v1}\n  - name: v2\n    labels: {version: v2}\n");
    assertEquals(
        List.of(
            "Warning [SP1017] (DestinationRule bookinfo/reviews mesh.yaml:42) spec.subsets[1]:"
                + " subset v2 selects no pod: no workload in bookinfo has pods labelled {app=reviews,"
                + " version=v2} (Service bookinfo/reviews's selector and the subset's labels);"
                + " traffic routed to it fails with 503 (no healthy upstream)"),
        traffic(yaml));
  }

  @Test
  void sidecarSelectingNoPodIsReported() {
    String yaml =
        APP.replace("labels: {app: reviews}\n  egress", "labels: {app: ratings}\n  egress");
    assertEquals(
        List.of(
            "Warning [SP1018] (Sidecar bookinfo/reviews mesh.yaml:50)"
                + " spec.workloadSelector.labels: workloadSelector {app=ratings} selects no pod in"
                + " bookinfo: the Sidecar applies to no workload"),
        traffic(yaml));
  }

  @Test
  void sidecarsSelectingTheSamePodsAreReported() {
    String yaml =
        APP
            + """
            ---
            apiVersion: networking.istio.io/v1
            kind: Sidecar
            metadata:
              name: reviews-v1
              namespace: bookinfo
            spec:
              workloadSelector:
                labels: {version: v1}
              egress:
              - hosts: ["./*"]
            """;
    assertEquals(
        List.of(
            "Error [SP1019] (Sidecar bookinfo/reviews mesh.yaml:49) spec.workloadSelector: the"
                + " pods of Deployment bookinfo/reviews-v1 are also selected by Sidecar reviews-v1:"
                + " which one applies is undefined; make the selectors disjoint",
            "Error [SP1019] (Sidecar bookinfo/reviews-v1 mesh.yaml:60) spec.workloadSelector: the"
                + " pods of Deployment bookinfo/reviews-v1 are also selected by Sidecar reviews:"
                + " which one applies is undefined; make the selectors disjoint"),
        traffic(yaml));
  }

  @Test
  void deploymentNoServiceSelectsIsReported() {
    String yaml =
        APP.replace("  selector: {app: reviews}\n  ports:", "  selector: {app: review}\n  ports:");
    assertEquals(
        List.of(
            "Warning [SP1020] (Deployment bookinfo/reviews-v1 mesh.yaml:11)"
                + " spec.template.metadata.labels: no Service selects the pods of this Deployment:"
                + " the mesh has no host for it, so routes, DestinationRules and authorization by"
                + " service do not reach it"),
        traffic(
            yaml.replace("kind: DestinationRule", "kind: DestinationRule")
                .substring(0, yaml.indexOf("---\napiVersion: networking.istio.io/v1"))));
  }

  @Test
  void targetPortNoContainerDeclaresIsReported() {
    String yaml = APP.replace("targetPort: 9080", "targetPort: 8080");
    assertEquals(
        List.of(
            "Warning [SP1021] (Service bookinfo/reviews mesh.yaml:30) spec.ports[0].targetPort:"
                + " targetPort 8080 is declared by no container of the selected workloads"
                + " (Deployment reviews-v1): check the port the application listens on"),
        traffic(yaml));
  }

  @Test
  void namedTargetPortNoContainerHasIsAnError() {
    String yaml = APP.replace("targetPort: 9080", "targetPort: web");
    assertEquals(
        List.of(
            "Error [SP1021] (Service bookinfo/reviews mesh.yaml:30) spec.ports[0].targetPort:"
                + " targetPort web is declared by no container of the selected workloads"
                + " (Deployment reviews-v1): a named port that no container has gives the Service"
                + " no endpoint"),
        traffic(yaml));
  }

  @Test
  void onePortUnderTwoProtocolsIsReported() {
    String yaml =
        APP
            + """
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: reviews-udp
              namespace: bookinfo
            spec:
              selector: {app: reviews}
              ports:
              - name: udp-stats
                port: 9080
                protocol: UDP
            """;
    assertEquals(
        List.of(
            "Warning [SP1025] (Deployment bookinfo/reviews-v1 mesh.yaml:4) metadata.name: the"
                + " Services of this Deployment use port 9080 with different protocols (TCP:"
                + " bookinfo/reviews; UDP: bookinfo/reviews-udp): its pods cannot be associated"
                + " with one port under two protocols; use another port number for one of them"),
        traffic(yaml));
  }

  @Test
  void oneTargetPortThroughTwoPortNumbersIsReported() {
    String alias =
        """
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: reviews-legacy
          namespace: bookinfo
        spec:
          selector: {app: reviews}
          ports:
          - name: http-legacy
            port: 80
            targetPort: 9080
        """;
    assertEquals(
        List.of(
            "Warning [SP1026] (Deployment bookinfo/reviews-v1 mesh.yaml:4) metadata.name: the"
                + " Services of this Deployment send ports 80 (bookinfo/reviews-legacy) and 9080"
                + " (bookinfo/reviews) to targetPort 9080: Services selecting the same pods must"
                + " reach a target port through one port number, or the sidecar's inbound"
                + " configuration for one of them is lost; use the same port, or another"
                + " targetPort"),
        traffic(APP + alias));
    // The same port number, or a target port given by name and by number, is no conflict.
    assertEquals(List.of(), traffic(APP + alias.replace("port: 80\n", "port: 9080\n")));
    assertEquals(List.of(), traffic(APP + alias.replace("targetPort: 9080", "targetPort: http")));
  }
}
