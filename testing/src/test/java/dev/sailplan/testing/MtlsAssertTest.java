package dev.sailplan.testing;

import static dev.sailplan.testing.SailplanAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sailplan.core.meta.Resource;
import dev.sailplan.istio.security.v1.MutualTLSMode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MtlsAssertTest {
  // The seed examples' mesh-wide STRICT (002-06) and the legacy workload's PERMISSIVE policy with
  // its health check port in plaintext (003-09).
  static final String MESH_STRICT =
      """
      apiVersion: security.istio.io/v1
      kind: PeerAuthentication
      metadata: {name: default, namespace: istio-system}
      spec:
        mtls: {mode: STRICT}
      """;
  static final String LEGACY =
      """
      apiVersion: security.istio.io/v1
      kind: PeerAuthentication
      metadata: {name: legacy-service, namespace: default}
      spec:
        selector:
          matchLabels: {app: legacy-app}
        mtls: {mode: PERMISSIVE}
        portLevelMtls:
          8080: {mode: DISABLE}
      """;

  private static List<Resource> mesh(String... yaml) {
    return Mesh.parse(String.join("---\n", yaml));
  }

  @Test
  void withoutAnyPolicyTheModeIsPermissive() {
    List<Resource> none = List.of(Mesh.rule());
    assertThat(none).mtls().inNamespace("bookinfo").isPermissive();
    assertThatThrownBy(() -> assertThat(none).mtls().inNamespace("bookinfo").isStrict())
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "expected mTLS of namespace bookinfo to be STRICT, but it is PERMISSIVE: no"
                + " PeerAuthentication sets a mode: Istio's default is PERMISSIVE");
  }

  @Test
  void theRootNamespacesPolicyAppliesMeshWide() {
    List<Resource> strict = mesh(MESH_STRICT);
    assertThat(strict).mtls().inNamespace("bookinfo").isStrict();
    assertThat(strict)
        .mtls()
        .forWorkload("bookinfo", Map.of("app", "reviews"))
        .onPort(9080)
        .isStrict();
    assertThatThrownBy(() -> assertThat(strict).mtls().inNamespace("bookinfo").isPermissive())
        .hasMessage(
            "expected mTLS of namespace bookinfo to be PERMISSIVE, but it is STRICT:"
                + " PeerAuthentication istio-system/default (mesh-wide) sets STRICT");
  }

  @Test
  void anotherRootNamespaceIsNamedOnTheAssertion() {
    List<Resource> config = mesh(MESH_STRICT.replace("istio-system", "istio-config"));
    // In the default root namespace's eyes, istio-config is one namespace among others.
    assertThat(config).mtls().inNamespace("bookinfo").isPermissive();
    assertThat(config).mtls().inNamespace("istio-config").isStrict();
    assertThat(config).mtls().withRootNamespace("istio-config").inNamespace("bookinfo").isStrict();
  }

  @Test
  void aWorkloadPolicyAndItsPortOverrideComeFirst() {
    List<Resource> legacy = mesh(MESH_STRICT, LEGACY);
    Map<String, String> pod = Map.of("app", "legacy-app", "version", "v1");
    assertThat(legacy).mtls().forWorkload("default", pod).isPermissive();
    assertThat(legacy).mtls().forWorkload("default", pod).onPort(8080).isDisabled();
    assertThat(legacy).mtls().forWorkload("default", pod).onPort(9090).isPermissive();
    assertThat(legacy).mtls().forWorkload("default", Map.of("app", "web")).isStrict();
    assertThat(legacy).mtls().inNamespace("default").isStrict();
    assertThatThrownBy(
            () -> assertThat(legacy).mtls().forWorkload("default", pod).onPort(8080).isStrict())
        .hasMessage(
            "expected mTLS of workload default {app=legacy-app, version=v1} on port 8080 to be"
                + " STRICT, but it is DISABLE: PeerAuthentication default/legacy-service"
                + " (selecting the workload) on port 8080 sets DISABLE");
  }

  @Test
  void unsetInheritsFromTheLevelAbove() {
    List<Resource> unset =
        mesh(
            MESH_STRICT,
            """
            apiVersion: security.istio.io/v1
            kind: PeerAuthentication
            metadata: {name: reviews, namespace: bookinfo}
            spec:
              selector:
                matchLabels: {app: reviews}
              mtls: {mode: UNSET}
              portLevelMtls:
                9080: {mode: UNSET}
                15020: {mode: DISABLE}
            """);
    Map<String, String> reviews = Map.of("app", "reviews");
    assertThat(unset).mtls().forWorkload("bookinfo", reviews).onPort(15020).isDisabled();
    assertThat(unset).mtls().forWorkload("bookinfo", reviews).onPort(9080).isStrict();
    assertThatThrownBy(() -> assertThat(unset).mtls().forWorkload("bookinfo", reviews).isDisabled())
        .hasMessage(
            "expected mTLS of workload bookinfo {app=reviews} to be DISABLE, but it is STRICT:"
                + " PeerAuthentication bookinfo/reviews (selecting the workload) leaves it UNSET;"
                + " PeerAuthentication istio-system/default (mesh-wide) sets STRICT");
  }

  @Test
  void portLevelSettingsWithoutASelectorDoNotCount() {
    List<Resource> namespaceWide =
        mesh(
            """
            apiVersion: security.istio.io/v1
            kind: PeerAuthentication
            metadata: {name: default, namespace: bookinfo}
            spec:
              mtls: {mode: STRICT}
              portLevelMtls:
                9080: {mode: DISABLE}
            """);
    assertThat(namespaceWide)
        .mtls()
        .forWorkload("bookinfo", Map.of("app", "reviews"))
        .onPort(9080)
        .isStrict();
  }

  @Test
  void policiesOfOneLevelThatDisagreeCannotBeDecidedOffline() {
    String permissive =
        """
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata: {name: a-permissive, namespace: bookinfo}
        spec:
          mtls: {mode: PERMISSIVE}
        """;
    List<Resource> conflict =
        mesh(
            permissive,
            permissive.replace("a-permissive", "b-strict").replace("PERMISSIVE", "STRICT"));
    assertThatThrownBy(() -> assertThat(conflict).mtls().inNamespace("bookinfo").mode())
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "cannot tell the mTLS mode of namespace bookinfo: 2 PeerAuthentications"
                + " namespace-wide conflict (PeerAuthentication bookinfo/a-permissive"
                + " (namespace-wide) PERMISSIVE, PeerAuthentication bookinfo/b-strict"
                + " (namespace-wide) STRICT): Istio applies the oldest, which the manifests do"
                + " not tell");
    List<Resource> agree = mesh(permissive, permissive.replace("a-permissive", "b-permissive"));
    org.assertj.core.api.Assertions.assertThat(
            assertThat(agree).mtls().inNamespace("bookinfo").mode())
        .isEqualTo(MutualTLSMode.PERMISSIVE);
  }
}
