package dev.sailplan.bench.fabric8;

import io.fabric8.istio.api.api.security.v1beta1.AuthorizationPolicyAction;
import io.fabric8.istio.api.api.security.v1beta1.PeerAuthenticationMutualTLSBuilder;
import io.fabric8.istio.api.api.security.v1beta1.PeerAuthenticationMutualTLSMode;
import io.fabric8.istio.api.security.v1.AuthorizationPolicyBuilder;
import io.fabric8.istio.api.security.v1.PeerAuthenticationBuilder;
import io.fabric8.istio.api.telemetry.v1.TelemetryBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seed 003, security, observability and namespaces, written with fabric8's builders: mTLS,
 * authorization, tracing and the namespace annotations, each exactly as the seed writes it. The
 * fabric8 counterpart of {@code Seed003Policy}.
 */
public final class Fabric8Seed003Policy {
  private Fabric8Seed003Policy() {}

  /** The examples of this group by seed file name (without {@code .yaml}), in file order. */
  public static Map<String, List<HasMetadata>> all() {
    Map<String, List<HasMetadata>> all = new LinkedHashMap<>();
    all.put("003-07-namespace-strict-mtls", namespaceStrictMtls());
    all.put("003-08-mesh-strict-mtls", meshStrictMtls());
    all.put("003-09-legacy-permissive-mtls", legacyPermissiveMtls());
    all.put("003-10-deny-all-allow-frontend", denyAllAllowFrontend());
    all.put("003-11-require-jwt", requireJwt());
    all.put("003-12-allow-internal-ips", allowInternalIps());
    all.put("003-13-database-api-read-only", databaseApiReadOnly());
    all.put("003-20-namespace-proxy-resources", namespaceProxyResources());
    all.put("003-25-migration-phase3-permissive", migrationPhase3Permissive());
    all.put("003-26-migration-phase5-strict", migrationPhase5Strict());
    all.put("003-27-expert-and-rule", expertAndRule());
    all.put("003-31-mesh-tracing-otel", meshTracingOtel());
    return all;
  }

  /** Namespace-wide STRICT mTLS for production. */
  private static List<HasMetadata> namespaceStrictMtls() {
    return List.of(
        new PeerAuthenticationBuilder()
            .withNewMetadata()
            .withName("default-mtls")
            .withNamespace("production")
            .endMetadata()
            .withNewSpec()
            .withNewMtls()
            .withMode(PeerAuthenticationMutualTLSMode.STRICT)
            .endMtls()
            .endSpec()
            .build());
  }

  /** Mesh-wide STRICT mTLS (in the root namespace, istio-system). */
  private static List<HasMetadata> meshStrictMtls() {
    return List.of(
        new PeerAuthenticationBuilder()
            .withNewMetadata()
            .withName("mesh-mtls")
            .withNamespace("istio-system")
            .endMetadata()
            .withNewSpec()
            .withNewMtls()
            .withMode(PeerAuthenticationMutualTLSMode.STRICT)
            .endMtls()
            .endSpec()
            .build());
  }

  /**
   * PERMISSIVE mTLS for the legacy app during migration, with mTLS disabled on its health-check
   * port.
   */
  private static List<HasMetadata> legacyPermissiveMtls() {
    return List.of(
        new PeerAuthenticationBuilder()
            .withNewMetadata()
            .withName("legacy-service")
            .withNamespace("default")
            .endMetadata()
            .withNewSpec()
            .withNewSelector()
            .addToMatchLabels("app", "legacy-app")
            .endSelector()
            .withNewMtls()
            .withMode(PeerAuthenticationMutualTLSMode.PERMISSIVE)
            .endMtls()
            .addToPortLevelMtls(
                "8080",
                new PeerAuthenticationMutualTLSBuilder()
                    .withMode(PeerAuthenticationMutualTLSMode.DISABLE)
                    .build())
            .endSpec()
            .build());
  }

  /**
   * Deny-all baseline ({@code spec: {}}) for production, then an ALLOW from frontend to the
   * backend's API.
   */
  private static List<HasMetadata> denyAllAllowFrontend() {
    return List.of(
        new AuthorizationPolicyBuilder()
            .withNewMetadata()
            .withName("deny-all")
            .withNamespace("production")
            .endMetadata()
            .withNewSpec()
            .endSpec()
            .build(),
        new AuthorizationPolicyBuilder()
            .withNewMetadata()
            .withName("allow-frontend-to-backend")
            .withNamespace("production")
            .endMetadata()
            .withNewSpec()
            .withNewSelector()
            .addToMatchLabels("app", "backend")
            .endSelector()
            .withAction(AuthorizationPolicyAction.ALLOW)
            .addNewRule()
            .addNewFrom()
            .withNewSource()
            .addToPrincipals("cluster.local/ns/production/sa/frontend")
            .endSource()
            .endFrom()
            .addNewTo()
            .withNewOperation()
            .addToMethods("GET", "POST")
            .addToPaths("/api/*")
            .endOperation()
            .endTo()
            .endRule()
            .endSpec()
            .build());
  }

  /**
   * Requires a valid JWT whose role claim is admin or user (no RequestAuthentication, as the seed).
   */
  private static List<HasMetadata> requireJwt() {
    return List.of(
        new AuthorizationPolicyBuilder()
            .withNewMetadata()
            .withName("require-jwt")
            .withNamespace("default")
            .endMetadata()
            .withNewSpec()
            .withNewSelector()
            .addToMatchLabels("app", "api")
            .endSelector()
            .withAction(AuthorizationPolicyAction.ALLOW)
            .addNewRule()
            .addNewFrom()
            .withNewSource()
            .addToRequestPrincipals("*")
            .endSource()
            .endFrom()
            .addNewWhen()
            .withKey("request.auth.claims[role]")
            .addToValues("admin", "user")
            .endWhen()
            .endRule()
            .endSpec()
            .build());
  }

