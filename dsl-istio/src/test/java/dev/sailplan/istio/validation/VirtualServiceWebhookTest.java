package dev.sailplan.istio.validation;

import static dev.sailplan.istio.validation.WebhookTesting.expect;

import org.junit.jupiter.api.Test;

/** What istiod's webhook rejects in a VirtualService. */
class VirtualServiceWebhookTest {
  /** SP0414 */
  @Test
  void routeActionsThatConflictAreRejected() {
    expect(
        """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: shop
          namespace: default
        spec:
          hosts:
          - shop.example.com
          http:
          - name: old-path
            redirect:
              uri: /new
            route:
            - destination:
                host: shop
          - name: nothing
            match:
            - uri:
                prefix: /empty
          - name: delegated
            delegate:
              name: reviews-routes
            route:
            - destination:
                host: shop
        """,
        "Error [SP0414] (VirtualService default/shop mesh.yaml:10) spec.http[0]: HTTP route cannot contain both route and redirect",
        "Error [SP0414] (VirtualService default/shop mesh.yaml:16) spec.http[1]: HTTP route, redirect or direct_response is required",
        "Error [SP0414] (VirtualService default/shop mesh.yaml:20) spec.http[2]: root HTTP route delegated must not specify route");
  }

  /** SP0455 */
  @Test
  void weightsAreRelativeButNotNegativeOrAllZero() {
    expect(
        """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: reviews
          namespace: default
        spec:
          hosts:
          - reviews
          http:
          - route:
            - destination: {host: reviews, subset: v1}
              weight: 150
            - destination: {host: reviews, subset: v2}
              weight: -5
          - route:
            - destination: {host: reviews, subset: v1}
              weight: 150
            - destination: {host: reviews, subset: v2}
              weight: 60
          tcp:
          - route:
            - destination: {host: reviews, subset: v1}
              weight: 0
            - destination: {host: reviews, subset: v2}
        """,
        "Error [SP0455] (VirtualService default/reviews mesh.yaml:14) spec.http[0].route[1].weight: weight -5 < 0",
        "Error [SP0455] (VirtualService default/reviews mesh.yaml:21) spec.tcp[0].route: total destination weight = 0");
  }

  /** SP0415 */
  @Test
  void regexesAreRe2() {
    expect(
        """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: shop
          namespace: default
        spec:
          hosts:
          - shop.example.com
          http:
          - match:
            - uri:
                regex: "/api/(v1|v2"
            - headers:
                x-version:
                  regex: "(?=beta).*"
            route:
            - destination:
                host: shop
        """,
        "Error [SP0415] (VirtualService default/shop mesh.yaml:12) spec.http[0].match[0].uri.regex: \"uri\": error parsing regexp: Unclosed group at index 11; Istio uses RE2 style regex-based match (https://github.com/google/re2/wiki/Syntax)",
        "Error [SP0415] (VirtualService default/shop mesh.yaml:15) spec.http[0].match[1].headers[x-version].regex: \"headers\": error parsing regexp: invalid or unsupported Perl syntax: `(?=`; Istio uses RE2 style regex-based match (https://github.com/google/re2/wiki/Syntax)");
  }

  /** SP0416 */
  @Test
  void matchedHeaderNamesAreTokens() {
    expect(
        """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: shop
          namespace: default
        spec:
          hosts:
          - shop.example.com
          http:
          - match:
            - headers:
                "x user":
                  exact: alice
            route:
            - destination:
                host: shop
        """,
        "Error [SP0416] (VirtualService default/shop mesh.yaml:12) spec.http[0].match[0].headers[x user]: header name x user is not a valid header name");
  }

  /** SP0417 */
  @Test
  void pseudoHeadersAndHostAreNotSetByHeaderOperations() {
    expect(
        """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: shop
          namespace: default
        spec:
          hosts:
          - shop.example.com
          http:
          - headers:
              request:
                set:
                  ":path": /rewritten
              response:
                set:
                  host: shop.example.com
            route:
            - destination:
                host: shop
        """,
        "Error [SP0417] (VirtualService default/shop mesh.yaml:13) spec.http[0].headers.request.set[:path]: invalid header \":path\": header cannot have \":\" prefix",
        "Error [SP0417] (VirtualService default/shop mesh.yaml:16) spec.http[0].headers.response.set[host]: invalid header \"host\": cannot set Host header");
  }

