package dev.sailplan.core.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sailplan.core.kind.KindInfo;
import dev.sailplan.core.kind.KindProvider;
import dev.sailplan.core.kind.KindRegistry;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class CoreKindsTest {
  @Test
  void serviceLoaderFindsCoreKinds() {
    assertTrue(
        ServiceLoader.load(KindProvider.class).stream().anyMatch(p -> p.type() == CoreKinds.class));
  }

  @Test
  void discoveredRegistryResolvesEachKind() {
    KindRegistry registry = KindRegistry.discover();
    assertEquals(Optional.of(Service.class), registry.find("v1", "Service").map(KindInfo::type));
    assertEquals(
        Optional.of(Namespace.class), registry.find("v1", "Namespace").map(KindInfo::type));
    assertEquals(
        Optional.of(ServiceAccount.class),
        registry.find("v1", "ServiceAccount").map(KindInfo::type));
    assertEquals(
        Optional.of(NetworkPolicy.class),
        registry.find("networking.k8s.io/v1", "NetworkPolicy").map(KindInfo::type));
    assertFalse(registry.find("v1", "NetworkPolicy").isPresent());
    assertFalse(registry.find("networking.k8s.io/v1", "Service").isPresent());
    assertEquals(
        Optional.of(Role.class),
        registry.find("rbac.authorization.k8s.io/v1", "Role").map(KindInfo::type));
    assertEquals(
        Optional.of(RoleBinding.class),
        registry.find("rbac.authorization.k8s.io/v1", "RoleBinding").map(KindInfo::type));
    assertEquals(
        Optional.of(ClusterRole.class),
        registry.find("rbac.authorization.k8s.io/v1", "ClusterRole").map(KindInfo::type));
    assertEquals(
        Optional.of(ClusterRoleBinding.class),
        registry.find("rbac.authorization.k8s.io/v1", "ClusterRoleBinding").map(KindInfo::type));
    assertFalse(registry.find("rbac.authorization.k8s.io/v1beta1", "Role").isPresent());
  }

  @Test
  void kindInfoMatchesEachTypesConstants() {
    KindRegistry registry = KindRegistry.of(new CoreKinds().kinds());
    assertEquals(8, registry.kinds().size());
    check(
        registry,
        Namespace.class,
        Namespace.GROUP,
        Namespace.KIND,
        Namespace.API_VERSIONS,
        Namespace.NAMESPACED);
    check(
        registry,
        ServiceAccount.class,
        ServiceAccount.GROUP,
        ServiceAccount.KIND,
        ServiceAccount.API_VERSIONS,
        ServiceAccount.NAMESPACED);
    check(
        registry,
        Service.class,
        Service.GROUP,
        Service.KIND,
        Service.API_VERSIONS,
        Service.NAMESPACED);
    check(
        registry,
        NetworkPolicy.class,
        NetworkPolicy.GROUP,
        NetworkPolicy.KIND,
        NetworkPolicy.API_VERSIONS,
        NetworkPolicy.NAMESPACED);
    check(registry, Role.class, Role.GROUP, Role.KIND, Role.API_VERSIONS, Role.NAMESPACED);
    check(
        registry,
        RoleBinding.class,
        RoleBinding.GROUP,
        RoleBinding.KIND,
        RoleBinding.API_VERSIONS,
        RoleBinding.NAMESPACED);
    check(
        registry,
        ClusterRole.class,
        ClusterRole.GROUP,
        ClusterRole.KIND,
        ClusterRole.API_VERSIONS,
        ClusterRole.NAMESPACED);
    check(
        registry,
        ClusterRoleBinding.class,
        ClusterRoleBinding.GROUP,
        ClusterRoleBinding.KIND,
        ClusterRoleBinding.API_VERSIONS,
        ClusterRoleBinding.NAMESPACED);
  }

  @Test
  void namespaceAndTheClusterRbacKindsAreClusterScoped() {
    KindRegistry registry = KindRegistry.discover();
    assertFalse(registry.find(Namespace.class).orElseThrow().namespaced());
    assertTrue(registry.find(ServiceAccount.class).orElseThrow().namespaced());
    assertTrue(registry.find(Service.class).orElseThrow().namespaced());
    assertTrue(registry.find(NetworkPolicy.class).orElseThrow().namespaced());
    assertTrue(registry.find(Role.class).orElseThrow().namespaced());
    assertTrue(registry.find(RoleBinding.class).orElseThrow().namespaced());
    assertFalse(registry.find(ClusterRole.class).orElseThrow().namespaced());
    assertFalse(registry.find(ClusterRoleBinding.class).orElseThrow().namespaced());
  }

  @Test
  void groupsAndPreferredApiVersions() {
    KindRegistry registry = KindRegistry.discover();
    assertEquals("", registry.find(Service.class).orElseThrow().group());
    assertEquals("v1", registry.find(Service.class).orElseThrow().preferredApiVersion());
    assertEquals("networking.k8s.io", registry.find(NetworkPolicy.class).orElseThrow().group());
    assertEquals(
        "networking.k8s.io/v1",
        registry.find(NetworkPolicy.class).orElseThrow().preferredApiVersion());
  }

  private static void check(
      KindRegistry registry,
      Class<? extends dev.sailplan.core.meta.Resource> type,
      String group,
      String kind,
      List<String> apiVersions,
      boolean namespaced) {
    KindInfo info = registry.find(type).orElseThrow();
    assertEquals(group, info.group(), type.getSimpleName());
    assertEquals(kind, info.kind(), type.getSimpleName());
    assertEquals(apiVersions, info.apiVersions(), type.getSimpleName());
    assertEquals(namespaced, info.namespaced(), type.getSimpleName());
  }
}
