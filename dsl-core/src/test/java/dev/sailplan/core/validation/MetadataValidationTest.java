package dev.sailplan.core.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The API server's ObjectMeta rules, for the core kinds Sailplan models and for the Kubernetes
 * kinds it reads without a schema.
 */
class MetadataValidationTest {
  private static final String SUBDOMAIN =
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or"
          + " '.', and must start and end with an alphanumeric character (e.g. 'example.com',"
          + " regex used for validation is"
          + " '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
  private static final String LABEL =
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and"
          + " must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc',"
          + " regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

  private static List<String> findings(String yaml) {
    return Validation.standard().validate(yaml, "mesh.yaml").all().stream()
        .map(Finding::toString)
        .toList();
  }

  @Test
  void namesWithInvisibleOrForeignCharactersAreRefused() {
    // A Cyrillic 'а', a zero-width space, a line break, a shell substitution.
    for (String name : List.of("revа", "api\u200b", "a\nb", "$(id)")) {
      String yaml =
          "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: \""
              + name.replace("\n", "\\n").replace("\u200b", "\\u200b")
              + "\"\n  namespace: shop\n";
      String quoted = dev.sailplan.core.internal.meta.ObjectMetaRules.quote(name);
      assertEquals(
          List.of(
              "Error [SP0201] (Deployment shop/"
                  + name
                  + " mesh.yaml:4) metadata.name: Invalid value: "
                  + quoted
                  + ": "
                  + SUBDOMAIN),
          findings(yaml),
          name);
    }
  }

  @Test
  void theNameRuleDependsOnTheKind() {
    String yaml =
        """
        apiVersion: v1
        kind: Service
        metadata:
          name: 1web
        spec:
          ports:
          - port: 80
        ---
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop.eu
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata:
          name: system:reader
          namespace: shop
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: a/b
        """;
    assertEquals(
        List.of(
            "Error [SP0201] (Service 1web mesh.yaml:4) metadata.name: Invalid value: \"1web\": a"
                + " DNS-1035 label must consist of lower case alphanumeric characters or '-',"
                + " start with an alphabetic character, and end with an alphanumeric character"
                + " (e.g. 'my-name',  or 'abc-123', regex used for validation is"
                + " '[a-z]([-a-z0-9]*[a-z0-9])?')",
            "Error [SP0201] (Namespace shop.eu mesh.yaml:12) metadata.name: Invalid value:"
                + " \"shop.eu\": "
                + LABEL,
            "Error [SP0201] (ClusterRole a/b mesh.yaml:23) metadata.name: Invalid value: \"a/b\":"
                + " may not contain '/'"),
        findings(yaml));
  }

  @Test
  void generateNameNamespaceLabelsAnnotationsAndFinalizers() {
    String yaml =
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          generateName: cache-
          namespace: Shop
          labels:
            app.kubernetes.io/name: web
            example.com/: x
            tier: "front end"
          annotations:
            Example.com/Owner: team
            a/b/c: x
          finalizers:
          - example.com/cleanup
          - "bad finalizer"
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          generateName: "-cache"
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          namespace: shop
        """;
    assertEquals(
        List.of(
            "Error [SP0203] (ConfigMap Shop/cache- mesh.yaml:5) metadata.namespace: Invalid"
                + " value: \"Shop\": "
                + LABEL,
            "Error [SP0204] (ConfigMap Shop/cache- mesh.yaml:8) metadata.labels[example.com/]:"
                + " Invalid value: \"example.com/\": name part must be non-empty",
            "Error [SP0205] (ConfigMap Shop/cache- mesh.yaml:9) metadata.labels[tier]: Invalid"
                + " value: \"front end\": a valid label must be an empty string or consist of"
                + " alphanumeric characters, '-', '_' or '.', and must start and end with an"
                + " alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex"
                + " used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
            "Error [SP0206] (ConfigMap Shop/cache- mesh.yaml:12) metadata.annotations[a/b/c]:"
                + " Invalid value: \"a/b/c\": a qualified name must consist of alphanumeric"
                + " characters, '-', '_' or '.', and must start and end with an alphanumeric"
                + " character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for"
                + " validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS"
                + " subdomain prefix and '/' (e.g. 'example.com/MyName')",
            "Error [SP0209] (ConfigMap Shop/cache- mesh.yaml:15) metadata.finalizers[1]: Invalid"
                + " value: \"bad finalizer\": name part must consist of alphanumeric characters,"
                + " '-', '_' or '.', and must start and end with an alphanumeric character (e.g."
                + " 'MyName',  or 'my.name',  or '123-abc', regex used for validation is"
                + " '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
            "Error [SP0202] (ConfigMap -cache mesh.yaml:20) metadata.generateName: Invalid value:"
                + " \"-cache\": "
                + SUBDOMAIN,
            "Error [SP0201] (ConfigMap shop/ mesh.yaml:24) metadata.name: Required value: name or"
                + " generateName is required"),
        findings(yaml));
  }

  @Test
  void annotationsAreLimitedTo256KiBTogether() {
    String big = "x".repeat(200 * 1024);
    String yaml =
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n  annotations:\n    a: "
            + big
            + "\n    b: "
            + big
            + "\n";
    assertEquals(
        List.of(
            "Error [SP0207] (Secret s mesh.yaml:5) metadata.annotations: Too long: may not be more"
                + " than 262144 bytes"),
        findings(yaml));
    assertEquals(List.of(), findings(yaml.replace("    b: " + big + "\n", "")));
  }

  @Test
  void aNamespaceOnAClusterScopedKindIsIgnored() {
    assertEquals(
        List.of(
            "Warning [SP0208] (Namespace other/shop mesh.yaml:5) metadata.namespace: Namespace is"
                + " cluster-scoped: the API server ignores the namespace"),
        findings("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  namespace: other\n"));
  }
}