  /** SP0418 */
  @Test
  void mirrorPercentageIsAtMost100() {
    expect(
        """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: shop
          namespace: default
        spec:
          hosts:
          - shop.example.com
          http:
          - route:
            - destination:
                host: shop
            mirror:
              host: shop-shadow
            mirrorPercentage:
              value: 150
        """,
        "Error [SP0418] (VirtualService default/shop mesh.yaml:16) spec.http[0].mirrorPercentage.value: mirror_percentage must have a max value of 100 (it has 150.000000)");
  }

  /** SP0419 */
  @Test
  void retryPoliciesAreKnownAndNeedAttempts() {
    expect(
        """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: payments
          namespace: default
        spec:
          hosts:
          - payments
          http:
          - route:
            - destination:
                host: payments
            retries:
              attempts: 3
              retryOn: 5xx,gateway-errors,503
          - route:
            - destination:
                host: payments
            retries:
              perTryTimeout: 2s
        """,
        "Error [SP0419] (VirtualService default/payments mesh.yaml:15) spec.http[0].retries.retryOn: \"gateway-errors\" is not a valid retryOn policy",
        "Error [SP0419] (VirtualService default/payments mesh.yaml:19) spec.http[1].retries: http retry policy configured when attempts are set to 0 (disabled)");
  }

  /** SP0420 */
  @Test
  void aDelegateHasNoGatewaysNorTcpOrTlsRoutes() {
    expect(
        """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: reviews-routes
          namespace: default
        spec:
          gateways:
          - istio-ingress/public
          http:
          - route:
            - destination:
                host: reviews
          tcp:
          - route:
            - destination:
                host: reviews
        """,
        "Error [SP0420] (VirtualService default/reviews-routes mesh.yaml:7) spec.gateways: delegate virtual service must have no gateways specified",
        "Error [SP0420] (VirtualService default/reviews-routes mesh.yaml:13) spec.tcp: delegate virtual service must have no tcp route specified");
  }

  /** SP0421 */
  @Test
  void hostsAreDomainNamesAndNotStarForTheMesh() {
    expect(
        """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: everything
          namespace: default
        spec:
          hosts:
          - "*"
          - "shop_v2.example.com"
          http:
          - route:
            - destination:
                host: "*"
        """,
        "Error [SP0421] (VirtualService default/everything mesh.yaml:8) spec.hosts[0]: wildcard host * is not allowed for virtual services bound to the mesh gateway",
        "Error [SP0421] (VirtualService default/everything mesh.yaml:9) spec.hosts[1]: domain name \"shop_v2.example.com\" invalid (label \"shop_v2\" invalid)",
        "Error [SP0421] (VirtualService default/everything mesh.yaml:13) spec.http[0].route[0].destination.host: invalid destination host *");
  }

  /** SP0422 */
  @Test
  void durationsAreWholeMilliseconds() {
    expect(
        """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: shop
          namespace: default
        spec:
          hosts:
          - shop
          http:
          - route:
            - destination:
                host: shop
            timeout: 1500us
            corsPolicy:
              maxAge: 1500ms
        """,
        "Error [SP0422] (VirtualService default/shop mesh.yaml:13) spec.http[0].timeout: only durations to ms precision are supported",
        "Error [SP0422] (VirtualService default/shop mesh.yaml:15) spec.http[0].corsPolicy.maxAge: max_age duration is accurate only to seconds precision");
  }

  /** SP0423 */
  @Test
  void portNumbersAreBetween1And65535() {
    expect(
        """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: shop
          namespace: default
        spec:
          hosts:
          - shop
          http:
          - match:
            - port: 70000
            route:
            - destination:
                host: shop
                port:
                  number: 0
        """,
        "Error [SP0423] (VirtualService default/shop mesh.yaml:11) spec.http[0].match[0].port: port number 70000 must be in the range 1..65535",
        "Error [SP0423] (VirtualService default/shop mesh.yaml:16) spec.http[0].route[0].destination.port.number: port number 0 must be in the range 1..65535");
  }

  /** SP0441 */
  @Test
  void subsetNamesAreDnsLabels() {
    expect(
        """
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: reviews
          namespace: default
        spec:
          host: reviews
          subsets:
          - name: V1.0
            labels:
              version: v1
        ---
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: reviews
          namespace: default
        spec:
          hosts:
          - reviews
          http:
          - route:
            - destination:
                host: reviews
                subset: v1_beta
        """,
        "Error [SP0441] (DestinationRule default/reviews mesh.yaml:9) spec.subsets[0].name: subset name is invalid: V1.0",
        "Error [SP0441] (VirtualService default/reviews mesh.yaml:25) spec.http[0].route[0].destination.subset: subset name is invalid: v1_beta");
  }

