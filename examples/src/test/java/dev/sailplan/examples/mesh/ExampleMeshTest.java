package dev.sailplan.examples.mesh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sailplan.core.Manifests;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.validation.Finding;
import dev.sailplan.istio.layout.MeshLayout;
import dev.sailplan.testing.Snapshots;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The example mesh: each rendered file is the reviewed approved file ({@code
 * src/test/resources/approved-mesh}; regenerate with {@code -Dsailplan.approve=true} and review the
 * diff), and the mesh validates with no finding at all under its layout's checks.
 */
class ExampleMeshTest {
  private static final Path APPROVED = Path.of("src/test/resources/approved-mesh");

  @TestFactory
  Stream<DynamicTest> everyFileIsTheApprovedFile() {
    return ExampleMesh.files().entrySet().stream()
        .map(
            f ->
                DynamicTest.dynamicTest(
                    f.getKey(),
                    () -> Snapshots.verifyFile(APPROVED.resolve(f.getKey()), f.getValue())));
  }

  @Test
  void theMeshValidatesWithNoFinding() {
    List<Finding> found = ExampleMesh.LAYOUT.validator().validate(ExampleMesh.resources()).all();
    assertEquals(List.of(), found);
  }

  @Test
  void theFilesAreInApplyOrderWithOneRbacFilePerPersona() {
    assertEquals(
        List.of(
            "00-namespaces.yaml",
            "01-root-defaults.yaml",
            "02-rbac-cluster-admin.yaml",
            "03-rbac-network-owner.yaml",
            "04-rbac-service-owner.yaml",
            "05-istio-ingress.yaml",
            "06-istio-egress.yaml",
            "07-bookinfo.yaml",
            "08-reviews.yaml"),
        List.copyOf(ExampleMesh.files().keySet()));
  }

  @Test
  void eachRbacFileHoldsOnePersonasRoleAndItsBindings() {
    Map<String, List<Resource>> files = ExampleMesh.files();
    assertEquals(
        List.of(
            "ClusterRole sailplan:network-owner network-owner",
            "RoleBinding istio-ingress/sailplan:network-owner network-owner",
            "RoleBinding istio-egress/sailplan:network-owner network-owner"),
        files.get("03-rbac-network-owner.yaml").stream()
            .map(
                r ->
                    r.kind()
                        + " "
                        + r.qualifiedName()
                        + " "
                        + r.metadata().labels().get(MeshLayout.PERSONA_LABEL))
            .toList());
  }

  @Test
  void theFrontendsPublicRouteIsPlacedInTheIngressNamespacePointingAtItsApp() {
    String ingress = Manifests.toYaml(ExampleMesh.files().get("05-istio-ingress.yaml"));
    assertEquals(true, ingress.contains("  namespace: istio-ingress\n"), ingress);
    assertEquals(true, ingress.contains("host: productpage.bookinfo.svc.cluster.local"), ingress);
  }
}
