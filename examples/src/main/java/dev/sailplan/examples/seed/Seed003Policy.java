package dev.sailplan.examples.seed;

import static dev.sailplan.istio.Observability.provider;
import static dev.sailplan.istio.Observability.telemetry;
import static dev.sailplan.istio.Security.authorizationPolicy;
import static dev.sailplan.istio.Security.mtls;
import static dev.sailplan.istio.Security.mutualTls;
import static dev.sailplan.istio.Security.peerAuthentication;
import static dev.sailplan.istio.Security.principal;
import static dev.sailplan.istio.Security.to;
import static dev.sailplan.istio.Security.when;
import static dev.sailplan.istio.Selectors.workloadSelector;

import dev.sailplan.core.k8s.Namespace;
import dev.sailplan.core.meta.ObjectMeta;
import dev.sailplan.istio.Security;
import dev.sailplan.istio.security.v1.Action;
import dev.sailplan.istio.security.v1.AuthorizationPolicySpec;
import dev.sailplan.istio.security.v1.MutualTLSMode;
import dev.sailplan.istio.security.v1.Operation;
import dev.sailplan.istio.security.v1.PeerAuthenticationSpec;
import dev.sailplan.istio.security.v1.Rule;
import dev.sailplan.istio.security.v1.Source;
import dev.sailplan.istio.telemetry.v1.TelemetrySpec;
import dev.sailplan.istio.telemetry.v1.Tracing;
import java.util.List;

/**
 * Seed 003, security, observability and namespaces: mTLS, authorization, tracing and the namespace
 * annotations, each reproduced exactly as the seed writes it (including the mistakes it documents).
 */
public final class Seed003Policy {
  private Seed003Policy() {}

  /** The examples of this group, in file order. */
  public static List<SeedExample> all() {
    return List.of(
        namespaceStrictMtls(),
        meshStrictMtls(),
        legacyPermissiveMtls(),
        denyAllAllowFrontend(),
        requireJwt(),
        allowInternalIps(),
        databaseApiReadOnly(),
        namespaceProxyResources(),
        migrationPhase3Permissive(),
        migrationPhase5Strict(),
        expertAndRule(),
        meshTracingOtel());
  }

  /** Namespace-wide STRICT mTLS for production. */
  private static SeedExample namespaceStrictMtls() {
    return SeedExample.of(
        "003-07-namespace-strict-mtls",
        peerAuthentication("production/default-mtls", mtls(MutualTLSMode.STRICT)));
  }

  /** Mesh-wide STRICT mTLS (in the root namespace, istio-system). */
  private static SeedExample meshStrictMtls() {
    return SeedExample.of(
        "003-08-mesh-strict-mtls",
        peerAuthentication("istio-system/mesh-mtls", mtls(MutualTLSMode.STRICT)));
  }

  /**
   * PERMISSIVE mTLS for the legacy app during migration, with mTLS disabled on its health-check
   * port.
   */
  private static SeedExample legacyPermissiveMtls() {
    return SeedExample.of(
        "003-09-legacy-permissive-mtls",
        peerAuthentication(
            "default/legacy-service",
            PeerAuthenticationSpec.builder()
                .selector(workloadSelector("app", "legacy-app"))
                .mtls(mutualTls(MutualTLSMode.PERMISSIVE))
                .putPortLevelMtls("8080", mutualTls(MutualTLSMode.DISABLE))
                .build()));
  }

  /**
   * Deny-all baseline ({@code spec: {}}) for production, then an ALLOW from frontend to the
   * backend's API.
   */
  private static SeedExample denyAllAllowFrontend() {
    return SeedExample.of(
        "003-10-deny-all-allow-frontend",
        authorizationPolicy("production/deny-all", AuthorizationPolicySpec.builder().build()),
        authorizationPolicy(
            "production/allow-frontend-to-backend",
            AuthorizationPolicySpec.builder()
                .selector(workloadSelector("app", "backend"))
                .action(Action.ALLOW)
                .addRules(
                    Rule.builder()
                        .addFrom(
                            Security.from(
                                Source.builder()
                                    .addPrincipals(principal("production", "frontend"))
                                    .build()))
                        .addTo(
                            to(
                                Operation.builder()
                                    .addMethods("GET", "POST")
                                    .addPaths("/api/*")
                                    .build()))
                        .build())
                .build()));
  }

  /**
   * Requires a valid JWT whose role claim is admin or user (no RequestAuthentication, as the seed).
   */
  private static SeedExample requireJwt() {
    // Kept as the seed wrote it: claim check without a RequestAuthentication (SP2009).
    return SeedExample.rejected(
        "003-11-require-jwt",
        List.of("SP2009"),
        authorizationPolicy(
            "default/require-jwt",
            AuthorizationPolicySpec.builder()
                .selector(workloadSelector("app", "api"))
                .action(Action.ALLOW)
                .addRules(
                    Rule.builder()
                        .addFrom(Security.from(Source.builder().addRequestPrincipals("*").build()))
                        .addWhen(when("request.auth.claims[role]", "admin", "user"))
                        .build())
                .build()));
  }

