/**
 * The hand-written Gateway API DSL on the generated model ({@link dev.sailplan.gatewayapi.v1}):
 * {@link dev.sailplan.gatewayapi.GatewayApi} holds the factories for common shapes.
 *
 * <h2>Gateway API and Istio in one file</h2>
 *
 * <p>Both APIs define {@code Gateway}, {@code GatewaySpec}, {@code HTTPRoute}, {@code TCPRoute},
 * {@code TLSRoute} and {@code HTTPHeader}, and Java has no import aliases. In a file that uses
 * both, import the clashing names of the API the file builds most with, write the other API's in
 * full, and call that API's factories through their class so a reader sees which gateway is meant:
 *
 * <pre>{@code
 * import static dev.sailplan.gatewayapi.GatewayApi.*;
 *
 * import dev.sailplan.gatewayapi.v1.GatewaySpec;         // Gateway API's, by its simple name
 * import dev.sailplan.gatewayapi.v1.HTTPRoute;
 * import dev.sailplan.istio.Traffic;
 *
 * Resource gw = gateway("istio-system/public", GatewaySpec.builder()...build());
 * HTTPRoute route = httpRoute("shop/api", HTTPRouteSpec.builder()...build());
 * Resource legacy = Traffic.gateway("istio-system/ingress",
 *     dev.sailplan.istio.networking.v1.GatewaySpec.builder()...build());
 * }</pre>
 */
package dev.sailplan.gatewayapi;
