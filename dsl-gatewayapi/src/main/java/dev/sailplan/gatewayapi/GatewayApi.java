package dev.sailplan.gatewayapi;

import dev.sailplan.core.meta.ObjectMeta;
import dev.sailplan.gatewayapi.v1.Gateway;
import dev.sailplan.gatewayapi.v1.GatewaySpec;
import dev.sailplan.gatewayapi.v1.HTTPBackendRef;
import dev.sailplan.gatewayapi.v1.HTTPPathMatch;
import dev.sailplan.gatewayapi.v1.HTTPRoute;
import dev.sailplan.gatewayapi.v1.HTTPRouteMatch;
import dev.sailplan.gatewayapi.v1.HTTPRouteSpec;
import dev.sailplan.gatewayapi.v1.ParentReference;
import dev.sailplan.gatewayapi.v1.PathMatchType;
import dev.sailplan.gatewayapi.v1.ReferenceGrant;
import dev.sailplan.gatewayapi.v1.ReferenceGrantFrom;
import dev.sailplan.gatewayapi.v1.ReferenceGrantSpec;
import dev.sailplan.gatewayapi.v1.ReferenceGrantTo;
import dev.sailplan.gatewayapi.v1.SecretObjectReference;

/**
 * Factories for the Kubernetes Gateway API ({@code gateway.networking.k8s.io/v1}).
 *
 * <pre>{@code
 * import static dev.sailplan.gatewayapi.GatewayApi.*;
 *
 * HTTPRoute route = httpRoute("default/api", HTTPRouteSpec.builder()
 *     .addParentRefs(parent("istio-system/public-gateway"))
 *     .addHostnames("api.example.com")
 *     .addRules(HTTPRouteRule.builder()
 *         .addMatches(pathPrefix("/v2/"))
 *         .addBackendRefs(backend("api-v2", 8080).withWeight(90))
 *         .addBackendRefs(backend("api-v1", 8080).withWeight(10))
 *         .build())
 *     .build());
 * }</pre>
 *
 * <p>A backend's weight is set on the backend, {@code backend("api-v2", 8080).withWeight(90)}, so
 * the port and the weight cannot be swapped unnoticed.
 */
public final class GatewayApi {
  private GatewayApi() {}

  /** A Gateway named by a {@code namespace/name} (or bare {@code name}) reference. */
  public static Gateway gateway(String ref, GatewaySpec spec) {
    return Gateway.builder().metadata(ObjectMeta.ref(ref)).spec(spec).build();
  }

  /** An HTTPRoute named by a {@code namespace/name} (or bare {@code name}) reference. */
  public static HTTPRoute httpRoute(String ref, HTTPRouteSpec spec) {
    return HTTPRoute.builder().metadata(ObjectMeta.ref(ref)).spec(spec).build();
  }

  /** A ReferenceGrant named by a {@code namespace/name} (or bare {@code name}) reference. */
  public static ReferenceGrant referenceGrant(String ref, ReferenceGrantSpec spec) {
    return ReferenceGrant.builder().metadata(ObjectMeta.ref(ref)).spec(spec).build();
  }

  /** A parent Gateway by {@code namespace/name} (or bare {@code name}) reference. */
  public static ParentReference parent(String ref) {
    ObjectMeta m = ObjectMeta.ref(ref);
    ParentReference.Builder b = ParentReference.builder().name(m.name().orElseThrow());
    m.namespace().ifPresent(b::namespace);
    return b.build();
  }

  /** A backend Service and port; {@code .withWeight(90)} gives it a share of the traffic. */
  public static HTTPBackendRef backend(String service, int port) {
    return HTTPBackendRef.builder().name(service).port(port).build();
  }

  /** A match on a path prefix. */
  public static HTTPRouteMatch pathPrefix(String prefix) {
    return path(PathMatchType.PATH_PREFIX, prefix);
  }

  /** A match on an exact path. */
  public static HTTPRouteMatch exactPath(String path) {
    return path(PathMatchType.EXACT, path);
  }

  private static HTTPRouteMatch path(PathMatchType type, String value) {
    return HTTPRouteMatch.builder()
        .path(HTTPPathMatch.builder().type(type).value(value).build())
        .build();
  }

  /** A Secret holding a certificate, by name. */
  public static SecretObjectReference secret(String name) {
    return SecretObjectReference.builder().name(name).build();
  }

  /**
   * A ReferenceGrant spec letting HTTPRoutes in {@code fromNamespace} refer to Services in the
   * grant's namespace.
   */
  public static ReferenceGrantSpec allowRoutesFrom(String fromNamespace) {
    return ReferenceGrantSpec.builder()
        .addFrom(
            ReferenceGrantFrom.builder()
                .group("gateway.networking.k8s.io")
                .kind("HTTPRoute")
                .namespace(fromNamespace)
                .build())
        .addTo(ReferenceGrantTo.builder().group("").kind("Service").build())
        .build();
  }
}
