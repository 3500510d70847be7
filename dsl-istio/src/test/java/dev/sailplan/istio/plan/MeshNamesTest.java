package dev.sailplan.istio.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MeshNamesTest {
  @Test
  void rootNamespacesAreIstiosDefaultAndTheLayoutsInOrder() {
    assertEquals(List.of("istio-config", "istio-system"), List.copyOf(MeshNames.ROOT_NAMESPACES));
    assertEquals("istio-system", MeshNames.CONTROL_PLANE_NAMESPACE);
  }

  @Test
  void aShortHostIsQualifiedInItsNamespace() {
    assertEquals("reviews.bookinfo.svc.cluster.local", MeshNames.fqdn("reviews", "bookinfo"));
    assertEquals("reviews.default.svc.cluster.local", MeshNames.fqdn("reviews", ""));
    assertEquals("reviews.other", MeshNames.fqdn("reviews.other", "bookinfo"));
    assertEquals("api.example.com", MeshNames.fqdn("api.example.com", "bookinfo"));
    assertEquals("*", MeshNames.fqdn("*", "bookinfo"));
  }

  @Test
  void theNamespaceOfAnInClusterHost() {
    assertEquals(
        Optional.of("bookinfo"), MeshNames.namespaceOf("reviews.bookinfo.svc.cluster.local"));
    assertEquals(Optional.of("bookinfo"), MeshNames.namespaceOf("*.bookinfo.svc.cluster.local"));
    assertEquals(Optional.empty(), MeshNames.namespaceOf("*.svc.cluster.local"));
    assertEquals(Optional.empty(), MeshNames.namespaceOf("a.b.c.svc.cluster.local"));
    assertEquals(Optional.empty(), MeshNames.namespaceOf("api.example.com"));
    assertEquals(Optional.empty(), MeshNames.namespaceOf("reviews.bookinfo"));
  }
}
