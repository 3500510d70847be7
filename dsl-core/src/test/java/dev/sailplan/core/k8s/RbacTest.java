package dev.sailplan.core.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sailplan.core.Manifests;
import dev.sailplan.core.meta.ObjectMeta;
import dev.sailplan.core.validation.Finding;
import dev.sailplan.core.validation.Validation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Role, RoleBinding, ClusterRole and ClusterRoleBinding: factories, rendering, the API's checks.
 */
class RbacTest {
  @Test
  void aClusterRoleBoundInANamespaceToAGroupRendersAsKubectlWouldRead() {
    ClusterRole role =
        ClusterRole.of(
            "sailplan:service-owner",
            PolicyRule.of("networking.istio.io", List.of("virtualservices"), PolicyRule.EDIT));
    RoleBinding binding =
        RoleBinding.forGroups(
            "bookinfo/sailplan:service-owner",
            RoleRef.clusterRole("sailplan:service-owner"),
            List.of("bookinfo-team"));
    assertEquals(
        """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: sailplan:service-owner
        rules:
        - apiGroups:
          - networking.istio.io
          resources:
          - virtualservices
          verbs:
          - get
          - list
          - watch
          - create
          - update
          - patch
          - delete
          - deletecollection
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata:
          name: sailplan:service-owner
          namespace: bookinfo
        subjects:
        - kind: Group
          name: bookinfo-team
          apiGroup: rbac.authorization.k8s.io
        roleRef:
          kind: ClusterRole
          name: sailplan:service-owner
          apiGroup: rbac.authorization.k8s.io
        """,
        Manifests.toYaml(List.of(role, binding)));
    assertEquals(
        List.of(role, binding),
        Manifests.parse(Manifests.toYaml(List.of(role, binding)), "rbac.yaml"));
  }

  @Test
  void subjectsOfEachKind() {
    assertEquals(SubjectKind.GROUP, Subject.group("sre").kind());
    assertEquals("rbac.authorization.k8s.io", Subject.user("jane").apiGroup().orElseThrow());
    Subject sa = Subject.serviceAccount("ci", "deployer");
    assertEquals(SubjectKind.SERVICE_ACCOUNT, sa.kind());
    assertEquals("ci", sa.namespace().orElseThrow());
    assertEquals(java.util.Optional.empty(), sa.apiGroup());
  }

  @Test
  void aRoleOfANamespace() {
    Role r = Role.of("bookinfo/reader", PolicyRule.of("", List.of("configmaps"), PolicyRule.READ));
    assertEquals(ObjectMeta.ref("bookinfo/reader"), r.metadata());
    assertEquals(List.of(""), r.rules().get(0).apiGroups());
    assertEquals(List.of("get", "list", "watch"), r.rules().get(0).verbs());
  }

  @Test
  void aRuleWithoutVerbsIsRejected() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> PolicyRule.of("networking.istio.io", List.of("gateways"), List.of()));
    assertEquals("PolicyRule needs at least one verb", e.getMessage());
  }

  @Test
  void aResourceRuleNeedsGroupsAndResources() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> PolicyRule.builder().addResources("pods").addVerbs("get").build());
    assertEquals(
        "PolicyRule on resources needs apiGroups and resources (\"\" is the core group)",
        e.getMessage());
  }

  @Test
  void resourcesAndNonResourceUrlsDoNotMix() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                PolicyRule.builder()
                    .addApiGroups("")
                    .addResources("pods")
                    .addNonResourceURLs("/healthz")
                    .addVerbs("get")
                    .build());
    assertEquals("PolicyRule may not apply to both resources and nonResourceURLs", e.getMessage());
  }

  @Test
  void onlyAClusterRoleGrantsNonResourceUrls() {
    PolicyRule healthz =
        PolicyRule.builder().addNonResourceURLs("/healthz").addVerbs("get").build();
    assertEquals(List.of(healthz), ClusterRole.of("probe", healthz).rules());
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> Role.of("ops/probe", healthz));
    assertEquals(
        "a Role cannot grant nonResourceURLs (namespaced rules); use a ClusterRole",
        e.getMessage());
  }

  @Test
  void aClusterRoleBindingBindsAClusterRoleOfTheRbacGroup() {
    ClusterRoleBinding b = ClusterRoleBinding.of("mesh-view", "view", Subject.group("sre"));
    assertEquals(RoleRefKind.CLUSTER_ROLE, b.roleRef().kind());
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                ClusterRoleBinding.builder()
                    .metadata(ObjectMeta.named("x"))
                    .roleRef(
                        ClusterRoleBindingRoleRef.builder()
                            .kind(RoleRefKind.ROLE)
                            .name("reader")
                            .apiGroup("rbac.authorization.k8s.io")
                            .build())
                    .build());
    assertEquals("a ClusterRoleBinding can only bind a ClusterRole, not a Role", e.getMessage());
    IllegalStateException group =
        assertThrows(
            IllegalStateException.class,
            () -> RoleRef.builder().kind(RoleRefKind.ROLE).name("r").apiGroup("apps").build());
    assertEquals(
        "roleRef.apiGroup must be rbac.authorization.k8s.io, not apps", group.getMessage());
  }

  @Test
  void schemaValidationReportsAMissingRoleRefAndAnUnknownSubjectKindAtTheirLines() {
    String yaml =
        """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata:
          name: owners
          namespace: bookinfo
        subjects:
        - kind: Team
          name: bookinfo-team
        """;
    List<String> found =
        Validation.standard().validate(yaml, "rbac.yaml").all().stream()
            .map(f -> f.code() + " " + f.line() + " " + f.path())
            .toList();
    assertEquals(List.of("SP0101 1 roleRef", "SP0102 7 subjects[0].kind"), found);
  }

  @Test
  void aValidBindingHasNoFinding() {
    List<Finding> found =
        Validation.standard()
            .validate(
                List.of(
                    RoleBinding.of(
                        "bookinfo/sailplan:service-owner",
                        RoleRef.clusterRole("sailplan:service-owner"),
                        Subject.group("bookinfo-team"))))
            .all();
    assertEquals(List.of(), found);
  }
}
