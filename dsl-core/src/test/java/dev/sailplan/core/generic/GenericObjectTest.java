package dev.sailplan.core.generic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sailplan.core.Manifests;
import dev.sailplan.core.meta.ObjectMeta;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.problem.ManifestException;
import dev.sailplan.core.validation.KubeObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Kubernetes kinds Sailplan does not model round-trip as generic objects, every field kept. */
class GenericObjectTest {
  /** What {@code kubectl get deploy,sts,cm,secret,role -o yaml} prints, in canonical form. */
  private static final String CANONICAL =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: reviews-v2
        namespace: bookinfo
        labels:
          app: reviews
          version: v2
        annotations:
          deployment.kubernetes.io/revision: "3"
        uid: 0b9d1c2e-5a7f-4d1e-9c33-2f1b7e6a4d10
        resourceVersion: "918273"
        generation: 3
      spec:
        progressDeadlineSeconds: 600
        replicas: 3
        revisionHistoryLimit: 10
        selector:
          matchLabels:
            app: reviews
            version: v2
        strategy:
          rollingUpdate:
            maxSurge: 25%
            maxUnavailable: 0
          type: RollingUpdate
        template:
          metadata:
            annotations:
              sidecar.istio.io/proxyCPU: 100m
            labels:
              app: reviews
              version: v2
          spec:
            containers:
            - env:
              - name: LOG_DIR
                value: /tmp/logs
              - name: ENABLE_RATINGS
                value: "true"
              image: docker.io/istio/examples-bookinfo-reviews-v2:1.20.1
              name: reviews
              ports:
              - containerPort: 9080
                protocol: TCP
              resources:
                limits:
                  memory: 512Mi
                requests:
                  cpu: 0.25
              securityContext:
                runAsUser: 1000
            terminationGracePeriodSeconds: 30
      status:
        availableReplicas: 3
        conditions:
        - lastTransitionTime: "2026-11-02T09:14:03Z"
          message: ReplicaSet "reviews-v2-7d9c8f" has successfully progressed.
          reason: NewReplicaSetAvailable
          status: "True"
          type: Progressing
        observedGeneration: 3
        readyReplicas: 3
        replicas: 3
      ---
      apiVersion: apps/v1
      kind: StatefulSet
      metadata:
        name: mysqldb
        namespace: bookinfo
      spec:
        replicas: 1
        selector:
          matchLabels:
            app: mysqldb
        serviceName: mysqldb
        template:
          metadata:
            labels:
              app: mysqldb
              version: v1
          spec:
            containers:
            - image: docker.io/istio/examples-bookinfo-mysqldb:1.20.1
              name: mysqldb
        volumeClaimTemplates:
        - metadata:
            name: data
          spec:
            accessModes:
            - ReadWriteOnce
            resources:
              requests:
                storage: 1Gi
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: reviews-config
        namespace: bookinfo
      data:
        empty: ""
        port: "9080"
        settings.json: |
          {"stars": true}
      immutable: false
      ---
      apiVersion: v1
      kind: Secret
      metadata:
        name: reviews-db
        namespace: bookinfo
      data:
        password: czNjcjN0
      type: Opaque
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata:
        name: reviews-reader
        namespace: bookinfo
      rules:
      - apiGroups:
        - ""
        resources:
        - configmaps
        verbs:
        - get
        - list
      """;

  @Test
  void kubectlOutputRoundTripsByteForByte() {
    List<Resource> read = Manifests.parseMixed(CANONICAL, "cluster.yaml");
    assertEquals(5, read.size());
    read.subList(0, 4).forEach(r -> assertInstanceOf(GenericObject.class, r));
    // The RBAC kinds are modelled: the Role is typed, and renders the same bytes.
    assertInstanceOf(dev.sailplan.core.k8s.Role.class, read.get(4));
    assertEquals(CANONICAL, Manifests.toYaml(read));
    // and again: rendering is a fixed point
    assertEquals(read, Manifests.parseMixed(Manifests.toYaml(read), "again.yaml"));
  }

  @Test
  void keysComeBackInCanonicalOrderAndAListYieldsItsItems() {
    String list =
        """
        apiVersion: v1
        kind: List
        items:
        - kind: ConfigMap
          data: {b: "2", a: "1"}
          metadata: {namespace: bookinfo, name: cfg}
          apiVersion: v1
        - apiVersion: v1
          kind: Service
          metadata: {name: reviews, namespace: bookinfo}
          spec: {selector: {app: reviews}}
        """;
    List<Resource> read = Manifests.parseMixed(list, "list.yaml");
    assertEquals(List.of("ConfigMap", "Service"), read.stream().map(Resource::kind).toList());
    assertEquals(
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: cfg
          namespace: bookinfo
        data:
          a: "1"
          b: "2"
        """,
        Manifests.toYaml(read.get(0)));
  }

  @Test
  void workloadsKnowTheirPodLabels() {
    List<Resource> read = Manifests.parseMixed(CANONICAL, "cluster.yaml");
    GenericObject deployment = (GenericObject) read.get(0);
    assertTrue(deployment.isWorkload());
    assertTrue(deployment.isRolledOut());
    assertEquals(Map.of("app", "reviews", "version", "v2"), deployment.podLabels());
    assertEquals(Optional.of(3L), deployment.field("spec", "replicas"));
    assertEquals(Optional.empty(), deployment.field("spec", "paused"));
    GenericObject configMap = (GenericObject) read.get(2);
    assertFalse(configMap.isWorkload());
    assertEquals(Map.of(), configMap.podLabels());
    GenericObject cronJob =
        (GenericObject)
            Manifests.parseMixed(
                    """
                    apiVersion: batch/v1
                    kind: CronJob
                    metadata: {name: cleanup, namespace: bookinfo}
                    spec:
                      schedule: "0 3 * * *"
                      jobTemplate:
                        spec:
                          template:
                            metadata: {labels: {app: cleanup}}
                            spec: {containers: [{name: c, image: busybox}]}
                    """,
                    "cron.yaml")
                .get(0);
    assertTrue(cronJob.isWorkload());
    assertFalse(cronJob.isRolledOut());
    assertEquals(Map.of("app", "cleanup"), cronJob.podLabels());
  }

  @Test
  void validationReadsTheSameObjectAsItsText() {
    GenericObject deployment =
        (GenericObject) Manifests.parseMixed(CANONICAL, "cluster.yaml").get(0);
    KubeObject object = KubeObject.of(deployment);
    assertEquals("bookinfo", object.namespace());
    assertEquals(Map.of("app", "reviews", "version", "v2"), object.podLabels());
    assertEquals(List.of(new KubeObject.ContainerPort("", 9080, "TCP")), object.ports());
    assertEquals("1000", String.valueOf(object.containers().get(0).runAsUser().orElseThrow()));
  }

  @Test
  void plainParsingStillRefusesUnmodelledKinds() {
    ManifestException e =
        assertThrows(ManifestException.class, () -> Manifests.parse(CANONICAL, "cluster.yaml"));
    assertEquals(
        "cluster.yaml: document 1, line 1: apiVersion: unknown kind Deployment (apiVersion"
            + " apps/v1)",
        e.problems().get(0).toString());
  }

  @Test
  void metadataIsStrictAndMeshGroupsAreNeverGeneric() {
    ManifestException e =
        assertThrows(
            ManifestException.class,
            () ->
                Manifests.parseMixed(
                    """
                    apiVersion: apps/v1
                    kind: Deployment
                    metadata:
                      name: reviews
                      lables: {app: reviews}
                    spec: {}
                    ---
                    apiVersion: networking.istio.io/v1
                    kind: VirtualServce
                    metadata: {name: reviews}
                    ---
                    apiVersion: gateway.networking.k8s.io/v1
                    kind: HTTPRoutes
                    metadata: {name: api}
                    ---
                    apiVersion: v1
                    kind: ConfigMap
                    data: {a: "1"}
                    """,
                    "mixed.yaml"));
    assertEquals(
        List.of(
            "mixed.yaml: document 1, line 5: metadata.lables: unknown field (known: annotations,"
                + " creationTimestamp, deletionGracePeriodSeconds, deletionTimestamp, finalizers,"
                + " generateName, generation, labels, managedFields, name, namespace,"
                + " ownerReferences, …)",
            "mixed.yaml: document 2, line 8: apiVersion: unknown kind VirtualServce (apiVersion"
                + " networking.istio.io/v1)",
            "mixed.yaml: document 3, line 12: apiVersion: unknown kind HTTPRoutes (apiVersion"
                + " gateway.networking.k8s.io/v1)",
            "mixed.yaml: document 4, line 16: metadata: missing metadata"),
        e.problems().stream().map(Object::toString).toList());
  }

  @Test
  void builtObjectsAreCopiedAndChecked() {
    GenericObject cm =
        GenericObject.of(
            "v1",
            "ConfigMap",
            ObjectMeta.ref("bookinfo/cfg"),
            Map.of("data", Map.of("z", "1", "a", "2")));
    assertEquals(
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: cfg
          namespace: bookinfo
        data:
          a: "2"
          z: "1"
        """,
        Manifests.toYaml(cm));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            GenericObject.of(
                "v1", "ConfigMap", ObjectMeta.named("x"), Map.of("data", new Object())));
    assertThrows(
        IllegalArgumentException.class,
        () -> GenericObject.of("v1", "ConfigMap", ObjectMeta.named("x"), Map.of("kind", "Secret")));
  }
}
