/**
 * The hand-written Istio DSL on top of the generated model: {@link dev.sailplan.istio.Traffic},
 * {@link dev.sailplan.istio.Security} and {@link dev.sailplan.istio.Observability} hold the
 * factories that make common configuration read like intent, and {@link
 * dev.sailplan.istio.Selectors} the selectors and target references that every kind shares. Every
 * generated type stays available through its own builder, e.g. {@code HTTPRetry.builder()}.
 *
 * <h2>Istio and Gateway API in one file</h2>
 *
 * <p>Both APIs define {@code Gateway}, {@code GatewaySpec}, {@code HTTPRoute}, {@code TCPRoute},
 * {@code TLSRoute} and {@code HTTPHeader}, and Java has no import aliases. In a file that uses
 * both, import the clashing names of the API the file builds most with, write the other API's in
 * full, and call that API's factories through their class so a reader sees which gateway is meant.
 * The kinds the factories return seldom need naming at all ({@code Resource} or {@code var}):
 *
 * <pre>{@code
 * import static dev.sailplan.istio.Traffic.*;
 *
 * import dev.sailplan.gatewayapi.GatewayApi;
 * import dev.sailplan.istio.networking.v1.GatewaySpec;   // Istio's, by its simple name
 * import dev.sailplan.istio.networking.v1.HTTPRoute;     // a VirtualService's HTTP rule
 *
 * Resource istioGateway = gateway("istio-system/ingress", GatewaySpec.builder()...build());
 * Resource vs = virtualService("shop/web", VirtualServiceSpec.builder()
 *     .addHttp(HTTPRoute.builder().addRoute(routeTo("web")).build())...build());
 * Resource k8sGateway = GatewayApi.gateway("istio-system/public",
 *     dev.sailplan.gatewayapi.v1.GatewaySpec.builder()...build());
 * dev.sailplan.gatewayapi.v1.HTTPRoute route = GatewayApi.httpRoute("shop/api", ...);
 * }</pre>
 */
package dev.sailplan.istio;