  /** IP allow list for the admin panel: the 10/8 and 172.16/12 private ranges. */
  private static SeedExample allowInternalIps() {
    return SeedExample.of(
        "003-12-allow-internal-ips",
        authorizationPolicy(
            "default/allow-internal-ips",
            AuthorizationPolicySpec.builder()
                .selector(workloadSelector("app", "admin-panel"))
                .action(Action.ALLOW)
                .addRules(
                    Rule.builder()
                        .addFrom(
                            Security.from(
                                Source.builder()
                                    .addIpBlocks("10.0.0.0/8", "172.16.0.0/12")
                                    .build()))
                        .build())
                .build()));
  }

  /**
   * Read-only database API: ALLOW GET/HEAD and DENY DELETE (methods without ports, as the seed).
   */
  private static SeedExample databaseApiReadOnly() {
    // Kept as the seed wrote it: DENY on methods without ports (SP2002).
    return SeedExample.rejected(
        "003-13-database-api-read-only",
        List.of("SP2002"),
        authorizationPolicy(
            "default/read-only-access", methodsPolicy("database-api", Action.ALLOW, "GET", "HEAD")),
        authorizationPolicy(
            "default/deny-delete", methodsPolicy("database-api", Action.DENY, "DELETE")));
  }

  /**
   * Sidecar proxy resources as annotations on the production Namespace (Istio reads them on pods
   * only; kept).
   */
  private static SeedExample namespaceProxyResources() {
    return SeedExample.of(
        "003-20-namespace-proxy-resources",
        Namespace.builder()
            .metadata(
                ObjectMeta.builder()
                    .name("production")
                    .putAnnotations("sidecar.istio.io/proxyCPU", "100m")
                    .putAnnotations("sidecar.istio.io/proxyCPULimit", "2000m")
                    .putAnnotations("sidecar.istio.io/proxyMemory", "128Mi")
                    .putAnnotations("sidecar.istio.io/proxyMemoryLimit", "1024Mi")
                    .build())
            .build());
  }

  /** Migration phase 3: mesh-wide PERMISSIVE mTLS (replaced by 003-26). */
  private static SeedExample migrationPhase3Permissive() {
    return SeedExample.of(
        "003-25-migration-phase3-permissive",
        peerAuthentication("istio-system/default", mtls(MutualTLSMode.PERMISSIVE)));
  }

  /** Migration phase 5: mesh-wide STRICT mTLS, once every service speaks mTLS. */
  private static SeedExample migrationPhase5Strict() {
    return SeedExample.of(
        "003-26-migration-phase5-strict",
        peerAuthentication("istio-system/default", mtls(MutualTLSMode.STRICT)));
  }

  /**
   * One rule is an AND: the frontend principal, GET on /api/*, and the admin role claim are all
   * required.
   */
  private static SeedExample expertAndRule() {
    // Kept as the seed wrote it: claim check without a RequestAuthentication (SP2009).
    return SeedExample.rejected(
        "003-27-expert-and-rule",
        List.of("SP2009"),
        authorizationPolicy(
            "default/expert-and-rule",
            AuthorizationPolicySpec.builder()
                .action(Action.ALLOW)
                .addRules(
                    Rule.builder()
                        .addFrom(
                            Security.from(
                                Source.builder()
                                    .addPrincipals(principal("frontend", "frontend"))
                                    .build()))
                        .addTo(to(Operation.builder().addMethods("GET").addPaths("/api/*").build()))
                        .addWhen(when("request.auth.claims[role]", "admin"))
                        .build())
                .build()));
  }

  /** Mesh-wide tracing to the otel-tracing extension provider at 1% sampling. */
  private static SeedExample meshTracingOtel() {
    return SeedExample.of(
        "003-31-mesh-tracing-otel",
        telemetry(
            "istio-system/mesh-tracing",
            TelemetrySpec.builder()
                .addTracing(
                    Tracing.builder()
                        .addProviders(provider("otel-tracing"))
                        .randomSamplingPercentage(1.0)
                        .build())
                .build()));
  }

  private static AuthorizationPolicySpec methodsPolicy(
      String app, Action action, String... methods) {
    return AuthorizationPolicySpec.builder()
        .selector(workloadSelector("app", app))
        .action(action)
        .addRules(Rule.builder().addTo(to(Operation.builder().addMethods(methods).build())).build())
        .build();
  }
}
