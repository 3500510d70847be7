package dev.sailplan.istio;

import dev.sailplan.core.meta.ObjectMeta;
import dev.sailplan.istio.security.v1.AuthorizationPolicy;
import dev.sailplan.istio.security.v1.AuthorizationPolicySpec;
import dev.sailplan.istio.security.v1.Condition;
import dev.sailplan.istio.security.v1.From;
import dev.sailplan.istio.security.v1.MutualTLS;
import dev.sailplan.istio.security.v1.MutualTLSMode;
import dev.sailplan.istio.security.v1.Operation;
import dev.sailplan.istio.security.v1.PeerAuthentication;
import dev.sailplan.istio.security.v1.PeerAuthenticationSpec;
import dev.sailplan.istio.security.v1.RequestAuthentication;
import dev.sailplan.istio.security.v1.RequestAuthenticationSpec;
import dev.sailplan.istio.security.v1.Source;
import dev.sailplan.istio.security.v1.To;

/**
 * Factories for Istio security ({@code security.istio.io/v1}).
 *
 * <pre>{@code
 * import static dev.sailplan.istio.Security.*;
 *
 * PeerAuthentication strict = peerAuthentication("production/default", mtls(MutualTLSMode.STRICT));
 * AuthorizationPolicy denyAll = authorizationPolicy("production/deny-all",
 *     AuthorizationPolicySpec.builder().build());   // spec: {} denies everything
 * }</pre>
 *
 * <p>Selectors and target references come from {@link Selectors}: {@code
 * .selector(workloadSelector("app", "reviews"))}.
 */
public final class Security {
  private Security() {}

  /** An AuthorizationPolicy named by a {@code namespace/name} (or bare {@code name}) reference. */
  public static AuthorizationPolicy authorizationPolicy(String ref, AuthorizationPolicySpec spec) {
    return AuthorizationPolicy.builder().metadata(ObjectMeta.ref(ref)).spec(spec).build();
  }

  /** A PeerAuthentication named by a {@code namespace/name} (or bare {@code name}) reference. */
  public static PeerAuthentication peerAuthentication(String ref, PeerAuthenticationSpec spec) {
    return PeerAuthentication.builder().metadata(ObjectMeta.ref(ref)).spec(spec).build();
  }

  /** A RequestAuthentication named by a {@code namespace/name} (or bare {@code name}) reference. */
  public static RequestAuthentication requestAuthentication(
      String ref, RequestAuthenticationSpec spec) {
    return RequestAuthentication.builder().metadata(ObjectMeta.ref(ref)).spec(spec).build();
  }

  /** A PeerAuthentication spec that sets only the mTLS mode (for a namespace or the mesh). */
  public static PeerAuthenticationSpec mtls(MutualTLSMode mode) {
    return PeerAuthenticationSpec.builder().mtls(mutualTls(mode)).build();
  }

  /** An mTLS setting. */
  public static MutualTLS mutualTls(MutualTLSMode mode) {
    return MutualTLS.builder().mode(mode).build();
  }

  /** A rule's {@code from} entry. */
  public static From from(Source source) {
    return From.builder().source(source).build();
  }

  /** A rule's {@code to} entry. */
  public static To to(Operation operation) {
    return To.builder().operation(operation).build();
  }

  /** A rule's {@code when} condition: {@code when("request.auth.claims[groups]", "admin")}. */
  public static Condition when(String key, String... values) {
    return Condition.builder().key(key).addValues(values).build();
  }

  /** The SPIFFE principal of a service account: {@code cluster.local/ns/NS/sa/NAME}. */
  public static String principal(String namespace, String serviceAccount) {
    return "cluster.local/ns/" + namespace + "/sa/" + serviceAccount;
  }
}