  /** IP allow list for the admin panel: the 10/8 and 172.16/12 private ranges. */
  private static List<HasMetadata> allowInternalIps() {
    return List.of(
        new AuthorizationPolicyBuilder()
            .withNewMetadata()
            .withName("allow-internal-ips")
            .withNamespace("default")
            .endMetadata()
            .withNewSpec()
            .withNewSelector()
            .addToMatchLabels("app", "admin-panel")
            .endSelector()
            .withAction(AuthorizationPolicyAction.ALLOW)
            .addNewRule()
            .addNewFrom()
            .withNewSource()
            .addToIpBlocks("10.0.0.0/8", "172.16.0.0/12")
            .endSource()
            .endFrom()
            .endRule()
            .endSpec()
            .build());
  }

  /**
   * Read-only database API: ALLOW GET/HEAD and DENY DELETE (methods without ports, as the seed).
   */
  private static List<HasMetadata> databaseApiReadOnly() {
    return List.of(
        new AuthorizationPolicyBuilder()
            .withNewMetadata()
            .withName("read-only-access")
            .withNamespace("default")
            .endMetadata()
            .withNewSpec()
            .withNewSelector()
            .addToMatchLabels("app", "database-api")
            .endSelector()
            .withAction(AuthorizationPolicyAction.ALLOW)
            .addNewRule()
            .addNewTo()
            .withNewOperation()
            .addToMethods("GET", "HEAD")
            .endOperation()
            .endTo()
            .endRule()
            .endSpec()
            .build(),
        new AuthorizationPolicyBuilder()
            .withNewMetadata()
            .withName("deny-delete")
            .withNamespace("default")
            .endMetadata()
            .withNewSpec()
            .withNewSelector()
            .addToMatchLabels("app", "database-api")
            .endSelector()
            .withAction(AuthorizationPolicyAction.DENY)
            .addNewRule()
            .addNewTo()
            .withNewOperation()
            .addToMethods("DELETE")
            .endOperation()
            .endTo()
            .endRule()
            .endSpec()
            .build());
  }

  /**
   * Sidecar proxy resources as annotations on the production Namespace (Istio reads them on pods
   * only; kept).
   */
  private static List<HasMetadata> namespaceProxyResources() {
    return List.of(
        new NamespaceBuilder()
            .withNewMetadata()
            .withName("production")
            .addToAnnotations("sidecar.istio.io/proxyCPU", "100m")
            .addToAnnotations("sidecar.istio.io/proxyCPULimit", "2000m")
            .addToAnnotations("sidecar.istio.io/proxyMemory", "128Mi")
            .addToAnnotations("sidecar.istio.io/proxyMemoryLimit", "1024Mi")
            .endMetadata()
            .build());
  }

  /** Migration phase 3: mesh-wide PERMISSIVE mTLS (replaced by 003-26). */
  private static List<HasMetadata> migrationPhase3Permissive() {
    return List.of(
        new PeerAuthenticationBuilder()
            .withNewMetadata()
            .withName("default")
            .withNamespace("istio-system")
            .endMetadata()
            .withNewSpec()
            .withNewMtls()
            .withMode(PeerAuthenticationMutualTLSMode.PERMISSIVE)
            .endMtls()
            .endSpec()
            .build());
  }

  /** Migration phase 5: mesh-wide STRICT mTLS, once every service speaks mTLS. */
  private static List<HasMetadata> migrationPhase5Strict() {
    return List.of(
        new PeerAuthenticationBuilder()
            .withNewMetadata()
            .withName("default")
            .withNamespace("istio-system")
            .endMetadata()
            .withNewSpec()
            .withNewMtls()
            .withMode(PeerAuthenticationMutualTLSMode.STRICT)
            .endMtls()
            .endSpec()
            .build());
  }

  /**
   * One rule is an AND: the frontend principal, GET on /api/*, and the admin role claim are all
   * required.
   */
  private static List<HasMetadata> expertAndRule() {
    return List.of(
        new AuthorizationPolicyBuilder()
            .withNewMetadata()
            .withName("expert-and-rule")
            .withNamespace("default")
            .endMetadata()
            .withNewSpec()
            .withAction(AuthorizationPolicyAction.ALLOW)
            .addNewRule()
            .addNewFrom()
            .withNewSource()
            .addToPrincipals("cluster.local/ns/frontend/sa/frontend")
            .endSource()
            .endFrom()
            .addNewTo()
            .withNewOperation()
            .addToMethods("GET")
            .addToPaths("/api/*")
            .endOperation()
            .endTo()
            .addNewWhen()
            .withKey("request.auth.claims[role]")
            .addToValues("admin")
            .endWhen()
            .endRule()
            .endSpec()
            .build());
  }

  /** Mesh-wide tracing to the otel-tracing extension provider at 1% sampling. */
  private static List<HasMetadata> meshTracingOtel() {
    return List.of(
        new TelemetryBuilder()
            .withNewMetadata()
            .withName("mesh-tracing")
            .withNamespace("istio-system")
            .endMetadata()
            .withNewSpec()
            .addNewTracing()
            .addNewProvider("otel-tracing")
            .withRandomSamplingPercentage(1.0)
            .endTracing()
            .endSpec()
            .build());
  }
}