  /** SP0442 */
  @Test
  void aVirtualServiceAndItsTcpRoutesRouteSomewhere() {
    expect(
        """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: nothing
          namespace: default
        spec:
          hosts:
          - reviews
        ---
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: db
          namespace: default
        spec:
          hosts:
          - db
          tcp:
          - match:
            - port: 5432
        """,
        "Error [SP0442] (VirtualService default/nothing mesh.yaml:6) spec: http, tcp or tls must be provided in virtual service",
        "Error [SP0442] (VirtualService default/db mesh.yaml:19) spec.tcp[0]: TCP route is required");
  }

  /** SP0445 */
  @Test
  void exportToHasNoDuplicatesAndStarAlone() {
    expect(
        """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: reviews
          namespace: default
        spec:
          hosts:
          - reviews
          exportTo:
          - "."
          - default
          - "*"
          http:
          - route:
            - destination:
                host: reviews
        """,
        "Error [SP0445] (VirtualService default/reviews mesh.yaml:9) spec.exportTo: cannot have both public (*) and non-public exportTo values for a resource",
        "Error [SP0445] (VirtualService default/reviews mesh.yaml:11) spec.exportTo[1]: duplicate entries in exportTo for entry default");
  }

  /** SP0448 */
  @Test
  void jwtClaimRoutingNeedsAGateway() {
    expect(
        """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: reviews
          namespace: default
        spec:
          hosts:
          - reviews
          http:
          - match:
            - headers:
                "@request.auth.claims.group":
                  exact: admin
            route:
            - destination:
                host: reviews
        """,
        "Error [SP0448] (VirtualService default/reviews mesh.yaml:12)"
            + " spec.http[0].match[0].headers[@request.auth.claims.group]: JWT claim based routing"
            + " (key: @request.auth.claims.group) is only supported for gateway, found no gateways:"
            + " []");
  }

  /** SP0451 */
  @Test
  void redirectRewriteAndDirectResponseValues() {
    expect(
        """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: shop
          namespace: default
        spec:
          hosts:
          - shop
          http:
          - redirect:
              uri: /new
              redirectCode: 200
          - redirect:
              scheme: ftp
          - directResponse:
              status: 700
          - rewrite:
              uri: /v2
              uriRegexRewrite:
                match: ^/v1
                rewrite: /v2
            route:
            - destination:
                host: shop
        """,
        "Error [SP0451] (VirtualService default/shop mesh.yaml:12) spec.http[0].redirect.redirectCode: 200 is not a valid redirect code, must be 3xx",
        "Error [SP0451] (VirtualService default/shop mesh.yaml:14) spec.http[1].redirect.scheme: invalid redirect scheme, must be \"http\" or \"https\"",
        "Error [SP0451] (VirtualService default/shop mesh.yaml:16) spec.http[2].directResponse.status: HTTP status 700 is not in range 200-599",
        "Error [SP0451] (VirtualService default/shop mesh.yaml:17) spec.http[3].rewrite: rewrite may only contain one of URI or UriRegexRewrite");
  }

  /** SP0452 */
  @Test
  void faultInjectionValues() {
    expect(
        """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: ratings
          namespace: default
        spec:
          hosts:
          - ratings
          http:
          - fault:
              abort:
                grpcStatus: NOT_FOUNDD
                percentage:
                  value: 150
            route:
            - destination:
                host: ratings
          - fault:
              abort:
                httpStatus: 700
            route:
            - destination:
                host: ratings
        """,
        "Error [SP0452] (VirtualService default/ratings mesh.yaml:12) spec.http[0].fault.abort.grpcStatus: gRPC status \"NOT_FOUNDD\" is not supported. See https://github.com/grpc/grpc/blob/master/doc/statuscodes.md for a list of supported codes, for example 'NOT_FOUND'",
        "Error [SP0452] (VirtualService default/ratings mesh.yaml:14) spec.http[0].fault.abort.percentage.value: percentage 150 is neither 0.0, nor in range [0.0001, 100.0]",
        "Error [SP0452] (VirtualService default/ratings mesh.yaml:20) spec.http[1].fault.abort.httpStatus: HTTP status 700 is not in range 200-599");
  }
}
